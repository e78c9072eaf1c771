/**
 * Every route of the API over the real storage adapters (dynalite + s3rver through the AWS SDK),
 * with documents indexed the way the pipeline stores them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.ts';
import type { ApiApp } from '#shared/api/deps.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { allMatches } from '#shared/api/quote-search.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { PgliteSql } from '../../shared/storage/sql-pglite.ts';
import { searchServices, useSearchDatabase } from '../../shared/storage/search-database.ts';
import { speakerIdFor } from '#shared/pipeline/identity.ts';
import { KRISTIN, STATEMENT, UNION_STORY, XSS_PAYLOAD, seedDocument, seriesDocuments } from '../fixtures/api/seed.ts';

const WRITER = 'writer-token-for-tests-0123456789';
const READER = 'reader-token-for-tests-0123456789';
const SERIES = 26;

let aws: LocalAws;
let app: ApiApp;
let index: DynamoIndexStore;
let documents: S3DocumentStore;
let sql: PgliteSql;
const reprocessed: string[] = [];

function call(path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = READER, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return app.request(path, { ...rest, headers });
}

async function getJson(path: string, token: string = READER) {
  const res = await call(path, { token });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

function postJson(path: string, body: unknown, token: string = WRITER) {
  return call(path, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Follows cursors to the end, checking each page's shape. */
