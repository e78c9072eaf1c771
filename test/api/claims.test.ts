/** Claim routes over the real storage adapters (dynalite + s3rver): ranking by score and the same claim across documents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.ts';
import type { ApiApp } from '#shared/api/deps.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { UNION_STORY, seedDocument, type SeedDocument } from '../fixtures/api/seed.ts';

const READER = 'reader-token-for-tests-0123456789';
let aws: LocalAws;
let app: ApiApp;

const FOLLOW_UP: SeedDocument = {
  id: 'dfollowup00000000000000001',
  title: 'Union begins bargaining',
  publishedAt: '2024-04-01T09:00:00.000Z',
  source: 'wire',
  quotes: [{ speaker: 'Katherine Oyster', text: 'We are ready to sit down' }],
  claim: [
    { text: 'Negotiating a first contract takes on average more than 500 days, labour researchers say.', score: 0.7 },
    { text: 'The clinics employ 600 doctors and 140 nurse practitioners.', score: 0.95 },
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

async function getJson(path: string) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${READER}` } });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  aws = await startLocalAws();
  const deps = depsFromEnv({ QUOTEDESK_WRITER_TOKEN: 'writer-token-for-tests-0123456789', QUOTEDESK_READER_TOKEN: READER });
  app = createApp({ ...deps, log: () => undefined });
  for (const doc of [UNION_STORY, FOLLOW_UP, UNRELATED]) await seedDocument(deps.index, deps.documents, doc);
});
afterAll(async () => aws?.stop());

describe('claims in the API', () => {
  it('lists a document’s claims in reading order, or ranked by score', async () => {
    const inOrder = await getJson(`/documents/${FOLLOW_UP.id}/claims`);
    expect(inOrder.body.items.map((c: any) => c.id)).toEqual(['c1', 'c2']);
    const ranked = await getJson(`/documents/${FOLLOW_UP.id}/claims?sort=score`);
    expect(ranked.body.items.map((c: any) => c.score)).toEqual([0.95, 0.7]);
    expect(ranked.body.cursor).toBeNull();
    expect(ranked.body.items[1]).toMatchObject({ key: `${FOLLOW_UP.id}~c1`, documentTitle: 'Union begins bargaining', speaker: null });
    expect(ranked.body.items[1].figures[0]).toMatchObject({ text: '500', value: 500, unit: 'days', bound: 'at-least' });
  });

  it('GET /claims ranks the corpus’s claims by score within each month, newest month first, with a cursor', async () => {
    const all = await getJson('/claims');
    expect(all.body.items.map((c: any) => [c.publishedAt.slice(0, 7), c.score])).toEqual([
      ['2024-04', 0.95],
      ['2024-04', 0.8],
      ['2024-04', 0.7],
      ['2024-03', 0.8],
    ]);
    const first = await getJson('/claims?month=2024-04&limit=2');
    expect(first.body.items.map((c: any) => c.score)).toEqual([0.95, 0.8]);
    const next = await getJson(`/claims?month=2024-04&limit=2&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(next.body.items.map((c: any) => c.key)).toEqual([`${FOLLOW_UP.id}~c1`]);
    expect(next.body.cursor).toBeNull();
    expect((await getJson('/claims?month=2024-13')).status).toBe(400);
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
