/**
 * Uploads for writers: files dropped on the zone or chosen, each with a progress bar (XMLHttpRequest reports upload
 * progress; fetch does not), then followed to its status. A file within the API's body limit (GET /me) is the raw
 * body of POST /documents; a larger one, up to the pipeline's limit, is PUT to S3 by the presigned URL of
 * POST /uploads (the CSP allows that one bucket's origin, the bucket's CORS this page's), and its document id is
 * the SHA-256 of its bytes, as the pipeline names it, computed here to follow it.
 */
import { FILE_TYPES } from '../../../pipeline/ingest-sources.ts';

export const UPLOAD_JS = String.raw`
  var TYPES = ${JSON.stringify(FILE_TYPES)};

  function typeOf(file) {
    var dot = file.name.lastIndexOf('.');
    return TYPES[dot < 0 ? '' : file.name.slice(dot).toLowerCase()] || file.type || 'application/octet-stream';
  }

  // unknownFor: polls a presigned upload's id may take before the pipeline has registered it (404 until then).
  function followStatus(id, line, tries, unknownFor) {
    var again = function (text) { line.textContent = text; setTimeout(function () { followStatus(id, line, tries - 1, Math.max(0, (unknownFor || 0) - 1)); }, 1000); };
    api('/documents/' + encodeURIComponent(id)).then(function (doc) {
      if (doc.status === 'done') line.textContent = 'done: ' + plural(doc.counts ? doc.counts.quotes : 0, 'quote') + '.';
      else if (doc.status === 'failed') line.textContent = 'failed: ' + (doc.reason || 'no reason recorded');
      else if (tries > 0) again(doc.status + '…');
      else line.textContent = doc.status + ' (still working; the document page shows when it is done).';
    }).catch(function (err) {
      if (unknownFor > 0 && tries > 0) again('uploaded; waiting for the pipeline…');
      else line.textContent = err.message;
    });
  }

  function mb(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }

  function documentIdOf(file) {
    return file.arrayBuffer().then(function (bytes) { return crypto.subtle.digest('SHA-256', bytes); }).then(function (digest) {
      return 'd' + Array.prototype.map.call(new Uint8Array(digest), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('').slice(0, 24);
    });
  }

  function trackProgress(xhr, progress, line) {
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
      line.textContent = 'uploading ' + progress.value + '%';
    });
    xhr.addEventListener('error', function () { line.textContent = 'upload failed: the connection broke.'; });
  }

  // Over the body limit: a presigned PUT straight to S3, then the document followed by the id its bytes give it.
  function sendToS3(file, source, progress, line, link) {
    api('/uploads', { method: 'POST', body: { filename: file.name, contentType: typeOf(file), bytes: file.size, source: source || undefined } }).then(function (upload) {
      var xhr = new XMLHttpRequest();
      xhr.open(upload.method, upload.url);
      Object.keys(upload.headers).forEach(function (name) { xhr.setRequestHeader(name, upload.headers[name]); });
      trackProgress(xhr, progress, line);
      xhr.addEventListener('load', function () {
        if (xhr.status !== 200) { line.textContent = 'upload to storage failed (' + xhr.status + ')'; return; }
        progress.value = 100;
        line.textContent = 'uploaded';
        documentIdOf(file).then(function (id) {
          link.replaceChildren(el('a', { href: '#/document/' + encodeURIComponent(id), text: 'open the document' }));
          followStatus(id, line, 60, 30);
        });
      });
      xhr.send(file);
    }).catch(function (err) { line.textContent = err.message; });
  }

  function sendFile(file, source, rows, limits) {
    var progress = el('progress', { max: '100', value: '0', 'aria-label': 'Upload of ' + file.name });
    var line = el('span', { class: 'upload-status', text: 'waiting' });
    var link = el('span');
    rows.appendChild(el('li', { class: 'upload' }, [el('strong', { text: file.name }), ' ', progress, ' ', line, ' ', link]));
    if (file.size > limits.maxUploadBytes) { line.textContent = 'too large: files up to ' + mb(limits.maxUploadBytes) + ' are read.'; return; }
    if (file.size > limits.maxBodyBytes) { sendToS3(file, source, progress, line, link); return; }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/documents' + query({ filename: file.name, source: source }));
    xhr.setRequestHeader('authorization', 'Bearer ' + token());
    xhr.setRequestHeader('content-type', typeOf(file));
    trackProgress(xhr, progress, line);
    xhr.addEventListener('load', function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status !== 202 || !data) { line.textContent = (data && data.detail) || ('upload failed (' + xhr.status + ')'); return; }
      progress.value = 100;
      line.textContent = data.duplicate ? 'already uploaded' : 'queued';
      link.replaceChildren(el('a', { href: '#/document/' + encodeURIComponent(data.id), text: 'open the document' }));
      followStatus(data.id, line, 30);
    });
    xhr.send(file);
  }

  function renderUpload() {
    if (!canWrite()) { view.replaceChildren(el('p', { class: 'reason', text: 'Uploading needs a writer token.' })); return; }
    var rows = el('ol', { class: 'uploads' });
    var input = el('input', { type: 'file', id: 'upload-files', multiple: 'multiple', accept: Object.keys(TYPES).join(',') });
    var source = el('input', { id: 'upload-source', name: 'source', autocomplete: 'off' });
    var zone = el('div', { class: 'dropzone', id: 'dropzone', tabindex: '0', role: 'group', 'aria-label': 'Drop files here' }, [
      el('p', { text: 'Drop files here: text, Markdown, HTML, PDF or Word .docx.' }),
      el('label', { for: 'upload-files', text: 'Or choose files' }), input,
    ]);
    // The limits decide how each file goes up; asked once per visit of the view.
    var limits = api('/me');
    function send(files) {
      limits.then(function (me) { Array.prototype.forEach.call(files, function (file) { sendFile(file, source.value.trim(), rows, me); }); })
        .catch(function (err) { say(err.message, true); });
    }
    input.addEventListener('change', function () { send(input.files); input.value = ''; });
    zone.addEventListener('dragover', function (event) { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      zone.classList.remove('over');
      if (event.dataTransfer && event.dataTransfer.files) send(event.dataTransfer.files);
    });
    view.replaceChildren(el('section', { 'aria-labelledby': 'upload-title' }, [
      el('h2', { id: 'upload-title', text: 'Upload documents' }),
      el('div', { class: 'field' }, [el('label', { for: 'upload-source', text: 'Source (optional)' }), source]),
      zone, rows,
    ]));
  }
`;
