/**
 * Load test of the query API on the local stack: `npm run bench:api -- [options]`.
 *
 * Starts dynalite + s3rver (fresh, in a temp folder), indexes documents through the pipeline (the same
 * DocumentPipeline the process function runs: text conversion, extraction, index writes), serves the API over
 * HTTP, then runs autocannon against `GET /quotes?speaker=` and `GET /quotes?q=` and prints p50 / p99 latency,
 * requests/s and errors.
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

interface SeedDoc {
  id: string;
  title?: string;
  text: string;
  publishedAt?: string;
  source?: string;
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

const FIRST = ['Maria', 'James', 'Aisha', 'Tomas', 'Li', 'Fatima', 'Oliver', 'Priya', 'Kwame', 'Elena', 'Hiroshi', 'Grace', 'Mateo', 'Ingrid', 'Omar', 'Chloe'];
const LAST = ['Alvarez', 'Okonkwo', 'Lindqvist', 'Nakamura', 'Brennan', 'Haddad', 'Kowalski', 'Osei', 'Fitzgerald', 'Moreau', 'Sato', 'Delgado', 'Whitaker'];
const TOPICS = ['budget', 'hospital', 'ferry', 'library', 'housing', 'transit', 'school', 'water', 'energy', 'harbour', 'police', 'climate'];
const VERBS = ['will fund', 'cannot ignore', 'must protect', 'has delayed', 'will review', 'supports', 'opposes', 'is expanding'];

/** Deterministic generated articles: named speakers, direct and indirect quotes, figures. */
function generated(count: number): SeedDoc[] {
  let seed = 42;
  const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length];
  return Array.from({ length: count }, (_, i) => {
    const a = `${pick(FIRST)} ${pick(LAST)}`;
    const b = `${pick(FIRST)} ${pick(LAST)}`;
    const topic = pick(TOPICS);
    const day = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, 10);
    const text = [
      `Council debates the ${topic} plan`,
      `The city council met on Tuesday to debate the ${topic} plan, which would cost ${10 + (i % 90)} million dollars over ${2 + (i % 5)} years.`,
      `"The council ${pick(VERBS)} the ${topic} plan because residents asked for it," said ${a}, who chairs the ${topic} committee.`,
      `${b} said that the ${topic} plan ${pick(VERBS)} the ${pick(TOPICS)} programme and that costs had risen by ${5 + (i % 30)} percent.`,
      `"We ${pick(VERBS)} every ${pick(TOPICS)} project in this city," ${a.split(' ')[1]} said. "Nobody should be surprised."`,
    ].join('\n\n');
    return { id: `gen-${i}`, title: `Council debates the ${topic} plan (${i})`, text, publishedAt: day, source: i % 2 ? 'gazette' : 'herald' };
  });
}

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
  try {
    const documents = new S3DocumentStore();
    const index = new DynamoIndexStore();
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: extract as Extract });

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
      };
      figures.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
    await api.close();
    const summary = { documents: done, failed, seedSeconds, speakersQueried: speakers.length, wordsQueried: words.length, scenarios: figures };
    process.stdout.write(
      [
        '',
        `| scenario (${done} documents, ${connections} connections, ${duration} s) | req/s | p50 ms | p99 ms | errors | non-2xx |`,
        '|---|---|---|---|---|---|',
        ...figures.map((f) => `| ${f.scenario} | ${f.requestsPerSecond} | ${f.p50ms} | ${f.p99ms} | ${f.errors} | ${f.non2xx} |`),
        '',
      ].join('\n'),
    );
    if (values.json) await writeFile(values.json, JSON.stringify(summary, null, 2));
    const bad = figures.some((f) => Number(f.errors) > 0 || Number(f.non2xx) > 0);
    return bad ? 1 : 0;
  } finally {
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
