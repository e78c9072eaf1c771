/**
 * After a kill -9, s3rver's folder can hold empty metadata files and objects cut short. Without a
 * repair, HeadBucket answers 500 and `npm start` fails ("bucket already exists"). With it, the stack
 * starts, reports what it repaired, and a cut-short object is gone rather than corrupt.
 */
import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment } from '#infra/local/emulators.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';

describe('s3rver folder repair', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotedesk-s3repair-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = { bucket: 'quotedesk-local', table: 'quotedesk' };

  it('repairs empty metadata and removes cut-short objects, then starts', async () => {
    let emulators = await startEmulators({ s3Directory: join(dir, 's3') });
    useEmulatorEnvironment(emulators, names);
    await ensureBucketAndTable(names);
    const documents = new S3DocumentStore();
    await documents.putRaw('raw/a/kept.txt', Buffer.from('kept whole'), { contentType: 'text/plain', title: 'Kept' });
    await documents.putRaw('raw/b/cut.txt', Buffer.from('this object will be cut short'), { contentType: 'text/plain' });
    await emulators.stop();

    // What kill -9 leaves: every metadata file empty (the bucket's too), one object cut short.
    const bucketDir = join(dir, 's3', names.bucket);
    writeFileSync(join(bucketDir, '._S3rver_metadata.json'), '');
    truncateSync(join(bucketDir, 'raw/a/kept.txt._S3rver_metadata.json'), 0);
    truncateSync(join(bucketDir, 'raw/b/cut.txt._S3rver_object'), 5);
    expect(readdirSync(join(bucketDir, 'raw/b')).length).toBeGreaterThan(0);

    emulators = await startEmulators({ s3Directory: join(dir, 's3') });
    try {
      useEmulatorEnvironment(emulators, names);
      await ensureBucketAndTable(names);
      expect(emulators.repairs.metadataRewritten).toEqual(expect.arrayContaining([join(names.bucket, 'raw/a/kept.txt._S3rver_metadata.json'), join(names.bucket, '._S3rver_metadata.json')]));
      expect(emulators.repairs.objectsRemoved).toEqual([join(names.bucket, 'raw/b/cut.txt._S3rver_object')]);
      const kept = await new S3DocumentStore().getRaw('raw/a/kept.txt');
      expect(Buffer.from(kept.body).toString()).toBe('kept whole');
      expect(await new S3DocumentStore().headRaw('raw/b/cut.txt')).toBeNull();
      const keys: string[] = [];
      for await (const o of new S3DocumentStore().listKeys('raw/')) keys.push(o.key);
      expect(keys).toEqual(['raw/a/kept.txt']);
    } finally {
      await emulators.stop();
    }
  });
});
