/**
 * `npm run check:faults [-- --docs 300 --kills 5 --seed N --short]`
 *
 * Fault injection on a fresh local stack (`npm start` as a child in its own process group): ingests
 * documents from ../shared/corpora (or variants of the repo's own fixtures when it is absent) through
 * the CLI and the HTTP API at once, kill -9s the stack's process group at random moments, restarts it,
 * and retries every interrupted upload as a client would. Then checks, from the table itself:
 *   - every document sent is `done`, or `failed` with a reason; none is queued or processing;
 *   - S3 (raw objects, results), the table, gsi2 (documents by month), the quotes by date and
 *     the API's document list agree, with no duplicates;
 *   - each done document's committed index items equal its result JSON (quotes, flags), and so do the claims the
 *     search projection shows (read through the API).
 * Prints the counts and exits 1 on any loss or disagreement. `--short`: 60 documents from the repo's
 * fixtures, 2 kills (CI); `--fixtures`: the repo's fixtures at full size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { useEmulatorEnvironment } from '../infra/local/emulators.ts';
import { readLocalStackState } from '../infra/local.ts';
import { docClient, resetClients } from '../shared/storage/clients.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { contentHash, documentIdFor } from '../shared/pipeline/identity.ts';
import { RAW_PREFIX, isRequestKey, resultKeyFor } from '../shared/pipeline/s3-keys.ts';
import { PENDING_SHARDS } from '../shared/storage/keys.ts';
import { isQuotePack, unpackQuotes } from '../shared/storage/quote-packs.ts';
import { StackProcess, freePort, stackEnvironment } from './stack-process.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const short = process.argv.includes('--short');
const totalDocs = Number(option('docs') ?? (short ? 60 : 300));
const kills = Number(option('kills') ?? (short ? 2 : 5));
let seed = Number(option('seed') ?? Date.now() % 100000);
const seedUsed = seed;
function random(): number {
  // mulberry32: reproducible runs with --seed
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Doc { name: string; title: string; text: string }

/** Documents to send: corpus articles when ../shared is there, else numbered variants of the repo's fixtures. */
function loadDocuments(n: number): { docs: Doc[]; from: string } {
  const corpora = resolve(repoRoot, '../shared/corpora');
  // --short (CI) and --fixtures use the repo's own fixtures even where ../shared is present.
  const ownFixtures = short || process.argv.includes('--fixtures');
  const files = ownFixtures ? [] : [join(corpora, 'news/wikinews-2019-2020.jsonl'), join(corpora, 'press-releases/congress-press-releases.jsonl')].filter(existsSync);
  const docs: Doc[] = [];
  const seen = new Set<string>();
  if (files.length > 0) {
    const lines = files.map((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()));
    for (let i = 0; docs.length < n && lines.some((l) => i < l.length); i++) {
      for (const list of lines) {
        if (i >= list.length || docs.length >= n) continue;
        const row = JSON.parse(list[i]) as { id: string; title?: string; text: string };
        if (!row.text?.trim() || seen.has(row.text)) continue;
        seen.add(row.text);
        docs.push({ name: row.id.replace(/[^\w-]/g, '_'), title: row.title ?? row.id, text: row.text });
      }
    }
    return { docs, from: files.map((f) => f.replace(`${repoRoot}`, '')).join(', ') };
  }
  const fixtures = ['test/fixtures/pipeline/harbor-council.txt', 'test/fixtures/api/harbour-board.txt', 'test/fixtures/api/riverside-nurses.txt', 'test/fixtures/extract/harbor-clinic.txt', 'test/fixtures/indirect/statement.txt']
    .map((f) => join(repoRoot, f)).filter(existsSync).map((f) => readFileSync(f, 'utf8'));
  for (let i = 0; docs.length < n; i++) {
    const base = fixtures[i % fixtures.length];
    docs.push({ name: `fixture-${i}`, title: `Fixture variant ${i}`, text: `Dispatch ${i + 1}.\n\n${base}` });
  }
  return { docs, from: 'the repo fixtures (numbered variants)' };
}

// ------------------------------------------------------------------ clients that retry

interface Sent { id: string; via: 'cli' | 'api'; attempts: number }

