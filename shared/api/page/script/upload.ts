/**
 * Uploads for writers: files dropped on the zone or chosen, each sent as the raw body of POST /documents with its
 * name, with a progress bar (XMLHttpRequest reports upload progress; fetch does not), then followed to its status.
 * Files over the API's body limit are refused (413) and named for `quotedesk ingest`: the presigned S3 PUT of
 * POST /uploads goes to another origin, which the page's CSP does not allow.
 */
import { FILE_TYPES } from '../../../pipeline/ingest-sources.ts';

export const UPLOAD_JS = String.raw`
  var TYPES = ${JSON.stringify(FILE_TYPES)};

  function typeOf(file) {
    var dot = file.name.lastIndexOf('.');
    return TYPES[dot < 0 ? '' : file.name.slice(dot).toLowerCase()] || file.type || 'application/octet-stream';
  }

  function followStatus(id, line, tries) {
    api('/documents/' + encodeURIComponent(id)).then(function (doc) {
      if (doc.status === 'done') line.textContent = 'done: ' + plural(doc.counts ? doc.counts.quotes : 0, 'quote') + '.';
      else if (doc.status === 'failed') line.textContent = 'failed: ' + (doc.reason || 'no reason recorded');
      else if (tries > 0) { line.textContent = doc.status + '…'; setTimeout(function () { followStatus(id, line, tries - 1); }, 1000); }
      else line.textContent = doc.status + ' (still working; the document page shows when it is done).';
    }).catch(function (err) { line.textContent = err.message; });
  }

  function sendFile(file, source, rows) {
    var progress = el('progress', { max: '100', value: '0', 'aria-label': 'Upload of ' + file.name });
    var line = el('span', { class: 'upload-status', text: 'waiting' });
    var link = el('span');
    rows.appendChild(el('li', { class: 'upload' }, [el('strong', { text: file.name }), ' ', progress, ' ', line, ' ', link]));
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/documents' + query({ filename: file.name, source: source }));
    xhr.setRequestHeader('authorization', 'Bearer ' + token());
    xhr.setRequestHeader('content-type', typeOf(file));
    xhr.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
      line.textContent = 'uploading ' + progress.value + '%';
    });
    xhr.addEventListener('load', function () {
      var data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status === 413) { line.textContent = 'too large for the page: upload it with "quotedesk ingest".'; return; }
      if (xhr.status !== 202 || !data) { line.textContent = (data && data.detail) || ('upload failed (' + xhr.status + ')'); return; }
      progress.value = 100;
      line.textContent = data.duplicate ? 'already uploaded' : 'queued';
      link.replaceChildren(el('a', { href: '#/document/' + encodeURIComponent(data.id), text: 'open the document' }));
      followStatus(data.id, line, 30);
    });
    xhr.addEventListener('error', function () { line.textContent = 'upload failed: the connection broke.'; });
    xhr.send(file);
  }

  function renderUpload() {
    if (!canWrite()) { view.replaceChildren(el('p', { class: 'reason', text: 'Uploading needs a writer token.' })); return; }
    var rows = el('ol', { class: 'uploads' });
    var input = el('input', { type: 'file', id: 'upload-files', multiple: 'multiple', accept: Object.keys(TYPES).join(',') });
    var source = el('input', { id: 'upload-source', name: 'source', autocomplete: 'off' });
    var zone = el('div', { class: 'dropzone', id: 'dropzone', tabindex: '0', role: 'group', 'aria-label': 'Drop files here' }, [
      el('p', { text: 'Drop files here: text, Markdown, HTML, PDF or Word .docx (larger files: quotedesk ingest).' }),
      el('label', { for: 'upload-files', text: 'Or choose files' }), input,
    ]);
    function send(files) { Array.prototype.forEach.call(files, function (file) { sendFile(file, source.value.trim(), rows); }); }
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
