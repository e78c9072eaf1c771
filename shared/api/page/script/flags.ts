/**
 * Name flags: each spelling with the sentences it was written in and a link into the document. Writers decide:
 * Confirm at once; Reject (it splits the person for good) only after a second, explicit step (decisionActions,
 * which the merges to review use too).
 */
export const FLAGS_JS = String.raw`
  function mentionContext(flag, mention) {
    var sentence = mention.sentence;
    var at = sentence ? mention.start - sentence.start : -1;
    var words = sentence && at >= 0 && at + mention.text.length <= sentence.text.length
      ? [sentence.text.slice(0, at), el('mark', { text: sentence.text.slice(at, at + mention.text.length) }), sentence.text.slice(at + mention.text.length)]
      : [mention.text];
    return el('li', {}, [
      el('span', { class: 'sentence' }, words), ' ',
      documentLink(flag.documentId, flag.documentTitle, { quote: 'mention', start: mention.start, end: mention.end }),
    ]);
  }

  function variantList(flag) {
    return el('ul', { class: 'variants' }, flag.variants.map(function (variant) {
      return el('li', {}, [
        el('span', { class: 'variant', text: '“' + variant.name + '”' }),
        el('ul', { class: 'mentions' }, variant.mentions.map(function (mention) { return mentionContext(flag, mention); })),
      ]);
    }));
  }

  function decide(flag, action, onDone) {
    say('Saving…');
    return api('/flags/' + encodeURIComponent(flag.id), { method: 'POST', body: { action: action } })
      .then(function (updated) { onDone('Flag ' + updated.status + ': ' + flag.canonical + '.'); })
      .catch(function (err) { say(err.message, true); });
  }

  // A writer's two decisions on one proposal: confirm at once; reject (for good) only after a second, explicit step.
  // options: { confirm, reject, question, yes, dialog, decide(action) }
  function decisionActions(options) {
    var actions = el('div', { class: 'actions' });
    function initial() {
      actions.replaceChildren(
        el('button', { type: 'button', text: options.confirm, onclick: function () { options.decide('confirm'); } }),
        el('button', { type: 'button', text: options.reject, onclick: askToReject }),
      );
    }
    function askToReject() {
      var cancel = el('button', { type: 'button', text: 'Cancel', onclick: function () { initial(); say('Nothing changed.'); } });
      actions.replaceChildren(el('div', { class: 'confirm', role: 'alertdialog', 'aria-label': options.dialog }, [
        el('p', { text: options.question }),
        el('button', { type: 'button', class: 'danger', text: options.yes, onclick: function () { options.decide('reject'); } }),
        ' ', cancel,
      ]));
      cancel.focus();
    }
    initial();
    return actions;
  }

  function flagActions(flag, onDone) {
    var names = [flag.canonical].concat(flag.variants.map(function (v) { return v.name; })).join(' / ');
    return decisionActions({
      confirm: 'Confirm: same person', reject: 'Reject: different people', yes: 'Yes, split them', dialog: 'Confirm the split',
      question: 'Split ' + names + ' into different people for good? Every later extraction keeps them apart, and this document is re-extracted.',
      decide: function (action) { decide(flag, action, onDone); },
    });
  }

  function flagBox(flag, onDone) {
    return el('div', { class: 'flag' }, [
      el('p', {}, [el('strong', { text: flag.canonical }), ' is also spelled:']),
      variantList(flag),
      el('p', { class: 'meta' }, [
        el('span', { text: 'status: ' + flag.status }),
        el('span', { text: 'confidence ' + Math.round(flag.confidence * 100) + '%' }),
      ]),
      flag.status === 'open' && canWrite() ? flagActions(flag, onDone) : null,
    ]);
  }

  function renderFlags(notice) {
    var list = pagedList({
      title: 'Open name flags', noun: 'open flag', empty: 'No open flags.',
      path: function (cursor) { return '/flags' + query({ status: 'open', limit: '20', cursor: cursor }); },
      render: function (flag) {
        return el('li', {}, [
          el('a', { href: '#/speaker/' + encodeURIComponent(flag.speakerId), text: flag.canonical }),
          flagBox(flag, renderFlags),
        ]);
      },
    });
    view.replaceChildren(list.node);
    list.load().then(function () { if (notice) say(notice); });
  }
`;
