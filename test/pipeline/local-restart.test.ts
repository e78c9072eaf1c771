/** A document left queued when the local stack stopped (its event died with it) is processed after a restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '#infra/local.ts';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment } from '#infra/local/emulators.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';

describe('local stack restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'quotedesk-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('requeues documents that were still queued', async () => {
    const names = { bucket: 'quotedesk-local', table: 'quotedesk' };
    // The emulators alone, on the stack's data folder: an upload whose event nobody hears.
    const emulators = await startEmulators({ s3Directory: join(dataDir, 's3'), dynamoPath: join(dataDir, 'dynamodb') });
    useEmulatorEnvironment(emulators, names);
    await ensureBucketAndTable(names);
    const text = 'Warden Elsa Marsh said on Sunday the dunes are closed.\n\n"Nesting season has started," Marsh said.\n';
    const { id } = await new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore()).submit(Buffer.from(text), { filename: 'dunes.txt' });
    expect((await new DynamoIndexStore().getDocument(id))?.status).toBe('queued');
    await emulators.stop();

    const lines: string[] = [];
    const stack = await startLocalStack({ dataDir, ...names, s3Port: 0, dynamoPort: 0, apiPort: null, crawlIntervalSeconds: null, log: (l) => lines.push(l) });
    try {
      await stack.idle();
      expect(lines).toContain('  requeued 1 unfinished document(s) from the last run');
      const doc = await new DynamoIndexStore().getDocument(id);
      expect([doc?.status, doc?.reason]).toEqual(['done', undefined]);
    } finally {
      await stack.stop();
    }
  });
});
