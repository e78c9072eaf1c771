/** Claims to check: the corpus's claims by score, filtered by speaker, words, dates, kind and minimum score. */
export const CLAIMS_JS = String.raw`
  var CLAIM_FIELDS = { speaker: 'claim-speaker', q: 'claim-q', from: 'claim-from', to: 'claim-to', collection: 'claim-collection', kind: 'claim-kind', minScore: 'claim-min' };

  function claimItem(claim) {
    var speaker = claim.speakerId
      ? el('a', { href: '#/speaker/' + encodeURIComponent(claim.speakerId), text: claim.speaker || 'unknown speaker' })
      : el('span', { text: claim.speaker || 'not inside a quote' });
    return el('li', { class: 'claim' }, [
      el('blockquote', { text: claim.text }),
      el('p', { class: 'meta' }, [
        el('span', { class: 'score', text: 'score ' + claim.score.toFixed(2) }),
        speaker,
        el('span', {}, claim.kinds.map(function (kind) { return el('span', { class: 'badge', text: kind }); })),
        el('span', { text: formatDate(claim.publishedAt) }),
        documentLink(claim.documentId, claim.documentTitle, { quote: 'claim', start: claim.start, end: claim.end }),
      ]),
    ]);
  }

  function renderClaims(params) {
    Object.keys(CLAIM_FIELDS).forEach(function (key) { $(CLAIM_FIELDS[key]).value = params[key] || ''; });
    var filters = {};
    Object.keys(CLAIM_FIELDS).forEach(function (key) { filters[key] = params[key]; });
    var list = pagedList({
      title: 'Claims, most check-worthy first', noun: 'claim', empty: 'No claims match.',
      path: function (cursor) { return '/claims' + query(Object.assign({ limit: '20', cursor: cursor }, filters)); },
      render: claimItem,
    });
    view.replaceChildren(list.node);
    list.load();
  }

  $('claims-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var params = {};
    Object.keys(CLAIM_FIELDS).forEach(function (key) { params[key] = $(CLAIM_FIELDS[key]).value.trim(); });
    var target = '#/claims' + query(params);
    if (location.hash === target) route(); else location.hash = target;
  });
`;
