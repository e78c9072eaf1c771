/**
 * `npm run cost -- [--bench FILE.json] [--json]`: what a million documents cost in AWS, per
 * component, from the units `npm run bench:pipeline -- --json FILE` measured per document
 * (requests by type, DynamoDB write and read units, search statements and their time, stored
 * bytes). Prices are us-east-1 list prices (in PRICES below, one place to update). Lines marked
 * "assumed" are not measured by the bench: their assumption is printed beside them.
 *
 * Always-on floors (paid whether documents arrive or not) are printed after the table.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** US East (N. Virginia) list prices, USD. */
export const PRICES = {
  dynamoWriteUnit: 0.625 / 1e6, // on-demand write request unit
  dynamoReadUnit: 0.125 / 1e6, // on-demand read request unit
  dynamoStorageGbMonth: 0.25,
  s3Put: 0.005 / 1000, // PUT, COPY, POST, LIST
  s3Get: 0.0004 / 1000, // GET and all other
  s3StorageGbMonth: 0.023,
  sqsRequest: 0.4 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  lambdaArmGbSecond: 0.0000133334,
  dataApiRequest: 0.35 / 1e6,
  auroraAcuHour: 0.12,
  auroraIoRequest: 0.2 / 1e6,
  auroraStorageGbMonth: 0.1,
  logsIngestGb: 0.5,
} as const;

interface Bench {
  documents: number;
  seconds: number;
  concurrency?: number;
  indexBytesPerDocument: number;
  s3RawBytesPerDocument: number;
  s3ResultBytesPerDocument: number;
  perDocument: {
    writeUnits: number;
    readUnits: number;
    byRequest: Record<string, number>;
    sqlStatements?: number;
    sqlMilliseconds?: number;
    searchBytes?: number;
  };
}

export interface CostLine {
  component: string;
  basis: string;
  perMillion: number;
}

const PROCESS_MEMORY_GB = 1;
const SQS_BATCH = 10;
/** Aurora I/Os per statement: not measurable on PGlite; a write statement touches a few pages. */
const ASSUMED_IOS_PER_STATEMENT = 5;
const ASSUMED_LOG_BYTES_PER_DOCUMENT = 1024;
/** Aurora capacity while it works on the projection (its smallest step above paused). */
const ACTIVE_ACU = 0.5;

export function costPerMillion(bench: Bench): CostLine[] {
  const m = 1e6;
  const d = bench.perDocument;
  const requests = (prefix: string, names: string[]) => names.reduce((n, name) => n + (d.byRequest[`${prefix}:${name}`] ?? 0), 0);
  const s3Puts = requests('s3', ['PutObject', 'ListObjects']);
  const s3Gets = requests('s3', ['GetObject', 'HeadObject']);
  // Wall time per document of one process worker on the emulators: an upper bound for Lambda.
  const processSeconds = (bench.seconds * (bench.concurrency ?? 2)) / Math.max(1, bench.documents);
  const sql = d.sqlStatements ?? 0;
  return [
    { component: 'DynamoDB writes', basis: `${d.writeUnits} WRU/doc (table + GSIs, measured)`, perMillion: d.writeUnits * m * PRICES.dynamoWriteUnit },
    { component: 'DynamoDB reads', basis: `${d.readUnits} RRU/doc (measured)`, perMillion: d.readUnits * m * PRICES.dynamoReadUnit },
    { component: 'S3 requests', basis: `${s3Puts.toFixed(1)} PUT + ${s3Gets.toFixed(1)} GET/doc (measured)`, perMillion: m * (s3Puts * PRICES.s3Put + s3Gets * PRICES.s3Get) },
    { component: 'SQS', basis: `1 send + receive and delete per batch of ${SQS_BATCH}`, perMillion: m * (1 + 2 / SQS_BATCH) * PRICES.sqsRequest },
    { component: 'Lambda (process)', basis: `${processSeconds.toFixed(3)} s/doc at ${PROCESS_MEMORY_GB} GB ARM (emulator wall time, an upper bound), batches of ${SQS_BATCH}`, perMillion: m * (processSeconds * PROCESS_MEMORY_GB * PRICES.lambdaArmGbSecond + PRICES.lambdaRequest / SQS_BATCH) },
    { component: 'RDS Data API', basis: `${sql} statements/doc (measured)`, perMillion: sql * m * PRICES.dataApiRequest },
    { component: 'Aurora compute', basis: `${(d.sqlMilliseconds ?? 0).toFixed(1)} ms of SQL/doc (PGlite, measured) at ${ACTIVE_ACU} ACU`, perMillion: ((d.sqlMilliseconds ?? 0) / 1000 / 3600) * m * ACTIVE_ACU * PRICES.auroraAcuHour },
    { component: 'Aurora I/O', basis: `assumed ${ASSUMED_IOS_PER_STATEMENT} I/Os per statement`, perMillion: sql * ASSUMED_IOS_PER_STATEMENT * m * PRICES.auroraIoRequest },
    { component: 'CloudWatch Logs', basis: `assumed ${ASSUMED_LOG_BYTES_PER_DOCUMENT} B of logs/doc`, perMillion: (ASSUMED_LOG_BYTES_PER_DOCUMENT * m / 1e9) * PRICES.logsIngestGb },
  ];
}

