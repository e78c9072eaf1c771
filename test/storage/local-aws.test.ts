import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { dynamoClient, s3Client } from '#shared/storage/clients.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';

describe('local AWS emulators', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(async () => aws?.stop());

  it('creates the table with both GSIs and stores objects byte for byte (no chunk framing)', async () => {
    const table = await dynamoClient().send(new DescribeTableCommand({ TableName: aws.table }));
    expect(table.Table?.TableStatus).toBe('ACTIVE');
    expect(table.Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'gsi2']);

    const body = Buffer.from('Zoë said “hello”.\n', 'utf8');
    await (await s3Client()).send(new PutObjectCommand({ Bucket: aws.bucket, Key: 'raw/a b.txt', Body: body }));
    const got = await (await s3Client()).send(new GetObjectCommand({ Bucket: aws.bucket, Key: 'raw/a b.txt' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(body);
  });
});

describe('S3 document store listing', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(async () => aws?.stop());

  it('lists past the first page (s3rver cannot page ListObjectsV2 on Node 20)', async () => {
    const store = new S3DocumentStore();
    const keys = Array.from({ length: 25 }, (_, i) => `raw/d${String(i).padStart(4, '0')}/doc ${i}.txt`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((key) => store.putRaw(key, Buffer.from('x'), { title: 'T' })));
    await store.putRaw('results/other.json', Buffer.from('{}'), {});
    const listed: string[] = [];
    for await (const object of store.listKeys('raw/', 10)) listed.push(object.key);
    expect(listed).toEqual([...keys].sort());
  });
});
