/**
 * Cold-start proxy: how long a fresh Node.js process takes to import each function's bundle (the
 * module-level work Lambda does in its init phase), measured by spawning node N times per bundle.
 * Run both as deployed (NODE_OPTIONS=--enable-source-maps, which loads the .map at import) and
 * without source maps, against a baseline of node starting with nothing to import.
 *
 *   npm run import-time                       # bundles first (as bundle:report does), 15 runs each
 *   npm run import-time -- --runs 30
 *   npm run import-time -- --dir .tmp/bundles # reuse an assembly kept by `bundle:report -- --out`
 *   npm run import-time -- --json
 *   npm run import-time -- -c bundleAwsSdk=true   # stack context, as `cdk -c` takes it
 *   npm run import-time -- --dir DIR --extract ../shared/fixtures/allina-union.txt --mb 0.5,2,5
 *       # also: the process function's work on one document of each size (the text repeated up to
 *       # N MB; 5 MB is the default size limit): conversion and extraction time and peak memory,
 *       # the figures behind the process function's memory and timeout in infra/wiring.ts
 *
 * AWS SDK clients are not bundled (the Lambda runtime provides them); here they resolve from this
 * repository's node_modules, as they would from the runtime's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFunctions, contextArgs, type BundleInfo } from './bundle-report.ts';
import { PROJECT_ROOT, STACK_NAME } from '../infra/stack.ts';
import { ENV, FUNCTIONS } from '../infra/wiring.ts';

export interface ImportTiming {
  name: string;
  sourceMaps: boolean;
  runs: number;
  importMs: { min: number; median: number; p90: number };
  /** CPU time (user + system) the import took: far steadier than wall time on a busy machine. */
  cpuMs: { median: number };
  processMs: { median: number };
  /** Resident memory right after the import: the floor under the function's memory setting. */
  rssMb: { median: number };
}

/** What a handler module may read at import time; placeholders, nothing is called. */
const IMPORT_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'IMPORTTIME',
  AWS_SECRET_ACCESS_KEY: 'IMPORTTIME',
  [ENV.bucket]: 'quotedesk-import-time',
  [ENV.table]: 'quotedesk-import-time',
  [ENV.auth]: 'jwt-claims',
  [ENV.cursorSecret]: 'import-time-only-secret-value',
  [ENV.userPoolId]: 'us-east-1_ImportTime',
  [ENV.userPoolClientId]: 'import-time-client',
  POWERTOOLS_SERVICE_NAME: 'quotedesk',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (n: number) => Math.round(n * 10) / 10;

/** Spawns node `runs` times, each importing `file` once; returns import and whole-process times. */
export function timeImport(file: string | null, runs: number, sourceMaps: boolean): { importMs: number[]; cpuMs: number[]; processMs: number[]; rssBytes: number[] } {
  const target = file ? JSON.stringify(pathToFileURL(file).href) : null;
  // The Lambda runtime's `awslambda` global, which a streaming handler (functions/export.ts) uses at import.
  const runtimeGlobal = 'globalThis.awslambda={streamifyResponse:(h)=>h,HttpResponseStream:{from:(s)=>s}};';
  const script = target
    ? `${runtimeGlobal}const c=process.cpuUsage();const t=performance.now();const m=await import(${target});const d=performance.now()-t;` +
      `const u=process.cpuUsage(c);if(typeof m.handler!=='function')throw new Error('no handler export');` +
      `process.stdout.write(JSON.stringify([d,(u.user+u.system)/1000,process.memoryUsage().rss]));`
    : `process.stdout.write(JSON.stringify([0,0,process.memoryUsage().rss]));`;
  const importMs: number[] = [];
  const cpuMs: number[] = [];
  const processMs: number[] = [];
  const rssBytes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...IMPORT_ENV, NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '' },
      encoding: 'utf8',
    });
    processMs.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`importing ${file} failed:\n${result.stderr}`);
    const [ms, cpu, rss] = JSON.parse(result.stdout) as [number, number, number];
    importMs.push(ms);
    cpuMs.push(cpu);
    rssBytes.push(rss);
  }
  return { importMs, cpuMs, processMs, rssBytes };
}

export function measure(bundles: Array<Pick<BundleInfo, 'name' | 'file'>>, runs: number): ImportTiming[] {
  const rows: ImportTiming[] = [];
  const summarise = (name: string, sourceMaps: boolean, t: ReturnType<typeof timeImport>): ImportTiming => {
    const sorted = [...t.importMs].sort((a, b) => a - b);
    const proc = [...t.processMs].sort((a, b) => a - b);
    const rss = [...t.rssBytes].sort((a, b) => a - b);
    const cpu = [...t.cpuMs].sort((a, b) => a - b);
    return {
      name, sourceMaps, runs,
      importMs: { min: round(sorted[0]), median: round(percentile(sorted, 0.5)), p90: round(percentile(sorted, 0.9)) },
      cpuMs: { median: round(percentile(cpu, 0.5)) },
      processMs: { median: round(percentile(proc, 0.5)) },
      rssMb: { median: round(percentile(rss, 0.5) / 2 ** 20) },
    };
  };
  rows.push(summarise('(node, nothing imported)', false, timeImport(null, runs, false)));
  for (const bundle of bundles) {
    for (const sourceMaps of [true, false]) rows.push(summarise(bundle.name, sourceMaps, timeImport(bundle.file, runs, sourceMaps)));
  }
  return rows;
}

