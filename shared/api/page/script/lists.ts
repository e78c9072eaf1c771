/** Lists that page with the cursor ("More") and say their own count: the total when the server counted it. */
export const LISTS_JS = String.raw`
  // options: { title, level, path(cursor), render(item), empty, noun, onFirstPage(page) }
  function pagedList(options) {
    var list = el('ol', { class: 'quotes' });
    var more = el('button', { type: 'button', text: 'More', hidden: 'hidden' });
    var heading = el(options.level || 'h2', { text: options.title, tabindex: '-1' });
    var count = el('p', { class: 'count' });
    var cursor = null;
    var shown = 0;
    var total = null;
    function describe() {
      if (shown === 0 && !cursor) return options.empty;
      if (total !== null) return plural(total, options.noun) + (total > shown ? ' (' + shown + ' shown)' : '');
      return shown + (cursor ? '+ ' : ' ') + options.noun + (shown === 1 && !cursor ? '' : 's');
    }
    function load() {
      more.disabled = true;
      say('Loading…');
      var first = shown === 0 && cursor === null;
      return api(options.path(cursor)).then(function (page) {
        if (first && typeof page.total === 'number') total = page.total;
        page.items.forEach(function (item) { list.appendChild(options.render(item)); });
        shown += page.items.length;
        cursor = page.cursor;
        more.hidden = !cursor;
        more.disabled = false;
        count.textContent = describe();
        say('');
        if (first && options.onFirstPage) options.onFirstPage(page);
      }).catch(function (err) { more.disabled = false; say(err.message, true); });
    }
    more.addEventListener('click', load);
    return { node: el('section', { 'aria-label': options.title }, [heading, count, list, more]), load: load, heading: heading };
  }
`;
