/**
 * The local stack as `npm start` runs it (ephemeral, free ports, no API): an upload to s3rver is
 * routed to the process handler through the SQS-shaped local queue, keys encoded as AWS does.
 */
import { readFileSync, statSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '#infra/local.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';

describe('local stack', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: null, crawlIntervalSeconds: null, log: () => undefined });
  });
  afterAll(async () => stack?.stop());

  it('lets only its own signed requests reach its emulators, and keeps their credentials owner-only', async () => {
    expect(statSync(stack.stateFile).mode & 0o777).toBe(0o600);
    const { credentials } = JSON.parse(readFileSync(stack.stateFile, 'utf8'));
    expect(credentials.accessKeyId).toBe(process.env.AWS_ACCESS_KEY_ID);
    // Another local process, without the stack's credentials: no reading, no writing around the API.
    expect((await fetch(`${stack.s3Endpoint}/${stack.bucket}?list-type=2`)).status).toBe(403);
    expect((await fetch(`${stack.s3Endpoint}/${stack.bucket}/raw/x.txt`, { method: 'PUT', body: 'planted' })).status).toBe(403);
    const scan = await fetch(stack.dynamoEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan' }, body: JSON.stringify({ TableName: 'quotedesk' }) });
    expect(scan.status).toBe(403);
    const stranger = new DynamoDBClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, maxAttempts: 1 });
    await expect(stranger.send(new ListTablesCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    stranger.destroy();
  });

  it('writes its endpoints for the CLI and routes raw/ uploads (only) to the process function', async () => {
    const state = JSON.parse(readFileSync(stack.stateFile, 'utf8'));
    expect(state).toMatchObject({ bucket: stack.bucket, s3Endpoint: stack.s3Endpoint, dynamoEndpoint: stack.dynamoEndpoint });

    const store = new S3DocumentStore();
    const intake = new DocumentIntakeService(store, new DynamoIndexStore());
    const text = 'Commissioner Ruth Achterberg said on Monday the pier would reopen.\n\n"We owe the fishing fleet an answer," Achterberg said.\n';
    const submitted = await intake.submit(Buffer.from(text), { filename: 'pier report (final) + notes.txt', contentType: 'text/plain', publishedAt: '2023-06-01' });
    expect(submitted.duplicate).toBe(false);
    await store.putRaw('elsewhere/ignored.txt', Buffer.from('not under raw/'), {});
    await stack.idle();

    const index = new DynamoIndexStore();
    const doc = await index.getDocument(submitted.id);
    expect(doc?.reason).toBeUndefined();
    expect(doc?.status).toBe('done');
    expect(doc?.rawKeys).toEqual([submitted.key]);
    expect((await index.listQuotes({ speaker: 'Ruth Achterberg' })).items.map((q) => q.text)).toEqual(['the pier would reopen', expect.stringContaining('fishing fleet')]);
    expect(stack.queueStats()).toMatchObject({ sent: 1, succeeded: 1, deadLettered: 0 });

    const again = await intake.submit(Buffer.from(text), { filename: 'copy.txt' });
    expect(again).toMatchObject({ id: submitted.id, duplicate: true, status: 'done' });
  });

  it('reprocessing writes a request object whose event makes the process function run the document again', async () => {
    const index = new DynamoIndexStore();
    const [doc] = (await index.listDocuments({ limit: 1 })).items;
    const before = await index.getDocument(doc.id);
    const sent = stack.queueStats().sent;
    await new DocumentIntakeService(new S3DocumentStore(), index).reprocess(doc.id);
    await stack.idle();
    expect(stack.queueStats()).toMatchObject({ sent: sent + 1, succeeded: sent + 1, deadLettered: 0 });
    const after = await index.getDocument(doc.id);
    expect(after?.status).toBe('done');
    expect(after!.updatedAt > before!.updatedAt).toBe(true);
    expect(after?.counts).toEqual(before?.counts);
  });
});
