import { afterAll, beforeAll } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
/** Shared steps of the pipeline tests: upload a raw object and deliver its event as SQS would. */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { sqsRecordForObject } from '#functions/events/s3-in-sqs.ts';
import type { DocumentMetadata } from '#shared/storage/ports.ts';
import type { DocumentPipeline } from '#shared/pipeline/process-document.ts';

export function lambdaContext(): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'quotedesk-process',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:quotedesk-process',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: 'test',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => 120_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export async function upload(key: string, body: string | Uint8Array, metadata: DocumentMetadata = {}): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  await new S3DocumentStore().putRaw(key, bytes, { contentType: 'text/plain; charset=utf-8', ...metadata });
}

/** Uploads and processes each article in order (each must end done): raw key → document id. */
export async function processInOrder(pipeline: Pick<DocumentPipeline, 'processObject'>, articles: Record<string, string>): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [key, text] of Object.entries(articles)) {
    await upload(key, text);
    const outcome = await pipeline.processObject(key);
    if (outcome.status !== 'done' || !outcome.documentId) throw new Error(`${key} ended ${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
    ids[key] = outcome.documentId;
  }
  return ids;
}

export function eventFor(bucket: string, keys: string[]): SQSEvent {
  return { Records: keys.map((key) => sqsRecordForObject({ bucket, key, messageId: randomUUID() }) as SQSEvent['Records'][number]) };
}

export type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Local S3 and DynamoDB and the real process handler, started for the enclosing suite. */
export function processHandlerStack(): { readonly aws: LocalAws; readonly handler: Handler } {
  const stack = {} as { aws: LocalAws; handler: Handler };
  beforeAll(async () => {
    stack.aws = await startLocalAws();
    stack.handler = (await import('#functions/process.ts')).handler as Handler;
  });
  afterAll(async () => stack.aws?.stop());
  return stack;
}
