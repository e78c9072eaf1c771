/**
 * `npm run bench:export [-- --quotes 100000 --per-document 50]`
 *
 * Starts a fresh local stack as `npm start` runs it (its own process, data in a temporary folder) and
 * seeds it with that many quotes, written straight into the index the way the process function stores
 * them (documents with metadata, speakers, quotes of typical length; no extraction, so seeding stays
 * minutes, not hours). Then times `exportStream`, the code behind `quotedesk export` and `GET /export`,
 * over all of them in each format and once filtered by speaker, with this process's peak RSS, and once
 * the real command, `quotedesk export quotes --out FILE`, from its start to its exit.
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

function seedDocument(n: number): { document: DocumentRecord; quotes: QuoteRecord[]; speakers: Array<SpeakerRecord & { mentions: number }> } {
  const day = `2019-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`;
  const id = `dbench${String(n).padStart(6, '0')}`;
  const document: DocumentRecord = {
    id, status: 'done', rawKeys: [`raw/${id}.txt`], sortDate: day, publishedAt: day, dateSource: 'record', receivedAt: day, updatedAt: day,
    title: `Bench document ${n}, with a title of usual length`, url: `https://example.org/news/${n}`, source: 'Bench Gazette', collection: `bench-${n % 4}`, externalId: `bench-${n}`,
    counts: { speakers: 1, quotes: perDocument, claims: 0, flags: 0 },
  };
  const speakerId = `sp_bench${n % SPEAKERS}`;
  const speaker = `Speaker Number${n % SPEAKERS}`;
  const quotes = Array.from({ length: perDocument }, (_, q): QuoteRecord => ({
    id: `q${q + 1}`, documentId: id, start: q * 200, end: q * 200 + quoteText(n * perDocument + q).length, text: quoteText(n * perDocument + q), kind: 'direct', confidence: 0.9, cue: 'said',
    speakerId, speaker, sortDate: day, publishedAt: day, source: document.source, collection: document.collection, documentTitle: document.title,
  }));
  return { document, quotes, speakers: [{ id: speakerId, canonical: speaker, kind: 'person', variants: [speaker], quoteCount: perDocument, mentions: perDocument }] };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-bench-export-'));
  const dataDir = join(work, 'data');
  const { env } = stackEnvironment({ dataDir, s3: await freePort(), dynamo: await freePort(), api: await freePort() }, { QUOTEDESK_SWEEP_INTERVAL: 'off' });
  const stack = new StackProcess(env, join(work, 'stack.log'));
  await stack.start();
  try {
    if (!connectToLocalStack(dataDir)) throw new Error('the local stack did not write its state file');
    const index = new DynamoIndexStore();
    const documents = Math.ceil(totalQuotes / perDocument);
    const seedStart = Date.now();
    for (let n = 0; n < documents; n += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, documents - n) }, async (_, k) => {
          const { document, quotes, speakers } = seedDocument(n + k);
          await index.registerDocument(document);
          await index.indexDocument({ document, quotes, claims: [], speakers, flags: [] });
          await index.clearPending(document.id);
        }),
      );
    }
    console.log(`seeded ${documents * perDocument} quotes in ${documents} documents in ${((Date.now() - seedStart) / 1000).toFixed(0)} s`);

    const reader = new IndexExportReader(index);
    const runs = [
      ...EXPORT_FORMATS.map((format) => ({ label: `quotes, ${format}`, request: { table: 'quotes', format } })),
      { label: 'quotes of one speaker, csv', request: { table: 'quotes', format: 'csv', speaker: 'Speaker Number3' } },
    ];
    console.log('| export | rows | MB | seconds | rows/s | peak RSS MB (before) |');
    console.log('|---|---|---|---|---|---|');
    for (const { label, request } of runs) {
      const parsed = ExportRequestSchema.parse(request);
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = process.hrtime.bigint();
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of exportStream(reader, parsed)) {
        bytes += chunk.byteLength;
        if (parsed.format !== 'parquet') for (const byte of chunk) if (byte === 0x0a) newlines++;
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      clearInterval(sampler);
      const rows = parsed.format === 'csv' ? newlines - 1 : parsed.format === 'jsonl' ? newlines : parsed.speaker ? totalQuotes / SPEAKERS : totalQuotes;
      console.log(`| ${label} | ${rows.toLocaleString('en')} | ${(bytes / 1e6).toFixed(1)} | ${seconds.toFixed(1)} | ${Math.round(rows / seconds).toLocaleString('en')} | ${Math.round(peak / 1e6)} (${Math.round(before / 1e6)}) |`);
    }
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