export function formatTimings(rows: ImportTiming[]): string {
  const load = os.loadavg()[0].toFixed(1);
  const lines = [`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${load}, ${rows[0]?.runs ?? 0} runs each; medians in ms`,
    'bundle                     source maps   import min   median    p90   import CPU   process median   RSS after import', '-'.repeat(117)];
  for (const r of rows) {
    lines.push(`${r.name.padEnd(26)} ${(r.name.startsWith('(') ? '-' : r.sourceMaps ? 'on (deployed)' : 'off').padEnd(13)} ` +
      `${r.importMs.min.toFixed(1).padStart(8)} ${r.importMs.median.toFixed(1).padStart(8)} ${r.importMs.p90.toFixed(1).padStart(7)}   ${r.cpuMs.median.toFixed(1).padStart(8)}   ${r.processMs.median.toFixed(1).padStart(8)} ms   ${r.rssMb.median.toFixed(0).padStart(6)} MB`);
  }
  return lines.join('\n');
}

export interface ExtractionSizing { mb: number; toTextMs: number; extractMs: number; quotes: number; peakRssMb: number }

/** Converts and extracts one document of `mb` megabytes (`file` repeated) in a fresh process. */
export function measureExtraction(file: string, mb: number): ExtractionSizing {
  const url = (relative: string) => JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, relative)).href);
  const script = `import * as fs from 'node:fs';` +
    `const { extract } = await import(${url('shared/extract/index.ts')});` +
    `const { toDocumentText } = await import(${url('shared/text/formats.ts')});` +
    `const unit = fs.readFileSync(${JSON.stringify(path.resolve(file))}, 'utf8');` +
    `const parts = [unit]; let size = Buffer.byteLength(unit);` +
    `while (size < ${mb} * 1048576) { parts.push(unit); size += Buffer.byteLength(unit) + 2; }` +
    `const bytes = new Uint8Array(Buffer.from(parts.join(String.fromCharCode(10, 10))));` +
    `const t0 = performance.now();` +
    `const doc = await toDocumentText(bytes, { contentType: 'text/plain', maxBytes: bytes.byteLength + 1 });` +
    `const t1 = performance.now(); const result = extract(doc.text, { id: 'sizing' }); const t2 = performance.now();` +
    `process.stdout.write(JSON.stringify({ mb: ${mb}, toTextMs: Math.round(t1 - t0), extractMs: Math.round(t2 - t1),` +
    ` quotes: result.quotes.length, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT, env: { ...process.env, ...IMPORT_ENV }, encoding: 'utf8', maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`extraction of ${mb} MB failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as ExtractionSizing;
}

export function formatSizing(rows: ExtractionSizing[]): string {
  const lines = ['process work per document (text repeated to size)', 'size     to text   extract   quotes   peak RSS', '-'.repeat(48)];
  for (const r of rows) {
    lines.push(`${`${r.mb} MB`.padEnd(8)} ${`${r.toTextMs} ms`.padStart(8)} ${`${r.extractMs} ms`.padStart(9)} ${String(r.quotes).padStart(8)} ${`${r.peakRssMb} MB`.padStart(10)}`);
  }
  return lines.join('\n');
}

/** The bundles of a kept assembly directory (from `bundle:report -- --out DIR`), found by their metafiles. */
function bundlesIn(dir: string): Array<Pick<BundleInfo, 'name' | 'file'>> {
  const template = JSON.parse(fs.readFileSync(path.join(dir, `${STACK_NAME}.template.json`), 'utf8')) as { Resources: Record<string, { Type: string; Properties: any }> };
  return FUNCTIONS.map((spec) => {
    // The stack names each function `<Name>Function`; its logical id adds an 8-digit hash.
    const prefix = `${spec.name.charAt(0).toUpperCase()}${spec.name.slice(1)}Function`;
    const entry = Object.entries(template.Resources)
      .find(([id, r]) => r.Type === 'AWS::Lambda::Function' && new RegExp(`^${prefix}[0-9A-F]{8}$`).test(id));
    if (!entry) throw new Error(`${dir} has no ${spec.name} function: run bundle:report -- --out ${dir} first`);
    const file = path.join(dir, `asset.${String(entry[1].Properties.Code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
    if (!fs.existsSync(file)) throw new Error(`${dir} has no bundle for ${spec.name}: run bundle:report -- --out ${dir} first`);
    return { name: spec.name, file };
  });
}

async function main(argv: string[]): Promise<number> {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const v = argv[at + 1];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const runs = Number(value('--runs') ?? 15);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1000) throw new Error('--runs must be an integer from 1 to 1000');
  const dir = value('--dir');
  const outdir = dir ? path.resolve(dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bundles-'));
  try {
    const bundles = dir ? bundlesIn(outdir) : bundleFunctions(outdir, contextArgs(argv));
    const rows = measure(bundles, runs);
    const extractFile = value('--extract');
    const sizes = (value('--mb') ?? '0.5,2,5').split(',').map(Number);
    if (sizes.some((mb) => !(mb > 0 && mb <= 50))) throw new Error('--mb takes sizes in MB from 0 to 50, comma-separated');
    if (extractFile && !fs.existsSync(extractFile)) throw new Error(`--extract: no such file ${extractFile}`);
    const sizing = extractFile ? sizes.map((mb) => measureExtraction(extractFile, mb)) : [];
    if (argv.includes('--json')) console.log(JSON.stringify({ imports: rows, sizing }, null, 2));
    else console.log([formatTimings(rows), ...(sizing.length ? ['', formatSizing(sizing)] : [])].join('\n'));
    return 0;
  } finally {
    if (!dir) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
