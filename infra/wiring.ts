/**
 * The one list of quotedesk's functions and what triggers them. The CDK stack and the local
 * stack both read it, so what runs on one machine is wired exactly as what runs in AWS.
 */
export const RAW_PREFIX = 'raw/';
export const RESULTS_PREFIX = 'results/';

/** Environment variables the functions read; set by the stack where the grants are made, and by the local stack. */
export const ENV = {
  bucket: 'QUOTEDESK_BUCKET',
  table: 'QUOTEDESK_TABLE',
} as const;

export type Trigger =
  | { kind: 's3'; prefix: string }
  | { kind: 'http' }
  | { kind: 'schedule'; defaultRateMinutes: number };

export interface FunctionSpec {
  name: 'process' | 'api' | 'crawl';
  /** Handler module, relative to the repo root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  memoryMb: number;
  timeoutSeconds: number;
}

export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'process', entry: 'functions/process.ts', trigger: { kind: 's3', prefix: RAW_PREFIX }, memoryMb: 1024, timeoutSeconds: 120 },
  { name: 'api', entry: 'functions/api.ts', trigger: { kind: 'http' }, memoryMb: 512, timeoutSeconds: 29 },
  { name: 'crawl', entry: 'functions/crawl.ts', trigger: { kind: 'schedule', defaultRateMinutes: 30 }, memoryMb: 512, timeoutSeconds: 300 },
];
