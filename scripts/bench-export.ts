/**
 * `npm run bench:export [-- --quotes 100000 --per-document 50]`
 *
 * Starts a fresh local stack as `npm start` runs it (its own process, data in a temporary folder) and
 * seeds it with that many quotes, written straight into the index the way the process function stores
 * them (documents with metadata, speakers, quotes of typical length, each document's result JSON in S3;
 * no extraction, so seeding stays minutes, not hours), then has the stack rebuild its search projection
 * from S3 (`POST /search/reindex`). Then times `GET /export` on the stack (what `quotedesk export` streams
 * locally) over all of them in each format and once filtered by speaker, with the stack's peak RSS; the
 * same CSV read from the index alone (no search database: this process, the DynamoDB pages); and the real
 * command, `quotedesk export quotes --out FILE`, from its start to its exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connectToLocalStack } from '../infra/local.ts';
import { StackProcess, freePort, stackEnvironment } from './stack-process.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { exportStream, ExportRequestSchema } from '../shared/export/export.ts';
import { IndexExportReader } from '../shared/export/index-reader.ts';
import { EXPORT_FORMATS } from '../shared/export/formats.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { resultKeyFor } from '../shared/pipeline/s3-keys.ts';
import type { DocumentRecord, QuoteRecord, SpeakerRecord } from '../shared/storage/ports.ts';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const totalQuotes = option('quotes', 100_000);
const perDocument = option('per-document', 50);
const SPEAKERS = 10;
/**
 * Quotes about as long as the news corpus's (120 characters), made of stop words, which the word index
 * skips: seeding writes one item a quote. Ten wordings, so no column compresses to nothing.
 */
const WORDINGS = ['it is what it is', 'we will be there for you', 'as we said we would be', 'it was so then', 'and it is so for them', 'they were with us', 'that is what there is', 'we were not there', 'so it will be', 'this is who we are'];
const quoteText = (n: number) => `“${WORDINGS[n % 10]}, and ${WORDINGS[(n >> 3) % 10]}; ${WORDINGS[(n >> 5) % 10]}, as ${WORDINGS[(n >> 7) % 10]}, if ${WORDINGS[(n >> 9) % 10]},”`;

const VERSION = 'r0000000000001';

function seedDocument(n: number): { document: DocumentRecord; quotes: QuoteRecord[]; speakers: Array<SpeakerRecord & { mentions: number }>; result: unknown } {
  const day = `2019-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`;
  const id = `dbench${String(n).padStart(6, '0')}`;
  const document: DocumentRecord = {
    id, status: 'done', version: VERSION, rawKeys: [`raw/${id}.txt`], sortDate: day, publishedAt: day, dateSource: 'record', receivedAt: day, updatedAt: day,
    title: `Bench document ${n}, with a title of usual length`, url: `https://example.org/news/${n}`, source: 'Bench Gazette', collection: `bench-${n % 4}`, externalId: `bench-${n}`,
    counts: { speakers: 1, quotes: perDocument, claims: 0, flags: 0 },
  };
  const speakerId = `sp_bench${n % SPEAKERS}`;
  const speaker = `Speaker Number${n % SPEAKERS}`;
  const quotes = Array.from({ length: perDocument }, (_, q): QuoteRecord => ({
    id: `q${q + 1}`, documentId: id, start: q * 200, end: q * 200 + quoteText(n * perDocument + q).length, text: quoteText(n * perDocument + q), kind: 'direct', confidence: 0.9, cue: 'said',
    speakerId, speaker, sortDate: day, publishedAt: day, source: document.source, collection: document.collection, documentTitle: document.title,
  }));
  // The result JSON the process function would have written, from which the stack rebuilds its search projection.
  const result = {
    version: VERSION, speakerIds: { s1: speakerId }, claims: [], nameFlags: [],
    speakers: [{ id: 's1', name: speaker, kind: 'person', mentions: [], variants: [speaker] }],
    quotes: quotes.map(({ id: quoteId, start, end, text, kind, confidence, cue }) => ({ id: quoteId, start, end, text, kind, confidence, cue, speakerId: 's1', speaker, via: 'cue-after' })),
  };
  return { document, quotes, speakers: [{ id: speakerId, canonical: speaker, kind: 'person', variants: [speaker], quoteCount: perDocument, mentions: perDocument }], result };
}

interface Measured {
  bytes: number;
  newlines: number;
  seconds: number;
}

