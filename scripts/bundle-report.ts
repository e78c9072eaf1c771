/**
 * Synthesises the app WITH bundling (esbuild on this machine, exactly as `cdk deploy` would) and
 * reports each function's bundle: what its cold start loads (`index.mjs` and the chunks it imports
 * statically: minified, gzipped ≈ the deployed zip, source map), the lazy chunks loaded only for some
 * documents (PDF, Word, HTML), the packages that weigh most, and whether compromise is inside.
 *
 *   npm run bundle:report                 # table
 *   npm run bundle:report -- --json       # machine-readable
 *   npm run bundle:report -- --out DIR    # keep the cloud assembly (import-time reuses it)
 *   npm run bundle:report -- --check      # exit 1 when a function misses its size target
 *   npm run bundle:report -- -c bundleAwsSdk=true   # any stack context, as `cdk -c` takes it
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createApp, STACK_NAME } from '../infra/stack.ts';
import { FUNCTIONS, type FunctionSpec } from '../infra/wiring.ts';

/**
 * What each function's cold start may load (minified, lazy chunks not counted). API and crawl never
 * extract, so they must also be free of the NLP library.
 */
export const SIZE_TARGETS: Partial<Record<FunctionSpec['name'], { bytes: number; lean: boolean }>> = {
  api: { bytes: 300 * 1024, lean: true },
  export: { bytes: 300 * 1024, lean: true },
  crawl: { bytes: 300 * 1024, lean: true },
  process: { bytes: 1536 * 1024, lean: false },
};

export interface BundleInfo {
  name: FunctionSpec['name'];
  dir: string;
  file: string;
  /** What the cold start loads: index.mjs and the chunks it imports statically. */
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  /** The chunks loaded only on a dynamic import (PDF, Word, HTML), not at the cold start. */
  lazyBytes: number;
  hasCompromise: boolean;
  /** Bytes loaded at the cold start per package (`(quotedesk)` for our own code), largest first. */
  packages: Array<{ name: string; bytes: number }>;
  /** The same for the lazy chunks. */
  lazyPackages: Array<{ name: string; bytes: number }>;
  meetsTarget: boolean | null;
}

interface Output { bytes: number; inputs: Record<string, { bytesInOutput: number }>; imports: Array<{ path: string; kind: string }> }
interface Metafile { outputs: Record<string, Output> }

/** The outputs index.mjs loads at import (itself and its static imports, transitively) and the rest. */
export function splitOutputs(meta: Metafile): { entry: string; eager: string[]; lazy: string[] } {
  const code = Object.keys(meta.outputs).filter((name) => name.endsWith('.mjs'));
  const entry = code.find((name) => path.basename(name) === 'index.mjs');
  if (!entry) throw new Error('the metafile has no index.mjs output');
  const eager = new Set<string>();
  const visit = (name: string) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const imported of meta.outputs[name]?.imports ?? []) if (imported.kind === 'import-statement' && meta.outputs[imported.path]) visit(imported.path);
  };
  visit(entry);
  return { entry, eager: [...eager], lazy: code.filter((name) => !eager.has(name)) };
}

function packagesOf(meta: Metafile, outputs: string[]): Array<{ name: string; bytes: number }> {
  const byPackage = new Map<string, number>();
  for (const output of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[output].inputs)) {
      byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

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
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'index.meta.json'), 'utf8')) as Metafile;
    const { entry, eager, lazy } = splitOutputs(meta);
    const inAsset = (output: string) => path.join(dir, path.relative(path.dirname(entry), output));
    const code = Buffer.concat(eager.map((output) => fs.readFileSync(inAsset(output))));
    const packages = packagesOf(meta, eager);
    const hasCompromise = packages.some((p) => p.name === 'compromise');
    const mapBytes = eager.reduce((n, output) => n + (fs.existsSync(`${inAsset(output)}.map`) ? fs.statSync(`${inAsset(output)}.map`).size : 0), 0);
    const target = SIZE_TARGETS[spec.name];
    return {
      name: spec.name,
      dir,
      file,
      bytes: code.byteLength,
      gzipBytes: gzipSync(code, { level: 9 }).byteLength,
      mapBytes,
      lazyBytes: lazy.reduce((n, output) => n + fs.statSync(inAsset(output)).size, 0),
      hasCompromise,
      packages,
      lazyPackages: packagesOf(meta, lazy),
      meetsTarget: target ? code.byteLength <= target.bytes && !(target.lean && hasCompromise) : null,
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function formatBundles(bundles: BundleInfo[]): string {
  const lines = ['function  minified   gzip     map      lazy chunks  compromise  target (minified, lazy chunks not counted)', '-'.repeat(104)];
  for (const b of bundles) {
    const target = SIZE_TARGETS[b.name];
    const verdict = b.meetsTarget === null || !target ? 'n/a' : `${b.meetsTarget ? 'met' : 'MISSED'} (<= ${kb(target.bytes)}${target.lean ? ', no compromise' : ''})`;
    lines.push(`${b.name.padEnd(9)} ${kb(b.bytes).padStart(8)} ${kb(b.gzipBytes).padStart(8)} ${kb(b.mapBytes).padStart(8)} ${kb(b.lazyBytes).padStart(12)}  ${(b.hasCompromise ? 'yes' : 'no').padEnd(11)} ${verdict}`);
  }
  for (const b of bundles) {
    lines.push('', `${b.name}: largest packages at cold start`);
    for (const p of b.packages.slice(0, 8)) lines.push(`  ${kb(p.bytes).padStart(8)}  ${p.name}`);
    if (b.lazyPackages.length) lines.push(`${b.name}: largest packages in lazy chunks`);
    for (const p of b.lazyPackages.slice(0, 5)) lines.push(`  ${kb(p.bytes).padStart(8)}  ${p.name}`);
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
