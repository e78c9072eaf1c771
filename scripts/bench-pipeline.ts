/**
 * `npm run bench:pipeline -- --news ../shared/corpora/news/wikinews-2019-2020.jsonl
 *    --press ../shared/corpora/press-releases/congress-press-releases.jsonl [--allina ../shared/fixtures/allina-union.txt]
 *    [--limit N] [--concurrency N] [--json FILE]`
 *
 * Ingests the corpora into a fresh, temporary local stack (s3rver + dynalite + the process function
 * behind the local SQS-shaped queue), waits until every event is handled, then checks that nothing is
 * lost (every document done, or failed with a reason; S3, index and ingest summary agree) and reports
 * documents/s end to end, index items per document, the S3 and DynamoDB requests and DynamoDB write
 * units per document (every request of upload and processing, counted by `request-meter.ts`), and
 * stored bytes per document.
 * With --allina: looks the founding example's speaker up as "Saunders-Jandro" and prints her quotes and flags.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack } from '../infra/local.ts';
import { RAW_PREFIX, RESULTS_PREFIX } from '../shared/pipeline/s3-keys.ts';
import { ingest, type IngestSummary } from '../cli/ingest.ts';
import { DocumentIntakeService } from '../shared/pipeline/intake.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore, itemSize } from '../shared/storage/dynamo-index.ts';
import { docClient, tableName } from '../shared/storage/clients.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentRecord } from '../shared/storage/ports.ts';
import { RequestMeter } from './request-meter.ts';
import { searchDatabase } from '../shared/storage/search-database.ts';
import { PgliteSql } from '../shared/storage/sql-pglite.ts';
import { limited, option } from './corpus-args.ts';

async function allDocuments(index: DynamoIndexStore): Promise<DocumentRecord[]> {
  const out: DocumentRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await index.listDocuments({ limit: 100, cursor });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

async function partitionBytes(documentId: string): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await docClient().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DOC#${documentId}` }, ExclusiveStartKey: start }));
    for (const item of result.Items ?? []) {
      items++;
      bytes += itemSize(item);
    }
    start = result.LastEvaluatedKey;
  } while (start);
  return { items, bytes };
}

async function s3Totals(prefix: string): Promise<{ objects: number; bytes: number }> {
  let objects = 0;
  let bytes = 0;
  for await (const object of new S3DocumentStore().listKeys(prefix)) {
    objects++;
    bytes += object.size;
  }
  return { objects, bytes };
}

async function allinaCheck(path: string, intake: DocumentIntakeService, idle: () => Promise<void>) {
  const index = new DynamoIndexStore();
  const submitted = await intake.submit(readFileSync(path), { filename: 'allina-union.txt', contentType: 'text/plain', source: 'fixture' });
  await idle();
  const doc = await index.getDocument(submitted.id);
  const ids = await index.resolveSpeaker('Saunders-Jandro');
  const quotes = await index.listQuotes({ speaker: 'Saunders-Jandro', limit: 50 });
  const speaker = ids[0] ? await index.getSpeaker(ids[0]) : null;
  const flags = await index.flagsOfDocument(submitted.id, { limit: 50 });
  const openFlags = flags.items.filter((f) => f.status === 'open');
  return {
    documentStatus: doc?.status,
    reason: doc?.reason,
    resolvedSpeakers: ids.length,
    speaker: speaker ? { canonical: speaker.canonical, title: speaker.title, variants: speaker.variants, quoteCount: speaker.quoteCount } : null,
    quotes: quotes.items.map((q) => ({ speaker: q.speaker, kind: q.kind, text: q.text.length > 90 ? `${q.text.slice(0, 87)}…` : q.text })),
    openFlags: openFlags.map((f) => ({ canonical: f.canonical, variants: f.variants.map((v) => v.name) })),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const news = option(args, 'news');
  const press = option(args, 'press');
  const allina = option(args, 'allina');
  const limit = option(args, 'limit') ? Number(option(args, 'limit')) : undefined;
  const concurrency = Number(option(args, 'concurrency') ?? 2);
  const jsonOut = option(args, 'json');
  const inputs = [news, press].filter((p): p is string => Boolean(p));
  if (inputs.length === 0 && !allina) throw new Error('give --news FILE and/or --press FILE (and/or --allina FILE)');

  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-bench-'));
  const stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: null, crawlIntervalSeconds: null, concurrency, log: () => undefined });
  const meter = await new RequestMeter().attach();
  try {
    const intake = new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore());
    const started = Date.now();
    const summaries: Array<{ input: string; summary: IngestSummary }> = [];
    for (const input of inputs) {
      const summary = await ingest([limited(input, limit, work)], { uploader: (b, m) => intake.submit(b, m), concurrency: 8 });
      summaries.push({ input, summary });
      process.stderr.write(`${input}: uploaded ${summary.uploaded}, duplicates ${summary.duplicates}, failed ${summary.failed.length}\n`);
    }
    const uploadSeconds = (Date.now() - started) / 1000;
    await stack.idle();
    const seconds = (Date.now() - started) / 1000;
    // Everything uploading and processing sent; the checks below read more and are not counted.
    const metered = meter.read();
    const database = searchDatabase();
    const sqlStatements = database instanceof PgliteSql ? database.statements : 0;
    const sqlMilliseconds = database instanceof PgliteSql ? database.milliseconds : 0;
    const [searchSize] = database
      ? await database.query<{ bytes: number }>("SELECT (pg_total_relation_size('search_quotes') + pg_total_relation_size('search_claims') + pg_total_relation_size('search_documents'))::bigint AS bytes")
      : [{ bytes: 0 }];

    const index = new DynamoIndexStore();
    const docs = await allDocuments(index);
    const counts = await index.countByStatus();
    const uploaded = summaries.reduce((n, s) => n + s.summary.uploaded, 0);
    const done = docs.filter((d) => d.status === 'done');
    const failed = docs.filter((d) => d.status === 'failed');
    const lost = docs.filter((d) => d.status !== 'done' && !(d.status === 'failed' && d.reason));
    const raw = await s3Totals(RAW_PREFIX);
    const results = await s3Totals(RESULTS_PREFIX);
    let indexItems = 0;
    let indexBytes = 0;
    for (const doc of docs) {
      const partition = await partitionBytes(doc.id);
      indexItems += partition.items;
      indexBytes += partition.bytes;
    }
    const quotes = done.reduce((n, d) => n + (d.counts?.quotes ?? 0), 0);
    const reasons = new Map<string, number>();
    for (const doc of failed) reasons.set(doc.reason ?? '(none)', (reasons.get(doc.reason ?? '(none)') ?? 0) + 1);

    const checks = {
      everyDocumentDoneOrFailedWithReason: lost.length === 0,
      s3RawObjectsEqualUploaded: raw.objects === uploaded,
      indexDocumentsEqualUploaded: docs.length === uploaded,
      statusCountsEqualIndex: counts.done + counts.failed + counts.queued + counts.processing === docs.length,
      resultsEqualDone: results.objects === done.length,
      queueDeadLetters: stack.queueStats().deadLettered,
    };
    const report = {
      inputs: summaries.map((s) => ({ input: s.input, uploaded: s.summary.uploaded, duplicates: s.summary.duplicates, failed: s.summary.failed })),
      documents: docs.length,
      status: counts,
      failedReasons: Object.fromEntries(reasons),
      seconds: Number(seconds.toFixed(1)),
      uploadSeconds: Number(uploadSeconds.toFixed(1)),
      documentsPerSecond: Number((docs.length / seconds).toFixed(2)),
      quotes,
      indexItemsPerDocument: Number((indexItems / Math.max(1, docs.length)).toFixed(1)),
      indexBytesPerDocument: Math.round(indexBytes / Math.max(1, docs.length)),
      perDocument: {
        requests: Number(((metered.s3Requests + metered.dynamoRequests) / Math.max(1, docs.length)).toFixed(1)),
        s3Requests: Number((metered.s3Requests / Math.max(1, docs.length)).toFixed(1)),
        dynamoRequests: Number((metered.dynamoRequests / Math.max(1, docs.length)).toFixed(1)),
        writeUnits: Number((metered.writeUnits / Math.max(1, docs.length)).toFixed(1)),
        gsiWriteUnits: Number((metered.gsiWriteUnits / Math.max(1, docs.length)).toFixed(1)),
        readUnits: Number((metered.readUnits / Math.max(1, docs.length)).toFixed(1)),
        // The search projection's statements (Aurora Data API calls in AWS), besides the S3 and DynamoDB requests.
        sqlStatements: Number((sqlStatements / Math.max(1, docs.length)).toFixed(2)),
        sqlMilliseconds: Number((sqlMilliseconds / Math.max(1, docs.length)).toFixed(2)),
        searchBytes: Math.round(Number(searchSize.bytes) / Math.max(1, docs.length)),
        writeUnitsByKind: Object.fromEntries(Object.entries(metered.writeUnitsByKind).sort((a, b) => b[1] - a[1]).map(([kind, n]) => [kind, Number((n / Math.max(1, docs.length)).toFixed(2))])),
        byRequest: Object.fromEntries(Object.entries(metered.requests).sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, Number((n / Math.max(1, docs.length)).toFixed(2))])),
      },
      s3RawBytesPerDocument: Math.round(raw.bytes / Math.max(1, raw.objects)),
      s3ResultBytesPerDocument: Math.round(results.bytes / Math.max(1, results.objects)),
      concurrency,
      loadAverage: Number(loadavg()[0].toFixed(1)),
      checks,
      allina: allina ? await allinaCheck(allina, intake, () => stack.idle()) : undefined,
    };
    if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const ok = checks.everyDocumentDoneOrFailedWithReason && checks.s3RawObjectsEqualUploaded && checks.indexDocumentsEqualUploaded && checks.statusCountsEqualIndex && checks.resultsEqualDone;
    process.exitCode = ok ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:pipeline: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