async function sendViaApi(apiUrl: string, token: string, doc: Doc, stats: { retries: number }): Promise<Sent> {
  const id = documentIdFor(contentHash(new TextEncoder().encode(doc.text)));
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${apiUrl}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text: doc.text, title: doc.title, source: 'check-faults' }),
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status === 202) {
        const body = (await response.json()) as { id: string };
        if (body.id !== id) throw new Error(`API answered id ${body.id}, expected ${id}`);
        return { id, via: 'api', attempts: attempt };
      }
      if (response.status < 500) throw new Error(`API refused the document: ${response.status} ${await response.text()}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('API refused')) throw error;
    }
    stats.retries++;
    await sleep(300 + random() * 700);
  }
}

async function sendViaCli(env: NodeJS.ProcessEnv, folder: string, docs: Doc[], stats: { retries: number }): Promise<Sent[]> {
  for (const doc of docs) writeFileSync(join(folder, `${doc.name}.txt`), doc.text);
  for (let attempt = 1; ; attempt++) {
    const code = await new Promise<number>((resolveCode) => {
      const child = spawn(process.execPath, [join(repoRoot, 'bin/quotedesk.mjs'), 'ingest', folder, '--json', '--concurrency', '4'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout!.resume();
      child.stderr!.resume();
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolveCode(c ?? 1);
      });
    });
    if (code === 0) return docs.map((doc) => ({ id: documentIdFor(contentHash(Buffer.from(doc.text))), via: 'cli' as const, attempts: attempt }));
    stats.retries++;
    await sleep(500 + random() * 1000);
  }
}

// ------------------------------------------------------------------ checks

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await docClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

async function main(): Promise<void> {
  const { docs, from } = loadDocuments(totalDocs);
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-faults-'));
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  const [s3Port, dynamoPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const { env, writer } = stackEnvironment(
    { dataDir, s3: s3Port, dynamo: dynamoPort, api: apiPort },
    { QUOTEDESK_SWEEP_INTERVAL: '5', QUOTEDESK_SWEEP_QUEUED_AFTER_SECONDS: '30' },
  );
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const stack = new StackProcess(env, join(work, 'stack.log'));
  process.stdout.write(`check:faults: ${docs.length} documents from ${from}; ${kills} kills; seed ${seedUsed}; work folder ${work}\n`);
  const started = Date.now();
  await stack.start();
  const rssTimer = setInterval(() => stack.sampleRss(), 500);

  // Half through the CLI (folders of 15 files), half through the API (4 at a time), all at once.
  const cliDocs = docs.filter((_, i) => i % 2 === 0);
  const apiDocs = docs.filter((_, i) => i % 2 === 1);
  const stats = { apiRetries: { retries: 0 }, cliRetries: { retries: 0 } };
  let sentCount = 0;
  let cliSent = 0;
  const sent: Sent[] = [];
  const cliRun = (async () => {
    for (let i = 0; i < cliDocs.length; i += 15) {
      const folder = join(work, `cli-${i}`);
      mkdirSync(folder);
      const batch = await sendViaCli(env, folder, cliDocs.slice(i, i + 15), stats.cliRetries);
      sent.push(...batch);
      sentCount += batch.length;
      cliSent += batch.length;
    }
  })();
  const apiRun = (async () => {
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < apiDocs.length) {
        // Keep in step with the CLI, so the kills land while both are sending.
        while (next > cliSent + 20 && cliSent < cliDocs.length) await sleep(100);
        const doc = apiDocs[next++];
        sent.push(await sendViaApi(apiUrl, writer, doc, stats.apiRetries));
        sentCount++;
      }
    }));
  })();

  // Kill at random points of the ingest (by documents sent), each a random few hundred ms later.
  const killAt = Array.from({ length: kills }, () => Math.floor((0.05 + random() * 0.9) * docs.length)).sort((a, b) => a - b);
  const killLog: string[] = [];
  const killer = (async () => {
    for (const at of killAt) {
      while (sentCount < at) await sleep(50);
      await sleep(random() * 800);
      const t0 = Date.now();
      await stack.kill();
      await stack.start();
      stack.restarts++;
      killLog.push(`kill at ${sentCount}/${docs.length} sent; restarted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  })();
  await Promise.all([cliRun, apiRun, killer]);
  const ingestSeconds = (Date.now() - started) / 1000;

  // Let the pipeline settle: nothing queued/processing and the work list empty (or give up after 6 min).
  const state = readLocalStackState(dataDir);
  if (!state) throw new Error(`no running stack in ${dataDir}`);
  useEmulatorEnvironment(state, { bucket: state.bucket, table: state.table });
  resetClients();
  const index = new DynamoIndexStore();
  const ids = [...new Set(sent.map((s) => s.id))];
  const settleDeadline = Date.now() + 360_000;
  let unfinished = ids.length;
  let pending = 0;
  while (Date.now() < settleDeadline) {
    const docsNow = await Promise.all(ids.map((id) => index.getDocument(id)));
    unfinished = docsNow.filter((d) => !d || d.status === 'queued' || d.status === 'processing').length;
    pending = 0;
    for (const pk of PENDING_SHARDS) pending += (await queryAll({ TableName: 'quotedesk', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })).length;
    if (unfinished === 0 && pending === 0) break;
    await sleep(2000);
  }
  const settleSeconds = (Date.now() - started) / 1000 - ingestSeconds;
  clearInterval(rssTimer);

  // ---- checks, from the table itself
  const documents = new S3DocumentStore('quotedesk-local');
  const problems: string[] = [];
  const counts = { sent: sent.length, distinct: ids.length, done: 0, failedWithReason: 0, failedWithoutReason: 0, queued: 0, processing: 0, missing: 0 };
  const records = new Map<string, Awaited<ReturnType<DynamoIndexStore['getDocument']>>>();
  for (const id of ids) {
    const doc = await index.getDocument(id);
    records.set(id, doc);
    if (!doc) counts.missing++;
    else if (doc.status === 'done') counts.done++;
    else if (doc.status === 'failed') (doc.reason ? counts.failedWithReason++ : counts.failedWithoutReason++);
    else counts[doc.status]++;
  }
  if (counts.missing) problems.push(`${counts.missing} documents sent have no record`);
  if (counts.queued || counts.processing) problems.push(`${counts.queued} queued and ${counts.processing} processing after settling`);
  if (counts.failedWithoutReason) problems.push(`${counts.failedWithoutReason} failed without a reason`);
  if (pending) problems.push(`${pending} documents still on the work list`);

  // S3: every raw object is a known document; every known document's raw object and (done) result exist.
  const rawKeys: string[] = [];
  for await (const o of documents.listKeys(RAW_PREFIX)) if (!isRequestKey(o.key)) rawKeys.push(o.key);
  const rawIds = new Set(rawKeys.map((k) => k.split('/')[1]));
  const s3 = { rawObjects: rawKeys.length, orphans: [...rawIds].filter((id) => !records.has(id)).length, rawMissing: 0, resultsMissing: 0 };
  for (const [id, doc] of records) {
    if (!doc) continue;
    if (!(await documents.headRaw(doc.rawKeys[0]))) s3.rawMissing++;
    if (doc.status === 'done' && !(await documents.getResult(resultKeyFor(id)))) s3.resultsMissing++;
  }
  if (s3.orphans) problems.push(`${s3.orphans} raw objects in S3 with no document record`);
  if (s3.rawMissing) problems.push(`${s3.rawMissing} documents whose raw object is missing`);
  if (s3.resultsMissing) problems.push(`${s3.resultsMissing} done documents without a result JSON`);

  // gsi2 (documents by month: keys only) against the table, and the API's list.
  const months = ((await docClient().send(new QueryCommand({ TableName: 'quotedesk', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'SHARDS' } }))).Items ?? [])
    .flatMap((i) => (i.sk === 'DOCS' ? [...(i.months as Set<string>)] : []));
  const gsiDocs = new Map<string, number>();
  let gsiStale = 0;
  for (const month of months) {
    for (const item of await queryAll({ TableName: 'quotedesk', IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `DOCS#${month}` } })) {
      const id = String(item.pk).slice('DOC#'.length);
      gsiDocs.set(id, (gsiDocs.get(id) ?? 0) + 1);
      const table = records.get(id);
      if (table && `${table.sortDate}#${id}` !== item.gsi2sk) gsiStale++;
    }
  }
  const gsi2 = { entries: [...gsiDocs.values()].reduce((a, b) => a + b, 0), duplicates: [...gsiDocs.values()].filter((n) => n > 1).length, missing: ids.filter((id) => !gsiDocs.has(id)).length, stale: gsiStale };
  if (gsi2.duplicates || gsi2.missing || gsi2.stale) problems.push(`gsi2 disagrees with the table: ${JSON.stringify(gsi2)}`);

  // Items against the result JSON, and the API's quotes by date (each document's, through gsi2) against the committed quotes.
  const items = { checked: 0, mismatched: 0, staleItems: 0, listedMissing: 0, listedExtra: 0, listedTwice: 0 };
  const listedByDoc = new Map<string, string[]>();
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const url = new URL(`${apiUrl}/quotes`);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${writer}` } })).json()) as { items: Array<{ id: string; documentId: string }>; cursor: string | null };
    for (const q of page.items) listedByDoc.set(q.documentId, [...(listedByDoc.get(q.documentId) ?? []), q.id]);
    cursor = page.cursor;
  }
  for (const [id, doc] of records) {
    if (doc?.status !== 'done') continue;
    items.checked++;
    const result = (await documents.getResult(resultKeyFor(id))) as { quotes: Array<{ id: string }>; claims: Array<{ id: string }>; nameFlags: unknown[]; version?: string } | null;
    const partition = await queryAll({ TableName: 'quotedesk', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DOC#${id}` }, ConsistentRead: true });
    const committed = partition.filter((i) => i.sk !== 'META' && i.v === doc.version);
    items.staleItems += partition.filter((i) => i.sk !== 'META' && i.v !== doc.version && !(i.type === 'flag' && i.status === 'rejected')).length;
    const quotes = committed.filter(isQuotePack).flatMap(unpackQuotes).map((i) => String(i.id)).sort();
    // Claims live in the search projection: the API reads them from there.
    const claims: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const url = new URL(`${apiUrl}/documents/${encodeURIComponent(id)}/claims`);
      url.searchParams.set('limit', '100');
      if (cursor) url.searchParams.set('cursor', cursor);
      const page = (await (await fetch(url, { headers: { authorization: `Bearer ${writer}` } })).json()) as { items: Array<{ id: string }>; cursor: string | null };
      claims.push(...page.items.map((c) => c.id));
      cursor = page.cursor;
    }
    claims.sort();
    const flags = committed.filter((i) => i.type === 'flag').length;
    const same = result && result.version === doc.version &&
      JSON.stringify(quotes) === JSON.stringify(result.quotes.map((q) => q.id).sort()) &&
      JSON.stringify(claims) === JSON.stringify(result.claims.map((c) => c.id).sort()) &&
      flags === result.nameFlags.length &&
      doc.counts?.quotes === quotes.length && doc.counts?.claims === claims.length;
    if (!same) items.mismatched++;
    const listed = listedByDoc.get(id) ?? [];
    items.listedTwice += listed.length - new Set(listed).size;
    for (const q of quotes) if (!listed.includes(q)) items.listedMissing++;
    for (const q of new Set(listed)) if (!quotes.includes(q)) items.listedExtra++;
  }
  if (items.mismatched) problems.push(`${items.mismatched} done documents whose index items differ from their result JSON`);
  if (items.staleItems) problems.push(`${items.staleItems} items of uncommitted or old versions left`);
  if (items.listedMissing || items.listedExtra || items.listedTwice) problems.push(`the quotes by date disagree with the committed quotes: ${items.listedMissing} missing, ${items.listedExtra} extra, ${items.listedTwice} twice`);

  // The API's document list (served from gsi2, checked against the table): each document once.
  const listed = new Map<string, number>();
  let cursor: string | null = null;
  do {
    const url = new URL(`${apiUrl}/documents`);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${writer}` } })).json()) as { items: Array<{ id: string }>; cursor: string | null };
    for (const item of page.items) listed.set(item.id, (listed.get(item.id) ?? 0) + 1);
    cursor = page.cursor;
  } while (cursor);
  const api = { listed: [...listed.values()].reduce((a, b) => a + b, 0), duplicates: [...listed.values()].filter((n) => n > 1).length, missing: ids.filter((id) => !listed.has(id)).length };
  if (api.duplicates || api.missing) problems.push(`GET /documents disagrees: ${JSON.stringify(api)}`);

  const deadLetters = existsSync(join(dataDir, 'dead-letters.jsonl')) ? readFileSync(join(dataDir, 'dead-letters.jsonl'), 'utf8').split('\n').filter(Boolean) : [];
  const failedReasons = new Map<string, number>();
  for (const doc of records.values()) if (doc?.status === 'failed') failedReasons.set(String(doc.reason).slice(0, 90), (failedReasons.get(String(doc.reason).slice(0, 90)) ?? 0) + 1);

  await stack.stop();
  const report = {
    seed: seedUsed,
    documents: counts,
    kills: killLog,
    restartsOk: stack.restarts,
    startup: stack.startupLines,
    clientRetries: { cli: stats.cliRetries.retries, api: stats.apiRetries.retries },
    s3,
    gsi2,
    api,
    items,
    deadLetters: deadLetters.length,
    failedReasons: Object.fromEntries(failedReasons),
    seconds: { ingest: Math.round(ingestSeconds), settle: Math.round(settleSeconds) },
    peakStackRssMb: stack.peakRssMb,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (problems.length > 0) {
    process.stdout.write(`\nFAILED (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}\nstack log: ${join(work, 'stack.log')}\n`);
    process.exit(1);
  }
  process.stdout.write(`\nOK: ${counts.distinct} documents, ${counts.done} done, ${counts.failedWithReason} failed with a reason, nothing lost, after ${stack.restarts} kill -9 restarts\n`);
  if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`check:faults: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
