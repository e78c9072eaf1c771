/**
 * The local stack's emulators answer only requests signed with the stack's own credentials: the real SDK
 * clients (S3, DynamoDB, presigned PUTs) work; unsigned requests, other keys and altered signatures get 403.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client, ListObjectsCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment, type Emulators } from '#infra/local/emulators.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { resetClients } from '#shared/storage/clients.ts';

const CREDENTIALS = { accessKeyId: 'QDLOCALTESTKEY0001', secretAccessKey: 'local-test-secret-9f8e7d6c5b4a3f2e1d0c' };
const names = { bucket: 'quotedesk-auth', table: 'quotedesk-auth' };

let emulators: Emulators;
let dir: string;
const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotedesk-auth-'));
  emulators = await startEmulators({ s3Directory: dir, resetOnClose: true, credentials: CREDENTIALS });
  useEmulatorEnvironment({ ...emulators, credentials: CREDENTIALS }, names);
  await ensureBucketAndTable(names);
});

afterAll(async () => {
  await emulators?.stop();
  await rm(dir, { recursive: true, force: true });
  process.env.AWS_ACCESS_KEY_ID = saved.id;
  process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
  resetClients();
});

const other = { accessKeyId: CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-stack-secret-000000000000000000' };

describe('signed requests only', () => {
  it('serves the SDK clients signed with the stack’s credentials, presigned uploads included', async () => {
    const documents = new S3DocumentStore(names.bucket);
    await documents.putRaw('raw/d1/a b+c.txt', new TextEncoder().encode('Mayor: "We will."'), { contentType: 'text/plain', title: 'Ferry é' });
    const got = await documents.getRaw('raw/d1/a b+c.txt', 1000);
    expect(new TextDecoder().decode(got.body)).toBe('Mayor: "We will."');
    expect(got.metadata.title).toBe('Ferry é');
    const keys = [];
    for await (const object of documents.listKeys('raw/', 1)) keys.push(object.key);
    expect(keys).toEqual(['raw/d1/a b+c.txt']);
    expect(await new DynamoIndexStore(names.table).getDocument('nothing-here')).toBeNull();

    const { url, headers } = await documents.presignPut('raw/uploads/u1/note.txt', { contentType: 'text/plain', filename: 'note.txt' }, { expiresInSeconds: 60 });
    expect((await fetch(url, { method: 'PUT', headers, body: 'presigned body' })).status).toBe(200);
    expect(new TextDecoder().decode((await documents.getRaw('raw/uploads/u1/note.txt')).body)).toBe('presigned body');

    // An altered presigned URL (another key) is refused.
    const altered = url.replace('note.txt', 'other.txt');
    expect((await fetch(altered, { method: 'PUT', headers, body: 'x' })).status).toBe(403);
  });

  it('refuses unsigned requests and requests signed with another secret, on both emulators', async () => {
    const unsignedS3 = await fetch(`${emulators.s3Endpoint}/${names.bucket}/raw/d1/a%20b%2Bc.txt`);
    expect(unsignedS3.status).toBe(403);
    expect(await unsignedS3.text()).toContain('not signed');
    const unsignedDynamo = await fetch(emulators.dynamoEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' }, body: '{}' });
    expect(unsignedDynamo.status).toBe(403);

    const s3 = new S3Client({ region: 'us-east-1', endpoint: emulators.s3Endpoint, forcePathStyle: true, credentials: other });
    await expect(s3.send(new ListObjectsCommand({ Bucket: names.bucket }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    const dynamo = new DynamoDBClient({ region: 'us-east-1', endpoint: emulators.dynamoEndpoint, credentials: other, maxAttempts: 1 });
    await expect(dynamo.send(new ListTablesCommand({}))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    s3.destroy();
    dynamo.destroy();
  });
});
