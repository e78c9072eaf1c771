/**
 * `quotedesk ingest PATH… [--bucket NAME] [--concurrency N] [--collection NAME] [--source TEXT] [--wait] [--json]`
 * Uploads files and folders (.txt .md .html .pdf .docx, and .jsonl of {"id","title","text","url","publishedAt"})
 * to the running local stack, or with --bucket to a real bucket (QUOTEDESK_TABLE, when set, adds the
 * duplicate check). Same content twice is skipped as a duplicate. --wait polls until every uploaded
 * document is done or failed. Prints a summary: uploaded, skipped as duplicates, failed with reasons, and
 * with --wait how the documents ended, how many have no publication date, and the end-to-end time.
 */
import cliProgress from 'cli-progress';
import { ingestItems, type IngestItem } from '../shared/pipeline/ingest-sources.ts';
import { DocumentIntakeService } from '../shared/pipeline/intake.ts';
import { rawKeyFor } from '../shared/pipeline/s3-keys.ts';
import { contentHash, documentIdFor } from '../shared/pipeline/identity.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import type { DocumentMetadata, DocumentStatus } from '../shared/storage/ports.ts';
import { isCollectionName, COLLECTION_RULE } from '../shared/collection.ts';
import { UsageError, parseCommand } from './args.ts';
import { connectIndex } from './stack.ts';

export interface IngestSummary {
  uploaded: number;
  duplicates: number;
  failed: Array<{ item: string; reason: string }>;
  ids: string[];
  /** With --wait: final statuses of the uploaded documents. */
  statuses?: Partial<Record<DocumentStatus, number>>;
  /** With --wait: processed documents with no publication date. */
  undated?: number;
  /** Time to upload. */
  uploadSeconds: number;
  /** Time in all: to upload, and with --wait until the last document was processed. */
  seconds: number;
}

type Uploader = (body: Uint8Array, metadata: DocumentMetadata) => Promise<{ id: string; duplicate: boolean }>;

function uploaderFor(bucket: string | undefined): { uploader: Uploader; target: string; canWait: boolean } {
  if (bucket) {
    process.env.QUOTEDESK_BUCKET = bucket;
    const documents = new S3DocumentStore(bucket);
    if (process.env.QUOTEDESK_TABLE) {
      const intake = new DocumentIntakeService(documents, new DynamoIndexStore());
      return { uploader: (b, m) => intake.submit(b, m), target: `s3://${bucket} (index ${process.env.QUOTEDESK_TABLE})`, canWait: true };
    }
    // No index to ask: the content-derived key is the duplicate check.
    const uploader: Uploader = async (body, metadata) => {
      const id = documentIdFor(contentHash(body));
      const key = rawKeyFor(id, metadata.filename);
      if (await documents.headRaw(key)) return { id, duplicate: true };
      await documents.putRaw(key, body, metadata);
      return { id, duplicate: false };
    };
    return { uploader, target: `s3://${bucket}`, canWait: false };
  }
  const label = connectIndex();
  const intake = new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore());
  return { uploader: (b, m) => intake.submit(b, m), target: label, canWait: true };
}

