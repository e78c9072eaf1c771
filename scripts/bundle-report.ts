/**
 * Synthesises the app WITH bundling (esbuild on this machine, exactly as `cdk deploy` would) and
 * reports each function's bundle: minified size, gzipped size (≈ the deployed zip), source map,
 * the packages that weigh most, and whether compromise is inside.
 *
 *   npm run bundle:report                 # table
 *   npm run bundle:report -- --json       # machine-readable
 *   npm run bundle:report -- --out DIR    # keep the cloud assembly (import-time reuses it)
 *   npm run bundle:report -- --check      # exit 1 when the API or crawl bundle misses its target
 *   npm run bundle:report -- -c bundleAwsSdk=true   # any stack context, as `cdk -c` takes it
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createApp, STACK_NAME } from '../infra/stack.ts';
import { FUNCTIONS, type FunctionSpec } from '../infra/wiring.ts';

/** API and crawl must stay small and free of the NLP library (they never extract). */
export const SIZE_TARGET_BYTES = 1024 * 1024;
const LEAN_FUNCTIONS: ReadonlyArray<FunctionSpec['name']> = ['api', 'crawl'];

export interface BundleInfo {
  name: FunctionSpec['name'];
  dir: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  hasCompromise: boolean;
  /** Bytes in the bundle per package (`(quotedesk)` for our own code), largest first. */
  packages: Array<{ name: string; bytes: number }>;
  meetsTarget: boolean | null;
}

interface Metafile { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }

/** The package an esbuild input path belongs to: `node_modules/@scope/pkg/...` → `@scope/pkg`. */
export function packageOf(input: string): string {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return '(quotedesk)';
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** Bundles every function of the wiring list into `outdir` and describes each bundle. */
export function bundleFunctions(outdir: string, context: Record<string, string> = {}): BundleInfo[] {
  const { app, stack } = createApp({ context: { ...context, 'quotedesk:metafile': true }, outdir, builtinCloudFormationValidation: false });
  const assembly = app.synth();
  const template = assembly.getStackByName(STACK_NAME).template as { Resources: Record<string, { Type: string; Properties: any }> };

  return FUNCTIONS.map((spec) => {
    const fn = stack.functions[spec.name].function;
    const logicalId = stack.getLogicalId(fn.node.defaultChild as never);
    const key: string = template.Resources[logicalId].Properties.Code.S3Key;
    const dir = path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
    const file = path.join(dir, 'index.mjs');
    const code = fs.readFileSync(file);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'index.meta.json'), 'utf8')) as Metafile;
    const byPackage = new Map<string, number>();
    for (const output of Object.values(meta.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
    }
    const hasCompromise = byPackage.has('compromise');
    const mapFile = path.join(dir, 'index.mjs.map');
    return {
      name: spec.name,
      dir,
      file,
      bytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      mapBytes: fs.existsSync(mapFile) ? fs.statSync(mapFile).size : 0,
      hasCompromise,
      packages: [...byPackage.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes),
      meetsTarget: LEAN_FUNCTIONS.includes(spec.name) ? code.byteLength < SIZE_TARGET_BYTES && !hasCompromise : null,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function formatBundles(bundles: BundleInfo[]): string {
  const lines = ['function  minified   gzip     map      compromise  target (<1 MB, no compromise)', '-'.repeat(84)];
  for (const b of bundles) {
    const target = b.meetsTarget === null ? 'n/a (extracts)' : b.meetsTarget ? 'met' : 'MISSED';
    lines.push(`${b.name.padEnd(9)} ${kb(b.bytes).padStart(8)} ${kb(b.gzipBytes).padStart(8)} ${kb(b.mapBytes).padStart(8)}  ${(b.hasCompromise ? 'yes' : 'no').padEnd(11)} ${target}`);
  }
  for (const b of bundles) {
    lines.push('', `${b.name}: largest packages`);
    for (const p of b.packages.slice(0, 8)) lines.push(`  ${kb(p.bytes).padStart(8)}  ${p.name}`);
  }
  return lines.join('\n');
}

/** `-c key=value` pairs of a command line, as the CDK CLI takes them. */
export function contextArgs(argv: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  argv.forEach((arg, i) => {
    if (arg !== '-c' && arg !== '--context') return;
    const pair = argv[i + 1] ?? '';
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`${arg} needs key=value, got "${pair}"`);
    context[pair.slice(0, eq)] = pair.slice(eq + 1);
  });
  return context;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const check = argv.includes('--check');
  const outArg = argv.indexOf('--out');
  const keep = outArg >= 0 ? argv[outArg + 1] : undefined;
  if (outArg >= 0 && !keep) throw new Error('--out needs a directory');
  const outdir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-bundles-'));
  try {
    const started = performance.now();
    const bundles = bundleFunctions(outdir, contextArgs(argv));
    const seconds = (performance.now() - started) / 1000;
    if (json) console.log(JSON.stringify({ seconds, bundles }, null, 2));
    else console.log(`${formatBundles(bundles)}\n\nsynth with bundling: ${seconds.toFixed(1)} s${keep ? `; assembly kept in ${keep}` : ''}`);
    return check && bundles.some((b) => b.meetsTarget === false) ? 1 : 0;
  } finally {
    if (!keep) fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
