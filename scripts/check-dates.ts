/**
 * `npm run check:dates -- --corpora ../shared/corpora`
 *
 * Ingests the news and press-release corpora (JSONL) and the saved web pages (`html/<page>/source.html`)
 * into a fresh, temporary local stack, each under a collection of its own, through the real process
 * function. Then reports the share of documents with a publication date and where the dates came from,
 * and runs the 2019 date-range searches: the documents export and the quote search, over the Wikinews
 * collection, against the articles the corpus's own `source` line says were published in 2019 (that line
 * is read here only, to check; the pipeline never parses it). Exits 1 when a 2019 article is missed.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalStack } from '../infra/local.ts';
import { ingest } from '../cli/ingest.ts';
import { DocumentIntakeService } from '../shared/pipeline/intake.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { IndexExportReader } from '../shared/export/index-reader.ts';
import type { DocumentRecord } from '../shared/storage/ports.ts';

const i = process.argv.indexOf('--corpora');
const corpora = i >= 0 ? process.argv[i + 1] : '../shared/corpora';
const NEWS = join(corpora, 'news/wikinews-2019-2020.jsonl');
const PRESS = join(corpora, 'press-releases/congress-press-releases.jsonl');
const HTML = join(corpora, 'html');
if (!existsSync(NEWS)) throw new Error(`no corpus at ${NEWS}: pass --corpora DIR`);

const percent = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

async function main(): Promise<number> {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: null, crawlIntervalSeconds: null, log: () => undefined });
  try {
    const index = new DynamoIndexStore();
    const intake = new DocumentIntakeService(new S3DocumentStore(), index);
    const uploader = (body: Uint8Array, metadata: Parameters<DocumentIntakeService['submit']>[1]) => intake.submit(body, metadata);
    const pages = existsSync(HTML) ? readdirSync(HTML).map((page) => join(HTML, page, 'source.html')).filter(existsSync) : [];
    const started = Date.now();
    for (const [collection, paths] of [['wikinews', [NEWS]], ['press', [PRESS]], ['html', pages]] as const) {
      if (paths.length === 0) continue;
      const summary = await ingest([...paths], { uploader, concurrency: 8, collection });
      process.stderr.write(`${collection}: uploaded ${summary.uploaded}, duplicates ${summary.duplicates}, failed ${summary.failed.length}\n`);
    }
    await stack.idle();
    process.stderr.write(`ingested and processed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);

    const reader = new IndexExportReader(index);
    const all: DocumentRecord[] = [];
    for await (const doc of reader.documents({})) all.push(doc);
    console.log('| collection | documents (done) | with a date | record | html | dateline | press-header | date unknown |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const collection of ['wikinews', 'press', 'html', 'all']) {
      const docs = collection === 'all' ? all : all.filter((d) => d.collection === collection);
      const by = (source?: string) => docs.filter((d) => d.dateSource === source).length;
      const dated = docs.filter((d) => d.publishedAt).length;
      console.log(`| ${collection} | ${docs.length} | ${dated} (${percent(dated, docs.length)}) | ${by('record')} | ${by('html')} | ${by('dateline')} | ${by('press-header')} | ${docs.length - dated} |`);
    }

    // The corpus's own word on which articles are from 2019, by record id.
    const truth = readFileSync(NEWS, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; source?: string });
    const from2019 = new Set(truth.filter((r) => /published 2019-/.test(r.source ?? '')).map((r) => r.id));
    const found = new Set<string>();
    for await (const doc of reader.documents({ collection: 'wikinews', from: '2019-01-01', to: '2019-12-31' })) found.add(doc.externalId ?? doc.id);
    const missed = [...from2019].filter((id) => !found.has(id));
    const extra = [...found].filter((id) => !from2019.has(id));
    console.log(`\n2019 date-range search (documents, collection wikinews): ${found.size} found; ${from2019.size - missed.length} of the ${from2019.size} 2019 articles, ${missed.length} missed, ${extra.length} from another year`);

    const byId = new Map(all.map((d) => [d.id, d]));
    const quoted = new Set<string>();
    for await (const quote of reader.quotes({ collection: 'wikinews', from: '2019-01-01', to: '2019-12-31' })) quoted.add(byId.get(quote.documentId)?.externalId ?? quote.documentId);
    const withQuotes = [...from2019].filter((id) => all.some((d) => d.externalId === id && (d.counts?.quotes ?? 0) > 0));
    console.log(`2019 quote search (GET /quotes?from=2019-01-01&to=2019-12-31&collection=wikinews): quotes from ${quoted.size} articles; ${withQuotes.filter((id) => quoted.has(id)).length} of the ${withQuotes.length} 2019 articles that have quotes`);
    if (missed.length > 0) console.log(`missed: ${missed.slice(0, 10).join(', ')}`);
    return missed.length > 0 ? 1 : 0;
  } finally {
    await stack.stop();
  }
}

process.exitCode = await main();
