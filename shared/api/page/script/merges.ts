/**
 * Merges to review: a document's speaker credited to one of the corpus's people by a surname or title, with the
 * evidence and confidence. Writers confirm, or reject (the document is re-extracted and the person left out).
 */
export const MERGES_JS = String.raw`
  function decideMerge(merge, action, onDone) {
    say('Saving…');
    return api('/merges/' + encodeURIComponent(merge.id), { method: 'POST', body: { action: action } })
      .then(function (updated) { onDone('Merge ' + updated.status + ': “' + merge.name + '” and ' + merge.canonical + '.'); })
      .catch(function (err) { say(err.message, true); });
  }

  function mergeBox(merge, onDone) {
    return el('div', { class: 'merge' }, [
      el('p', {}, [
        '“', el('strong', { text: merge.name }), '” ', documentLink(merge.documentId, merge.documentTitle),
        ' was taken for ', el('a', { href: '#/speaker/' + encodeURIComponent(merge.speakerId), text: merge.canonical }), '.',
      ]),
      el('p', { class: 'meta' }, [
        el('span', { text: 'why: ' + merge.evidence.join('; ') }),
        el('span', { text: 'confidence ' + Math.round(merge.confidence * 100) + '%' }),
        el('span', { text: 'status: ' + merge.status }),
      ]),
      merge.status === 'open' && canWrite() ? decisionActions({
        confirm: 'Confirm: same person', reject: 'Reject: someone else', yes: 'Yes, keep them apart', dialog: 'Confirm the rejection',
        question: 'Is “' + merge.name + '” in this document someone other than ' + merge.canonical + '? The document is re-extracted and never credits ' + merge.canonical + ' with that name again.',
        decide: function (action) { decideMerge(merge, action, onDone); },
      }) : null,
    ]);
  }

  function renderMerges(notice) {
    var list = pagedList({
      title: 'Merges to review', noun: 'merge to review', empty: 'No merges to review.',
      path: function (cursor) { return '/merges' + query({ status: 'open', limit: '20', cursor: cursor }); },
      render: function (merge) { return el('li', {}, [mergeBox(merge, renderMerges)]); },
    });
    view.replaceChildren(list.node);
    list.load().then(function () { if (notice) say(notice); });
  }
`;
