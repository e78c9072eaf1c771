/**
 * Exports end to end on the local stack (s3rver, dynalite, the real process function): documents come in
 * through the API (with a collection) and through `quotedesk ingest --wait` (JSONL records with their own
 * ids and dates), then go out through `GET /export` and `quotedesk export`. The CSV is read back by
 * Python's csv module and the Parquet by hyparquet, an independent reader.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '#infra/local.ts';
import type { ApiApp } from '#shared/api/deps.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { COLUMNS } from '#shared/export/tables.ts';
import { streamHandle } from 'hono/aws-lambda';
import { createApp, createExportApp } from '#shared/api/app.ts';
import { exportDepsFromEnv } from '#shared/api/runtime.ts';
import { cognitoTokenVerifier } from '#shared/storage/cognito-tokens.ts';
import { TEST_POOL, testSigner } from '../helpers/cognito-tokens.ts';
import { functionUrlEvent, invokeStreaming, useLambdaStreamingRuntime } from '../helpers/lambda-streaming.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/quotedesk.mjs', import.meta.url).pathname;
const READER = 'reader-token-for-export-tests-0123';
const WRITER = 'writer-token-for-export-tests-0123';
const clinic = readFileSync(new URL('../fixtures/export/clinic.txt', import.meta.url), 'utf8');
const ferry = readFileSync(new URL('../fixtures/export/ferry.txt', import.meta.url), 'utf8');
/** A source as long and punctuated as real ones (the press releases' run past 200 characters). */
const LONG_SOURCE = `Port Ellis Gazette, "Health" desk; ${'reprinted with permission, '.repeat(8)}2023`;

let stack: LocalStack;
let app: ApiApp;
let dir: string;

function cli(args: string[]) {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, QUOTEDESK_DATA_DIR: stack.dataDir }, maxBuffer: 64 * 1024 * 1024 });
}

async function apiExport(query: string): Promise<Response> {
  return app.request(`/export?${query}`, { headers: { authorization: `Bearer ${READER}` } });
}

