/**
 * Local stand-ins for S3 and DynamoDB (s3rver and dynalite) on 127.0.0.1, used by the local stack
 * and the integration tests. Development only: loaded dynamically, never bundled into a Lambda.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#shared/storage/table.ts';
import { dynamoClient, resetClients, s3Client } from '#shared/storage/clients.ts';
import { guardWithSigV4, type Credentials } from './sigv4-guard.ts';
import { closeDynaliteIterators } from './dynalite-streams.ts';
import { UPLOAD_CORS_HEADERS } from '../wiring.ts';

const require = createRequire(import.meta.url);

/** The S3 event s3rver emits (keys NOT encoded, unlike AWS). */
export interface EmulatorS3Event {
  Records: Array<{ eventName: string; eventTime: string; awsRegion: string; s3: { bucket: { name: string; arn?: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } } }>;
}

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  httpServer: Server;
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
  /** When set, both emulators refuse (403) every request not signed with these credentials. */
  credentials?: Credentials;
}

/** What `repairS3Directory` found and did, one line per file (path relative to the S3 folder). */
export interface S3Repairs {
  /** Metadata files left empty or cut short: rewritten with the minimal metadata. */
  metadataRewritten: string[];
  /** Checksum files left empty: removed (s3rver recomputes them). */
  checksumsRemoved: string[];
  /** Objects whose bytes do not match their checksum (a write cut short): removed with their metadata. */
  objectsRemoved: string[];
}

