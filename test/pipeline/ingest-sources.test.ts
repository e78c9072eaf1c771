/** What `quotedesk ingest` reads from JSONL records: ids, dates under their usual names, source and collection. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestItems, type IngestItem } from '../../shared/pipeline/ingest-sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'quotedesk-sources-'));
const file = join(dir, 'records.jsonl');
writeFileSync(
  file,
  [
    { id: 'r1', text: 'One.', source: 'Own source, long and free', collection: 'own-set', published: 'March 7, 2019' },
    { id: 'r2', text: 'Two.', datePublished: '2019-03-08T10:00:00Z' },
    { id: 'r3', text: 'Three.', collection: 'not a name' },
  ].map((r) => JSON.stringify(r)).join('\n'),
);

async function items(options: Parameters<typeof ingestItems>[1] = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestItems([file], options)) out.push(item);
  return out;
}

describe('JSONL records', () => {
  it('keep their own id, date (under any usual name), source and collection', async () => {
    const [r1, r2, r3] = await items();
    expect(r1).toMatchObject({ kind: 'document', metadata: { externalId: 'r1', source: 'Own source, long and free', collection: 'own-set', publishedAt: 'March 7, 2019' } });
    expect(r2).toMatchObject({ kind: 'document', metadata: { externalId: 'r2', source: 'records', publishedAt: '2019-03-08T10:00:00Z' } });
    expect(r3).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('is not a collection name') });
  });

  it('take --source and --collection over their own fields', async () => {
    const [r1, , r3] = await items({ source: 'Given on the command line', collection: 'study-1' });
    expect(r1).toMatchObject({ metadata: { source: 'Given on the command line', collection: 'study-1' } });
    expect(r3).toMatchObject({ kind: 'document', metadata: { collection: 'study-1' } });
  });
});
