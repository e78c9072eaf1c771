/**
 * Claims in the search projection, on a real PGlite database: the same figure across documents by
 * fingerprint, a reprocessed document's claims replaced, the corpus ranked by score with its filters and
 * full-text words, pages resumed by cursor, and a document's claims in reading order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaims } from '#shared/claims/index.ts';
import { openSearch, type Search } from '#shared/search/index.ts';
import { PgliteSql } from '#shared/storage/sql-pglite.ts';
import type { ClaimRecord, DocumentRecord } from '#shared/storage/ports.ts';
import { similarClaims } from '#shared/pipeline/similar-claims.ts';

function documentRecord(id: string, date: string, collection = 'gazette'): DocumentRecord {
  return { id, status: 'done', rawKeys: [`raw/${id}.txt`], sortDate: date, publishedAt: date, receivedAt: date, updatedAt: date, source: 'gazette', collection, title: `${id} title` };
}

/** The claims findClaims finds in the text, as the pipeline records them (shared/pipeline/records.ts). */
function claimsOf(doc: DocumentRecord, text: string, speaker?: { id: string; name: string }): ClaimRecord[] {
  return findClaims(text).map((c) => ({
    ...c,
    documentId: doc.id,
    ...(speaker ? { speakerId: speaker.id, speaker: speaker.name } : {}),
    sortDate: doc.sortDate,
    publishedAt: doc.publishedAt,
    source: doc.source,
    collection: doc.collection,
    documentTitle: doc.title,
  }));
}

let sql: PgliteSql;
let search: Search;
const project = (doc: DocumentRecord, claims: ClaimRecord[], version = 'r00000001') => search.projection.apply({ document: doc, quotes: [], claims }, version);

beforeAll(async () => {
  sql = await PgliteSql.open();
  search = await openSearch(sql);
}, 60_000);
afterAll(async () => sql?.close());

describe('the same claim across documents', () => {
  const a = documentRecord('cfa', '2023-04-02T00:00:00.000Z');
  const b = documentRecord('cfb', '2023-05-10T00:00:00.000Z');
  const c = documentRecord('cfc', '2023-06-01T00:00:00.000Z');
  const textA = 'Harwick county’s jobless rate fell to 4.1 percent in March, the lowest since 2008.';
  const textB = 'The unemployment rate in Harwick county dropped to 4.1% last month, Governor Reyes said.';
  const textC = 'The hospital spent 4.1 percent of its budget on parking in March.';

  it('reads a claim back as it was written: figures, comparison, kinds, speaker and the document’s fields', async () => {
    const doc = documentRecord('cf0', '2023-01-05T00:00:00.000Z');
    const written = claimsOf(doc, 'Harwick’s port revenue rose from $4.2 billion in 2010 to $5.9 billion in 2020.', { id: 'spk-1', name: 'Ada Reyes' });
    expect(written[0].comparison).not.toBeNull();
    await project(doc, written);
    expect(await search.claims.get('cf0', 'c1')).toEqual(written[0]);
  });

  it('finds the same figure across documents, newest first, and groups only those that share what is measured', async () => {
    for (const [doc, text] of [[a, textA], [b, textB], [c, textC]] as const) await project(doc, claimsOf(doc, text));
    const found = await search.claims.withFingerprint('f:percent:4.1e-2', 10);
    expect(found.map((x) => x.documentId)).toEqual(['cfc', 'cfb', 'cfa']);
    expect(found[0].figures[0]).toMatchObject({ value: 0.041, unit: 'percent' });
    expect(found[0]).toMatchObject({ id: 'c1', documentTitle: 'cfc title', collection: 'gazette', kinds: expect.arrayContaining(['percentage']) });

    const result = await similarClaims(search.claims, 'cfa', 'c1');
    expect(result?.claim.text).toBe(textA);
    expect(result?.similar.map((s) => s.claim.documentId)).toEqual(['cfb']); // the hospital budget shares the figure only
    expect(result?.similar[0].evidence).toMatchObject({ shared: ['f:percent:4.1e-2'], figures: [{ a: '4.1 percent', b: '4.1%' }] });
    expect(result?.similar[0].evidence.words).toEqual(expect.arrayContaining(['harwick', 'county', 'rate']));
    expect(await similarClaims(search.claims, 'cfa', 'c9')).toBeNull();
  });

  it('a reprocessed document shows only its new claims', async () => {
    await project(b, claimsOf(b, 'The unemployment rate in Harwick county dropped to 3.9% last month.'), 'r00000002');
    expect((await search.claims.withFingerprint('f:percent:4.1e-2', 10)).map((x) => x.documentId)).toEqual(['cfc', 'cfa']);
    expect((await search.claims.withFingerprint('f:percent:3.9e-2', 10)).map((x) => x.documentId)).toEqual(['cfb']);
    expect((await search.claims.get('cfb', 'c1'))?.text).toContain('3.9%');
  });
});

