/**
 * Speakers: a directory, most quoted first or by first letter, with quote counts, and a speaker's page with every spelling, open flags,
 * quotes and a chart of quotes per month. The chart library (uPlot, served by the API) loads on this page only.
 */
export const SPEAKERS_JS = String.raw`
  var LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

  // "Dr. · family physician, Valley Family Clinic"
  function speakerDetails(speaker) {
    return [speaker.title, [speaker.role, speaker.organization].filter(Boolean).join(', ')].filter(Boolean).join(' · ');
  }

  // Without a letter: every speaker, most quoted first (GET /speakers without a name).
  function renderDirectory(params) {
    var letter = params.letter ? params.letter.slice(0, 1).toUpperCase() : null;
    var links = [el('a', { href: '#/speakers', text: 'Most quoted', 'aria-current': letter ? null : 'page' })].concat(LETTERS.map(function (l) {
      return el('a', { href: '#/speakers?letter=' + l, text: l, 'aria-current': l === letter ? 'page' : null });
    }));
    var list = pagedList({
      title: letter ? 'Speakers: ' + letter : 'Speakers, most quoted first', noun: 'speaker',
      empty: letter ? 'No speaker’s name starts with ' + letter + '.' : 'No speaker is quoted yet.',
      path: function (cursor) { return '/speakers' + query({ name: letter || '', limit: '50', cursor: cursor }); },
      render: function (speaker) {
        var details = speakerDetails(speaker);
        var counts = plural(speaker.quoteCount, 'quote') + (speaker.documentCount ? ' in ' + plural(speaker.documentCount, 'document') : '');
        return el('li', { class: 'speaker' }, [
          el('a', { href: '#/speaker/' + encodeURIComponent(speaker.id), text: speaker.name }), ' ',
          el('span', { class: 'count-badge', text: counts }),
          details ? el('span', { class: 'meta', text: ' ' + details }) : null,
        ]);
      },
    });
    view.replaceChildren(el('h2', { text: 'Speakers' }), el('nav', { class: 'letters', 'aria-label': 'Directory' }, links), list.node);
    list.load();
  }

  var chartLibrary = null;
  function loadChartLibrary() {
    if (chartLibrary) return chartLibrary;
    chartLibrary = new Promise(function (resolve, reject) {
      document.head.appendChild(el('link', { rel: 'stylesheet', href: '/assets/uplot.css' }));
      var script = el('script', { src: '/assets/uplot.js' });
      script.addEventListener('load', function () { resolve(window.uPlot); });
      script.addEventListener('error', function () { chartLibrary = null; reject(new Error('The chart could not be loaded.')); });
      document.head.appendChild(script);
    });
    return chartLibrary;
  }

  // Every month from the first to the last, with zeros between: x is the month's index, labelled YYYY-MM.
  function monthSeries(months) {
    var counts = {};
    months.forEach(function (m) { counts[m.value] = m.count; });
    var first = months[0].value.split('-').map(Number), last = months[months.length - 1].value.split('-').map(Number);
    var xs = [], ys = [], labels = [];
    for (var y = first[0], m = first[1]; y < last[0] || (y === last[0] && m <= last[1]); m === 12 ? (y++, m = 1) : m++) {
      var key = y + '-' + String(m).padStart(2, '0');
      xs.push(labels.length);
      ys.push(counts[key] || 0);
      labels.push(key);
    }
    return { xs: xs, ys: ys, labels: labels };
  }

  function monthChart(months, slot) {
    if (!months || months.length === 0) { slot.replaceChildren(el('p', { text: 'No dated quotes to chart.' })); return; }
    var series = monthSeries(months);
    // The same figures as text, for screen readers and for anyone who wants the numbers.
    var table = el('ul', { class: 'plain month-counts' }, months.map(function (m) { return el('li', { text: m.value + ': ' + plural(m.count, 'quote') }); }));
    var canvas = el('div', { class: 'chart', role: 'img', 'aria-label': 'Quotes per month, ' + series.labels[0] + ' to ' + series.labels[series.labels.length - 1] });
    slot.replaceChildren(canvas, table);
    loadChartLibrary().then(function (uPlot) {
      var width = Math.min(720, Math.max(320, slot.clientWidth || 640));
      // At most about eight month labels, whatever the span.
      var step = Math.max(1, Math.ceil(series.labels.length / 8));
      var ticks = series.xs.filter(function (x) { return x % step === 0; });
      var top = Math.max.apply(null, series.ys);
      new uPlot({
        width: width, height: 220,
        scales: { x: { time: false, range: [-0.5, series.xs.length - 0.5] }, y: { range: [0, Math.max(1, top)] } },
        axes: [
          { splits: function () { return ticks; }, values: function (u, splits) { return splits.map(function (x) { return series.labels[x] || ''; }); } },
          { splits: function () { var out = []; for (var v = 0; v <= top; v += Math.max(1, Math.ceil(top / 5))) out.push(v); return out; } },
        ],
        cursor: { show: false },
        legend: { show: false },
        series: [{}, { label: 'Quotes', fill: 'rgba(11, 87, 208, 0.35)', stroke: '#0b57d0', paths: uPlot.paths.bars({ size: [0.7, 48] }), points: { show: false } }],
      }, [series.xs, series.ys], canvas);
    }).catch(function (err) { canvas.replaceChildren(el('p', { class: 'reason', text: err.message })); });
  }

  // notice: what to announce once the view has loaded (e.g. the outcome of a flag decision).
  function renderSpeaker(id, notice) {
    say('Loading…');
    api('/speakers/' + encodeURIComponent(id)).then(function (speaker) {
      var heading = el('h2', { text: speaker.name, tabindex: '-1', id: 'speaker-name' });
      var details = speakerDetails(speaker);
      var variants = el('ul', { class: 'plain spellings' }, speaker.variants.map(function (v) { return el('li', { text: v }); }));
      var flags = el('div', {}, speaker.flags.length
        ? speaker.flags.map(function (flag) { return flagBox(flag, function (message) { renderSpeaker(id, message); }); })
        : [el('p', { text: 'No open name flags.' })]);
      var chart = el('div', { class: 'chart-slot' }, [el('p', { text: 'Counting quotes…' })]);
      var quotes = pagedList({
        title: 'Quotes by ' + speaker.name, level: 'h3', noun: 'quote', empty: 'No quotes.',
        path: function (cursor) { return '/quotes' + query({ speakerId: speaker.id, limit: '20', count: 'true', cursor: cursor }); },
        render: function (quote) { return quoteItem(quote, { hideSpeaker: true }); },
        onFirstPage: function (page) {
          if (page.facets) monthChart(page.facets.month, chart);
          else chart.replaceChildren(el('p', { text: 'Too many quotes to chart here.' }));
        },
      });
      view.replaceChildren(el('article', { 'aria-labelledby': 'speaker-name' }, [
        heading,
        details ? el('p', { text: details }) : null,
        el('p', { class: 'meta' }, [el('span', { text: plural(speaker.quoteCount, 'quote') })]),
        el('h3', { text: 'Quotes per month' }), chart,
        el('h3', { text: 'Spellings' }), variants,
        el('h3', { text: 'Open name flags' }), flags,
        quotes.node,
      ]));
      heading.focus();
      quotes.load().then(function () { if (notice) say(notice); });
    }).catch(function (err) { say(err.message, true); });
  }
`;
