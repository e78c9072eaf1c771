/**
 * Past a thousand quotes, on a real PGlite database: listings counted by the search projection give
 * the exact total and facets (GET /quotes?count=true, the speaker page's chart), and the export reads
 * every quote once, newest document first and in reading order, across its pages and stretches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteSql } from '../../shared/storage/sql-pglite.ts';
import { openSearch, type Search } from '../../shared/search/index.ts';
import type { QuoteFilter } from '../../shared/search/search.ts';
import { createApp } from '../../shared/api/app.ts';
import { depsFromEnv } from '../../shared/api/runtime.ts';
import type { QuoteRecord } from '../../shared/storage/ports.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { documentRecord, quote, DOCTOR, MAYOR, NURSE } from './fixtures.ts';

const DOCUMENTS = 120;
/** 30 quotes a document: a stretch of 50 documents holds more rows than one page (1,000), so pages resume. */
const PER_DOCUMENT = 30;
const SPEAKERS = [NURSE, MAYOR, DOCTOR];
const READER = 'reader-token-for-count-tests-0123';

let aws: LocalAws;
let sql: PgliteSql;
let search: Search;

const monthOf = (n: number) => `2021-${String((n % 6) + 1).padStart(2, '0')}`;

beforeAll(async () => {
  aws = await startLocalAws(); // the API's index (dynalite); the counts come from PGlite
  sql = await PgliteSql.open();
  search = await openSearch(sql);
  for (let n = 0; n < DOCUMENTS; n++) {
    const day = `${monthOf(n)}-${String((n % 27) + 1).padStart(2, '0')}T08:00:00.000Z`;
    const document = documentRecord(`d${String(n).padStart(4, '0')}`, { publishedAt: day, sortDate: day, collection: n % 2 ? 'wire' : 'council', title: `Document ${n}` });
    const quotes = Array.from({ length: PER_DOCUMENT }, (_, i) =>
      quote(document.id, `q${i + 1}`, i % 10 === 0 ? `The ferry timetable changes in spring, number ${i}.` : `We will keep every clinic open, number ${i}.`, SPEAKERS[(n + i) % 3], i % 4 === 0 ? 'indirect' : 'direct'),
    );
    await search.projection.apply({ document, quotes, claims: [] }, 'r00000001');
  }
}, 120_000);

afterAll(async () => {
  await sql?.close();
  await aws?.stop();
});

async function exported(filter: QuoteFilter): Promise<QuoteRecord[]> {
  const out: QuoteRecord[] = [];
  for await (const row of search.exports.quotes(filter)) out.push(row);
  return out;
}

describe('counts past a thousand quotes', () => {
  it('a listing without words has the exact total and every facet counted over all matches', async () => {
    const page = await search.quotes.search({ limit: 20, offset: 0 });
    expect(page.total).toBe(DOCUMENTS * PER_DOCUMENT);
    expect(page.items).toHaveLength(20);
    expect(page.facets.speaker.map((f) => f.count).reduce((a, b) => a + b)).toBe(3600);
    expect(page.facets.collection).toEqual([{ value: 'council', count: 1800 }, { value: 'wire', count: 1800 }]);
    expect(page.facets.month.map((f) => f.value)).toEqual(['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06']);
  });

  it('GET /quotes?speakerId=…&count=true (the speaker page) gives the exact total and every month for the chart', async () => {
    const app = createApp({ ...depsFromEnv({ QUOTEDESK_READER_TOKEN: READER, QUOTEDESK_WRITER_TOKEN: `${READER}-w` }), search: async () => search, log: () => undefined });
    const res = await app.request(`/quotes?speakerId=${NURSE[0]}&count=true&limit=5`, { headers: { authorization: `Bearer ${READER}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ speaker: string }>; total: number; facets: { month: Array<{ value: string; count: number }> } };
    expect(body.total).toBe(1200);
    expect(body.items.map((q) => q.speaker)).toEqual(Array(5).fill(NURSE[1]));
    expect(body.facets.month).toHaveLength(6);
    expect(body.facets.month.reduce((sum, m) => sum + m.count, 0)).toBe(1200);
  });
});

describe('the export from the search projection', () => {
  it('reads every quote once: newest document first, each document in reading order', async () => {
    const rows = await exported({});
    expect(rows).toHaveLength(DOCUMENTS * PER_DOCUMENT);
    expect(new Set(rows.map((r) => `${r.documentId}/${r.id}`)).size).toBe(rows.length);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const order = a.documentId === b.documentId ? Math.sign(b.start - a.start) : a.sortDate > b.sortDate || (a.sortDate === b.sortDate && a.documentId > b.documentId) ? 1 : -1;
      expect(order, `row ${i}`).toBe(1);
    }
    expect(rows[0]).toMatchObject({ id: 'q1', kind: 'indirect', speaker: expect.any(String), confidence: 0.9 });
  });

  it('filters as the search: speaker ids, kind, collection, dates and words', async () => {
    expect(await exported({ speakerIds: [MAYOR[0]] })).toHaveLength(1200);
    expect(await exported({ speakerIds: [] })).toHaveLength(0);
    expect((await exported({ kind: 'indirect' })).every((r) => r.kind === 'indirect')).toBe(true);
    expect(await exported({ kind: 'indirect' })).toHaveLength(DOCUMENTS * 8);
    expect(await exported({ collection: 'wire', kind: 'direct' })).toHaveLength(60 * 22);
    const march = await exported({ from: '2021-03-01', to: '2021-03-31' });
    expect(march).toHaveLength(20 * PER_DOCUMENT);
    expect(march.every((r) => r.sortDate.startsWith('2021-03'))).toBe(true);
    const ferries = await exported({ q: 'ferry timetables' });
    expect(ferries).toHaveLength(DOCUMENTS * 3);
    expect(ferries.every((r) => r.text.includes('ferry timetable'))).toBe(true);
  });
});
