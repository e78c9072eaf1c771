/** One document: its metadata and status (why it failed), its text with a quote, claim or spelling highlighted, its quotes. */
export const DOCUMENT_JS = String.raw`
  var HIGHLIGHT_LABELS = { mention: 'The spelling is highlighted below.', claim: 'The claim is highlighted below.' };

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
          : chosen ? el('p', { text: HIGHLIGHT_LABELS[params.quote] || 'The quote is highlighted below.' }) : null,
        body.node, el('h3', { text: 'Quotes in this document' }), list]));
      say('');
      if (body.mark) { body.mark.scrollIntoView({ block: 'center' }); body.mark.focus(); } else heading.focus();
    }).catch(function (err) { say(err.message, true); });
  }
`;
