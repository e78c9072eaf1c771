/**
 * Claim routes over the real storage adapters (dynalite + s3rver for documents and speakers, PGlite for the
 * claims, which only the search projection keeps): ranking by score and the same claim across documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.ts';
import type { ApiApp } from '#shared/api/deps.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { PgliteSql } from '#shared/storage/sql-pglite.ts';
import { searchServices, useSearchDatabase } from '#shared/storage/search-database.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { UNION_STORY, seedDocument, type SeedDocument } from '../fixtures/api/seed.ts';

const READER = 'reader-token-for-tests-0123456789';
let aws: LocalAws;
let sql: PgliteSql;
let app: ApiApp;

const FOLLOW_UP: SeedDocument = {
  id: 'dfollowup00000000000000001',
  title: 'Union begins bargaining',
  publishedAt: '2024-04-01T09:00:00.000Z',
  source: 'wire',
  quotes: [{ speaker: 'Katherine Oyster', text: 'We are ready to sit down' }],
  claim: [
    { text: 'Negotiating a first contract takes on average more than 500 days, labour researchers say.', score: 0.7 },
    { text: 'The clinics employ 600 doctors and 140 nurse practitioners.', score: 0.95, speaker: 'Katherine Oyster' },
    { text: 'This is the largest union of clinicians in the state.', score: 0.42, speaker: 'Katherine Oyster' },
  ],
};

const UNRELATED: SeedDocument = {
  id: 'dunrelated0000000000000001',
  title: 'Bridge works',
  publishedAt: '2024-04-02T09:00:00.000Z',
  source: 'wire',
  quotes: [{ speaker: 'Marcus Webb', text: 'The detour will be signposted' }],
  claim: 'Repairs to the Harwick bridge will last over 500 days.',
};

const UNDATED_NOTE: SeedDocument = {
  id: 'dundatednote00000000000001',
  title: 'Undated note',
  publishedAt: '',
  undated: true,
  source: 'desk',
  collection: 'notes',
  quotes: [{ speaker: 'Marcus Webb', text: 'We will see' }],
  claim: [{ text: 'The depot holds 300 buses.', score: 0.3 }],
};

async function getJson(path: string) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${READER}` } });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  aws = await startLocalAws();
  sql = await PgliteSql.open();
  useSearchDatabase(sql);
  const deps = depsFromEnv({ QUOTEDESK_WRITER_TOKEN: 'writer-token-for-tests-0123456789', QUOTEDESK_READER_TOKEN: READER });
  app = createApp({ ...deps, log: () => undefined });
  const projection = (await searchServices())!.projection;
  for (const doc of [UNION_STORY, FOLLOW_UP, UNRELATED, UNDATED_NOTE]) await seedDocument(deps.index, deps.documents, doc, projection);
});
afterAll(async () => {
  useSearchDatabase(undefined);
  await sql?.close();
  await aws?.stop();
});

describe('claims in the API', () => {
  it('lists a document’s claims in reading order, or ranked by score', async () => {
    const inOrder = await getJson(`/documents/${FOLLOW_UP.id}/claims`);
    expect(inOrder.body.items.map((c: any) => c.id)).toEqual(['c1', 'c2', 'c3']);
    const ranked = await getJson(`/documents/${FOLLOW_UP.id}/claims?sort=score`);
    expect(ranked.body.items.map((c: any) => c.score)).toEqual([0.95, 0.7, 0.42]);
    expect(ranked.body.cursor).toBeNull();
    expect(ranked.body.items[1]).toMatchObject({ key: `${FOLLOW_UP.id}~c1`, documentTitle: 'Union begins bargaining', speaker: null });
    expect(ranked.body.items[1].figures[0]).toMatchObject({ text: '500', value: 500, unit: 'days', bound: 'at-least' });
  });

  it('GET /claims ranks the corpus’s claims by score, across months, with a cursor', async () => {
    expect((await getJson('/claims')).body.items.at(-1)).toMatchObject({ key: `${UNDATED_NOTE.id}~c1`, publishedAt: null });
    const all = await getJson('/claims?minScore=0.4');
    expect(all.body.items.map((c: any) => [c.publishedAt.slice(0, 7), c.score])).toEqual([
      ['2024-04', 0.95],
      ['2024-04', 0.8],
      ['2024-03', 0.8],
      ['2024-04', 0.7],
      ['2024-04', 0.42],
    ]);
    const first = await getJson('/claims?month=2024-04&limit=2');
    expect(first.body.items.map((c: any) => c.score)).toEqual([0.95, 0.8]);
    const next = await getJson(`/claims?month=2024-04&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(next.body.items.map((c: any) => c.key)).toEqual([`${FOLLOW_UP.id}~c1`, `${FOLLOW_UP.id}~c3`]);
    expect(next.body.cursor).toBeNull(); // one statement ranks every match: the last page says it is the last
    expect((await getJson('/claims?month=2024-03')).body.items.map((c: any) => c.publishedAt.slice(0, 7))).toEqual(['2024-03']);
    const otherQuery = await getJson(`/claims?month=2024-03&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(otherQuery.status).toBe(400);
    expect((await getJson('/claims?month=2024-13')).status).toBe(400);
  });

  it('GET /claims filters by speaker (any spelling), words, dates, kind and minimum score, and names the speaker', async () => {
    const keys = async (query: string) => (await getJson(`/claims?${query}`)).body.items.map((c: any) => c.key);
    const byOyster = await getJson('/claims?speaker=Oyster');
    expect(byOyster.body.items.map((c: any) => [c.key, c.speaker])).toEqual([
      [`${FOLLOW_UP.id}~c2`, 'Katherine Oyster'],
      [`${FOLLOW_UP.id}~c3`, 'Katherine Oyster'],
    ]);
    expect(byOyster.body.items[0].speakerId).toMatch(/^sp_/);
    expect(await keys('speaker=Nobody%20Known')).toEqual([]);
    expect(await keys('q=500%20days')).toEqual([`${UNRELATED.id}~c1`, `${UNION_STORY.id}~c1`, `${FOLLOW_UP.id}~c1`]);
    expect(await keys('q=500&from=2024-04-01&to=2024-04-01')).toEqual([`${FOLLOW_UP.id}~c1`]);
    expect(await keys('to=2024-03-31')).toEqual([`${UNION_STORY.id}~c1`]);
    expect(await keys('kind=superlative')).toEqual([`${FOLLOW_UP.id}~c3`]);
    expect(await keys('minScore=0.8')).toEqual([`${FOLLOW_UP.id}~c2`, `${UNRELATED.id}~c1`, `${UNION_STORY.id}~c1`]);
    expect(await keys('minScore=0.9&speaker=Katherine%20Oyster')).toEqual([`${FOLLOW_UP.id}~c2`]);
    // Undated claims: found by `undated`, never by a date range; collections filter too.
    expect(await keys('undated=true')).toEqual([`${UNDATED_NOTE.id}~c1`]);
    expect(await keys('to=2024-12-31&q=buses')).toEqual([]);
    expect(await keys('collection=notes')).toEqual([`${UNDATED_NOTE.id}~c1`]);
    expect(await keys('collection=other')).toEqual([]);
    for (const bad of ['minScore=2', 'collection=has%20space', 'kind=gossip', 'from=2024-05-01&to=2024-04-01', 'month=2024-04&from=2024-04-02']) {
      expect((await getJson(`/claims?${bad}`)).status, bad).toBe(400);
    }
    // A cursor belongs to its filters.
    const page = await getJson('/claims?limit=1');
    expect((await getJson(`/claims?limit=1&minScore=0.5&cursor=${encodeURIComponent(page.body.cursor)}`)).status).toBe(400);
  });

  it('GET /claims/{id}/similar finds the same figure about the same thing in another document, with its evidence', async () => {
    const { status, body } = await getJson(`/claims/${UNION_STORY.id}~c1/similar`);
    expect(status).toBe(200);
    expect(body.claim.text).toBe(UNION_STORY.claim);
    expect(body.items.map((i: any) => i.claim.key)).toEqual([`${FOLLOW_UP.id}~c1`]); // the bridge repairs share only "over 500 days"
    expect(body.items[0].evidence).toMatchObject({ shared: ['f:day:5e+2'], figures: [{ a: '500', b: '500' }] });
    expect(body.items[0].evidence.words).toEqual(expect.arrayContaining(['first', 'contract']));
    expect(body.items[0].evidence.score).toBeGreaterThan(0.3);
  });

  it('answers 400 for a malformed key and 404 for an unknown claim', async () => {
    expect((await getJson('/claims/not-a-key/similar')).status).toBe(400);
    expect((await getJson(`/claims/${UNION_STORY.id}~c9/similar`)).status).toBe(404);
  });
});