const OBJECT_SUFFIX = '._S3rver_object';
const METADATA_SUFFIX = '._S3rver_metadata.json';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * s3rver writes an object, its checksum and its metadata as three files without fsync or rename, so a
 * kill -9 can leave any of them empty or cut short. An empty metadata file makes s3rver answer 500
 * (on HeadBucket, listings and the object), which blocks the restart. Run before s3rver starts:
 * broken metadata is rewritten (the user metadata is lost; the index keeps the document's), empty
 * checksums are dropped, and objects that do not match their checksum are removed, so the object is
 * missing rather than corrupt (the recovery sweeper fails such a document with a reason, and a
 * retried upload stores it again).
 */
export function repairS3Directory(directory: string): S3Repairs {
  const repairs: S3Repairs = { metadataRewritten: [], checksumsRemoved: [], objectsRemoved: [] };
  if (!existsSync(directory)) return repairs;
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
  const files = walk(directory);
  const relative = (path: string) => path.slice(directory.length + 1);
  for (const path of files) {
    if (path.endsWith(`${OBJECT_SUFFIX}.md5`) && statSync(path).size === 0) {
      rmSync(path, { force: true });
      repairs.checksumsRemoved.push(relative(path));
    }
  }
  for (const path of files) {
    if (!path.endsWith(OBJECT_SUFFIX)) continue;
    const md5Path = `${path}.md5`;
    const metadataPath = path.slice(0, -OBJECT_SUFFIX.length) + METADATA_SUFFIX;
    if (existsSync(md5Path)) {
      const expected = readFileSync(md5Path, 'utf8').trim();
      const actual = createHash('md5').update(readFileSync(path)).digest('hex');
      if (expected && expected !== actual) {
        for (const file of [path, md5Path, metadataPath]) rmSync(file, { force: true });
        repairs.objectsRemoved.push(relative(path));
        continue;
      }
    }
    const metadata = readJson(metadataPath);
    if (existsSync(metadataPath) && (metadata === undefined || typeof metadata !== 'object' || metadata === null)) {
      writeFileSync(metadataPath, JSON.stringify({ 'content-type': 'application/octet-stream' }, null, 2));
      repairs.metadataRewritten.push(relative(metadataPath));
    }
  }
  // Metadata without an object (bucket-level or orphaned) that is empty or cut short.
  for (const path of files) {
    if (!path.endsWith(METADATA_SUFFIX) || !existsSync(path) || repairs.metadataRewritten.includes(relative(path))) continue;
    if (readJson(path) === undefined) {
      writeFileSync(path, '{}');
      repairs.metadataRewritten.push(relative(path));
    }
  }
  return repairs;
}

export interface Emulators {
  /** What was repaired in the S3 folder before s3rver started (after a kill -9). */
  repairs: S3Repairs;
  s3Endpoint: string;
  dynamoEndpoint: string;
  onObjectCreated(listener: (event: EmulatorS3Event) => void): void;
  stop(): Promise<void>;
}

export async function startEmulators(options: EmulatorOptions): Promise<Emulators> {
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
  closeDynaliteIterators();
  const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

  const repairs = repairS3Directory(options.s3Directory);
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
  if (options.credentials) {
    guardWithSigV4(s3.httpServer, options.credentials, { hashBody: false, allowCorsPreflight: true });
    // s3rver then looks the (already verified) key up in its own account list.
    const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as { DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void } };
    DUMMY_ACCOUNT.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  }

  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.dynamoPath ? { path: options.dynamoPath } : {}) });
  if (options.credentials) guardWithSigV4(dynamo, options.credentials, { hashBody: true });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(options.dynamoPort ?? 0, '127.0.0.1', () => resolve());
  });
  const dynamoAddress = dynamo.address() as AddressInfo;

  return {
    repairs,
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
export function useEmulatorEnvironment(emulators: Pick<Emulators, 's3Endpoint' | 'dynamoEndpoint'> & { credentials?: Credentials }, names: { bucket: string; table: string }): void {
  process.env.AWS_ENDPOINT_URL_S3 = emulators.s3Endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = emulators.dynamoEndpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  // The stack's own credentials when its emulators check signatures; any otherwise (tests).
  process.env.AWS_ACCESS_KEY_ID = emulators.credentials?.accessKeyId ?? (process.env.AWS_ACCESS_KEY_ID || 'S3RVER');
  process.env.AWS_SECRET_ACCESS_KEY = emulators.credentials?.secretAccessKey ?? (process.env.AWS_SECRET_ACCESS_KEY || 'S3RVER');
  // Without these the SDK sends aws-chunked bodies that s3rver would store with the chunk framing inside.
  process.env.AWS_REQUEST_CHECKSUM_CALCULATION = 'WHEN_REQUIRED';
  process.env.AWS_RESPONSE_CHECKSUM_VALIDATION = 'WHEN_REQUIRED';
  process.env.QUOTEDESK_BUCKET = names.bucket;
  process.env.QUOTEDESK_TABLE = names.table;
  resetClients();
}

/** Create the bucket and the table when missing (idempotent). */
/**
 * The bucket's CORS, as the CDK stack sets it: the page at `origin` (the API's) may PUT presigned uploads, with the
 * content type and metadata headers the signature covers; no other origin, no other method.
 */
export async function allowUploadsFrom(bucket: string, origin: string): Promise<void> {
  const s3 = await s3Client();
  await s3.send(new PutBucketCorsCommand({
    Bucket: bucket,
    CORSConfiguration: { CORSRules: [{ AllowedOrigins: [origin], AllowedMethods: ['PUT'], AllowedHeaders: UPLOAD_CORS_HEADERS, MaxAgeSeconds: 600 }] },
  }));
}

export async function ensureBucketAndTable(names: { bucket: string; table: string }): Promise<void> {
  const s3 = await s3Client();
  try {
    await s3.send(new HeadBucketCommand({ Bucket: names.bucket }));
  } catch (headError) {
    try {
      await s3.send(new CreateBucketCommand({ Bucket: names.bucket }));
    } catch (error) {
      // HeadBucket failed for another reason than a missing bucket: report that, not the create.
      const name = (error as { name?: string }).name;
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
      throw new Error(`the bucket ${names.bucket} exists but does not answer: ${(headError as Error).message}`);
    }
  }
  const dynamo = dynamoClient();
  try {
    await dynamo.send(new DescribeTableCommand({ TableName: names.table }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException) && (error as Error).name !== 'ResourceNotFoundException') throw error;
    await dynamo.send(new CreateTableCommand(createTableInput(names.table)));
  }
  // dynalite creates the table asynchronously even with createTableMs 0: wait until it is ACTIVE, or
  // the first request of a busy machine finds no table.
  for (let attempt = 0; attempt < 100; attempt++) {
    const described = await dynamo.send(new DescribeTableCommand({ TableName: names.table })).catch(() => undefined);
    if (described?.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the table ${names.table} did not become ACTIVE`);
}
