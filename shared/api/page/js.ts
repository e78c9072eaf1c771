/**
 * The quote browser's script: hash routes (#/, #/speaker/ID, #/document/ID?quote=QID, #/flags) over the JSON API.
 * Every string from a document or the index reaches the DOM through textContent or an attribute set by the DOM API,
 * so markup inside a quote is shown as text and never runs.
 */
export const PAGE_JS = String.raw`'use strict';
(function () {
  var TOKEN_KEY = 'quotedesk.token';
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $('status');
  var view = $('view');

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === 'text') node.textContent = props[key];
        else if (key === 'class') node.className = props[key];
        else if (key.indexOf('on') === 0) node.addEventListener(key.slice(2), props[key]);
        else node.setAttribute(key, props[key]);
      });
    }
    (children || []).forEach(function (child) {
      if (child == null) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function say(message, isError) {
    statusEl.textContent = message || '';
    statusEl.className = isError ? 'error' : '';
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function api(path, options) {
    options = options || {};
    var headers = { authorization: 'Bearer ' + token() };
    if (options.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined })
      .then(function (res) {
        return res.text().then(function (body) {
          var data = null;
          try { data = body ? JSON.parse(body) : null; } catch (e) { data = null; }
          if (res.status === 401) {
            sessionStorage.removeItem(TOKEN_KEY);
            showSignin('That token was not accepted. Enter a valid token.');
            throw new Error('not signed in');
          }
          if (!res.ok) throw new Error((data && data.detail) || ('Request failed (' + res.status + ')'));
          return data;
        });
      });
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (key) {
      if (params[key]) parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(params[key]));
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function parseHash() {
    var hash = location.hash.replace(/^#/, '') || '/';
    var q = hash.indexOf('?');
    var path = q < 0 ? hash : hash.slice(0, q);
    var params = {};
    new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)).forEach(function (v, k) { params[k] = v; });
    var parts = path.split('/').filter(Boolean).map(function (part) {
      try { return decodeURIComponent(part); } catch (e) { return part; }
    });
    return { parts: parts, params: params };
  }

  function showSignin(message) {
    $('signin').hidden = false;
    $('search').hidden = true;
    $('signout').hidden = true;
    view.replaceChildren();
    say(message || '', !!message);
    $('token').focus();
  }

  function formatDate(value) { return value ? String(value).slice(0, 10) : 'date unknown'; }

  function quoteItem(quote, options) {
    options = options || {};
    // The offsets travel with the link so the highlight does not depend on which page of quotes is loaded.
    var docHref = '#/document/' + encodeURIComponent(quote.documentId) + query({ quote: quote.id, start: String(quote.start), end: String(quote.end) });
    var speaker = quote.speakerId
      ? el('a', { href: '#/speaker/' + encodeURIComponent(quote.speakerId), text: quote.speaker || 'unknown speaker' })
      : el('span', { text: quote.speaker || 'unattributed' });
    return el('li', { class: 'quote' }, [
      el('blockquote', { text: quote.text }),
      el('p', { class: 'meta' }, [
        options.hideSpeaker ? null : speaker,
        quote.spelling ? el('span', { class: 'spelling', text: 'written “' + quote.spelling + '”' }) : null,
        el('span', { class: 'badge', text: quote.kind }),
        el('span', { text: formatDate(quote.publishedAt) }),
        el('a', { href: docHref, text: quote.documentTitle ? 'in “' + quote.documentTitle + '”' : 'in its document' }),
      ]),
    ]);
  }

  // A list that fetches page after page with the cursor on "More".
  function pagedList(title, pathFor, render, emptyText, level) {
    var list = el('ol', { class: 'quotes' });
    var more = el('button', { type: 'button', text: 'More', hidden: 'hidden' });
    var heading = el(level || 'h2', { text: title, tabindex: '-1' });
    var cursor = null;
    var count = 0;
    function load() {
      more.disabled = true;
      say('Loading…');
      return api(pathFor(cursor)).then(function (page) {
        page.items.forEach(function (item) { list.appendChild(render(item)); });
        count += page.items.length;
        cursor = page.cursor;
        more.hidden = !cursor;
        more.disabled = false;
        say(count === 0 ? emptyText : count + (cursor ? '+' : '') + ' result' + (count === 1 ? '' : 's'));
      }).catch(function (err) { more.disabled = false; say(err.message, true); });
    }
    more.addEventListener('click', load);
    return { node: el('section', { 'aria-label': title }, [heading, list, more]), load: load, heading: heading };
  }

  function renderSearch(params) {
    ['speaker', 'q', 'from', 'to', 'kind'].forEach(function (key) { $(key).value = params[key] || ''; });
    var any = ['speaker', 'q', 'from', 'to', 'kind'].some(function (key) { return params[key]; });
    if (!any) { view.replaceChildren(); say('Search by speaker, words or date.'); return; }
    var filters = {
      speaker: params.speaker, q: params.q, kind: params.kind,
      from: params.from, to: params.to,
    };
    var list = pagedList('Quotes', function (cursor) {
      return '/quotes' + query(Object.assign({ limit: '20', cursor: cursor }, filters));
    }, function (quote) { return quoteItem(quote); }, 'No quotes match.');
    view.replaceChildren(list.node);
    list.load();
  }

  function flagBox(flag, onDone) {
    var actions = el('div', { class: 'actions' });
    var box = el('div', { class: 'flag' }, [
      el('p', {}, [
        el('strong', { text: flag.canonical }),
        ' is also spelled ',
        el('span', { text: flag.variants.map(function (v) { return '“' + v + '”'; }).join(', ') }),
      ]),
      el('p', { class: 'meta' }, [
        el('span', { text: 'status: ' + flag.status }),
        el('span', { text: 'confidence ' + Math.round(flag.confidence * 100) + '%' }),
      ]),
      actions,
    ]);
    if (flag.status === 'open') {
      ['confirm', 'reject'].forEach(function (action) {
        var label = action === 'confirm' ? 'Confirm: same person' : 'Reject: different people';
        actions.appendChild(el('button', {
          type: 'button', text: label,
          onclick: function () {
            say('Saving…');
            api('/flags/' + encodeURIComponent(flag.id), { method: 'POST', body: { action: action } })
              .then(function (updated) { onDone('Flag ' + updated.status + ': ' + flag.canonical + '.'); })
              .catch(function (err) { say(err.message, true); });
          },
        }));
      });
    }
    return box;
  }

  // notice: what to announce once the view has loaded (e.g. the outcome of a flag decision).
  function renderSpeaker(id, notice) {
    say('Loading…');
    api('/speakers/' + encodeURIComponent(id)).then(function (speaker) {
      var heading = el('h2', { text: speaker.name, tabindex: '-1' });
      var details = [speaker.title, speaker.role, speaker.organization].filter(Boolean).join(', ');
      var variants = el('ul', { class: 'plain' }, speaker.variants.map(function (v) { return el('li', { text: v }); }));
      var flags = el('div', {}, speaker.flags.length
        ? speaker.flags.map(function (flag) { return flagBox(flag, function (message) { renderSpeaker(id, message); }); })
        : [el('p', { text: 'No open name flags.' })]);
      var quotes = pagedList('Quotes by ' + speaker.name, function (cursor) {
        return '/quotes' + query({ speakerId: speaker.id, limit: '20', cursor: cursor });
      }, function (quote) { return quoteItem(quote, { hideSpeaker: true }); }, 'No quotes.', 'h3');
      view.replaceChildren(el('article', { 'aria-labelledby': 'speaker-name' }, [
        heading,
        details ? el('p', { text: details }) : null,
        el('p', { class: 'meta' }, [el('span', { text: speaker.quoteCount + ' quote' + (speaker.quoteCount === 1 ? '' : 's') })]),
        el('h3', { text: 'Spellings' }), variants,
        el('h3', { text: 'Open name flags' }), flags,
        quotes.node,
      ]));
      heading.id = 'speaker-name';
      heading.focus();
      quotes.load().then(function () { if (notice) say(notice); });
    }).catch(function (err) { say(err.message, true); });
  }

  function highlighted(text, start, end) {
    var mark = el('mark', { text: text.slice(start, end), id: 'highlight', tabindex: '-1' });
    return { node: el('div', { class: 'doc-text' }, [text.slice(0, start), mark, text.slice(end)]), mark: mark };
  }

  function renderDocument(id, params) {
    say('Loading…');
    var base = '/documents/' + encodeURIComponent(id);
    api(base).then(function (doc) {
      // Only a processed document has text and quotes; otherwise show its status and, when it failed, why.
      if (doc.status !== 'done') return [doc, null, []];
      return Promise.all([api(base + '/text'), api(base + '/quotes?limit=100')]).then(function (more) {
        return [doc, more[0].text, more[1].items];
      });
    }).then(function (results) {
      var doc = results[0], text = results[1], quotes = results[2];
      var heading = el('h2', { text: doc.title || 'Untitled document', tabindex: '-1' });
      var meta = el('p', { class: 'meta' }, [
        el('span', { text: formatDate(doc.publishedAt) }),
        doc.source ? el('span', { text: doc.source }) : null,
        doc.url && /^https?:/i.test(doc.url) ? el('a', { href: doc.url, rel: 'noopener noreferrer', text: 'original' }) : null,
        el('span', { text: 'status: ' + doc.status }),
      ]);
      if (text === null) {
        view.replaceChildren(el('article', {}, [heading, meta,
          el('p', { class: 'reason', text: doc.status === 'failed' ? 'Processing failed: ' + (doc.reason || 'no reason recorded') : 'Not processed yet.' })]));
        say('');
        heading.focus();
        return;
      }
      var chosen = quotes.filter(function (q) { return q.id === params.quote; })[0];
      var start = Number(params.start), end = Number(params.end);
      if (!chosen && params.quote && start >= 0 && end > start && end <= text.length) {
        chosen = { start: start, end: end, speaker: null };
      }
      var body = chosen ? highlighted(text, chosen.start, chosen.end) : { node: el('div', { class: 'doc-text', text: text }), mark: null };
      var list = el('ol', { class: 'quotes' }, quotes.map(function (q) { return quoteItem(q); }));
      view.replaceChildren(el('article', {}, [heading, meta,
        chosen && chosen.speaker ? el('p', {}, ['Quote by ', el('strong', { text: chosen.speaker }), ' highlighted below.'])
          : chosen ? el('p', { text: 'The quote is highlighted below.' }) : null,
        body.node, el('h3', { text: 'Quotes in this document' }), list]));
      say('');
      if (body.mark) { body.mark.scrollIntoView({ block: 'center' }); body.mark.focus(); } else heading.focus();
    }).catch(function (err) { say(err.message, true); });
  }

  function renderFlags(notice) {
    var list = pagedList('Open name flags', function (cursor) {
      return '/flags' + query({ status: 'open', limit: '20', cursor: cursor });
    }, function (flag) {
      return el('li', {}, [
        el('a', { href: '#/speaker/' + encodeURIComponent(flag.speakerId), text: flag.canonical }),
        flagBox(flag, renderFlags),
      ]);
    }, 'No open flags.');
    view.replaceChildren(list.node);
    list.load().then(function () { if (notice) say(notice); });
  }

  function route() {
    if (!token()) { showSignin(); return; }
    $('signin').hidden = true;
    $('signout').hidden = false;
    var r = parseHash();
    $('search').hidden = r.parts.length > 0 && r.parts[0] !== 'search';
    if (r.parts[0] === 'speaker' && r.parts[1]) renderSpeaker(r.parts[1]);
    else if (r.parts[0] === 'document' && r.parts[1]) renderDocument(r.parts[1], r.params);
    else if (r.parts[0] === 'flags') renderFlags();
    else renderSearch(r.params);
  }

  // Variant suggestions: every spelling of speakers whose name or variant starts with what was typed.
  var suggestTimer = null;
  function suggest() {
    var prefix = $('speaker').value.trim();
    clearTimeout(suggestTimer);
    if (prefix.length < 2) return;
    suggestTimer = setTimeout(function () {
      api('/speakers' + query({ name: prefix, limit: '8' })).then(function (page) {
        var options = [];
        page.items.forEach(function (speaker) {
          [speaker.name].concat(speaker.variants).forEach(function (spelling) {
            if (options.some(function (o) { return o.value === spelling; })) return;
            var option = el('option', { value: spelling });
            option.textContent = spelling === speaker.name ? speaker.name : spelling + ' → ' + speaker.name;
            options.push(option);
          });
        });
        $('speaker-suggestions').replaceChildren.apply($('speaker-suggestions'), options);
      }).catch(function () { /* suggestions are optional */ });
    }, 150);
  }

  $('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    route();
  });
  $('signout').addEventListener('click', function () { sessionStorage.removeItem(TOKEN_KEY); showSignin('Token forgotten.'); });
  $('speaker').addEventListener('input', suggest);
  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var params = {};
    ['speaker', 'q', 'from', 'to', 'kind'].forEach(function (key) { params[key] = $(key).value.trim(); });
    var target = '#/search' + query(params);
    if (location.hash === target) route(); else location.hash = target;
  });
  window.addEventListener('hashchange', route);
  route();
})();
`;