export function storagePerMillionPerMonth(bench: Bench): CostLine[] {
  const gb = (bytes: number) => (bytes * 1e6) / 1e9;
  return [
    { component: 'DynamoDB storage', basis: `${bench.indexBytesPerDocument} B/doc`, perMillion: gb(bench.indexBytesPerDocument) * PRICES.dynamoStorageGbMonth },
    { component: 'S3 storage', basis: `${bench.s3RawBytesPerDocument + bench.s3ResultBytesPerDocument} B/doc (raw + result)`, perMillion: gb(bench.s3RawBytesPerDocument + bench.s3ResultBytesPerDocument) * PRICES.s3StorageGbMonth },
    { component: 'Aurora storage', basis: `${bench.perDocument.searchBytes ?? 0} B/doc (PGlite tables and indexes)`, perMillion: gb(bench.perDocument.searchBytes ?? 0) * PRICES.auroraStorageGbMonth },
  ];
}

/** Paid while the stack exists, documents or not. */
export function floorsPerMonth(): CostLine[] {
  return [
    { component: 'Aurora, paused', basis: 'auto-pause after 10 idle minutes: no compute; storage only', perMillion: 0 },
    { component: 'Aurora, awake all month', basis: `${ACTIVE_ACU} ACU × 730 h (documents at least every 10 minutes, or searches)`, perMillion: ACTIVE_ACU * 730 * PRICES.auroraAcuHour },
    { component: 'NAT gateway', basis: 'none: the Data API is reached over its public HTTPS endpoint', perMillion: 0 },
    { component: 'Secrets Manager', basis: '2 secrets (cursor key, database credentials) at $0.40', perMillion: 0.8 },
  ];
}

function table(title: string, lines: CostLine[], unit: string): string {
  const width = Math.max(...lines.map((l) => l.component.length));
  const rows = lines.map((l) => `  ${l.component.padEnd(width)}  ${`$${l.perMillion.toFixed(2)}`.padStart(9)}  ${l.basis}`);
  const total = lines.reduce((n, l) => n + l.perMillion, 0);
  return [`${title} (${unit})`, ...rows, `  ${'total'.padEnd(width)}  ${`$${total.toFixed(2)}`.padStart(9)}`].join('\n');
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.includes('--bench') ? args[args.indexOf('--bench') + 1] : '.tmp/bench-pipeline.json';
  const bench = JSON.parse(readFileSync(file, 'utf8')) as Bench;
  const perMillion = costPerMillion(bench);
  const storage = storagePerMillionPerMonth(bench);
  const floors = floorsPerMonth();
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ bench: file, perMillion, storage, floors, total: perMillion.reduce((n, l) => n + l.perMillion, 0) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`From ${file} (${bench.documents} documents)\n\n`);
  process.stdout.write(`${table('Processing a million documents', perMillion, 'USD per million documents')}\n\n`);
  process.stdout.write(`${table('Keeping a million documents', storage, 'USD per month')}\n\n`);
  process.stdout.write(`${table('Always-on floors', floors, 'USD per month')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
