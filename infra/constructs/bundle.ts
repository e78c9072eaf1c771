/**
 * A function's code: one esbuild run on this machine (no Docker), minified ESM with source maps and code
 * splitting. `index.mjs` holds the handler and what it imports statically; every dynamic `import()` (PDF.js,
 * mammoth, linkedom + Readability) becomes a chunk under `chunks/`, read from disk only when a document of
 * that format arrives, so the cold start never parses it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssetHashType, DockerImage, FeatureFlags } from 'aws-cdk-lib';
import { LAMBDA_NODEJS_SDK_V3_EXCLUDE_SMITHY_PACKAGES } from 'aws-cdk-lib/cx-api';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import type { Construct } from 'constructs';

/**
 * ESM bundles still meet CommonJS dependencies that call `require` (Node built-ins inside
 * compromise, mammoth, …); this gives them one, as esbuild's ESM output cannot.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __quotedeskCreateRequire } from 'node:module'; const require = __quotedeskCreateRequire(import.meta.url);";

/** Where the lazy chunks go inside the asset (the bundle report tells them from the entry by it). */
export const CHUNK_DIR = 'chunks';

export interface BundleOptions {
  /** Repository root: the entry is relative to it. */
  projectRoot: string;
  entry: string;
  /** esbuild target, from the runtime (`node24`). */
  target: string;
  /** Write esbuild's metafile beside the bundle (bundle report only). */
  metafile?: boolean;
  /** Bundle the AWS SDK instead of using the one in the Lambda runtime. */
  bundleAwsSdk?: boolean;
}

/** Bundles `options.entry` into `outputDir`: index.mjs, chunks/, their source maps (and index.meta.json). */
export function buildFunctionBundle(options: BundleOptions & { external: string[] }, outputDir: string): void {
  const result = buildSync({
    absWorkingDir: options.projectRoot,
    entryPoints: { index: path.join(options.projectRoot, options.entry) },
    outdir: outputDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: options.target,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    sourcemap: true,
    // Stack traces need names and lines, not the original sources: keeps the .map small.
    sourcesContent: false,
    external: options.external,
    metafile: options.metafile ?? false,
    logLevel: 'warning',
  });
  if (result.metafile) fs.writeFileSync(path.join(outputDir, 'index.meta.json'), JSON.stringify(result.metafile));
}

export function bundledCode(scope: Construct, options: BundleOptions): lambda.Code {
  // The SDK v3 the Lambda runtime provides (and, with the feature flag, its @smithy packages) stays outside.
  const runtimeSdk = FeatureFlags.of(scope).isEnabled(LAMBDA_NODEJS_SDK_V3_EXCLUDE_SMITHY_PACKAGES) ? ['@aws-sdk/*', '@smithy/*'] : ['@aws-sdk/*'];
  return lambda.Code.fromAsset(options.projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled or run: local bundling always succeeds or throws. The command names what is built, which
      // keys the CDK's bundling cache (it cannot see into `local`), so each function gets its own bundle.
      image: DockerImage.fromRegistry('local-bundling-only'),
      command: ['esbuild', options.entry, `--target=${options.target}`, `--bundle-aws-sdk=${options.bundleAwsSdk ?? false}`, `--metafile=${options.metafile ?? false}`],
      local: {
        tryBundle(outputDir) {
          buildFunctionBundle({ ...options, external: options.bundleAwsSdk ? [] : runtimeSdk }, outputDir);
          return true;
        },
      },
    },
  });
}
