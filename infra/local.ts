/**
 * `npm start`: the whole stack on one machine. s3rver and dynalite on 127.0.0.1, in a thread of their own (persisted under
 * QUOTEDESK_DATA_DIR, default .data/), the bucket and table created when missing, and every function
 * of `FUNCTIONS` (infra/wiring.ts) started by its trigger kind, exactly as the CDK stack wires it:
 *   s3       → object-created events of s3rver, filtered by bucket and prefix, keys encoded as AWS
 *              does, delivered in SQS-shaped batches (partial failures redelivered, then dead-lettered)
 *   http     → the API on PORT (default 3000)
 *   schedule → a timer (QUOTEDESK_CRAWL_INTERVAL seconds, `off` to disable)
 * The search projection is a PGlite database in this process (<data dir>/search; in memory when
 * ephemeral), handed to the functions as their search database.
 * Endpoints are written to <data dir>/local-stack.json for the CLI.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SQSRecord } from 'aws-lambda';
import { FUNCTIONS, type FunctionSpec } from './wiring.ts';
import { RAW_PREFIX } from '../shared/pipeline/s3-keys.ts';
import { allowUploadsFrom, ensureBucketAndTable, useEmulatorEnvironment, type Emulators } from './local/emulators.ts';
import { describeIndexRepairs, repairIndexes } from './local/gsi-repair.ts';
import { startEmulatorThread } from './local/emulator-thread.ts';
import { stackMemory, type StackMemory } from './local/memory.ts';
import { LocalSqsQueue, type SqsHandler } from './local/queue.ts';
import type { Credentials } from './local/sigv4-guard.ts';
import { sqsRecordForObject } from '../functions/events/s3-in-sqs.ts';
import { PgliteSql } from '../shared/storage/sql-pglite.ts';
import { useSearchDatabase } from '../shared/storage/search-database.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface LocalStackOptions {
  dataDir?: string;
  bucket?: string;
  table?: string;
  s3Port?: number;
  dynamoPort?: number;
  /** API port; null: do not start the API. */
  apiPort?: number | null;
  /** Seconds between crawls; null: no crawl timer. */
  crawlIntervalSeconds?: number | null;
  /** Seconds between recovery sweeps (QUOTEDESK_SWEEP_INTERVAL, default 60); null: no sweep timer (the start-up sweep still runs). */
  sweepIntervalSeconds?: number | null;
  /** Keep nothing on disk (benchmarks, tests). */
  ephemeral?: boolean;
  /** Process function: batches in flight at once. */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface LocalStack {
  bucket: string;
  table: string;
  s3Endpoint: string;
  dynamoEndpoint: string;
  apiUrl?: string;
  dataDir: string;
  stateFile: string;
  /** Resolves when every object-created event so far has been processed (or dead-lettered). */
  idle(): Promise<void>;
  queueStats(): { sent: number; succeeded: number; retried: number; deadLettered: number };
  /** RSS and each thread's heap. */
  memory(): Promise<StackMemory>;
  stop(): Promise<void>;
}

export const STATE_FILE = 'local-stack.json';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.QUOTEDESK_DATA_DIR || '.data');
}

async function loadModule<T>(spec: FunctionSpec): Promise<T | null> {
  const path = join(repoRoot, spec.entry);
  if (!existsSync(path)) return null;
  return (await import(pathToFileURL(path).href)) as T;
}

async function loadHandler<T>(spec: FunctionSpec): Promise<T | null> {
  const path = join(repoRoot, spec.entry);
  if (!existsSync(path)) return null;
  const module = (await import(pathToFileURL(path).href)) as { handler?: T };
  return module.handler ?? null;
}

interface TriggerContext {
  options: LocalStackOptions;
  emulators: Emulators;
  bucket: string;
  dataDir: string;
  log: (line: string) => void;
  stops: Array<() => Promise<void> | void>;
}