async function measure(chunks: AsyncIterable<Uint8Array>, countLines: boolean): Promise<Measured> {
  const started = process.hrtime.bigint();
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (countLines) for (const byte of chunk) if (byte === 0x0a) newlines++;
  }
  return { bytes, newlines, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function row(label: string, format: string, rowsIfBinary: number, m: Measured, rss: string): string {
  const rows = format === 'csv' ? m.newlines - 1 : format === 'jsonl' ? m.newlines : rowsIfBinary;
  return `| ${label} | ${rows.toLocaleString('en')} | ${(m.bytes / 1e6).toFixed(1)} | ${m.seconds.toFixed(1)} | ${Math.round(rows / m.seconds).toLocaleString('en')} | ${rss} |`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-bench-export-'));
  const dataDir = join(work, 'data');
  const ports = { dataDir, s3: await freePort(), dynamo: await freePort(), api: await freePort() };
  const { env, writer } = stackEnvironment(ports, { QUOTEDESK_SWEEP_INTERVAL: 'off' });
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const stack = new StackProcess(env, join(work, 'stack.log'));
  await stack.start();
  try {
    if (!connectToLocalStack(dataDir)) throw new Error('the local stack did not write its state file');
    const index = new DynamoIndexStore();
    const results = new S3DocumentStore();
    const documents = Math.ceil(totalQuotes / perDocument);
    const seedStart = Date.now();
    for (let n = 0; n < documents; n += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, documents - n) }, async (_, k) => {
          const { document, quotes, speakers, result } = seedDocument(n + k);
          await index.registerDocument(document);
          await index.indexDocument({ document, quotes, claims: [], speakers, flags: [] }, VERSION);
          await results.putResult(resultKeyFor(document.id), result);
          await index.clearPending(document.id);
        }),
      );
    }
    const reindexed = await fetch(`${apiUrl}/search/reindex`, { method: 'POST', headers: { authorization: `Bearer ${writer}` } });
    const report = (await reindexed.json()) as { projected?: number; documents?: number };
    if (!reindexed.ok || report.projected !== documents) throw new Error(`the search projection was not rebuilt: ${JSON.stringify(report)}`);
    console.log(`seeded ${documents * perDocument} quotes in ${documents} documents, index and search projection, in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);

    const runs = [
      ...EXPORT_FORMATS.map((format) => ({ label: `quotes, ${format}`, query: `table=quotes&format=${format}`, format, rows: totalQuotes })),
      { label: 'quotes of one speaker, csv', query: 'table=quotes&format=csv&speaker=Speaker%20Number3', format: 'csv', rows: totalQuotes / SPEAKERS },
    ];
    console.log('| export | rows | MB | seconds | rows/s | peak RSS of the exporting process, MB (before) |');
    console.log('|---|---|---|---|---|---|');
    for (const run of runs) {
      stack.peakRssMb = 0;
      stack.sampleRss();
      const before = stack.peakRssMb;
      const sampler = setInterval(() => stack.sampleRss(), 50);
      const response = await fetch(`${apiUrl}/export?${run.query}`, { headers: { authorization: `Bearer ${env.QUOTEDESK_READER_TOKEN}` } });
      if (!response.ok || !response.body) throw new Error(`GET /export?${run.query}: ${response.status} ${await response.text()}`);
      const measured = await measure(response.body as unknown as AsyncIterable<Uint8Array>, run.format !== 'parquet');
      clearInterval(sampler);
      console.log(row(`GET /export, ${run.label}`, run.format, run.rows, measured, `${stack.peakRssMb} (${before}), the stack`));
    }

    // Without a search database the export reads the index's pages (here in this process, over the SDK).
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const indexOnly = await measure(exportStream(new IndexExportReader(index), ExportRequestSchema.parse({ table: 'quotes', format: 'csv' })), true);
    clearInterval(sampler);
    console.log(row('index only (no search database), quotes, csv', 'csv', totalQuotes, indexOnly, `${Math.round(peak / 1e6)} (${Math.round(before / 1e6)})`));

    const out = join(work, 'quotes.csv');
    const started = Date.now();
    await promisify(execFile)(process.execPath, [new URL('../bin/quotedesk.mjs', import.meta.url).pathname, 'export', 'quotes', '--out', out], { env });
    const seconds = (Date.now() - started) / 1000;
    console.log(`| \`quotedesk export quotes --out FILE\` (start to exit) | ${totalQuotes.toLocaleString('en')} | ${(statSync(out).size / 1e6).toFixed(1)} | ${seconds.toFixed(1)} | ${Math.round(totalQuotes / seconds).toLocaleString('en')} | |`);
  } finally {
    await stack.stop();
  }
}

await main();
