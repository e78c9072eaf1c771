/**
 * Search and analytics on a real PGlite database: stemming, phrases, prefixes, ranking,
 * highlighting, totals, each facet, filters, sort by date or relevance, and the version rules of
 * the projection (only a committed version shows, never an older one after a newer one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteSql } from '../../shared/storage/sql-pglite.ts';
import { openSearch, EmptyQueryError, type Search } from '../../shared/search/index.ts';
import type { QuoteSearch } from '../../shared/search/search.ts';
import { corpus, documentRecord, quote, NURSE } from './fixtures.ts';

let sql: PgliteSql;
let search: Search;

const find = (q: string, extra: Partial<QuoteSearch> = {}) => search.quotes.search({ q, limit: 20, offset: 0, ...extra });
const texts = (page: { items: Array<{ text: string }> }) => page.items.map((i) => i.text);

beforeAll(async () => {
  sql = await PgliteSql.open();
  search = await openSearch(sql);
  for (const [i, doc] of corpus().entries()) await search.projection.apply(doc, `r0000000${i}`);
}, 60_000);

afterAll(async () => {
  await sql.close();
});

describe('full-text search on PostgreSQL', () => {
  it('stems English words: "vaccine" finds "vaccines", and "vaccination" finds "Vaccinating"', async () => {
    expect(texts(await find('vaccine'))).toEqual(expect.arrayContaining(['We gave the first vaccines to two hundred children this week.', 'Nobody should wait for a vaccine appointment.']));
    expect(texts(await find('vaccination'))).toEqual(expect.arrayContaining(['The city budget will not cover a new vaccination centre.', 'Vaccinating the staff first keeps every ward open.']));
  });

  it('matches a quoted phrase only with its words in order', async () => {
    expect(texts(await find('"two hundred children"'))).toEqual(['We gave the first vaccines to two hundred children this week.']);
    expect((await find('"children hundred"')).total).toBe(0);
  });

  it('matches a prefix with *', async () => {
    const page = await find('vacc*');
    expect(page.total).toBe(4);
    expect(texts(await find('bud* health'))).toEqual(['Public health comes first in this budget.']);
  });

  it('highlights the matched words in segments that spell the whole quote', async () => {
    const [hit] = (await find('"waiting room"')).items;
    expect(hit.highlight.map((s) => s.text).join('')).toBe(hit.text);
    expect(hit.highlight.filter((s) => s.match).map((s) => s.text)).toEqual(['waiting', 'room']);
  });

  it('counts every match, beyond the page', async () => {
    const page = await find('vacc*', { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(4);
    expect(page.nextOffset).toBe(1);
    const last = await find('vacc*', { limit: 2, offset: 2 });
    expect(last.items).toHaveLength(2);
    expect(last.nextOffset).toBeNull();
  });

  it('answers facets by collection, speaker, kind and month (every month, in order, for the chart)', async () => {
    const { facets } = await find('first');
    expect(facets.collection).toEqual([{ value: 'wire', count: 2 }, { value: 'city hall', count: 1 }]);
    expect(facets.speaker).toEqual([{ value: 'Amara Okafor', count: 1 }, { value: 'Priya Raman', count: 1 }, { value: 'Tomas Lindqvist', count: 1 }]);
    expect(facets.kind).toEqual([{ value: 'direct', count: 2 }, { value: 'mixed', count: 1 }]);
    expect(facets.month).toEqual([{ value: '2020-03', count: 1 }, { value: '2020-04', count: 2 }]);
  });

  it('filters by speaker, dates, collection, source and kind', async () => {
    expect(texts(await find('first', { speakerIds: [NURSE[0]] }))).toEqual(['We gave the first vaccines to two hundred children this week.']);
    expect((await find('first', { speakerIds: [] })).total).toBe(0);
    expect((await find('first', { from: '2020-04-01', to: '2020-04-15' })).items.map((i) => i.documentId)).toEqual(['d_budget']);
    expect((await find('first', { collection: 'city hall' })).total).toBe(1);
    expect((await find('first', { source: 'wire' })).total).toBe(2);
    expect((await find('first', { kind: 'mixed' })).items.map((i) => i.kind)).toEqual(['mixed']);
  });

  it('ranks by relevance or sorts newest first', async () => {
    const relevant = await find('staff');
    expect(relevant.items[0].text).toBe('Vaccinating the staff first keeps every ward open.');
    expect(relevant.items[0].score).toBeGreaterThan(0);
    const byDate = await find('first', { sort: 'date' });
    expect(byDate.items.map((i) => i.sortDate)).toEqual([...byDate.items.map((i) => i.sortDate)].sort().reverse());
    expect(byDate.items[0].documentId).toBe('d_hospital');
  });

  it('carries the document metadata on every hit', async () => {
    const [hit] = (await find('"new vaccination centre"')).items;
    expect(hit).toMatchObject({ documentId: 'd_budget', documentTitle: 'Budget vote', source: 'council', collection: 'city hall', publishedAt: '2020-04-15T09:00:00.000Z', speaker: 'Tomas Lindqvist', speakerId: 'sp_mayor' });
  });

  it('refuses a query of common words only, instead of silently finding nothing', async () => {
    await expect(find('the of')).rejects.toBeInstanceOf(EmptyQueryError);
  });

  it('takes hostile input as words, never as SQL or tsquery syntax', async () => {
    expect((await find("'); DROP TABLE search_quotes; --")).total).toBe(0);
    expect((await find('vacc:*|!(*')).total).toBeGreaterThanOrEqual(0);
    expect((await find('vaccine')).total).toBe(4);
  });
});

describe('analytics', () => {
  it('counts quotes per speaker per month', async () => {
    const rows = await search.analytics.quotesPerSpeakerMonth({ speakerIds: [NURSE[0]] });
    expect(rows).toEqual([
      { speakerId: 'sp_nurse', speaker: 'Amara Okafor', month: '2020-03', quotes: 2 },
      { speakerId: 'sp_nurse', speaker: 'Amara Okafor', month: '2020-04', quotes: 1 },
    ]);
  });

  it('lists the top speakers with their documents', async () => {
    expect(await search.analytics.topSpeakers({ limit: 2 })).toEqual([
      { speakerId: 'sp_nurse', speaker: 'Amara Okafor', quotes: 3, documents: 2 },
      { speakerId: 'sp_doctor', speaker: 'Priya Raman', quotes: 2, documents: 2 },
    ]);
  });

  it('lists the top claims by score within a period', async () => {
    const top = await search.analytics.topClaims({ limit: 2, from: '2020-04-01' });
    expect(top.map((c) => [c.documentId, c.claimId, c.score])).toEqual([['d_budget', 'c1', 0.97], ['d_hospital', 'c1', 0.55]]);
  });
});

describe('the projection shows only committed versions', () => {
  it('replaces a document by a newer version and refuses an older one', async () => {
    const doc = documentRecord('d_versions', { sortDate: '2021-01-01T00:00:00.000Z' });
    const v1 = { document: doc, quotes: [quote(doc.id, 'q1', 'Harbour cranes stood still all winter.', NURSE)], claims: [] };
    const v2 = { document: doc, quotes: [quote(doc.id, 'q1', 'Harbour ferries sailed again in spring.', NURSE)], claims: [] };
    expect(await search.projection.apply(v1, 'r1000')).toBe(true);
    expect(await search.projection.apply(v2, 'r2000')).toBe(true);
    // A stale worker's older run comes in last: nothing changes.
    expect(await search.projection.apply(v1, 'r1000')).toBe(false);
    expect(texts(await find('harbour'))).toEqual(['Harbour ferries sailed again in spring.']);
    expect(await search.projection.shownVersion(doc.id)).toBe('r2000');
    const rows = await sql.query<{ n: number }>('SELECT count(*)::integer AS n FROM search_quotes WHERE document_id = $1::text', [doc.id]);
    expect(rows[0].n).toBe(1);
  });

  it('writes a large document in chunks that stay hidden until its version flips', async () => {
    const doc = documentRecord('d_large', { sortDate: '2021-02-01T00:00:00.000Z' });
    const many = Array.from({ length: 400 }, (_, i) => quote(doc.id, `q${i}`, `Lighthouse keeper number ${i} reported ${'calm seas and steady winds '.repeat(6)}`, NURSE));
    expect(await search.projection.apply({ document: doc, quotes: many, claims: [] }, 'r3000')).toBe(true);
    expect((await find('lighthouse')).total).toBe(400);
    // A stale run's chunks (older version) never show, and are removed when its flip fails.
    expect(await search.projection.apply({ document: doc, quotes: many.map((q) => ({ ...q, text: `Old ${q.text}` })), claims: [] }, 'r2500')).toBe(false);
    const rows = await sql.query<{ n: number }>('SELECT count(*)::integer AS n FROM search_quotes WHERE document_id = $1::text AND version = $2::text', [doc.id, 'r2500']);
    expect(rows[0].n).toBe(0);
    expect((await find('lighthouse')).total).toBe(400);
  });

  it('shows nothing of a document that failed after it was done', async () => {
    const doc = documentRecord('d_failed', { sortDate: '2021-03-01T00:00:00.000Z' });
    await search.projection.apply({ document: doc, quotes: [quote(doc.id, 'q1', 'Glaciers retreat faster every decade.', NURSE)], claims: [] }, 'r4000');
    expect((await find('glacier')).total).toBe(1);
    expect(await search.projection.remove(doc, 'r5000')).toBe(true);
    expect((await find('glacier')).total).toBe(0);
    expect(await search.projection.shownVersion(doc.id)).toBeNull();
  });
});
