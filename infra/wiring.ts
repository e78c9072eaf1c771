/**
 * The one list of quotedesk's functions and what triggers them. The CDK stack and the local
 * stack both read it, so what runs on one machine is wired exactly as what runs in AWS.
 */
import { CRAWL_PREFIX, RAW_PREFIX, REDRIVE_PREFIX, RESULTS_PREFIX } from '../shared/pipeline/s3-keys.ts';

/** Environment variables the functions read; set by the stack where the grants are made, and by the local stack. */
export const ENV = {
  bucket: 'QUOTEDESK_BUCKET',
  table: 'QUOTEDESK_TABLE',
  /** API auth mode: `tokens` locally, `jwt-claims` behind API Gateway's JWT authorizer (the export function verifies tokens itself). */
  auth: 'QUOTEDESK_AUTH',
  /** HMAC key of the pagination cursors (local runs; in AWS the API reads it from Secrets Manager). */
  cursorSecret: 'QUOTEDESK_CURSOR_SECRET',
  /** ARN of the generated Secrets Manager secret holding the cursor key (read at cold start). */
  cursorSecretArn: 'QUOTEDESK_CURSOR_SECRET_ARN',
  /** The search projection's Aurora cluster, its credentials' secret and database (RDS Data API). */
  searchClusterArn: 'QUOTEDESK_SEARCH_CLUSTER_ARN',
  searchSecretArn: 'QUOTEDESK_SEARCH_SECRET_ARN',
  searchDatabase: 'QUOTEDESK_SEARCH_DATABASE',
  /** Where the API's answers are buffered (Lambda behind API Gateway): the most bytes GET /export may answer. */
  bufferedExportBytes: 'QUOTEDESK_BUFFERED_EXPORT_BYTES',
  /** The export function's URL, where GET /export streams (the API's buffered 413 points there). */
  streamedExportUrl: 'QUOTEDESK_STREAMED_EXPORT_URL',
  /** The Cognito pool and client whose tokens the export function verifies. */
  userPoolId: 'QUOTEDESK_USER_POOL_ID',
  userPoolClientId: 'QUOTEDESK_USER_POOL_CLIENT_ID',
  /** The origin of presigned upload URLs (the bucket's), which the page's CSP lets it connect to. */
  uploadOrigin: 'QUOTEDESK_UPLOAD_ORIGIN',
} as const;

/** Headers a presigned upload from the page carries (all signed): the bucket's CORS allows these only. */
export const UPLOAD_CORS_HEADERS = ['content-type', 'x-amz-meta-*'];

export type Trigger =
  | { kind: 's3'; prefix: string }
  | { kind: 'http' }
  /** A Lambda function URL in response-streaming mode (AWS only: locally the API streams itself). */
  | { kind: 'stream-url' }
  | { kind: 'schedule'; defaultRateMinutes: number };

/**
 * What a function may touch, as data: the CDK stack turns it into IAM statements naming these
 * prefixes and actions only (least privilege); the local stack has no IAM and ignores it.
 */
export interface FunctionAccess {
  /** Object-key prefixes of the document bucket the function reads (s3:GetObject). */
  readPrefixes: readonly string[];
  /** Object-key prefixes of the document bucket the function writes (s3:PutObject). */
  writePrefixes: readonly string[];
  /** Index reads (GetItem, BatchGetItem, Query on the table and its indexes). */
  tableRead: boolean;
  /** Index writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem); never Scan, never table admin. */
  tableWrite: boolean;
  /**
   * When set, the only partition keys the function may read or write (IAM `dynamodb:LeadingKeys`,
   * `*` as a wildcard), on the base table only. Omitted: the whole index.
   */
  tablePartitions?: readonly string[];
  /**
   * When set, the only partition keys the function may write (LeadingKeys on the write actions
   * only; reads, GSI queries included, stay as `tableRead` grants them).
   */
  writePartitions?: readonly string[];
  /** The search projection's database through the Data API (statements, and reading its secret). */
  searchDatabase?: boolean;
}

export interface FunctionSpec {
  name: 'process' | 'api' | 'export' | 'crawl' | 'sweep';
  /** Handler module, relative to the repo root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  memoryMb: number;
  timeoutSeconds: number;
  access: FunctionAccess;
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'process', entry: 'functions/process.ts', trigger: { kind: 's3', prefix: RAW_PREFIX }, memoryMb: 1024, timeoutSeconds: 120,
    // reads the raw upload, writes its result beside it, replaces the document's index items
    access: { readPrefixes: [RAW_PREFIX], writePrefixes: [RESULTS_PREFIX], tableRead: true, tableWrite: true,
      // a document's items and work-list marker, speaker profiles, month shards
      writePartitions: ['DOC#*', 'PENDING#*', 'SPEAKER#*', 'SHARDS'],
      // writes the search projection after each commit
      searchDatabase: true } },
  { name: 'api', entry: 'functions/api.ts', trigger: { kind: 'http' }, memoryMb: 512, timeoutSeconds: 29,
    // queries the index; uploads (and presigns uploads) under raw/; writes document status, flags and feeds
    // (raw/* covers uploads, presigned uploads and raw/.reprocess/ requests, which no other function may write)
    access: { readPrefixes: [RESULTS_PREFIX], writePrefixes: [RAW_PREFIX], tableRead: true, tableWrite: true,
      // registration, flag decisions (the flag, the decision, keep-apart pairs, the speaker profile), feeds
      writePartitions: ['DOC#*', 'PENDING#*', 'SHARDS', 'DECISION', 'KEEPAPART', 'SPEAKER#*', 'FEEDS'],
      // full-text search and analytics
      searchDatabase: true } },
  { name: 'export', entry: 'functions/export.ts', trigger: { kind: 'stream-url' }, memoryMb: 512, timeoutSeconds: 300,
    // GET /export streamed: reads the index and the search projection, writes nothing
    access: { readPrefixes: [], writePrefixes: [], tableRead: true, tableWrite: false, searchDatabase: true } },
  { name: 'crawl', entry: 'functions/crawl.ts', trigger: { kind: 'schedule', defaultRateMinutes: 30 }, memoryMb: 512, timeoutSeconds: 300,
    // reads and updates the feed registry (pk=FEEDS) and its dedupe records (pk=SEEN#…) only; stores new articles under raw/crawl/ only
    access: { readPrefixes: [], writePrefixes: [CRAWL_PREFIX], tableRead: true, tableWrite: true, tablePartitions: ['FEEDS', 'SEEN#*'] } },
  { name: 'sweep', entry: 'functions/sweep.ts', trigger: { kind: 'schedule', defaultRateMinutes: 5 }, memoryMb: 256, timeoutSeconds: 120,
    // walks the work list (pk=PENDING#…), reads and fails document records, checks raw objects exist
    // (HEAD needs s3:GetObject) and writes re-drive requests under raw/.redrive/ only; a done document whose
    // projection write was lost is shown in search from its result JSON
    access: { readPrefixes: [RAW_PREFIX, RESULTS_PREFIX], writePrefixes: [REDRIVE_PREFIX], tableRead: true, tableWrite: true, tablePartitions: ['DOC#*', 'PENDING#*'],
      searchDatabase: true } },
];