describe('claims ranked across the corpus', () => {
  const mayor = { id: 'spk-mayor', name: 'Ada Reyes' };
  const docs = [
    documentRecord('rk1', '2022-01-15T00:00:00.000Z', 'council'),
    documentRecord('rk2', '2022-02-15T00:00:00.000Z', 'wire'),
    documentRecord('rk3', '2022-03-15T00:00:00.000Z', 'council'),
  ];
  const texts = [
    'Vaccines prevented 12,000 hospital admissions in 2021, the health board reported. The ferry will run on Sundays.',
    'The vaccine programme cost $4.5 million, up from $3 million in 2020. Turnout rose to 61 percent.',
    'Unemployment in Harwick fell to 3.2 percent, the lowest rate in two decades.',
  ];
  let all: ClaimRecord[] = [];

  beforeAll(async () => {
    for (const [i, doc] of docs.entries()) await project(doc, claimsOf(doc, texts[i], i === 1 ? mayor : undefined));
    const ranked = await search.claims.ranked({ collection: undefined }, { limit: 100 });
    all = ranked.items.filter((claim) => claim.documentId.startsWith('rk'));
  });

  it('lists the best first, pages by cursor without repeating or skipping one', async () => {
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(all.map((x) => x.score)).toEqual([...all.map((x) => x.score)].sort((x, y) => y - x));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search.claims.ranked({ from: '2022-01-01', to: '2022-12-31' }, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => `${x.documentId}~${x.id}`));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual(all.map((x) => `${x.documentId}~${x.id}`));
  });

  it('finds words by their stem and phrases, and filters by speaker, kind, collection, month and score', async () => {
    const words = await search.claims.ranked({ q: 'vaccine' }, { limit: 20 });
    expect(words.items.map((x) => x.documentId).sort()).toEqual(['rk1', 'rk2']); // "Vaccines" and "vaccine"
    expect((await search.claims.ranked({ q: '"lowest rate"' }, { limit: 20 })).items.map((x) => x.documentId)).toEqual(['rk3']);
    const bySpeaker = await search.claims.ranked({ speakerIds: [mayor.id] }, { limit: 20 });
    expect(bySpeaker.items.length).toBeGreaterThan(0);
    expect(bySpeaker.items.every((x) => x.speaker === 'Ada Reyes' && x.documentId === 'rk2')).toBe(true);
    expect((await search.claims.ranked({ speakerIds: [] }, { limit: 20 })).items).toEqual([]);
    const money = await search.claims.ranked({ kind: 'money', from: '2022-01-01', to: '2022-12-31' }, { limit: 20 });
    expect(money.items.map((x) => x.documentId)).toEqual(['rk2']);
    expect((await search.claims.ranked({ collection: 'council', from: '2022-03-01', to: '2022-03-31' }, { limit: 20 })).items.map((x) => x.documentId)).toEqual(['rk3']);
    const top = all[0].score;
    expect((await search.claims.ranked({ minScore: top, from: '2022-01-01' }, { limit: 20 })).items.every((x) => x.score >= top)).toBe(true);
  });

  it('refuses a search of common words only, and a cursor of another query', async () => {
    await expect(search.claims.ranked({ q: 'the of' }, { limit: 5 })).rejects.toThrow(/only common words/);
    const first = await search.claims.ranked({ from: '2022-01-01' }, { limit: 1 });
    expect(first.cursor).not.toBeNull();
    await expect(search.claims.ranked({ from: '2021-01-01' }, { limit: 1, cursor: first.cursor })).rejects.toThrow(/cursor/);
  });

  it('lists a document’s claims in reading order, a page at a time', async () => {
    const first = await search.claims.ofDocument('rk2', { limit: 1 });
    const second = await search.claims.ofDocument('rk2', { limit: 5, cursor: first.cursor });
    const ids = [...first.items, ...second.items].map((x) => x.id);
    expect(ids).toEqual(ids.map((_, i) => `c${i + 1}`).filter((id) => ids.includes(id)));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(second.cursor).toBeNull();
  });
});