/** Rows of a CSV file as Python's csv module reads them (a list of dicts). */
async function pythonCsv(path: string, encoding = 'utf-8'): Promise<Array<Record<string, string>>> {
  const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding=sys.argv[2]) as f:\n    print(json.dumps(list(csv.DictReader(f))))';
  const { stdout } = await run('python3', ['-c', script, path, encoding], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: null, crawlIntervalSeconds: null, sweepIntervalSeconds: null, log: () => undefined });
  app = createApp({ ...depsFromEnv({ QUOTEDESK_READER_TOKEN: READER, QUOTEDESK_WRITER_TOKEN: WRITER }), log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'quotedesk-export-'));

  const posted = await app.request('/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: clinic, title: 'Clinic "hires", at last', url: 'https://example.org/clinic', source: LONG_SOURCE, collection: 'clinic-study' }),
  });
  expect(posted.status).toBe(202);
  const badCollection = await app.request('/documents', {
    method: 'POST',
    headers: { authorization: `Bearer ${WRITER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Other text.', collection: 'has spaces in it' }),
  });
  expect(badCollection.status).toBe(400);

  const records = join(dir, 'records.jsonl');
  writeFileSync(records, `${JSON.stringify({ id: 'harbor-0001', title: 'Ferry timetable', text: ferry, date: '2023-01-10', collection: 'ignored-by-the-option' })}\n`);
  const ingested = await cli(['ingest', records, '--collection', 'harbor', '--wait']);
  expect(ingested.stdout).toMatch(/processed: done 1/);
  expect(ingested.stdout).toMatch(/time: \d+\.\d s end to end \(upload \d+\.\d s\)/);
  await stack.idle();
}, 120_000);

afterAll(async () => stack?.stop());

describe('export', () => {
  it('GET /export streams quotes as RFC 4180 CSV that Python reads back, every row with its document', async () => {
    const res = await apiExport('table=quotes&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="quotedesk-quotes.csv"');
    const path = join(dir, 'quotes.csv');
    writeFileSync(path, Buffer.from(await res.arrayBuffer()));
    expect(readFileSync(path, 'utf8')).toContain('\r\n');
    const rows = await pythonCsv(path);
    expect(Object.keys(rows[0])).toEqual(COLUMNS.quotes.map((c) => c.name));
    expect(rows).toHaveLength(7);
    const clinicRows = rows.filter((r) => r.collection === 'clinic-study');
    expect(clinicRows.map((r) => r.quoteId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(clinicRows[1]).toMatchObject({
      title: 'Clinic "hires", at last',
      url: 'https://example.org/clinic',
      source: LONG_SOURCE,
      publishedAt: '2023-05-02T00:00:00.000Z',
      dateSource: 'dateline',
      speaker: 'Marta Kowalczyk-Brandt',
      kind: 'direct',
      text: '“We have waited 500 days for a first contract, and that is far too long,”',
    });
    // The variant spelling stays visible beside the canonical name.
    expect(clinicRows[2]).toMatchObject({ speaker: 'Marta Kowalczyk-Brandt', spelling: 'Kowalcyk-Brandt' });
    const harbor = rows.filter((r) => r.collection === 'harbor');
    expect(harbor.map((r) => [r.recordId, r.speaker, r.publishedAt, r.dateSource])).toEqual([
      ['harbor-0001', 'Tom Reyes', '2023-01-10T00:00:00.000Z', 'record'],
      ['harbor-0001', 'Tom Reyes', '2023-01-10T00:00:00.000Z', 'record'],
    ]);
  });

  it('writes a UTF-8 BOM for Excel on request, and neutralises cells Excel would run as formulas', async () => {
    const res = await apiExport('table=documents&format=csv&bom=true');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const path = join(dir, 'documents-excel.csv');
    writeFileSync(path, bytes);
    const rows = await pythonCsv(path, 'utf-8-sig');
    expect(rows.map((r) => r.collection).sort()).toEqual(['clinic-study', 'harbor']);
    expect(rows.find((r) => r.collection === 'harbor')).toMatchObject({ recordId: 'harbor-0001', title: 'Ferry timetable', quotes: '2' });
  });

  it('filters as the search does: collection, speaker (any spelling), words, dates, kind', async () => {
    const jsonl = async (query: string) => (await (await apiExport(`format=jsonl&${query}`)).text()).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect((await jsonl('table=quotes&collection=harbor')).map((r) => r.speaker)).toEqual(['Tom Reyes', 'Tom Reyes']);
    expect((await jsonl('table=quotes&speaker=Kowalcyk-Brandt&kind=direct')).map((r) => r.quoteId)).toEqual(['q2', 'q3']);
    expect((await jsonl('table=quotes&q=ferry%20january')).map((r) => r.recordId)).toEqual(['harbor-0001']);
    expect((await jsonl('table=quotes&from=2023-05-01&to=2023-05-31')).every((r) => r.collection === 'clinic-study')).toBe(true);
    expect(await jsonl('table=quotes&undated=true')).toEqual([]);
    const claims = await jsonl('table=claims&collection=clinic-study');
    expect(claims.length).toBeGreaterThanOrEqual(3);
    expect(claims.every((c) => c.title === 'Clinic "hires", at last' && c.score > 0)).toBe(true);
    expect(claims.find((c) => c.speaker === 'Marta Kowalczyk-Brandt')).toBeDefined();
    expect((await jsonl('table=speakers&collection=clinic-study')).map((s) => s.speaker).sort()).toEqual(['Ivo Marsh', 'Marta Kowalczyk-Brandt']);
    expect((await jsonl('table=flags')).map((f) => [f.speaker, f.variants, f.status])).toEqual([['Marta Kowalczyk-Brandt', 'Kowalcyk-Brandt', 'open']]);
    // Filters a table does not have, and bad values, are a 400 with the reason.
    const wrong = await apiExport('table=documents&kind=direct');
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).detail).toContain('"kind" does not filter documents');
    expect((await apiExport('table=quotes&collection=no%20spaces')).status).toBe(400);
    expect((await apiExport('table=everything')).status).toBe(400);
    expect((await app.request('/export?table=quotes')).status).toBe(401);
  });

  it('exports claims by kind (main kind or any of its kinds)', async () => {
    const jsonl = async (query: string) => (await (await apiExport(`format=jsonl&${query}`)).text()).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const all = await jsonl('table=claims');
    const kindsOf = (c: { kind: string; kinds: string | null }) => new Set([c.kind, ...(c.kinds ?? '').split('; ')]);
    // A kind some claims have and others do not, so the filter has something to leave out.
    const kind = [...new Set(all.flatMap((c) => [...kindsOf(c)]))].find((k) => all.some((c) => !kindsOf(c).has(k)))!;
    expect(kind).toBeDefined();
    const expected = all.filter((c) => kindsOf(c).has(kind)).map((c) => c.claimId);
    const viaApi = await jsonl(`table=claims&kind=${kind}`);
    expect(viaApi.map((c) => c.claimId)).toEqual(expected);
    expect(viaApi.length).toBeLessThan(all.length);
    // This stack runs no API, so the CLI reads AWS-style, from the index alone: claims live in the search database
    // (the CLI through a local API exports them: test/search/reindex.test.ts), and it says so rather than export none.
    await expect(cli(['export', 'claims', '--kind', kind, '--format', 'jsonl'])).rejects.toMatchObject({ stderr: expect.stringContaining('Claims are kept in the search database') });
    // A quote kind does not name claims, nor a claim kind quotes.
    expect((await (await apiExport('table=claims&kind=direct')).json()).detail).toContain('"kind" of claims is a claim kind');
    expect((await (await apiExport(`table=quotes&kind=${kind}`)).json()).detail).toContain('"kind" of quotes is direct, indirect or mixed');
  });

  it('quotedesk export writes the same rows as Parquet, read back by an independent reader', async () => {
    const path = join(dir, 'quotes.parquet');
    const { stderr } = await cli(['export', 'quotes', '--format', 'parquet', '--out', path]);
    expect(stderr).toMatch(/exported quotes to .*quotes\.parquet/);
    const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
    const { stdout } = await cli(['export', 'quotes', '--format', 'jsonl']);
    const expected = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => ({ ...r, start: Number(r.start), end: Number(r.end) }))).toEqual(expected);
    expect(rows.find((r) => r.quoteId === 'q2' && r.collection === 'clinic-study')).toMatchObject({ speaker: 'Marta Kowalczyk-Brandt', source: LONG_SOURCE, start: expect.anything() });
  });

  it('quotedesk export takes the same filters and refuses bad ones as usage errors', async () => {
    const { stdout } = await cli(['export', 'quotes', '--collection', 'harbor', '--format', 'csv']);
    const path = join(dir, 'harbor.csv');
    writeFileSync(path, stdout);
    expect((await pythonCsv(path)).map((r) => r.text)).toEqual(['“The ferry will run every hour, even in January,”', '“We cannot promise more than that,”']);
    const bad = await cli(['export', 'quotes', '--from', '2023-02-30']).catch((error) => error);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from: not a real date');
    const typo = await cli(['export', 'quotse']).catch((error) => error);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown table quotse (did you mean quotes?)');
    const unwritable = await cli(['export', 'quotes', '--out', join(dir, 'no-such-folder', 'q.csv')]).catch((error) => error);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/cannot write .*q\.csv: no such file or folder/);
  });

  it('status reports the documents by status and the undated ones', async () => {
    const { stdout } = await cli(['status', '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ total: 2, done: 2, undated: 0 });
  });
});


describe('the export function in AWS: GET /export streamed from a Lambda function URL', () => {
  useLambdaStreamingRuntime();
  const signer = testSigner();
  // As functions/export.ts composes it, with the pool's keys given instead of fetched from Cognito.
  const exportHandler = () => streamHandle(createExportApp({ ...exportDepsFromEnv({ mode: 'jwt-verify', verify: cognitoTokenVerifier(TEST_POOL, signer.jwks) }), log: () => undefined }));

  it('streams the same CSV as the local API, in pieces, to a verified Cognito reader', async () => {
    const handler = exportHandler();
    const streamed = await invokeStreaming(handler, functionUrlEvent('/export', 'table=quotes&format=csv', signer.token({ 'cognito:groups': ['reader'] })));
    expect(streamed.metadata.statusCode).toBe(200);
    expect(streamed.metadata.headers['content-type']).toMatch(/^text\/csv/);
    expect(streamed.chunks.length).toBeGreaterThan(1); // the header row leaves before the rows are read
    const local = Buffer.from(await (await apiExport('table=quotes&format=csv')).arrayBuffer());
    expect(streamed.body.equals(local)).toBe(true);
    const path = join(dir, 'streamed.csv');
    writeFileSync(path, streamed.body);
    expect((await pythonCsv(path)).map((r) => r.speaker)).toContain('Marta Kowalczyk-Brandt');
  });

  it('refuses callers without a valid token, or outside the groups, with problem+json', async () => {
    const handler = exportHandler();
    const stranger = testSigner();
    const cases: Array<[string | undefined, number]> = [
      [undefined, 401],
      [stranger.token({ 'cognito:groups': ['reader'] }), 401], // signed by another key
      [signer.token({ 'cognito:groups': ['reader'], exp: Math.floor(Date.now() / 1000) - 60 }), 401], // expired
      [signer.token({ 'cognito:groups': ['reader'], client_id: 'another-client' }), 401],
      [signer.token({ 'cognito:groups': ['reader'], iss: 'https://issuer.example.com' }), 401],
      [signer.token({ 'cognito:groups': ['guests'] }), 403],
    ];
    for (const [token, status] of cases) {
      const answer = await invokeStreaming(handler, functionUrlEvent('/export', 'table=quotes&format=csv', token));
      expect([token ? 'token' : 'none', answer.metadata.statusCode]).toEqual([token ? 'token' : 'none', status]);
      expect(answer.metadata.headers['content-type']).toBe('application/problem+json');
      expect(answer.body.toString()).not.toContain('Marta');
    }
  });

  it('serves the export only: every other route is behind API Gateway', async () => {
    const answer = await invokeStreaming(exportHandler(), functionUrlEvent('/quotes', 'speaker=Marta', signer.token({ 'cognito:groups': ['writer'] })));
    expect(answer.metadata.statusCode).toBe(404);
  });

  it('the handler module builds it from the stack\'s environment', async () => {
    process.env.QUOTEDESK_USER_POOL_ID = TEST_POOL.userPoolId;
    process.env.QUOTEDESK_USER_POOL_CLIENT_ID = TEST_POOL.clientId;
    const { handler } = await import('#functions/export.ts');
    expect((await invokeStreaming(handler, functionUrlEvent('/health', ''))).metadata.statusCode).toBe(200);
    const anonymous = await invokeStreaming(handler, functionUrlEvent('/export', 'table=quotes&format=csv'));
    expect(anonymous.metadata.statusCode).toBe(401);
  });
});