/** Upload everything under `paths` with at most `concurrency` uploads in flight. */
export async function ingest(
  paths: string[],
  options: { uploader: Uploader; concurrency: number; source?: string; collection?: string; onProgress?: (done: number) => void },
): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = { uploaded: 0, duplicates: 0, failed: [], ids: [], uploadSeconds: 0, seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  const handle = async (item: IngestItem) => {
    try {
      if (item.kind === 'invalid') {
        summary.failed.push({ item: item.label, reason: item.reason });
        return;
      }
      const body = await item.load();
      if (body.byteLength === 0) {
        summary.failed.push({ item: item.label, reason: 'empty file' });
        return;
      }
      const result = await options.uploader(body, item.metadata);
      if (result.duplicate) summary.duplicates++;
      else {
        summary.uploaded++;
        summary.ids.push(result.id);
      }
    } catch (error) {
      summary.failed.push({ item: item.label, reason: error instanceof Error ? error.message : String(error) });
    } finally {
      options.onProgress?.(++done);
    }
  };
  for await (const item of ingestItems(paths, { source: options.source, collection: options.collection })) {
    const task = handle(item).finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  summary.uploadSeconds = summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Poll the index until none of `ids` is queued or processing (or the timeout passes). */
export async function waitForDocuments(ids: string[], timeoutSeconds = 1800): Promise<{ statuses: Partial<Record<DocumentStatus, number>>; undated: number }> {
  const index = new DynamoIndexStore();
  const deadline = Date.now() + timeoutSeconds * 1000;
  let remaining = [...ids];
  const final: Partial<Record<DocumentStatus, number>> = {};
  let undated = 0;
  while (remaining.length > 0 && Date.now() < deadline) {
    const still: string[] = [];
    for (let i = 0; i < remaining.length; i += 25) {
      const docs = await Promise.all(remaining.slice(i, i + 25).map((id) => index.getDocument(id)));
      docs.forEach((doc, j) => {
        const status = doc?.status ?? 'queued';
        if (status === 'done' || status === 'failed') final[status] = (final[status] ?? 0) + 1;
        else still.push(remaining[i + j]);
        if (status === 'done' && !doc?.publishedAt) undated++;
      });
    }
    remaining = still;
    if (remaining.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (remaining.length > 0) final.processing = remaining.length;
  return { statuses: final, undated };
}

export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `uploaded: ${summary.uploaded}`,
    `skipped as duplicates: ${summary.duplicates}`,
    `failed: ${summary.failed.length}`,
    ...summary.failed.slice(0, 50).map((f) => `  ${f.item}: ${f.reason}`),
  ];
  if (summary.failed.length > 50) lines.push(`  … and ${summary.failed.length - 50} more`);
  if (summary.statuses) lines.push(`processed: ${Object.entries(summary.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  if (summary.undated) lines.push(`date unknown: ${summary.undated} (no date in the record, the page or the text)`);
  lines.push(
    summary.statuses
      ? `time: ${summary.seconds.toFixed(1)} s end to end (upload ${summary.uploadSeconds.toFixed(1)} s)`
      : `time: ${summary.seconds.toFixed(1)} s (upload; add --wait for the time until processed)`,
  );
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals: paths } = parseCommand(
    argv,
    {
      bucket: { type: 'string' },
      concurrency: { type: 'string', default: '8' },
      source: { type: 'string' },
      collection: { type: 'string' },
      wait: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    { min: 1, max: Infinity },
  );
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be 1…64');
  if (values.collection !== undefined && !isCollectionName(values.collection)) throw new UsageError(`--collection: ${COLLECTION_RULE}`);
  const { json, wait } = values;

  const started = Date.now();
  const { uploader, target, canWait } = uploaderFor(values.bucket);
  if (!json) process.stderr.write(`ingesting into ${target}\n`);
  const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value} items | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(0, 0);
  const summary = await ingest(paths, {
    uploader,
    concurrency,
    source: values.source,
    collection: values.collection,
    onProgress: (done) => {
      bar?.setTotal(Math.max(done, bar.getTotal()));
      bar?.update(done);
    },
  });
  bar?.stop();
  if (wait && !canWait) process.stderr.write('--wait needs the index: set QUOTEDESK_TABLE to wait for an AWS bucket\n');
  if (wait && canWait) {
    const processed = summary.ids.length > 0 ? await waitForDocuments(summary.ids) : { statuses: {}, undated: 0 };
    summary.statuses = processed.statuses;
    summary.undated = processed.undated;
    summary.seconds = (Date.now() - started) / 1000;
  }
  const { ids: _ids, ...printable } = summary;
  process.stdout.write(json ? `${JSON.stringify(printable)}\n` : `${formatSummary(summary)}\n`);
  return summary.failed.length > 0 ? 1 : 0;
}
