/** The bucket's key scheme: the exact layout, so a change to it is a visible change here (and to IAM). */
import { describe, expect, it } from 'vitest';
import {
  CRAWL_PREFIX, RAW_PREFIX, REDRIVE_PREFIX, REPROCESS_PREFIX, RESULTS_PREFIX,
  crawlKeyStem, documentIdOfReprocessKey, isRequestKey, presignedUploadKey, rawKeyFor, redriveKey, reprocessKey, resultKeyFor, safeFilename,
} from '#shared/pipeline/s3-keys.ts';
import { FUNCTIONS } from '#infra/wiring.ts';

describe('the S3 key scheme', () => {
  it('lays documents, requests and results out under their prefixes', () => {
    expect([RAW_PREFIX, RESULTS_PREFIX, CRAWL_PREFIX, REDRIVE_PREFIX, REPROCESS_PREFIX]).toEqual(['raw/', 'results/', 'raw/crawl/', 'raw/.redrive/', 'raw/.reprocess/']);
    expect(rawKeyFor('d-1', 'notes/../Council  minutes.txt')).toBe('raw/d-1/Council minutes.txt');
    expect(rawKeyFor('d-1', undefined)).toBe('raw/d-1/d-1.txt');
    expect(presignedUploadKey('a/b/statement.pdf')).toMatch(/^raw\/uploads\/[0-9a-f-]{36}\/statement\.pdf$/);
    expect(crawlKeyStem(new Date('2024-05-01T10:00:00Z'), 'abc123')).toBe('raw/crawl/2024-05-01/abc123');
    expect(resultKeyFor('d-1')).toBe('results/d-1.json');
    expect(redriveKey('d_1')).toMatch(/^raw\/\.redrive\/d_1-[a-z0-9]+\.json$/);
    expect(safeFilename('..')).toBe('document');
  });

  it('reads the document id back from a reprocess request, and tells requests from documents', () => {
    expect(documentIdOfReprocessKey(reprocessKey('d_1'))).toBe('d_1');
    expect(documentIdOfReprocessKey('raw/.reprocess/../x.json')).toBeNull();
    expect(documentIdOfReprocessKey(redriveKey('d_1'))).toBeNull();
    expect([redriveKey('d'), reprocessKey('d'), rawKeyFor('d', 'x.txt')].map(isRequestKey)).toEqual([true, true, false]);
  });

  it('is what the wiring grants: the crawler writes only its prefix, the sweeper only re-drive requests', () => {
    const access = Object.fromEntries(FUNCTIONS.map((f) => [f.name, f.access]));
    expect(access.crawl.writePrefixes).toEqual([CRAWL_PREFIX]);
    expect(access.sweep.writePrefixes).toEqual([REDRIVE_PREFIX]);
    expect(access.process.writePrefixes).toEqual([RESULTS_PREFIX]);
  });
});