async function allPages(path: string, limit: number) {
  const items: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: any = await getJson(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

beforeAll(async () => {
  aws = await startLocalAws();
  sql = await PgliteSql.open();
  useSearchDatabase(sql);
  const deps = depsFromEnv(
    { QUOTEDESK_WRITER_TOKEN: WRITER, QUOTEDESK_READER_TOKEN: READER, QUOTEDESK_API_MAX_BODY_BYTES: '20000' },
    { reprocess: async (id) => void reprocessed.push(id) },
  );
  index = deps.index as DynamoIndexStore;
  documents = deps.documents as S3DocumentStore;
  app = createApp({ ...deps, log: () => undefined });
  const projection = (await searchServices())!.projection;
  await seedDocument(index, documents, UNION_STORY, projection);
  await seedDocument(index, documents, STATEMENT, projection);
  for (const doc of seriesDocuments(SERIES)) await seedDocument(index, documents, doc, projection);
});

afterAll(async () => {
  useSearchDatabase(undefined);
  await sql?.close();
  await aws?.stop();
});

describe('health, OpenAPI and the page', () => {
  it('answers /health without a token', async () => {
    const res = await call('/health', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('generates /openapi.json from the route schemas, with bearer security', async () => {
    const spec: any = await getJson('/openapi.json');
    expect(spec.openapi).toBe('3.1.0');
    for (const path of ['/documents', '/documents/{id}', '/documents/{id}/quotes', '/documents/{id}/claims', '/documents/{id}/flags', '/claims', '/claims/{id}/similar', '/uploads', '/quotes', '/speakers', '/speakers/{id}', '/flags', '/flags/{id}', '/merges', '/merges/{id}', '/feeds', '/feeds/{id}', '/health']) {
      expect(spec.paths[path], path).toBeDefined();
    }
    expect(spec.paths['/quotes'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['speaker', 'q', 'from', 'to', 'source', 'kind', 'limit', 'cursor']));
    expect(spec.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(spec.components.schemas.Problem).toBeDefined();
  });

  it('serves the page shell without a token, under a strict Content-Security-Policy', async () => {
    const res = await call('/', { token: null });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<main id="main"');
    expect(html).not.toMatch(/<script>(?!<\/)/); // no inline script
    const js = await call('/assets/app.js', { token: null });
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).not.toContain('innerHTML');
  });
});

describe('authentication', () => {
  it('401s a missing or wrong token with problem+json', async () => {
    for (const token of [null, 'not-the-right-token-at-all']) {
      const res = await call('/quotes', { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      const body: any = await res.json();
      expect(body.detail).toMatch(/token/i);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
  });

  it('GET /me says which role a token carries and the upload limits, and 401s a wrong one', async () => {
    expect(await getJson('/me', READER)).toEqual({ role: 'reader', maxBodyBytes: 20000, maxUploadBytes: 5 * 1024 * 1024 });
    expect(await getJson('/me', WRITER)).toMatchObject({ role: 'writer' });
    expect((await call('/me', { token: 'not-the-right-token-at-all' })).status).toBe(401);
  });

  it('403s a reader on every write route; a writer may read', async () => {
    const writes: Array<[string, string]> = [
      ['POST', '/documents'],
      ['POST', '/uploads'],
      ['POST', '/flags/x~y'],
      ['POST', '/feeds'],
      ['DELETE', '/feeds/abc'],
    ];
    for (const [method, path] of writes) {
      const res = await call(path, { method, token: READER, headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as any).detail).toMatch(/writer/);
    }
    expect((await call('/documents', { token: WRITER })).status).toBe(200);
  });

  it('takes the role from API Gateway’s verified JWT claims in jwt-claims mode, never from a header', async () => {
    const jwtApp = createApp({ ...depsFromEnv({ QUOTEDESK_AUTH: 'jwt-claims' }), log: () => undefined });
    const event = (groups: unknown) => ({ event: { requestContext: { authorizer: { jwt: { claims: { sub: 'u1', 'cognito:groups': groups } } } } } });
    expect((await jwtApp.request('/documents', { headers: { authorization: `Bearer ${WRITER}` } })).status).toBe(401);
    expect((await jwtApp.request('/documents', {}, event('[reader]'))).status).toBe(200);
    expect((await jwtApp.request('/documents', {}, event('[other]'))).status).toBe(403);
    const post = { method: 'POST', headers: { 'content-type': 'application/json', 'x-role': 'writer' }, body: JSON.stringify({ action: 'confirm' }) };
    expect((await jwtApp.request('/flags/a~b', post, event('[reader]'))).status).toBe(403);
    expect((await jwtApp.request('/flags/a~b', post, event(['writer']))).status).toBe(404);
  });
});

describe('documents', () => {
  it('accepts JSON and raw bodies with 202, and answers the same content with the existing id', async () => {
    const first = await postJson('/documents', { text: '“It works,” said Ada Byron.', title: 'Test', publishedAt: '2024-05-01' });
    expect(first.status).toBe(202);
    const accepted: any = await first.json();
    expect(accepted).toMatchObject({ status: 'queued', duplicate: false });
    const again: any = await (await postJson('/documents', { text: '“It works,” said Ada Byron.' })).json();
    expect(again).toMatchObject({ id: accepted.id, duplicate: true });
    const doc: any = await getJson(`/documents/${accepted.id}`);
    expect(doc).toMatchObject({ id: accepted.id, title: 'Test', status: 'queued', publishedAt: '2024-05-01T00:00:00.000Z' });

    const raw = await call('/documents?title=Raw%20one&source=desk', { method: 'POST', token: WRITER, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<article><p>Hello</p></article>' });
    expect(raw.status).toBe(202);
    const rawDoc: any = await getJson(`/documents/${((await raw.json()) as any).id}`);
    expect(rawDoc).toMatchObject({ title: 'Raw one', source: 'desk', contentType: 'text/html; charset=utf-8' });
    const record = await index.getDocument(rawDoc.id);
    const head = await documents.headRaw(record!.rawKeys[0]);
    expect(head?.metadata.title).toBe('Raw one');
    // A file as it is (the page's upload form sends them so), named by the query.
    const word = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    for (const [type, filename] of [['application/pdf', 'statement.pdf'], [word, 'minutes.docx'], ['text/markdown', 'notes.md']]) {
      const file = await call(`/documents?filename=${filename}`, { method: 'POST', token: WRITER, headers: { 'content-type': type }, body: `${filename} bytes` });
      expect(file.status, type).toBe(202);
      const stored = await index.getDocument(((await file.json()) as any).id);
      expect(stored, type).toMatchObject({ contentType: type, filename });
    }
  });

  it('rejects bad uploads with a clear message', async () => {
    const cases: Array<[RequestInit, number, RegExp]> = [
      [{ headers: { 'content-type': 'application/json' }, body: '{}' }, 400, /exactly one of "text" or "html"/],
      [{ headers: { 'content-type': 'application/json' }, body: '{"text":' }, 400, /Malformed JSON/],
      [{ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', url: 'javascript:alert(1)' }) }, 400, /json\.url/],
      [{ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', publishedAt: 'yesterday' }) }, 400, /publishedAt/],
      [{ headers: { 'content-type': 'text/plain' }, body: '' }, 400, /empty/],
      [{ headers: { 'content-type': 'image/png' }, body: 'PNG' }, 415, /image\/png/],
      [{ headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(25_000) }, 413, /POST \/uploads/],
    ];
    for (const [init, status, detail] of cases) {
      const res = await call('/documents', { ...init, method: 'POST', token: WRITER });
      expect(res.status, String(init.body).slice(0, 40)).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as any).detail).toMatch(detail);
    }
  });

  it('presigns an S3 PUT under the raw prefix that really uploads, with the metadata signed', async () => {
    expect((await postJson('/uploads', { filename: '../../etc/passwd', contentType: 'text/plain' })).status).toBe(400);
    const res = await postJson('/uploads', { filename: 'statement 2024.pdf', contentType: 'application/pdf', bytes: 13, title: 'Statement' });
    expect(res.status).toBe(201);
    const upload: any = await res.json();
    expect(upload.key).toMatch(/^raw\/uploads\/[0-9a-f-]{36}\/statement 2024\.pdf$/);
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: '%PDF-1.4 test' });
    expect(put.status).toBe(200);
    const head = await documents.headRaw(upload.key);
    expect(head).toMatchObject({ size: 13, metadata: { title: 'Statement', contentType: 'application/pdf' } });
    const tooBig = await postJson('/uploads', { filename: 'big.pdf', contentType: 'application/pdf', bytes: 50 * 1024 * 1024 });
    expect(tooBig.status).toBe(400);
  });

  it('shows a document with counts, its text, quotes, claims and flags; 404 for unknown ids', async () => {
    const doc: any = await getJson(`/documents/${UNION_STORY.id}`);
    expect(doc).toMatchObject({ status: 'done', reason: null, counts: { quotes: 4, claims: 1, flags: 1, speakers: 2 } });
    const { text }: any = await getJson(`/documents/${UNION_STORY.id}/text`);
    const quotes: any = await getJson(`/documents/${UNION_STORY.id}/quotes`);
    expect(quotes.items).toHaveLength(4);
    for (const quote of quotes.items) expect(text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quotes.items.filter((q: any) => q.speaker === KRISTIN)).toHaveLength(3);
    const claims: any = await getJson(`/documents/${UNION_STORY.id}/claims`);
    expect(claims.items[0].text).toContain('500 days');
    const flags: any = await getJson(`/documents/${UNION_STORY.id}/flags`);
    expect(flags.items[0].variants.map((v: any) => v.name)).toEqual(['Saunders-Jandro', 'Sanders-Jandro']);
    for (const path of ['/documents/dnothere', '/documents/dnothere/quotes', '/documents/dnothere/text']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(((await res.json()) as any).detail).toContain('dnothere');
    }
    expect((await call('/documents/bad%20id!')).status).toBe(400);
  });

  it('lists documents newest first across pages without duplicates or gaps', async () => {
    const { items, pages } = await allPages('/documents', 4);
    expect(pages).toBeGreaterThan(5);
    const ids = items.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [UNION_STORY.id, STATEMENT.id, ...seriesDocuments(SERIES).map((d) => d.id)]) expect(ids).toContain(id);
    // Sorted by publication date, the undated (queued ones too: they are not given today's date) last.
    const dates = items.map((d) => d.publishedAt ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('quotes', () => {
  it('finds every quote of a person by any spelling, under the canonical name', async () => {
    for (const spelling of ['Saunders-Jandro', 'Sanders-Jandro', KRISTIN, 'sanders-gendreau']) {
      const page: any = await getJson(`/quotes?speaker=${encodeURIComponent(spelling)}`);
      expect(page.items, spelling).toHaveLength(3);
      expect(new Set(page.items.map((q: any) => q.speaker))).toEqual(new Set([KRISTIN]));
    }
    const page: any = await getJson(`/quotes?speaker=${encodeURIComponent(KRISTIN)}`);
    const written = Object.fromEntries(page.items.map((q: any) => [q.text.replace(/[“”]/g, '').slice(0, 20), q.spelling]));
    expect(written).toEqual({ 'We organised because': null, 'Nobody here wanted a': 'Saunders-Jandro', 'the staffing ratios ': 'Sanders-Jandro' });
    const none: any = await getJson('/quotes?speaker=Nobody%20Atall');
    expect(none).toEqual({ items: [], cursor: null, sort: 'date' });
  });

  it('gives the first page a total and facets counted over every match when asked, and highlights searched words', async () => {
    expect((await getJson('/quotes?speaker=Saunders-Jandro&limit=1')).total).toBeUndefined();
    expect((await getJson('/quotes?speaker=Nobody%20Atall&count=true')).total).toBe(0);
    const kristin: any = await getJson('/quotes?speaker=Saunders-Jandro&limit=1&count=true');
    expect(kristin.items).toHaveLength(1);
    expect(kristin.total).toBe(3);
    expect(kristin.facets).toEqual({
      collection: [],
      speaker: [{ value: KRISTIN, count: 3 }],
      kind: [{ value: 'direct', count: 2 }, { value: 'indirect', count: 1 }],
      month: [{ value: '2024-03', count: 3 }],
    });
    const next: any = await getJson(`/quotes?speaker=Saunders-Jandro&limit=1&count=true&cursor=${encodeURIComponent(kristin.cursor)}`);
    // Counted by the search database: every page says the same exact total.
    expect(next.total).toBe(3);
    expect(next.items).toHaveLength(1);
    expect(next.items[0].text).not.toBe(kristin.items[0].text);
    const words: any = await getJson('/quotes?q=Budget%20balanced&limit=2&count=true');
    expect(words.total).toBe(SERIES);
    expect(words.facets.month).toEqual([{ value: '2023-01', count: SERIES }]);
    expect(words.items[0].highlight).toEqual([
      { text: 'The ', match: false },
      { text: 'budget', match: true },
      { text: ` for item ${SERIES} is `, match: false },
      { text: 'balanced', match: true },
      { text: ' and the library stays open', match: false },
    ]);
    expect(words.items[0].highlight.map((s: any) => s.text).join('')).toBe(words.items[0].text);
    expect((await getJson('/quotes?speaker=Pat%20Lee')).items[0].highlight).toBeUndefined();
  });

  it('ranks word matches best first with sort=relevance, paging through them with its own cursor', async () => {
    await seedDocument(index, documents, {
      id: 'drelevance0000000000000001',
      title: 'Library appeal',
      publishedAt: '2022-06-01T09:00:00.000Z',
      source: 'gazette',
      quotes: [{ speaker: 'Ada Quill', text: 'Library hours, library staff and the library roof all need money' }],
    }, (await searchServices())!.projection);
    const byDate: any = await getJson('/quotes?q=library&limit=100');
    expect(byDate.sort).toBe('date');
    expect(byDate.items.at(-1).speaker).toBe('Ada Quill');
    const first: any = await getJson('/quotes?q=library&sort=relevance&limit=10');
    expect(first).toMatchObject({ sort: 'relevance', total: SERIES + 1 });
    expect(first.items[0].speaker).toBe('Ada Quill');
    expect(first.items[0].highlight.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(['Library', 'library', 'library']);
    const { items } = await allPages('/quotes?q=library&sort=relevance', 10);
    expect(items).toHaveLength(SERIES + 1);
    expect(new Set(items.map((q) => `${q.documentId}/${q.id}`)).size).toBe(SERIES + 1);
    // Equal scores: newest first.
    const rest = items.slice(1).map((q) => q.publishedAt);
    expect(rest).toEqual([...rest].sort().reverse());
    expect((await call(`/quotes?q=library&cursor=${encodeURIComponent(first.cursor)}`)).status).toBe(400);
    expect((await call('/quotes?q=library&sort=best')).status).toBe(400);
    // Without words there is nothing to rank by: newest first.
    expect((await getJson('/quotes?speaker=Pat%20Lee&sort=relevance')).sort).toBe('date');
  });

  it('answers without total and facets when there are too many matches to count on the spot', async () => {
    expect(await allMatches(index, { speaker: 'Pat Lee' }, SERIES * 2)).toHaveLength(SERIES * 2);
    expect(await allMatches(index, { speaker: 'Pat Lee' }, SERIES)).toBeNull();
  });

  it('pages through a speaker’s quotes newest first with no duplicates or gaps', async () => {
    const { items, pages } = await allPages('/quotes?speaker=Pat%20Lee', 7);
    expect(items).toHaveLength(SERIES * 2);
    expect(pages).toBe(Math.ceil((SERIES * 2) / 7));
    const keys = items.map((q) => `${q.documentId}/${q.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const dates = items.map((q) => q.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('searches words in the search projection (total, facets, highlights) and filters by date, source and kind', async () => {
    const words: any = await getJson('/quotes?q=library%20BUDGET');
    expect(words.items.length).toBe(20);
    for (const q of words.items) expect(q.text).toMatch(/budget.*library/i);
    expect(words.total).toBeGreaterThan(20);
    expect(words.next).toBe(words.cursor);
    expect(Object.keys(words.facets)).toEqual(['collection', 'speaker', 'kind', 'month']);
    expect(words.items[0].highlight.filter((s: any) => s.match).map((s: any) => s.text.toLowerCase())).toEqual(expect.arrayContaining(['budget', 'library']));
    const rest: any = await getJson(`/quotes?q=library%20BUDGET&cursor=${encodeURIComponent(words.cursor)}`);
    expect(rest.items.length).toBe(Math.min(20, words.total - 20));
    expect(new Set([...words.items, ...rest.items].map((q: any) => `${q.documentId}/${q.id}`)).size).toBe(words.items.length + rest.items.length);
    expect((await call('/quotes?q=the')).status).toBe(400);
    const ranged: any = await getJson('/quotes?speaker=Pat%20Lee&from=2023-01-03&to=2023-01-05&limit=100');
    expect(ranged.items).toHaveLength(6);
    const kind: any = await getJson('/quotes?speaker=Pat%20Lee&kind=indirect&source=gazette&limit=100');
    expect(kind.items).toHaveLength(SERIES / 2);
    for (const q of kind.items) expect(q).toMatchObject({ kind: 'indirect', source: 'gazette' });
    const quoteWords: any = await getJson('/quotes?q=unsafe%20children');
    expect(quoteWords.items.map((q: any) => q.speaker)).toEqual([KRISTIN]);
  });

  it('rejects a tampered cursor, a cursor from another query, and bad filters with 400', async () => {
    const first: any = await getJson('/quotes?speaker=Pat%20Lee&limit=5');
    const cursor: string = first.cursor;
    const flipped = cursor.slice(0, 3) + (cursor[3] === 'A' ? 'B' : 'A') + cursor.slice(4);
    for (const bad of [flipped, `${cursor}x`, 'garbage', 'a.b.c']) {
      const res = await call(`/quotes?speaker=Pat%20Lee&limit=5&cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as any).detail).toMatch(/cursor/);
    }
    expect((await call(`/quotes?speaker=Marcus%20Webb&cursor=${encodeURIComponent(cursor)}`)).status).toBe(400);
    const checks: Array<[string, RegExp]> = [
      ['/quotes?limit=500', /query\.limit/],
      ['/quotes?limit=0', /query\.limit/],
      ['/quotes?from=2024-13-45', /query\.from/],
      ['/quotes?from=2024-02-01&to=2024-01-01', /after "to"/],
      ['/quotes?kind=rumour', /query\.kind/],
    ];
    for (const [path, detail] of checks) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as any).detail).toMatch(detail);
    }
  });

  it('returns text that contains markup as data, not markup', async () => {
    const page: any = await getJson('/quotes?speaker=Marcus%20Webb');
    expect(page.items[0].text).toContain(XSS_PAYLOAD);
    const res = await call('/quotes?speaker=Marcus%20Webb');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('speakers and flags', () => {
  it('finds speakers by the prefix of any spelling and shows every spelling and open flags', async () => {
    for (const prefix of ['saund', 'Sanders-G', 'kris']) {
      const page: any = await getJson(`/speakers?name=${encodeURIComponent(prefix)}`);
      expect(page.items.map((s: any) => s.name), prefix).toContain(KRISTIN);
    }
    const page: any = await getJson('/speakers?name=saund');
    const id = page.items.find((s: any) => s.name === KRISTIN).id;
    const speaker: any = await getJson(`/speakers/${id}`);
    expect(speaker).toMatchObject({ name: KRISTIN, quoteCount: 3 });
    expect(speaker.variants).toEqual(expect.arrayContaining([KRISTIN, 'Saunders-Jandro', 'Sanders-Jandro']));
    expect(speaker.flags).toHaveLength(1);
    // Each flagged spelling comes with the sentence it was written in and the document it is in.
    const [flag] = speaker.flags;
    expect(flag.documentTitle).toBe(UNION_STORY.title);
    const mentions = flag.variants.flatMap((v: any) => v.mentions.map((m: any) => [v.name, m.sentence.text]));
    expect(mentions).toEqual([
      ['Saunders-Jandro', '“Nobody here wanted a fight with the clinic board”, said Saunders-Jandro.'],
      ['Sanders-Jandro', 'Sanders-Jandro said that the staffing ratios had become unsafe for children.'],
    ]);
    const text = (await getJson(`/documents/${UNION_STORY.id}/text`)).text;
    for (const m of flag.variants.flatMap((v: any) => v.mentions)) expect(text.slice(m.sentence.start).startsWith(m.sentence.text)).toBe(true);
    expect((await call('/speakers/sp_0000')).status).toBe(404);
  });

  it('lists every speaker without a name, most quoted first, with quote and document counts, a page at a time', async () => {
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await getJson(`/speakers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    const counts = seen.map((s) => s.quoteCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The counts are the quotes the API lists for each speaker, and the profile comes with them.
    const kristin = seen.find((s) => s.name === KRISTIN);
    expect(kristin).toMatchObject({ quoteCount: 3, documentCount: 1, kind: 'person' });
    expect(kristin.variants).toEqual(expect.arrayContaining(['Saunders-Jandro', 'Sanders-Jandro']));
    for (const speaker of seen.slice(0, 3)) {
      const quotes: any = await getJson(`/quotes?speakerId=${encodeURIComponent(speaker.id)}&count=true&limit=1`);
      expect(quotes.total, speaker.name).toBe(speaker.quoteCount);
    }
    expect((await call('/speakers?cursor=not-a-cursor')).status).toBe(400);
  });

  it('confirms a flag (it leaves the open list) and refuses to reverse it', async () => {
    const open: any = await getJson('/flags?status=open');
    const flag = open.items.find((f: any) => f.canonical === KRISTIN);
    expect(flag).toBeDefined();
    const res = await postJson(`/flags/${flag.id}`, { action: 'confirm' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: flag.id, status: 'confirmed' });
    const after: any = await getJson('/flags?status=open');
    expect(after.items.map((f: any) => f.id)).not.toContain(flag.id);
    const confirmed: any = await getJson('/flags?status=confirmed');
    expect(confirmed.items.map((f: any) => f.id)).toContain(flag.id);
    expect((await postJson(`/flags/${flag.id}`, { action: 'confirm' })).status).toBe(200);
    expect((await postJson(`/flags/${flag.id}`, { action: 'reject' })).status).toBe(409);
    expect((await postJson(`/flags/${flag.id}`, { action: 'merge' })).status).toBe(400);
    expect((await postJson('/flags/dnothere~sp_1', { action: 'confirm' })).status).toBe(404);
  });

  it('lists open merges for review with their evidence, and undoes one on rejection', async () => {
    await seedDocument(index, documents, {
      id: 'dmerge00000000000000000001',
      title: 'Ferry timetable',
      publishedAt: '2024-04-02T00:00:00.000Z',
      source: 'gazette',
      quotes: [{ speaker: 'Sanderson', text: 'The new timetable starts in May' }],
      matches: { Sanderson: { speakerId: speakerIdFor('person', 'Dana Sanderson'), canonical: 'Dana Sanderson', confidence: 0.8, evidence: ['surname Sanderson', 'the only person of that surname'] } },
    });
    const open: any = await getJson('/merges?status=open');
    const merge = open.items.find((m: any) => m.documentId === 'dmerge00000000000000000001');
    expect(merge).toMatchObject({ name: 'Sanderson', canonical: 'Dana Sanderson', evidence: ['surname Sanderson', 'the only person of that surname'], confidence: 0.8, status: 'open', documentTitle: 'Ferry timetable', decidedAt: null });
    const res = await postJson(`/merges/${merge.id}`, { action: 'reject' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: merge.id, status: 'rejected', reextraction: 'requested' });
    expect(reprocessed).toContain('dmerge00000000000000000001');
    expect(((await getJson('/merges?status=open')) as any).items.map((m: any) => m.id)).not.toContain(merge.id);
    expect(((await getJson('/merges?status=rejected')) as any).items.map((m: any) => m.id)).toContain(merge.id);
    expect((await postJson(`/merges/${merge.id}`, { action: 'confirm' })).status).toBe(409);
    expect((await postJson('/merges/dnothere~sp_1', { action: 'confirm' })).status).toBe(404);
  });

  it('rejects a flag: the spellings are kept apart from now on and the document is re-extracted', async () => {
    await seedDocument(index, documents, {
      id: 'dsplit00000000000000000001',
      title: 'Two councillors',
      publishedAt: '2024-04-01T00:00:00.000Z',
      source: 'gazette',
      quotes: [
        { speaker: 'Dana Sanderson', text: 'The ferry timetable will change in May' },
        { speaker: 'Dana Sanderson', spelling: 'Dana Sandberg', text: 'I voted against the ferry changes' },
      ],
    });
    const flags: any = await getJson('/documents/dsplit00000000000000000001/flags');
    const res = await postJson(`/flags/${flags.items[0].id}`, { action: 'reject' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', reextraction: 'requested' });
    expect(await index.keepApartPairs()).toContainEqual(['Dana Sandberg', 'Dana Sanderson']);
    expect(reprocessed).toContain('dsplit00000000000000000001');
    const speaker: any = await getJson(`/speakers/${flags.items[0].speakerId}`);
    expect(speaker.variants).not.toContain('Dana Sandberg');
  });
});

describe('feeds', () => {
  it('adds, lists (paginated) and removes feeds; validates the URL', async () => {
    for (const n of [1, 2, 3]) {
      const res = await postJson('/feeds', { url: `https://news${n}.example.org/rss.xml#top`, title: `News ${n}` });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ url: `https://news${n}.example.org/rss.xml`, group: 'default' });
    }
    expect((await postJson('/feeds', { url: 'https://news1.example.org/rss.xml' })).status).toBe(200);
    const { items } = await allPages('/feeds', 2);
    expect(items.map((f) => f.url).sort()).toEqual([1, 2, 3].map((n) => `https://news${n}.example.org/rss.xml`));
    const del = await call(`/feeds/${items[0].id}`, { method: 'DELETE', token: WRITER });
    expect(del.status).toBe(204);
    expect((await call(`/feeds/${items[0].id}`, { method: 'DELETE', token: WRITER })).status).toBe(404);
    expect(((await getJson('/feeds')) as any).items).toHaveLength(2);
    const bad = await postJson('/feeds', { url: 'file:///etc/passwd' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).detail).toMatch(/url/);
  });
});
