/** The quote browser's shell. Everything dynamic is built by /assets/app.js with textContent, never innerHTML. */
import { CLAIM_KINDS } from '../../claims/features.ts';

const claimKindOptions = CLAIM_KINDS.map((kind) => `<option value="${kind}">${kind}</option>`).join('\n          ');

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
      <div class="field">
        <label for="speaker">Speaker (any spelling)</label>
        <input id="speaker" name="speaker" list="speaker-suggestions" autocomplete="off">
        <datalist id="speaker-suggestions"></datalist>
      </div>
      <div class="field">
        <label for="q">Words</label>
        <input id="q" name="q" type="search">
      </div>
      <div class="field">
        <label for="from">From</label>
        <input id="from" name="from" type="date">
      </div>
      <div class="field">
        <label for="to">To</label>
        <input id="to" name="to" type="date">
      </div>
      <div class="field">
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          <option value="">any</option>
          <option value="direct">direct</option>
          <option value="indirect">indirect</option>
          <option value="mixed">mixed</option>
        </select>
      </div>
      <div class="field">
        <label for="sort">Order</label>
        <select id="sort" name="sort">
          <option value="">newest first</option>
          <option value="relevance">best match first</option>
        </select>
      </div>
      <button type="submit">Search</button>
    </form>
  </section>
  <section id="claims-search" aria-labelledby="claims-title" hidden>
    <h2 id="claims-title">Claims to check</h2>
    <form id="claims-form" role="search" aria-label="Claims">
      <div class="field">
        <label for="claim-speaker">Speaker</label>
        <input id="claim-speaker" name="speaker" autocomplete="off">
      </div>
      <div class="field">
        <label for="claim-q">Words</label>
        <input id="claim-q" name="q" type="search">
      </div>
      <div class="field">
        <label for="claim-from">From</label>
        <input id="claim-from" name="from" type="date">
      </div>
      <div class="field">
        <label for="claim-to">To</label>
        <input id="claim-to" name="to" type="date">
      </div>
      <div class="field">
        <label for="claim-kind">Kind</label>
        <select id="claim-kind" name="kind">
          <option value="">any</option>
          ${claimKindOptions}
        </select>
      </div>
      <div class="field">
        <label for="claim-min">Minimum score</label>
        <input id="claim-min" name="minScore" type="number" min="0" max="1" step="0.05">
      </div>
      <button type="submit">List claims</button>
    </form>
  </section>
  <p id="status" role="status" aria-live="polite"></p>
  <section id="view" aria-live="off"></section>
</main>
</body>
</html>
`;
