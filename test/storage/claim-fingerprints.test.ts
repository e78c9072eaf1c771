/** Claim fingerprint items against dynalite through the real client: key layout, lookup across documents, reindexing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaims } from '#shared/claims/index.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import type { ClaimRecord, DocumentIndexEntry, DocumentRecord } from '#shared/storage/ports.ts';
import { similarClaims } from '#shared/pipeline/similar-claims.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';

function documentRecord(id: string, date: string): DocumentRecord {
  return { id, status: 'done', rawKeys: [`raw/${id}.txt`], sortDate: date, receivedAt: date, updatedAt: date, source: 'gazette' };
}

/** The claims findClaims finds in the text, as the pipeline records them. */
function claimsOf(doc: DocumentRecord, text: string): ClaimRecord[] {
  return findClaims(text).map((c) => ({ ...c, documentId: doc.id, sortDate: doc.sortDate, documentTitle: `${doc.id} title` }));
}

const entry = (doc: DocumentRecord, claims: ClaimRecord[]): DocumentIndexEntry => ({ document: doc, quotes: [], claims, speakers: [], flags: [] });

describe('claim fingerprints in the index', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  beforeAll(async () => {
    aws = await startLocalAws();
    index = new DynamoIndexStore();
  });
  afterAll(async () => aws?.stop());

  const a = documentRecord('cfa', '2023-04-02T00:00:00.000Z');
  const b = documentRecord('cfb', '2023-05-10T00:00:00.000Z');
  const c = documentRecord('cfc', '2023-06-01T00:00:00.000Z');
  const textA = 'Harwick county’s jobless rate fell to 4.1 percent in March, the lowest since 2008.';
  const textB = 'The unemployment rate in Harwick county dropped to 4.1% last month, Governor Reyes said.';
  const textC = 'The hospital spent 4.1 percent of its budget on parking in March.';

  it('ranks the claim in its score band (gsi1) and writes one item per fingerprint in its partition, keyed in gsi2', () => {
    const claims = claimsOf(a, textA);
    const rank = String(9999 - Math.round(claims[0].score * 9999)).padStart(4, '0');
    const band = Math.floor(claims[0].score * 10);
    const items = index.buildItems(entry(a, claims));
    expect(items.map((i) => [i.sk, i.gsi1pk ?? null, i.gsi1sk ?? null, i.gsi2pk ?? null, i.gsi2sk ?? null])).toEqual([
      ['C#c000001', `CLAIMRANK#${band}`, `${rank}#7976-95-97T99:99:99.999Z#cfa#c1`, null, null],
      ['CF#f:percent:4.1e-2#c1', null, null, 'CLAIMFP#f:percent:4.1e-2', '2023-04-02T00:00:00.000Z#cfa#c1'],
    ]);
    expect(items.every((i) => i.pk === 'DOC#cfa')).toBe(true);
  });

  it('finds the same figure across documents, newest first, and groups only those that share what is measured', async () => {
    for (const [doc, text] of [[a, textA], [b, textB], [c, textC]] as const) {
      await index.registerDocument(doc);
      await index.indexDocument(entry(doc, claimsOf(doc, text)));
    }
    const found = await index.claimsWithFingerprint('f:percent:4.1e-2', 10);
    expect(found.map((x) => x.documentId)).toEqual(['cfc', 'cfb', 'cfa']);
    expect(found[0]).not.toHaveProperty('fingerprint');
    expect(found[0].figures[0]).toMatchObject({ value: 0.041, unit: 'percent' });

    const result = await similarClaims(index, 'cfa', 'c1');
    expect(result?.claim.text).toBe(textA);
    expect(result?.similar.map((s) => s.claim.documentId)).toEqual(['cfb']); // the hospital budget shares the figure only
    expect(result?.similar[0].evidence).toMatchObject({ shared: ['f:percent:4.1e-2'], figures: [{ a: '4.1 percent', b: '4.1%' }] });
    expect(result?.similar[0].evidence.words).toEqual(expect.arrayContaining(['harwick', 'county', 'rate']));
    expect(await similarClaims(index, 'cfa', 'c9')).toBeNull();
  });

  it('reindexing a document removes its stale fingerprint items', async () => {
    await index.indexDocument(entry(b, claimsOf(b, 'The unemployment rate in Harwick county dropped to 3.9% last month.')));
    expect((await index.claimsWithFingerprint('f:percent:4.1e-2', 10)).map((x) => x.documentId)).toEqual(['cfc', 'cfa']);
    expect((await index.claimsWithFingerprint('f:percent:3.9e-2', 10)).map((x) => x.documentId)).toEqual(['cfb']);
    expect((await index.getClaim('cfb', 'c1'))?.text).toContain('3.9%');
  });
});
