/** The page script's base: DOM building (textContent only), the status line, the session (token and role), API calls. */
export const CORE_JS = String.raw`
  var TOKEN_KEY = 'quotedesk.token';
  var ROLE_KEY = 'quotedesk.role';
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $('status');
  var view = $('view');

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (props[key] == null) return;
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

  // The status line is for what is happening now (loading, errors, the outcome of an action); each route clears it.
  function say(message, isError) {
    statusEl.textContent = message || '';
    statusEl.className = isError ? 'error' : '';
  }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  function role() { return sessionStorage.getItem(ROLE_KEY); }
  function canWrite() { return role() === 'writer'; }
  function forget() { sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(ROLE_KEY); }

  function readBody(res) {
    return res.text().then(function (body) {
      try { return body ? JSON.parse(body) : null; } catch (e) { return null; }
    });
  }

  function api(path, options) {
    options = options || {};
    var headers = { authorization: 'Bearer ' + token() };
    if (options.body) headers['content-type'] = 'application/json';
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body ? JSON.stringify(options.body) : undefined })
      .then(function (res) {
        return readBody(res).then(function (data) {
          if (res.status === 401) {
            forget();
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

  function formatDate(value) { return value ? String(value).slice(0, 10) : 'date unknown'; }

  function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }

  // "2024-03" → the first and last day of that month, for date filters.
  function monthBounds(month) {
    var parts = month.split('-').map(Number);
    var last = new Date(Date.UTC(parts[0], parts[1], 0)).getUTCDate();
    return { from: month + '-01', to: month + '-' + String(last).padStart(2, '0') };
  }

  function documentLink(documentId, title, span) {
    var href = '#/document/' + encodeURIComponent(documentId) + (span ? query({ quote: span.quote, start: String(span.start), end: String(span.end) }) : '');
    return el('a', { href: href, text: title ? 'in “' + title + '”' : 'in its document' });
  }
`;
