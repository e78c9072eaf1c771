/** Quote search: each quote with its speaker, kind, date and document; searched words marked; facets to narrow by. */
export const QUOTES_JS = String.raw`
  var SEARCH_FIELDS = ['speaker', 'q', 'from', 'to', 'collection', 'kind', 'sort'];

  // The quote text, with the searched words in <mark> when the server cut it into highlight segments.
  function quoteText(quote) {
    if (!quote.highlight) return el('blockquote', { text: quote.text });
    return el('blockquote', {}, quote.highlight.map(function (part) {
      return part.match ? el('mark', { text: part.text }) : part.text;
    }));
  }

  function quoteItem(quote, options) {
    options = options || {};
    var speaker = quote.speakerId
      ? el('a', { href: '#/speaker/' + encodeURIComponent(quote.speakerId), text: quote.speaker || 'unknown speaker' })
      : el('span', { text: quote.speaker || 'unattributed' });
    return el('li', { class: 'quote' }, [
      quoteText(quote),
      el('p', { class: 'meta' }, [
        options.hideSpeaker ? null : speaker,
        quote.spelling ? el('span', { class: 'spelling', text: 'written “' + quote.spelling + '”' }) : null,
        el('span', { class: 'badge', text: quote.kind }),
        el('span', { text: formatDate(quote.publishedAt) }),
        // The offsets travel with the link so the highlight does not depend on which page of quotes is loaded.
        documentLink(quote.documentId, quote.documentTitle, { quote: quote.id, start: quote.start, end: quote.end }),
      ]),
    ]);
  }

  var FACET_TITLES = { collection: 'Collection', speaker: 'Speaker', kind: 'Kind', month: 'Month' };

  // Each facet value is a link to the same search narrowed by it.
  function facetPanel(facets, params) {
    var groups = Object.keys(FACET_TITLES).filter(function (name) { return facets[name] && facets[name].length; }).map(function (name) {
      var values = name === 'month' ? facets.month.slice().reverse() : facets[name];
      return el('div', { class: 'facet' }, [
        el('h3', { text: FACET_TITLES[name] }),
        el('ul', { class: 'plain' }, values.map(function (entry) {
          var narrowed = Object.assign({}, params);
          if (name === 'month') Object.assign(narrowed, monthBounds(entry.value));
          else narrowed[name] = entry.value;
          return el('li', {}, [el('a', { href: '#/search' + query(narrowed), text: entry.value }), ' ', el('span', { class: 'count-badge', text: String(entry.count) })]);
        })),
      ]);
    });
    return groups.length ? el('aside', { class: 'facets', 'aria-label': 'Narrow the results' }, groups) : null;
  }

  function renderSearch(params) {
    SEARCH_FIELDS.forEach(function (key) { $(key).value = params[key] || ''; });
    var any = SEARCH_FIELDS.some(function (key) { return key !== 'sort' && params[key]; });
    if (!any) { view.replaceChildren(el('p', { class: 'hint', text: 'Search by speaker, words or date.' })); return; }
    var filters = {};
    SEARCH_FIELDS.forEach(function (key) { filters[key] = params[key]; });
    var facetSlot = el('div', { class: 'facet-slot' });
    var order = el('p', { class: 'meta' });
    var list = pagedList({
      title: 'Quotes', noun: 'quote', empty: 'No quotes match.',
      path: function (cursor) { return '/quotes' + query(Object.assign({ limit: '20', count: 'true', cursor: cursor }, filters)); },
      render: function (quote) { return quoteItem(quote); },
      onFirstPage: function (page) {
        if (page.facets) facetSlot.replaceChildren(facetPanel(page.facets, filters) || '');
        if (page.sort) order.textContent = page.sort === 'relevance' ? 'Best match first.' : 'Newest first' + (filters.sort === 'relevance' ? ' (too many matches to rank by relevance).' : '.');
      },
    });
    view.replaceChildren(el('div', { class: 'results' }, [el('div', {}, [order, list.node]), facetSlot]));
    list.load();
  }
`;
