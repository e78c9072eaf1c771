/** The quote browser's shell. Everything dynamic is built by /assets/app.js with textContent, never innerHTML. */
import { CLAIM_KINDS } from '../../claims/features.ts';
import { QuoteKindSchema } from '../../schema.ts';

const QUOTE_KINDS = QuoteKindSchema.options;
type Option = [value: string, label: string];

// Our own constant markup only: no value here comes from a request or a document.
const select = (id: string, name: string, options: Option[]) =>
  `<select id="${id}" name="${name}">${options.map(([value, label]) => `<option value="${value}">${label}</option>`).join('')}</select>`;

const fields = (list: Array<[id: string, label: string, control: string]>) =>
  list.map(([id, label, control]) => `      <div class="field">\n        <label for="${id}">${label}</label>\n        ${control}\n      </div>`).join('\n');

export const PAGE_HTML = String.raw`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>quotedesk — quote browser</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <h1><a href="#/">quotedesk</a></h1>
  <nav aria-label="Main" id="nav" hidden>
    <a href="#/">Search quotes</a>
    <a href="#/claims">Claims</a>
    <a href="#/speakers">Speakers</a>
    <a href="#/flags">Open flags</a>
    <a href="#/merges">Merges to review</a>
    <a href="#/upload" id="nav-upload" data-writer hidden>Upload</a>
    <span id="role" class="badge"></span>
    <button type="button" id="signout">Forget token</button>
  </nav>
</header>
<main id="main" tabindex="-1">
  <section id="signin" aria-labelledby="signin-title" hidden>
    <h2 id="signin-title">Sign in</h2>
    <form id="token-form">
      <label for="token">Access token</label>
      <input id="token" name="token" type="password" autocomplete="off" required>
      <p class="hint" id="token-hint">Your reader or writer token. It is kept only in this browser tab.</p>
      <button type="submit">Use token</button>
    </form>
  </section>
  <section id="search" aria-labelledby="search-title" hidden>
    <h2 id="search-title">Search quotes</h2>
    <form id="search-form" role="search" aria-label="Quotes">
${fields([
  ['speaker', 'Speaker (any spelling)', '<input id="speaker" name="speaker" list="speaker-suggestions" autocomplete="off"><datalist id="speaker-suggestions"></datalist>'],
  ['q', 'Words', '<input id="q" name="q" type="search">'],
  ['from', 'From', '<input id="from" name="from" type="date">'],
  ['to', 'To', '<input id="to" name="to" type="date">'],
  ['collection', 'Collection', '<input id="collection" name="collection" autocomplete="off">'],
  ['kind', 'Kind', select('kind', 'kind', [['', 'any'], ...QUOTE_KINDS.map((k): Option => [k, k])])],
  ['sort', 'Order', select('sort', 'sort', [['', 'newest first'], ['relevance', 'best match first']])],
])}
      <button type="submit">Search</button>
    </form>
  </section>
  <section id="claims-search" aria-labelledby="claims-title" hidden>
    <h2 id="claims-title">Claims to check</h2>
    <form id="claims-form" role="search" aria-label="Claims">
${fields([
  ['claim-speaker', 'Speaker', '<input id="claim-speaker" name="speaker" autocomplete="off">'],
  ['claim-q', 'Words', '<input id="claim-q" name="q" type="search">'],
  ['claim-from', 'From', '<input id="claim-from" name="from" type="date">'],
  ['claim-to', 'To', '<input id="claim-to" name="to" type="date">'],
  ['claim-collection', 'Collection', '<input id="claim-collection" name="collection" autocomplete="off">'],
  ['claim-kind', 'Kind', select('claim-kind', 'kind', [['', 'any'], ...CLAIM_KINDS.map((k): Option => [k, k])])],
  ['claim-min', 'Minimum score', '<input id="claim-min" name="minScore" type="number" min="0" max="1" step="0.05">'],
])}
      <button type="submit">List claims</button>
    </form>
  </section>
  <p id="status" role="status" aria-live="polite"></p>
  <section id="view" aria-live="off"></section>
</main>
</body>
</html>
`;
