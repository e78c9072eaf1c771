/**
 * Load test of the query API on the local stack: `npm run bench:api -- [options]`.
 *
 * Starts dynalite + s3rver (fresh, in a temp folder), indexes documents through the pipeline (the same
 * DocumentPipeline the process function runs: text conversion, extraction, index writes), serves the API over
 * HTTP, then runs autocannon against `GET /quotes?speaker=` (DynamoDB) and `GET /quotes?q=` (the search
 * projection on PGlite) and prints p50 / p99 latency, requests/s, errors, and the DynamoDB requests and
 * read units per page (counted by `request-meter.ts`).
 *
 *   --corpus FILE.jsonl   documents ({"id","title","text",...} per line); repeatable, e.g.
 *                         --corpus ../shared/corpora/news/wikinews-2019-2020.jsonl
 *                         --corpus ../shared/corpora/press-releases/congress-press-releases.jsonl
 *                         without it, --docs generated articles are used
 *   --docs N              documents to index (default 1050; with --corpus: all of them, or the first N)
 *   --duration S          seconds per scenario (default 30)     --connections N   (default 32)
 *   --json FILE           also write the figures as JSON
 */
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RAW_PREFIX } from '../shared/pipeline/s3-keys.ts';
import { depsFromEnv } from '../shared/api/runtime.ts';
import { startApi } from '../shared/api/serve.ts';
import { extract } from '../shared/extract/index.ts';
import { DocumentPipeline, type Extract } from '../shared/pipeline/process-document.ts';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment } from '../infra/local/emulators.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { toDocumentText } from '../shared/text/formats.ts';
import { PgliteSql } from '../shared/storage/sql-pglite.ts';
import { searchServices, useSearchDatabase } from '../shared/storage/search-database.ts';
import { RequestMeter } from './request-meter.ts';
import { generated, type SeedDoc } from './generated-articles.ts';

const require = createRequire(import.meta.url);
// autocannon ships no types; the few fields read here are checked below.
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    docs: { type: 'string' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '32' },
    json: { type: 'string' },
  },
});

async function corpusDocs(files: string[]): Promise<SeedDoc[]> {
  const docs: SeedDoc[] = [];
  for (const file of files) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { id?: string; title?: string | null; text?: string; publishedAt?: string; source?: string };
      if (typeof row.text === 'string' && row.text.trim()) {
        docs.push({ id: String(row.id ?? docs.length), title: row.title ?? undefined, text: row.text, publishedAt: row.publishedAt, source: row.source });
      }
    }
  }
  return docs;
}

