/**
 * Local stand-ins for S3 and DynamoDB (s3rver and dynalite) on 127.0.0.1, used by the local stack
 * and the integration tests. Development only: loaded dynamically, never bundled into a Lambda.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CreateBucketCommand, HeadBucketCommand } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from './table.ts';
import { dynamoClient, resetClients, s3Client } from './clients.ts';

const require = createRequire(import.meta.url);

/** The S3 event s3rver emits (keys NOT encoded, unlike AWS). */
export interface EmulatorS3Event {
  Records: Array<{ eventName: string; eventTime: string; awsRegion: string; s3: { bucket: { name: string; arn?: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } } }>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  on(event: 'event', listener: (event: EmulatorS3Event) => void): void;
  reset(): void;
}

export interface EmulatorOptions {
  /** Folder for persisted data; omit for dynalite in memory and s3rver in a throwaway folder. */
  dynamoPath?: string;
  s3Directory: string;
  resetOnClose?: boolean;
  s3Port?: number;
  dynamoPort?: number;
}

export interface Emulators {
  s3Endpoint: string;
  dynamoEndpoint: string;
  onObjectCreated(listener: (event: EmulatorS3Event) => void): void;
  stop(): Promise<void>;
}

export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
  const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

  const s3 = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port ?? 0,
    silent: true,
    directory: options.s3Directory,
    resetOnClose: options.resetOnClose ?? false,
    allowMismatchedSignatures: true,
    vhostBuckets: false,
  });
  const s3Address = await s3.run();

  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.dynamoPath ? { path: options.dynamoPath } : {}) });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(options.dynamoPort ?? 0, '127.0.0.1', () => resolve());
  });
  const dynamoAddress = dynamo.address() as AddressInfo;

  return {
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    dynamoEndpoint: `http://127.0.0.1:${dynamoAddress.port}`,
    onObjectCreated(listener) {
      s3.on('event', (event) => {
        if (event.Records.some((r) => r.eventName.startsWith('ObjectCreated:'))) listener(event);
      });
    },
    async stop() {
      await s3.close().catch(() => undefined);
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}

/** Point the SDK (through the standard variables) at the emulators. */
export function useEmulatorEnvironment(emulators: Pick<Emulators, 's3Endpoint' | 'dynamoEndpoint'>, names: { bucket: string; table: string }): void {
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID || 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY || 'S3RVER';
  // Without these the SDK sends aws-chunked bodies that s3rver would store with the chunk framing inside.
  process.env.AWS_REQUEST_CHECKSUM_CALCULATION = 'WHEN_REQUIRED';
  process.env.AWS_RESPONSE_CHECKSUM_VALIDATION = 'WHEN_REQUIRED';
  process.env.QUOTEDESK_BUCKET = names.bucket;
  process.env.QUOTEDESK_TABLE = names.table;
  resetClients();
}

/** Create the bucket and the table when missing (idempotent). */
export async function ensureBucketAndTable(names: { bucket: string; table: string }): Promise<void> {
  const s3 = s3Client();
  try {
    await s3.send(new HeadBucketCommand({ Bucket: names.bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: names.bucket }));
  }
  const dynamo = dynamoClient();
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: names.table }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== 'ResourceNotFoundException') throw error;
    await dynamo.send(new CreateTableCommand(createTableInput(names.table)));
  }
}
