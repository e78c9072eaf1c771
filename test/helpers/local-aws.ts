/**
 * Starts dynalite and s3rver on free ports on 127.0.0.1 for a test file, points the SDK at them
 * through the standard environment variables, and creates the bucket and the table.
 *
 *   const aws = await startLocalAws();   // in beforeAll
 *   await aws.stop();                    // in afterAll
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment, type EmulatorS3Event } from '#infra/local/emulators.ts';

export interface LocalAws {
  bucket: string;
  table: string;
  s3Endpoint: string;
  dynamoEndpoint: string;
  /** Subscribe to s3rver's object-created events (raw, keys not encoded). */
  onObjectCreated(listener: (event: EmulatorS3Event) => void): void;
  stop(): Promise<void>;
}

export async function startLocalAws(names: { bucket?: string; table?: string } = {}): Promise<LocalAws> {
  const bucket = names.bucket ?? 'quotedesk-test';
  const table = names.table ?? 'quotedesk-test';
  const s3Directory = await mkdtemp(join(tmpdir(), 'quotedesk-s3-'));
  const emulators = await startEmulators({ s3Directory, resetOnClose: true });
  useEmulatorEnvironment(emulators, { bucket, table });
  await ensureBucketAndTable({ bucket, table });
  return {
    bucket,
    table,
    s3Endpoint: emulators.s3Endpoint,
    dynamoEndpoint: emulators.dynamoEndpoint,
    onObjectCreated: emulators.onObjectCreated,
    async stop() {
      await emulators.stop();
      await rm(s3Directory, { recursive: true, force: true });
    },
  };
}
