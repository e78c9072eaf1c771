/**
 * Reads must not hold memory: dynalite never closed its LevelDB iterators, so each Query kept the items it
 * had read ahead for good (the local stack grew by about 1 GB under a few minutes of load).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment, type Emulators } from '#infra/local/emulators.ts';
import { docClient } from '#shared/storage/clients.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

describe('dynalite under sustained reads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotedesk-dynalite-memory-'));
  const aws = { bucket: 'quotedesk-local', table: 'quotedesk' };
  let emulators: Emulators;
  beforeAll(async () => {
    // On disk, as the local stack keeps it (LevelDB reads ahead more than the in-memory store).
    emulators = await startEmulators({ s3Directory: join(dir, 's3'), dynamoPath: join(dir, 'dynamodb') });
    useEmulatorEnvironment(emulators, aws);
    await ensureBucketAndTable(aws);
    for (let i = 0; i < 100; i++) {
      await docClient().send(new PutCommand({ TableName: aws.table, Item: { pk: 'DOC#d1', sk: `Q#q${String(i).padStart(6, '0')}`, gsi1pk: 'SPK#jo', gsi1sk: `2024#${i}`, text: 'The pier is open. '.repeat(20) } }));
    }
  });
  afterAll(async () => {
    await emulators.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no memory per query (3,000 pages of 10 of a 100-item partition, table and GSI)', async () => {
    const page = (i: number) => docClient().send(new QueryCommand(i % 2
      ? { TableName: aws.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'DOC#d1' }, Limit: 10 }
      : { TableName: aws.table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'SPK#jo' }, Limit: 10 }));
    for (let i = 0; i < 300; i++) expect((await page(i)).Items).toHaveLength(10);
    const before = heapMb();
    for (let i = 0; i < 3000; i++) await page(i);
    const grown = heapMb() - before;
    // Without the fix: about 20 MB (7 KB a query).
    expect(grown).toBeLessThan(6);
  }, 120_000);
});
