import { describe, expect, it } from 'vitest';
import { contextArgs, formatBundles, packageOf, type BundleInfo } from '../../scripts/bundle-report.ts';

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

  it('marks a lean function that carries compromise or passes 1 MB as MISSED', () => {
    const bundle = (name: BundleInfo['name'], meetsTarget: boolean | null): BundleInfo => ({
      name, dir: '', file: '', bytes: 2_000_000, gzipBytes: 500_000, mapBytes: 0, hasCompromise: name === 'process',
      packages: [{ name: 'zod', bytes: 400_000 }], meetsTarget,
    });
    const text = formatBundles([bundle('process', null), bundle('crawl', false), bundle('api', true)]);
    expect(text).toMatch(/process .* yes +n\/a \(extracts\)/);
    expect(text).toMatch(/crawl .* no +MISSED/);
    expect(text).toMatch(/api .* no +met/);
  });
});
