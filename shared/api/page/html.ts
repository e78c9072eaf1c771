/** The quote browser's shell. Everything dynamic is built by /assets/app.js with textContent, never innerHTML. */
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
  <nav aria-label="Main">
    <a href="#/">Search quotes</a>
    <a href="#/flags">Open flags</a>
    <button type="button" id="signout" hidden>Forget token</button>
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
      <button type="submit">Search</button>
    </form>
  </section>
  <p id="status" role="status" aria-live="polite"></p>
  <section id="view" aria-live="off"></section>
</main>
</body>
</html>
`;
