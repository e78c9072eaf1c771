/**
 * Process function: SQS (wrapping S3 object-created events under raw/) → DocumentPipeline.
 * Partial batch failure: one bad message fails alone and is retried (then dead-lettered) by SQS.
 * Bad documents do not fail the message: they end `failed` with a reason in the index.
 */
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DocumentPipeline } from '../shared/pipeline/process-document.ts';
import { DocumentWork } from '../shared/pipeline/document-work.ts';
import { objectsFromSqsBody } from './events/s3-in-sqs.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { searchServices } from '../shared/storage/search-database.ts';

const logger = new Logger({ serviceName: 'quotedesk-process' });
const metrics = new Metrics({ namespace: 'quotedesk', serviceName: 'process' });

let pipeline: DocumentPipeline | undefined;

/** Built on first use so the environment (bucket, table, endpoints) is read at run time. */
function pipelineFor(): DocumentPipeline {
  if (!pipeline) {
    const maxBytes = Number(process.env.QUOTEDESK_MAX_BYTES) || undefined;
    // Conversion and extraction off this thread, each under a deadline and a heap limit.
    const work = new DocumentWork({
      convertTimeoutMs: Number(process.env.QUOTEDESK_CONVERT_TIMEOUT_MS) || undefined,
      workers: Number(process.env.QUOTEDESK_WORKERS) || undefined,
    });
    work.warm();
    pipeline = new DocumentPipeline({
      documents: new S3DocumentStore(),
      index: new DynamoIndexStore(),
      toText: (bytes, hint) => work.toText(bytes, hint),
      extract: (text, options) => work.extract(text, options),
      maxBytes,
      search: async () => (await searchServices())?.projection ?? null,
      log: (level, message, detail) => logger[level](message, detail ?? {}),
    });
  }
  return pipeline;
}

/** The last error of each failed message (bounded), for the logs and the local queue's dead letters. */
const failures = new Map<string, string>();
const MAX_FAILURES_KEPT = 1000;

/** The error a failed message last ended with (taken once: the entry is removed). */
export function failureOf(messageId: string): string | undefined {
  const reason = failures.get(messageId);
  failures.delete(messageId);
  return reason;
}

async function recordHandler(record: SQSRecord): Promise<void> {
  try {
    await processRecord(record);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    failures.set(record.messageId, message);
    if (failures.size > MAX_FAILURES_KEPT) failures.delete(failures.keys().next().value as string);
    logger.error('message failed (it will be retried, then dead-lettered)', { messageId: record.messageId, error: message });
    throw error;
  }
}

async function processRecord(record: SQSRecord): Promise<void> {
  const current = pipelineFor();
  for (const object of objectsFromSqsBody(record.body)) {
    if (object.bucket !== process.env.QUOTEDESK_BUCKET) {
      logger.warn('event for another bucket ignored', { bucket: object.bucket });
      continue;
    }
    const started = Date.now();
    const outcome = await current.processObject(object.key, object.eventTime);
    metrics.addMetric(`documents_${outcome.status}`, MetricUnit.Count, 1);
    if (outcome.status === 'done') {
      metrics.addMetric('index_write_units', MetricUnit.Count, outcome.stats.writeUnits);
      metrics.addMetric('processing_time', MetricUnit.Milliseconds, Date.now() - started);
    }
  }
}

export async function handler(event: SQSEvent, context: Context) {
  logger.addContext(context);
  try {
    // A processor per invocation: it holds the batch's records and failures, and two batches may run
    // at once in one container (the local queue does), so a shared one reports another batch's results.
    return await processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { context });
  } finally {
    metrics.publishStoredMetrics();
  }
}
