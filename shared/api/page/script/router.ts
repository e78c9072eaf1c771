/**
 * Sign-in and routing. A token is checked with GET /me before it is kept, so a wrong one is refused at once, and the
 * role it carries decides which actions the page shows (readers see no writer actions).
 */
export const ROUTER_JS = String.raw`
  var FORMS = ['search', 'claims-search'];

  function showSignin(message) {
    $('signin').hidden = false;
    $('nav').hidden = true;
    FORMS.forEach(function (id) { $(id).hidden = true; });
    view.replaceChildren();
    say(message || '', !!message);
    $('token').focus();
  }

  function showRole() {
    $('role').textContent = canWrite() ? 'writer' : 'reader';
    Array.prototype.forEach.call(document.querySelectorAll('[data-writer]'), function (node) { node.hidden = !canWrite(); });
  }

  function signIn(candidate) {
    say('Checking the token…');
    return fetch('/me', { headers: { authorization: 'Bearer ' + candidate } }).then(function (res) {
      return readBody(res).then(function (data) {
        if (res.status === 401 || res.status === 403) { forget(); showSignin('That token was not accepted. Enter a valid token.'); return false; }
        if (!res.ok || !data || !data.role) throw new Error((data && data.detail) || ('Sign-in failed (' + res.status + ')'));
        sessionStorage.setItem(TOKEN_KEY, candidate);
        sessionStorage.setItem(ROLE_KEY, data.role);
        return true;
      });
    }).catch(function (err) { showSignin(err.message); return false; });
  }

  function route() {
    if (!token()) { showSignin(); return; }
    if (!role()) { signIn(token()).then(function (ok) { if (ok) route(); }); return; }
    say('');
    $('signin').hidden = true;
    $('nav').hidden = false;
    showRole();
    var r = parseHash();
    var section = r.parts[0] || 'search';
    $('search').hidden = section !== 'search';
    $('claims-search').hidden = section !== 'claims';
    if (section === 'speaker' && r.parts[1]) renderSpeaker(r.parts[1]);
    else if (section === 'speakers') renderDirectory(r.params);
    else if (section === 'document' && r.parts[1]) renderDocument(r.parts[1], r.params);
    else if (section === 'flags') renderFlags();
    else if (section === 'merges') renderMerges();
    else if (section === 'claims') renderClaims(r.params);
    else if (section === 'upload') renderUpload();
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
    var candidate = $('token').value.trim();
    $('token').value = '';
    signIn(candidate).then(function (ok) { if (ok) route(); });
  });
  $('signout').addEventListener('click', function () { forget(); showSignin('Token forgotten.'); });
  $('speaker').addEventListener('input', suggest);
  $('search-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var params = {};
    SEARCH_FIELDS.forEach(function (key) { params[key] = $(key).value.trim(); });
    var target = '#/search' + query(params);
    if (location.hash === target) route(); else location.hash = target;
  });
  window.addEventListener('hashchange', route);
  route();
`;