async function main(): Promise<number> {
  const limit = values.docs ? Number(values.docs) : undefined;
  const docs = values.corpus?.length ? (await corpusDocs(values.corpus)).slice(0, limit) : generated(limit ?? 1050);
  const duration = Number(values.duration);
  const connections = Number(values.connections);

  const dataDir = await mkdtemp(join(tmpdir(), 'quotedesk-bench-api-'));
  const emulators = await startEmulators({ s3Directory: join(dataDir, 's3'), dynamoPath: undefined });
  const names = { bucket: 'quotedesk-bench', table: 'quotedesk-bench' };
  useEmulatorEnvironment(emulators, names);
  await ensureBucketAndTable(names);
  const sql = await PgliteSql.open();
  useSearchDatabase(sql);
  try {
    const documents = new S3DocumentStore();
    const index = new DynamoIndexStore();
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: extract as Extract, search: async () => (await searchServices())?.projection ?? null });
    const meter = await new RequestMeter().attach();

    // Index through the pipeline, two at a time (the machine has two cores).
    const started = Date.now();
    let next = 0;
    let done = 0;
    let failed = 0;
    const speakerCounts = new Map<string, number>();
    const wordCounts = new Map<string, number>();
    const worker = async () => {
      while (next < docs.length) {
        const doc = docs[next++];
        const key = `${RAW_PREFIX}bench/${doc.id.replace(/[^A-Za-z0-9._-]+/g, '_')}.txt`;
        await documents.putRaw(key, Buffer.from(doc.text, 'utf8'), { contentType: 'text/plain; charset=utf-8', title: doc.title, publishedAt: doc.publishedAt, source: doc.source });
        const outcome = await pipeline.processObject(key);
        if (outcome.status === 'done') done++;
        else if (outcome.status === 'failed') failed++;
        if ((done + failed) % 100 === 0) process.stderr.write(`indexed ${done + failed}/${docs.length}\n`);
      }
    };
    await Promise.all([worker(), worker()]);
    const seedSeconds = (Date.now() - started) / 1000;
    process.stderr.write(`indexed ${done} documents (${failed} failed) in ${seedSeconds.toFixed(1)} s\n`);

    // Query targets taken from what was indexed (through the index, newest quotes first): most quoted speakers, common words.
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await index.listQuotes({ limit: 100, cursor });
      for (const quote of page.items) {
        if (quote.speaker && /\s/.test(quote.speaker)) speakerCounts.set(quote.speaker, (speakerCounts.get(quote.speaker) ?? 0) + 1);
        for (const word of quote.text.toLowerCase().match(/[a-z]{6,}/g) ?? []) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
      }
      cursor = page.cursor;
      if (!cursor) break;
    }
    const top = (counts: Map<string, number>, n: number) => [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k]) => k);
    const speakers = top(speakerCounts, 20);
    const words = top(wordCounts, 20);
    if (speakers.length === 0 || words.length === 0) throw new Error('nothing was indexed to query');

    const writer = 'bench-writer-token-0123456789';
    const reader = 'bench-reader-token-0123456789';
    const api = await startApi({ ...depsFromEnv({ QUOTEDESK_WRITER_TOKEN: writer, QUOTEDESK_READER_TOKEN: reader }), log: () => undefined });
    const headers = { authorization: `Bearer ${reader}` };
    const scenarios = [
      { name: 'GET /quotes?speaker=', paths: speakers.map((s) => `/quotes?speaker=${encodeURIComponent(s)}&limit=20`) },
      { name: 'GET /quotes?q=', paths: words.map((w) => `/quotes?q=${encodeURIComponent(w)}&limit=20`) },
    ];
    const figures: Record<string, unknown>[] = [];
    for (const scenario of scenarios) {
      // Warm up (JIT, connection pools) before measuring.
      await autocannon({ url: api.url, connections: 4, duration: 2, headers, requests: scenario.paths.map((path) => ({ method: 'GET', path })) });
      meter.read(true);
      // The load generator runs in a worker thread so it does not share the server's event loop.
      const result = await autocannon({
        url: api.url,
        connections,
        duration,
        workers: 1,
        // A slow answer is measured as latency, not dropped as an error (autocannon's default gives up after 10 s).
        timeout: 30,
        headers,
        requests: scenario.paths.map((path) => ({ method: 'GET', path })),
      });
      const reads = meter.read(true);
      const pages = Math.max(1, result.requests.total);
      const row = {
        scenario: scenario.name,
        connections,
        seconds: result.duration,
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        p50ms: result.latency.p50,
        p99ms: result.latency.p99,
        maxMs: result.latency.max,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        dynamoRequestsPerPage: Number((reads.dynamoRequests / pages).toFixed(2)),
        readUnitsPerPage: Number((reads.readUnits / pages).toFixed(2)),
      };
      figures.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
    await api.close();
    const summary = { documents: done, failed, seedSeconds, speakersQueried: speakers.length, wordsQueried: words.length, scenarios: figures };
    process.stdout.write(
      [
        '',
        `| scenario (${done} documents, ${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors | non-2xx | DynamoDB requests / page | read units / page |`,
        '|---|---|---|---|---|---|---|---|',
        ...figures.map((f) => `| ${f.scenario} | ${f.requestsPerSecond} | ${f.p50ms} | ${f.p99ms} | ${f.errors} | ${f.non2xx} | ${f.dynamoRequestsPerPage} | ${f.readUnitsPerPage} |`),
        '',
      ].join('\n'),
    );
    if (values.json) await writeFile(values.json, JSON.stringify(summary, null, 2));
    const bad = figures.some((f) => Number(f.errors) > 0 || Number(f.non2xx) > 0);
    return bad ? 1 : 0;
  } finally {
    useSearchDatabase(undefined);
    await sql.close();
    await emulators.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench:api: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
