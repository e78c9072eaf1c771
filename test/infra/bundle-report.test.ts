import { describe, expect, it } from 'vitest';
import { contextArgs, formatBundles, packageOf, splitOutputs, type BundleInfo } from '#scripts/bundle-report.ts';

describe('bundle report helpers', () => {
  it('attributes esbuild inputs to their package, scoped or not, and our own code to (quotedesk)', () => {
    expect(packageOf('node_modules/compromise/src/three/index.js')).toBe('compromise');
    expect(packageOf('node_modules/@aws-sdk/client-s3/dist-es/index.js')).toBe('@aws-sdk/client-s3');
    expect(packageOf('node_modules/a/node_modules/@smithy/core/dist-es/x.js')).toBe('@smithy/core');
    expect(packageOf('shared/extract/index.ts')).toBe('(quotedesk)');
  });

  it('reads -c key=value pairs like the CDK CLI and refuses a pair without =', () => {
    expect(contextArgs(['--json', '-c', 'bundleAwsSdk=true', '--context', 'mfa=optional'])).toEqual({ bundleAwsSdk: 'true', mfa: 'optional' });
    expect(() => contextArgs(['-c', 'bundleAwsSdk'])).toThrow(/key=value/);
  });

  it('marks a function over its target, or a lean one carrying compromise, as MISSED', () => {
    const bundle = (name: BundleInfo['name'], meetsTarget: boolean | null): BundleInfo => ({
      name, dir: '', file: '', bytes: 2_000_000, gzipBytes: 500_000, mapBytes: 0, lazyBytes: 1_000_000, hasCompromise: name === 'process',
      packages: [{ name: 'zod', bytes: 400_000 }], lazyPackages: [{ name: 'unpdf', bytes: 900_000 }], meetsTarget,
    });
    const text = formatBundles([bundle('process', false), bundle('crawl', false), bundle('api', true), bundle('sweep', null)]);
    expect(text).toMatch(/process .* 977 KB +yes +MISSED \(<= 1536 KB\)/);
    expect(text).toMatch(/crawl .* no +MISSED \(<= 300 KB, no compromise\)/);
    expect(text).toMatch(/api .* no +met/);
    expect(text).toMatch(/sweep .* no +n\/a/);
    expect(text).toMatch(/process: largest packages in lazy chunks\n +879 KB +unpdf/);
  });

  it('counts what index.mjs imports statically as the cold start, and dynamic imports as lazy chunks', () => {
    const output = (imports: Array<{ path: string; kind: string }>) => ({ bytes: 1, inputs: {}, imports });
    const meta = { outputs: {
      'out/index.mjs': output([{ path: 'out/chunks/shared-A.mjs', kind: 'import-statement' }, { path: 'out/chunks/pdf-B.mjs', kind: 'dynamic-import' }, { path: 'node:fs', kind: 'import-statement' }]),
      'out/index.mjs.map': output([]),
      'out/chunks/shared-A.mjs': output([]),
      'out/chunks/pdf-B.mjs': output([{ path: 'out/chunks/shared-A.mjs', kind: 'import-statement' }, { path: 'out/chunks/pdfjs-C.mjs', kind: 'import-statement' }]),
      'out/chunks/pdfjs-C.mjs': output([]),
    } };
    expect(splitOutputs(meta)).toEqual({ entry: 'out/index.mjs', eager: ['out/index.mjs', 'out/chunks/shared-A.mjs'], lazy: ['out/chunks/pdf-B.mjs', 'out/chunks/pdfjs-C.mjs'] });
  });
});
