/**
 * `?speaker=` by a given name alone, over the real index (dynalite): the one person the corpus writes with that
 * first name is found; a first name two people share finds nobody rather than a guess; an organisation is no one's
 * first name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.ts';
import type { ApiApp } from '#shared/api/deps.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { seedDocument, type SeedDocument } from '../fixtures/api/seed.ts';

const READER = 'reader-token-for-forms-tests-0123';
let aws: LocalAws;
let app: ApiApp;

const doc = (id: string, day: string, quotes: SeedDocument['quotes']): SeedDocument => ({ id, title: `Council ${id}`, publishedAt: `2024-05-${day}T09:00:00.000Z`, source: 'gazette', quotes });

const DOCUMENTS = [
  doc('dforms000000000000000000001', '01', [{ speaker: 'Melania Trump', text: 'Children deserve a safe internet' }, { speaker: 'Marcus Webb', text: 'The detour will be signposted' }]),
  doc('dforms000000000000000000002', '02', [{ speaker: 'Melania Trump', text: 'We will keep the garden open to visitors' }, { speaker: 'Marcus Allen', text: 'The ferry runs on Sundays again' }]),
  doc('dforms000000000000000000003', '03', [{ speaker: 'Harwick Ferry Company', speakerKind: 'organization', text: 'Timetables change in spring' }]),
];

async function quotesBy(speaker: string): Promise<string[]> {
  const res = await app.request(`/quotes?speaker=${encodeURIComponent(speaker)}&limit=50`, { headers: { authorization: `Bearer ${READER}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).items.map((q: any) => q.speaker);
}

beforeAll(async () => {
  aws = await startLocalAws();
  const deps = depsFromEnv({ QUOTEDESK_WRITER_TOKEN: 'writer-token-for-forms-tests-0123', QUOTEDESK_READER_TOKEN: READER });
  app = createApp({ ...deps, log: () => undefined });
  for (const d of DOCUMENTS) await seedDocument(deps.index, deps.documents, d);
});
afterAll(async () => aws?.stop());

describe('a speaker by a given name alone', () => {
  it('finds the one person of that first name, under every form of the request', async () => {
    for (const form of ['Melania', 'melania', 'Mrs. Melania']) expect(await quotesBy(form), form).toEqual(['Melania Trump', 'Melania Trump']);
  });

  it('finds nobody for a first name two people share, and keeps full names and surnames as they were', async () => {
    expect(await quotesBy('Marcus')).toEqual([]);
    expect(await quotesBy('Marcus Allen')).toEqual(['Marcus Allen']);
    expect(await quotesBy('Webb')).toEqual(['Marcus Webb']);
  });

  it('does not read the first word of an organisation as a first name', async () => {
    expect(await quotesBy('Harwick')).toEqual([]);
    expect(await quotesBy('Harwick Ferry Company')).toEqual(['Harwick Ferry Company']);
  });
});
