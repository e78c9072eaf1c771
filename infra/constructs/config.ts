import type { Node } from 'constructs';
import { FUNCTIONS } from '../wiring.ts';

/**
 * Deployment settings read from CDK context (`cdk.json`, or `-c key=value` on the command line).
 * Everything has a safe production default; `dev=true` is the only way to let `cdk destroy` delete data.
 */
export interface StackConfig {
  /** Dev stacks: data is destroyed with the stack and the table has no deletion protection. */
  dev: boolean;
  /** Minutes between scheduled crawls. */
  crawlRateMinutes: number;
  /** Reserved concurrency of the process function: caps parallel writers into DynamoDB. 0 = no reservation. */
  processConcurrency: number;
  /** Reserved concurrency of the crawl function: 1 keeps per-host politeness across overlapping runs. 0 = no reservation. */
  crawlConcurrency: number;
  /** Cognito MFA: 'required' (default) or 'optional' (demo accounts). */
  mfa: 'required' | 'optional';
  /** Optional e-mail address subscribed to the alarm topic. */
  alarmEmail?: string;
  /** Days of CloudWatch Logs retention for function and API access logs. */
  logRetentionDays: number;
  /** Steady-state and burst request limits of the HTTP API stage. */
  apiRateLimit: number;
  apiBurstLimit: number;
  /** Bundle the AWS SDK into each function (pins its version) instead of using the runtime's. */
  bundleAwsSdk: boolean;
  /** Write esbuild metafiles next to the bundles (used by the bundle report only). */
  metafile: boolean;
}

const defaultCrawlRate = (() => {
  const crawl = FUNCTIONS.find((f) => f.name === 'crawl');
  return crawl?.trigger.kind === 'schedule' ? crawl.trigger.defaultRateMinutes : 30;
})();

export function readConfig(node: Node): StackConfig {
  const get = (key: string): unknown => node.tryGetContext(key);
  return {
    dev: bool(get('dev'), false),
    crawlRateMinutes: positiveInt('crawlRateMinutes', get('crawlRateMinutes'), defaultCrawlRate, 1),
    processConcurrency: positiveInt('processConcurrency', get('processConcurrency'), 10, 0),
    crawlConcurrency: positiveInt('crawlConcurrency', get('crawlConcurrency'), 1, 0),
    mfa: mfaMode(get('mfa')),
    alarmEmail: optionalEmail(get('alarmEmail')),
    logRetentionDays: retentionDays(get('logRetentionDays')),
    apiRateLimit: positiveInt('apiRateLimit', get('apiRateLimit'), 50, 1),
    apiBurstLimit: positiveInt('apiBurstLimit', get('apiBurstLimit'), 100, 1),
    bundleAwsSdk: bool(get('bundleAwsSdk'), false),
    metafile: bool(get('quotedesk:metafile'), false),
  };
}

// Context from the command line arrives as strings; from cdk.json or tests as JSON values.
function bool(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  throw new Error(`Context flag must be true or false, got ${JSON.stringify(value)}`);
}

function positiveInt(key: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`Context ${key} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  return n;
}

/** The retention periods CloudWatch Logs accepts. */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

function retentionDays(value: unknown): number {
  const days = positiveInt('logRetentionDays', value, 30, 1);
  if (!RETENTION_DAYS.includes(days)) throw new Error(`Context logRetentionDays must be one of ${RETENTION_DAYS.join(', ')}, got ${days}`);
  return days;
}

function mfaMode(value: unknown): 'required' | 'optional' {
  if (value === undefined || value === null || value === '' || value === 'required') return 'required';
  if (value === 'optional') return 'optional';
  throw new Error(`Context mfa must be 'required' or 'optional', got ${JSON.stringify(value)}`);
}

function optionalEmail(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
    throw new Error(`Context alarmEmail must be an e-mail address, got ${JSON.stringify(value)}`);
  }
  return value;
}
