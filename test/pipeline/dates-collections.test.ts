/**
 * Publication dates and collections through the real process handler over s3rver and dynalite: each
 * source of a date is stored with it, an undated document stays undated (and is found as such, never
 * by a date range), and a collection filters the quote search.
 */
import { describe, expect, it } from 'vitest';
import { eventFor, lambdaContext, processHandlerStack, upload } from './helpers.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { contentHash, documentIdFor } from '#shared/pipeline/identity.ts';
import { UNDATED } from '#shared/storage/keys.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';

const idOf = (body: string) => documentIdFor(contentHash(Buffer.from(body)));

const texts = {
  dateline: 'PORT ELLIS, March 7, 2019 – The harbor council approved the ferry subsidy.\n\n“We have waited long enough for this ferry,” said Mayor Tom Reyes.',
  header: '03.08.19 Quill Welcomes Ferry Vote\n\nRep. Ada Quill welcomed the vote. “The islands deserve a reliable ferry,” Quill said.',
  undated: 'The council met on Tuesday evening.\n\n“Our budget for the ferry is final,” said Treasurer Lena Ostrova.',
  record: 'The council met again.\n\n“The timetable is published today,” said Clerk Ivo Marsh.',
};

describe('publication dates and collections in the pipeline', () => {
  const stack = processHandlerStack();

  it('stores each date with its source, leaves undated documents undated, filters by collection', async () => {
    await upload('raw/dates/dateline.txt', texts.dateline, { collection: 'harbor' });
    await upload('raw/dates/header.txt', texts.header, { collection: 'releases', source: 'Office of Rep. Quill' });
    await upload('raw/dates/undated.txt', texts.undated, { collection: 'harbor' });
    await upload('raw/dates/record.txt', texts.record, { collection: 'harbor', publishedAt: 'March 9, 2019', externalId: 'rec-0009' });
    const response = await stack.handler(eventFor(stack.aws.bucket, ['raw/dates/dateline.txt', 'raw/dates/header.txt', 'raw/dates/undated.txt', 'raw/dates/record.txt']), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);

    const index = new DynamoIndexStore();
    const doc = async (name: keyof typeof texts) => (await index.getDocument(idOf(texts[name])))!;
    expect(await doc('dateline')).toMatchObject({ status: 'done', publishedAt: '2019-03-07T00:00:00.000Z', dateSource: 'dateline', collection: 'harbor' });
    expect(await doc('header')).toMatchObject({ publishedAt: '2019-03-08T00:00:00.000Z', dateSource: 'press-header', collection: 'releases' });
    expect(await doc('record')).toMatchObject({ publishedAt: '2019-03-09T00:00:00.000Z', dateSource: 'record', externalId: 'rec-0009' });
    const undated = await doc('undated');
    expect(undated.status).toBe('done');
    expect(undated.publishedAt).toBeUndefined();
    expect(undated.dateSource).toBeUndefined();
    expect(undated.sortDate).toBe(UNDATED);

    const speakersOf = async (query: Parameters<DynamoIndexStore['listQuotes']>[0]) => (await index.listQuotes({ limit: 100, ...query })).items.map((q) => q.speaker).sort();
    // A date range finds the dated documents only, a "to" alone too; `undated` finds the rest.
    expect(await speakersOf({ from: '2019-03-01', to: '2019-03-31' })).toEqual(['Ada Quill', 'Ivo Marsh', 'Tom Reyes']);
    expect(await speakersOf({ to: '2019-03-08' })).toEqual(['Ada Quill', 'Tom Reyes']);
    expect(await speakersOf({ undated: true })).toEqual(['Lena Ostrova']);
    expect(await speakersOf({})).toEqual(['Ada Quill', 'Ivo Marsh', 'Lena Ostrova', 'Tom Reyes']);
    // Newest first, the undated last.
    expect((await index.listQuotes({ limit: 100 })).items.map((q) => q.speaker)).toEqual(['Ivo Marsh', 'Ada Quill', 'Tom Reyes', 'Lena Ostrova']);

    expect(await speakersOf({ collection: 'harbor' })).toEqual(['Ivo Marsh', 'Lena Ostrova', 'Tom Reyes']);
    expect(await speakersOf({ collection: 'releases' })).toEqual(['Ada Quill']);
    expect(await speakersOf({ collection: 'harbor', undated: true })).toEqual(['Lena Ostrova']);
    expect(await index.countUndated()).toBe(1);
  });

  it('lists an uploaded plain text under the month its opening gives while it is queued, and leaves it there', async () => {
    const body = 'PORT ELLIS, April 2, 2019 – The ferry made its first crossing.\n\n“Right on time,” said Captain Noor Haddad.';
    const intake = new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore());
    const { id, key } = await intake.submit(Buffer.from(body), { filename: 'crossing.txt', contentType: 'text/plain; charset=utf-8' });
    const index = new DynamoIndexStore();
    const listed = async () => (await index.listDocuments({ limit: 100 })).items.filter((d) => d.id === id).map((d) => [d.status, d.sortDate]);
    expect(await listed()).toEqual([['queued', '2019-04-02T00:00:00.000Z']]);
    const response = await stack.handler(eventFor(stack.aws.bucket, [key!]), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    expect(await listed()).toEqual([['done', '2019-04-02T00:00:00.000Z']]);
    expect(await index.getDocument(id)).toMatchObject({ publishedAt: '2019-04-02T00:00:00.000Z', dateSource: 'dateline' });
  });
});
