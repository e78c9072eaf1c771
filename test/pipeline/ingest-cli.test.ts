/** `quotedesk ingest` over files, folders and JSONL into s3rver + dynalite: uploads, duplicates, failures with reasons. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { ingest, formatSummary } from '#cli/ingest.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';

describe('quotedesk ingest', () => {
  let aws: LocalAws;
  let folder: string;
  beforeAll(async () => {
    aws = await startLocalAws();
    folder = mkdtempSync(join(tmpdir(), 'quotedesk-ingest-'));
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'a.txt'), 'Mayor Ivo Sand said the bridge opens in May.\n');
    writeFileSync(join(folder, 'nested', 'same-as-a.txt'), 'Mayor Ivo Sand said the bridge opens in May.\n');
    writeFileSync(join(folder, 'page.html'), '<html><body><article><p>Hello</p></article></body></html>');
    writeFileSync(join(folder, 'notes.csv'), 'ignored,inside,a,folder\n');
    writeFileSync(join(folder, 'empty.md'), '');
    writeFileSync(
      join(folder, 'lines.jsonl'),
      [
        JSON.stringify({ id: 'n1', title: 'One', text: 'Senator Kim Oduya said taxes will fall.', url: 'https://example.org/1', publishedAt: '2020-02-02' }),
        'not json',
        JSON.stringify({ id: 'n2', title: 'No text' }),
        '',
        JSON.stringify({ id: 'n3', text: 'Senator Kim Oduya said taxes will fall.' }),
      ].join('\n'),
    );
  });
  afterAll(async () => aws?.stop());

  it('uploads files and JSONL lines, skips duplicates, and reports failures with reasons', async () => {
    const index = new DynamoIndexStore();
    const intake = new DocumentIntakeService(new S3DocumentStore(), index);
    let progress = 0;
    const summary = await ingest([folder, join(folder, 'missing.txt')], { uploader: (b, m) => intake.submit(b, m), concurrency: 3, onProgress: (n) => (progress = n) });
    expect(summary.uploaded).toBe(3); // a.txt, page.html, n1
    expect(summary.duplicates).toBe(2); // nested/same-as-a.txt, n3
    expect(summary.failed.map((f) => [f.item.replace(folder, ''), f.reason]).sort()).toEqual([
      ['/empty.md', 'empty file'],
      ['/lines.jsonl:2', 'not valid JSON'],
      ['/lines.jsonl:3 (n2)', 'no "text" string'],
      ['/missing.txt', 'no such file or folder'],
    ]);
    expect(progress).toBe(9);
    const docs = await index.listDocuments({ limit: 10 });
    expect(docs.items).toHaveLength(3);
    const n1 = docs.items.find((d) => d.externalId === 'n1');
    expect(n1).toMatchObject({ title: 'One', url: 'https://example.org/1', source: 'lines', publishedAt: '2020-02-02T00:00:00.000Z', status: 'queued' });
    const raw = await new S3DocumentStore().getRaw(n1!.rawKeys[0]);
    expect(Buffer.from(raw.body).toString('utf8')).toBe('Senator Kim Oduya said taxes will fall.');
    expect(raw.metadata).toMatchObject({ title: 'One', externalId: 'n1', source: 'lines' });
    expect(formatSummary(summary)).toContain('skipped as duplicates: 2');
  });
});
