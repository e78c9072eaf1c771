/**
 * The search projection on the local stack, end to end: documents processed by the real handler
 * appear in `GET /quotes?q=` and the analytics; `quotedesk reindex` rebuilds the projection from the
 * result JSON in S3 with identical answers, and never shows a result JSON of an uncommitted run.
 */
import { resultKeyFor } from '#shared/pipeline/s3-keys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local.ts';
import { DocumentIntakeService } from '../../shared/pipeline/intake.ts';
import { DynamoIndexStore } from '../../shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '../../shared/storage/s3-documents.ts';
import { searchDatabase } from '../../shared/storage/search-database.ts';
import { run as reindex } from '../../cli/reindex.ts';
import { ARTICLES } from '../fixtures/search/articles.ts';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = new URL('../../bin/quotedesk.mjs', import.meta.url).pathname;

const WRITER = 'writer-token-for-search-tests-0123';
const READER = 'reader-token-for-search-tests-0123';
const QUERIES = ['/claims?limit=100', '/quotes?q=vaccine', '/quotes?q=%22two%20hundred%20children%22', '/quotes?q=staff*&sort=date', '/quotes?q=budget&collection=valley-herald', '/analytics/speakers', '/analytics/claims', '/analytics/speakers/months?speaker=Okafor'];

let stack: LocalStack;
const ids: string[] = [];
const saved: Record<string, string | undefined> = {};

async function get(path: string): Promise<any> {
  const res = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${READER}` } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const answers = () => Promise.all(QUERIES.map(get));

beforeAll(async () => {
  for (const name of ['QUOTEDESK_WRITER_TOKEN', 'QUOTEDESK_READER_TOKEN', 'QUOTEDESK_DATA_DIR', 'QUOTEDESK_SEARCH_CLUSTER_ARN']) saved[name] = process.env[name];
  process.env.QUOTEDESK_WRITER_TOKEN = WRITER;
  process.env.QUOTEDESK_READER_TOKEN = READER;
  delete process.env.QUOTEDESK_SEARCH_CLUSTER_ARN;
  stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: 0, crawlIntervalSeconds: null, sweepIntervalSeconds: null, log: () => undefined });
  process.env.QUOTEDESK_DATA_DIR = stack.dataDir;
  const intake = new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore());
  for (const article of ARTICLES) ids.push((await intake.submit(Buffer.from(article.text), { filename: article.filename, contentType: 'text/plain', publishedAt: article.publishedAt, source: article.source, collection: article.source })).id);
  await stack.idle();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('search on the local stack', () => {
  it('finds processed quotes by stemmed words, with highlights, totals and facets', async () => {
    const page = await get('/quotes?q=vaccine');
    expect(page.items.map((q: any) => q.text)).toEqual(expect.arrayContaining([expect.stringContaining('first vaccines'), expect.stringContaining('Vaccinating the staff')]));
    expect(page.total).toBe(page.items.length);
    const vaccines = page.items.find((q: any) => q.text.includes('first vaccines'));
    expect(vaccines.highlight.filter((s: any) => s.match).map((s: any) => s.text)).toEqual(['vaccines']);
    expect(vaccines).toMatchObject({ speaker: 'Amara Okafor', source: 'valley-herald', publishedAt: '2022-01-10T00:00:00.000Z' });
    expect(page.facets.collection.map((f: any) => f.value).sort()).toEqual(['county-wire', 'valley-herald']);
    expect(page.facets.month.map((f: any) => f.value).sort()).toEqual(['2022-01', '2022-02']);
  });

  it('answers the analytics from the same projection', async () => {
    const top = await get('/analytics/speakers');
    const okafor = top.items.find((s: any) => s.speaker === 'Amara Okafor');
    expect(okafor).toMatchObject({ quotes: 2, documents: 2 });
    const months = await get('/analytics/speakers/months?speaker=Amara%20Okafor');
    expect(months.items.map((m: any) => [m.month, m.quotes])).toEqual([['2022-01', 1], ['2022-02', 1]]);
    const claims = await get('/analytics/claims?limit=5');
    expect(claims.items.some((c: any) => c.text.includes('4.1 percent'))).toBe(true);
  });

  it('lists the processed claims with their speaker and figures, through the API and `quotedesk export` alike', async () => {
    const ranked = await get('/claims?q=budget');
    const budget = ranked.items.find((c: any) => c.text.includes('4.1 percent'));
    expect(budget).toMatchObject({ speaker: 'Tomas Lindqvist', documentTitle: 'budget', publishedAt: '2022-02-03T00:00:00.000Z' });
    expect(budget.figures[0]).toMatchObject({ value: 0.041, unit: 'percent' });
    const similar = await get(`/claims/${encodeURIComponent(budget.key)}/similar`);
    expect(similar.claim.key).toBe(budget.key);
    // The CLI finds the stack's API (its state file) and exports through it.
    const { stdout } = await run(process.execPath, [BIN, 'export', 'claims', '--format', 'jsonl', '--q', 'budget'], { env: { ...process.env, QUOTEDESK_DATA_DIR: stack.dataDir } });
    const rows = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.text).sort()).toEqual(ranked.items.map((c: any) => c.text).sort()); // export: reading order, not rank
    expect(rows.find((r) => r.text.includes('4.1 percent'))).toMatchObject({ speaker: 'Tomas Lindqvist' });
  });

  it('`quotedesk reindex` rebuilds the projection from S3 with identical answers', async () => {
    const before = await answers();
    const sql = searchDatabase()!;
    for (const table of ['search_quotes', 'search_claims', 'search_documents']) await sql.query(`DELETE FROM ${table}`);
    expect((await get('/quotes?q=vaccine')).total).toBe(0);
    expect(await reindex(['--json'])).toBe(0);
    expect(await answers()).toEqual(before);
  });

  it('never shows a result JSON that an uncommitted run left in S3', async () => {
    const documents = new S3DocumentStore();
    const doc = (await new DynamoIndexStore().getDocument(ids[1]))!;
    const result = (await documents.getResult(resultKeyFor(doc.id))) as Record<string, unknown>;
    // A later run wrote its result, then died before committing: S3 holds a version DynamoDB never committed.
    await documents.putResult(resultKeyFor(doc.id), { ...result, version: 'rzzzzzzzzzzzz', quotes: [] });
    try {
      const res = await fetch(`${stack.apiUrl}/search/reindex`, { method: 'POST', headers: { authorization: `Bearer ${WRITER}` } });
      const report: any = await res.json();
      expect(report.skipped).toEqual([{ id: doc.id, reason: 'the result JSON is not the committed version' }]);
      // The committed version stays shown (the rebuild did not replace it with the uncommitted one).
      expect((await get('/quotes?q=library')).items.map((q: any) => q.documentId)).toEqual([doc.id]);
    } finally {
      await documents.putResult(resultKeyFor(doc.id), result);
    }
  });

  it('needs the writer role to rebuild', async () => {
    const res = await fetch(`${stack.apiUrl}/search/reindex`, { method: 'POST', headers: { authorization: `Bearer ${READER}` } });
    expect(res.status).toBe(403);
  });
});