/** s3 trigger: s3rver events → SQS-shaped records → the function's handler. */
async function startS3Trigger(spec: FunctionSpec & { trigger: { kind: 's3' } }, ctx: TriggerContext): Promise<LocalSqsQueue | null> {
  const module = await loadModule<{ handler?: SqsHandler; failureOf?: (messageId: string) => string | undefined }>(spec);
  const handler = module?.handler;
  if (!handler) return null;
  const deadLetters = join(ctx.dataDir, 'dead-letters.jsonl');
  const queue = new LocalSqsQueue(handler, {
    concurrency: ctx.options.concurrency ?? 2,
    timeoutSeconds: spec.timeoutSeconds,
    functionName: spec.name,
    reasonOf: module.failureOf,
    onDeadLetter: (record, error) => {
      ctx.log(`${spec.name}: message dead-lettered after retries (${error}); see ${deadLetters}`);
      if (!ctx.options.ephemeral) appendFileSync(deadLetters, `${JSON.stringify({ at: new Date().toISOString(), error, record })}\n`);
    },
    onError: (error) => ctx.log(`${spec.name}: batch failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  ctx.emulators.onObjectCreated((event) => {
    for (const record of event.Records) {
      const key = record.s3.object.key;
      if (record.s3.bucket.name !== ctx.bucket || !key.startsWith(spec.trigger.prefix)) continue;
      const eventName = record.eventName.startsWith('ObjectCreated:') ? record.eventName : 'ObjectCreated:Put';
      queue.send(sqsRecordForObject({ bucket: ctx.bucket, key, size: record.s3.object.size, eTag: record.s3.object.eTag, eventName, messageId: randomUUID() }) as SQSRecord);
    }
  });
  ctx.stops.push(() => queue.stop());
  ctx.log(`  ${spec.name.padEnd(8)} ← s3://${ctx.bucket}/${spec.trigger.prefix}* object-created, as SQS batches of 10 (${spec.entry})`);
  return queue;
}

/** http trigger: the API on Node, the same app as the Lambda handler. */
async function startHttpTrigger(spec: FunctionSpec, ctx: TriggerContext, overrides: import('../shared/api/runtime.ts').RuntimeOverrides): Promise<string | undefined> {
  const port = ctx.options.apiPort;
  if (port === null || port === undefined) return undefined;
  if (!existsSync(join(repoRoot, 'shared/api/serve.ts'))) return undefined;
  const { startApi } = await import('../shared/api/serve.ts');
  const { depsFromEnv } = await import('../shared/api/runtime.ts');
  if ((process.env.QUOTEDESK_AUTH ?? 'tokens') === 'tokens') {
    for (const name of ['QUOTEDESK_WRITER_TOKEN', 'QUOTEDESK_READER_TOKEN']) {
      if (!process.env[name]) {
        process.env[name] = randomBytes(24).toString('base64url');
        ctx.log(`  ${name}=${process.env[name]}   (generated; set it to keep it across restarts)`);
      }
    }
  }
  // The API's one composition root, as its Lambda handler uses it (a reprocess request lands under raw/.reprocess/
  // and reaches the process function through its object-created event, as in AWS); the local stack adds the rebuild
  // of its in-process search database.
  // The page PUTs files over the body limit to the S3 emulator by presigned URL, as it does to the bucket in AWS.
  const env = { ...process.env, QUOTEDESK_UPLOAD_ORIGIN: process.env.QUOTEDESK_UPLOAD_ORIGIN || ctx.emulators.s3Endpoint };
  const api = await startApi(depsFromEnv(env, overrides), { port, hostname: '127.0.0.1' });
  ctx.stops.push(() => api.close());
  await allowUploadsFrom(ctx.bucket, new URL(api.url).origin);
  ctx.log(`  ${spec.name.padEnd(8)} ← http ${api.url} (${spec.entry})`);
  return api.url;
}

/** schedule trigger: a timer calling the function's handler. */
async function startScheduleTrigger(spec: FunctionSpec & { trigger: { kind: 'schedule' } }, ctx: TriggerContext, seconds: number | null): Promise<void> {
  if (seconds === null || seconds === undefined) return;
  const handler = await loadHandler<(event: unknown, context: unknown) => Promise<unknown>>(spec);
  if (!handler) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // one run at a time, as EventBridge + reserved concurrency 1 would
    running = true;
    handler({ source: 'local.schedule', time: new Date().toISOString() }, { functionName: spec.name, getRemainingTimeInMillis: () => spec.timeoutSeconds * 1000 })
      .catch((error: unknown) => ctx.log(`${spec.name}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  ctx.stops.push(() => clearInterval(timer));
  ctx.log(`  ${spec.name.padEnd(8)} ← every ${seconds} s (${spec.entry})`);
}

/**
 * After a restart every run of the last process is over (kill -9 included): the recovery sweeper
 * re-drives every unfinished document from the table's work list (their leases count as expired),
 * so a restart loses nothing.
 */
async function recoverUnfinished(log: (line: string) => void): Promise<void> {
  const sweep = FUNCTIONS.find((f) => f.name === 'sweep');
  const handler = sweep ? await loadHandler<(event: { assumeDead: boolean }) => Promise<{ redriven: number; failed: number }>>(sweep) : null;
  if (!handler) return;
  const report = await handler({ assumeDead: true });
  if (report.redriven > 0) log(`  requeued ${report.redriven} unfinished document(s) from the last run`);
  if (report.failed > 0) log(`  failed ${report.failed} document(s) that could not be recovered (see quotedesk status --failed)`);
}

/**
 * The search database in `dir` (memory without one), its schema brought up to date. One that does not open
 * (left broken by a kill -9) is moved aside and started afresh: the projection is rebuilt from S3 (`rebuild`),
 * as it is after a migration that asks for it.
 */
async function openSearchDatabase(dir: string | undefined, log: (line: string) => void): Promise<{ sql: PgliteSql; rebuild: boolean }> {
  if (!dir) return { sql: await PgliteSql.open(), rebuild: false };
  const fresh = !existsSync(dir);
  try {
    const sql = await PgliteSql.open(dir);
    // A schema migration that adds what older rows lack (claims kept whole) rebuilds them from S3.
    const { migrate } = await import('../shared/search/schema.ts');
    const { reindex } = await migrate(sql);
    if (reindex) log('  search database migrated: rebuilding the projection from S3');
    return { sql, rebuild: fresh || reindex };
  } catch (error) {
    const aside = `${dir}.broken-${Date.now()}`;
    renameSync(dir, aside);
    log(`  search database did not open (${error instanceof Error ? error.message : String(error)}); moved to ${aside}, rebuilding from S3`);
    return { sql: await PgliteSql.open(dir), rebuild: true };
  }
}

async function rebuildSearch(sql: PgliteSql) {
  const { reindexSearch } = await import('../shared/search/rebuild.ts');
  const { openSearch } = await import('../shared/search/index.ts');
  const { S3DocumentStore } = await import('../shared/storage/s3-documents.ts');
  const { DynamoIndexStore } = await import('../shared/storage/dynamo-index.ts');
  return reindexSearch({ index: new DynamoIndexStore(), documents: new S3DocumentStore(), projection: (await openSearch(sql)).projection });
}

function intervalFromEnv(name: string, env: NodeJS.ProcessEnv, fallback: number | null): number | null {
  const value = env[name];
  if (value === 'off') return null;
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${name} must be a number of seconds or "off", not "${value}"`);
  return seconds;
}

function crawlIntervalFromEnv(env: NodeJS.ProcessEnv, spec?: FunctionSpec): number | null {
  const value = env.QUOTEDESK_CRAWL_INTERVAL;
  if (value === 'off') return null;
  if (value === undefined || value === '') return spec?.trigger.kind === 'schedule' ? spec.trigger.defaultRateMinutes * 60 : null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`QUOTEDESK_CRAWL_INTERVAL must be a number of seconds or "off", not "${value}"`);
  return seconds;
}

/** What <data dir>/local-stack.json tells the CLI and scripts about the running stack. */
export interface LocalStackState {
  pid: number;
  bucket: string;
  table: string;
  s3Endpoint: string;
  dynamoEndpoint: string;
  /** The only credentials the emulators accept (see local/sigv4-guard.ts). */
  credentials: Credentials;
  apiUrl?: string;
  /**
   * The API's reader token, for the CLI's export (it streams GET /export, which reads the search database in
   * this process). No more than the emulator credentials beside it already grant.
   */
  readerToken?: string;
  rawPrefix: string;
  startedAt: string;
}

export function readLocalStackState(dataDir: string = defaultDataDir()): LocalStackState | null {
  const stateFile = join(dataDir, STATE_FILE);
  return existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as LocalStackState) : null;
}

const CREDENTIALS_FILE = 'emulator-credentials.json';

/**
 * The credentials the emulators accept: generated once per data folder and kept there, owner-only, so a
 * restarted stack and the clients that read them before a crash go on working; fresh for an ephemeral stack.
 */
function emulatorCredentials(dataDir: string, ephemeral: boolean): Credentials {
  const file = join(dataDir, CREDENTIALS_FILE);
  if (!ephemeral && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const credentials = { accessKeyId: `QDLOCAL${randomBytes(8).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(30).toString('base64url') };
  if (!ephemeral) writeFileSync(file, `${JSON.stringify(credentials)}\n`, { mode: 0o600 });
  return credentials;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  // An ephemeral stack without a folder of its own gets a temporary one (never the real data folder).
  const ownsDataDir = Boolean(options.ephemeral && !options.dataDir);
  const dataDir = options.dataDir ?? (ownsDataDir ? mkdtempSync(join(tmpdir(), 'quotedesk-stack-')) : defaultDataDir());
  const bucket = options.bucket ?? process.env.QUOTEDESK_BUCKET ?? 'quotedesk-local';
  const table = options.table ?? process.env.QUOTEDESK_TABLE ?? 'quotedesk';
  const s3Directory = join(dataDir, 's3');
  mkdirSync(s3Directory, { recursive: true });
  const credentials = emulatorCredentials(dataDir, options.ephemeral ?? false);
  // PGlite takes seconds to start (longer on a fresh folder): it starts beside the emulators.
  const opening = openSearchDatabase(options.ephemeral ? undefined : join(dataDir, 'search'), log);
  // In a thread of their own: the API's event loop serves only the API.
  const emulators = await startEmulatorThread({
    s3Directory,
    dynamoPath: options.ephemeral ? undefined : join(dataDir, 'dynamodb'),
    resetOnClose: options.ephemeral ?? false,
    s3Port: options.s3Port,
    dynamoPort: options.dynamoPort,
    credentials,
  });
  useEmulatorEnvironment({ ...emulators, credentials }, { bucket, table });
  await ensureBucketAndTable({ bucket, table });

  log(`quotedesk local stack (data: ${options.ephemeral ? 'temporary' : dataDir})`);
  const { metadataRewritten, checksumsRemoved, objectsRemoved } = emulators.repairs;
  for (const [what, files] of [['rewrote empty or broken S3 metadata', metadataRewritten], ['removed empty S3 checksums', checksumsRemoved], ['removed S3 objects cut short (checksum mismatch)', objectsRemoved]] as const) {
    if (files.length > 0) log(`  repaired after an unclean stop: ${what}: ${files.length} (${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''})`);
  }
  log(`  s3       ${emulators.s3Endpoint}  bucket ${bucket}`);
  log(`  dynamodb ${emulators.dynamoEndpoint}  table ${table}`);

  if (!options.ephemeral) {
    const repaired = describeIndexRepairs(await repairIndexes(table));
    if (repaired) log(`  ${repaired}`);
  }

  const ctx: TriggerContext = { options, emulators, bucket, dataDir, log, stops: [] };
  const search = await opening;
  useSearchDatabase(search.sql);
  // Closed last, after the functions that write to it stopped.
  ctx.stops.push(async () => {
    useSearchDatabase(undefined);
    await search.sql.close();
  });
  log(`  search   PGlite ${options.ephemeral ? '(in memory)' : join(dataDir, 'search')}`);
  let queue: LocalSqsQueue | null = null;
  let apiUrl: string | undefined;
  for (const spec of FUNCTIONS) {
    const trigger = spec.trigger;
    if (trigger.kind === 's3') queue = (await startS3Trigger({ ...spec, trigger }, ctx)) ?? queue;
    else if (trigger.kind === 'http') apiUrl = (await startHttpTrigger(spec, ctx, { reindex: () => rebuildSearch(search.sql) })) ?? apiUrl;
    else if (trigger.kind === 'schedule') {
      const interval = spec.name === 'sweep'
        ? (options.sweepIntervalSeconds === undefined ? intervalFromEnv('QUOTEDESK_SWEEP_INTERVAL', process.env, 60) : options.sweepIntervalSeconds)
        : (options.crawlIntervalSeconds === undefined ? crawlIntervalFromEnv(process.env, spec) : options.crawlIntervalSeconds);
      await startScheduleTrigger({ ...spec, trigger }, ctx, interval);
    }
    // 'stream-url': nothing to start; the local API's own GET /export streams (no API Gateway to buffer it).
  }

  if (queue) await recoverUnfinished(log);
  if (search.rebuild) {
    const report = await rebuildSearch(search.sql);
    if (report.documents > 0) log(`  search projection rebuilt from S3: ${report.projected} of ${report.documents} done documents`);
  }

  const stateFile = join(dataDir, STATE_FILE);
  const state: LocalStackState = { pid: process.pid, bucket, table, s3Endpoint: emulators.s3Endpoint, dynamoEndpoint: emulators.dynamoEndpoint, credentials, apiUrl, readerToken: apiUrl ? process.env.QUOTEDESK_READER_TOKEN : undefined, rawPrefix: RAW_PREFIX, startedAt: new Date().toISOString() };
  // Owner-only: it holds the emulators' credentials (removed first: a mode applies only to a new file).
  rmSync(stateFile, { force: true });
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });

  return {
    bucket,
    table,
    s3Endpoint: emulators.s3Endpoint,
    dynamoEndpoint: emulators.dynamoEndpoint,
    apiUrl,
    dataDir,
    stateFile,
    idle: () => queue?.idle() ?? Promise.resolve(),
    queueStats: () => queue?.stats ?? { sent: 0, succeeded: 0, retried: 0, deadLettered: 0 },
    memory: () => stackMemory(emulators),
    async stop() {
      for (const stop of ctx.stops.reverse()) await stop();
      await emulators.stop();
      rmSync(stateFile, { force: true });
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For the CLI: point the SDK at the running local stack (from its state file). Returns a label for
 * messages, or null when no local stack runs (the caller then uses the AWS environment).
 */
export function connectToLocalStack(dataDir: string = defaultDataDir()): string | null {
  const state = readLocalStackState(dataDir);
  if (!state) return null;
  try {
    process.kill(state.pid, 0);
  } catch {
    return null; // left behind by a stack that did not stop cleanly
  }
  useEmulatorEnvironment(state, { bucket: state.bucket, table: state.table });
  return `local stack (s3 ${state.s3Endpoint}, dynamodb ${state.dynamoEndpoint})`;
}

function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (!value) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return port;
}

async function main(): Promise<void> {
  // On a terminal: warnings and failures from the functions' logs, no metric lines.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack({
    s3Port: portFromEnv('QUOTEDESK_S3_PORT', 4568),
    dynamoPort: portFromEnv('QUOTEDESK_DYNAMODB_PORT', 4567),
    apiPort: portFromEnv('PORT', 3000),
  });
  process.stdout.write(`ready; endpoints in ${stack.stateFile}. Ctrl-C to stop.\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    stack.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGUSR2', () => void stack.memory().then((memory) => process.stdout.write(`memory: ${JSON.stringify(memory)}\n`)));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
