/**
 * The whole path through the real SDK over HTTP: s3rver + dynalite on free ports, the process
 * handler fed the SQS-wrapped S3 events AWS would send, the real text conversion and extractor.
 */
import { resultKeyFor } from '#shared/pipeline/s3-keys.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { eventFor, lambdaContext, upload, type Handler } from './helpers.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { contentHash, documentIdFor } from '#shared/pipeline/identity.ts';
import { PgliteSql } from '#shared/storage/sql-pglite.ts';
import { searchServices, useSearchDatabase } from '#shared/storage/search-database.ts';
import { queryItems } from '#shared/storage/query-all.ts';
import { tableName } from '#shared/storage/clients.ts';

const article = readFileSync(new URL('../fixtures/pipeline/harbor-council.txt', import.meta.url), 'utf8');
const idOf = (body: string | Uint8Array) => documentIdFor(contentHash(typeof body === 'string' ? Buffer.from(body) : body));

describe('process handler end to end', () => {
  let aws: LocalAws;
  let handler: Handler;
  let index: DynamoIndexStore;
  let sql: PgliteSql;

  beforeAll(async () => {
    aws = await startLocalAws();
    // The handler writes the search projection to the database it is given (Aurora in AWS).
    sql = await PgliteSql.open();
    useSearchDatabase(sql);
    process.env.QUOTEDESK_MAX_BYTES = String(64 * 1024);
    handler = (await import('#functions/process.ts')).handler as Handler;
    index = new DynamoIndexStore();
  });
  afterAll(async () => {
    useSearchDatabase(undefined);
    await sql?.close();
    await aws?.stop();
  });

  it('processes an upload whose key has spaces (event key "+"-encoded) and indexes it', async () => {
    const key = 'raw/harbor council+ferry 2024.txt';
    await upload(key, article, { title: 'Harbor council approves ferry subsidy', publishedAt: '2024-03-05', source: 'port-ellis-gazette' });
    const event = eventFor(aws.bucket, [key]);
    expect(JSON.parse(event.Records[0].body).Records[0].s3.object.key).toBe('raw/harbor+council%2Bferry+2024.txt');

    const response = await handler(event, lambdaContext());
    expect(response.batchItemFailures).toEqual([]);

    const id = idOf(article);
    const doc = await index.getDocument(id);
    expect(doc?.status).toBe('done');
    expect(doc?.rawKeys).toEqual([key]);
    expect(doc?.title).toBe('Harbor council approves ferry subsidy');
    expect(doc?.publishedAt).toBe('2024-03-05T00:00:00.000Z');
    expect(doc?.counts?.quotes).toBeGreaterThanOrEqual(4);

    // by document: offsets point into the stored text
    const quotes = await index.quotesOfDocument(id, { limit: 100 });
    expect(quotes.items.length).toBe(doc?.counts?.quotes);
    const result = (await new S3DocumentStore().getResult(resultKeyFor(doc!.id))) as { text: string };
    for (const quote of quotes.items) expect(result.text.slice(quote.start, quote.end)).toBe(quote.text);

    // by speaker (full name and surname), newest first, with the document's date
    const byName = await index.listQuotes({ speaker: 'Daniel Pereira' });
    expect(byName.items.map((q) => q.text)).toEqual([expect.stringContaining('The subsidy has grown faster')]);
    const bySurname = await index.listQuotes({ speaker: 'pereira' });
    expect(bySurname.items).toEqual(byName.items);
    expect(byName.items[0].sortDate).toBe('2024-03-05T00:00:00.000Z');

    // by date: inside and outside the range
    expect((await index.listQuotes({ from: '2024-03-01', to: '2024-03-31', limit: 100 })).items.length).toBe(doc?.counts?.quotes);
    expect((await index.listQuotes({ from: '2024-04-01', limit: 100 })).items).toEqual([]);
    // by word, in the search projection the handler wrote after the commit
    const search = (await searchServices())!;
    const ferry = await search.quotes.search({ q: 'Ferry', limit: 20, offset: 0 });
    expect(ferry.items.map((q) => q.text)).toEqual([expect.stringContaining('This ferry is the only way')]);
    expect(ferry.items[0]).toMatchObject({ documentId: id, documentTitle: 'Harbor council approves ferry subsidy', source: 'port-ellis-gazette' });
    expect(await search.projection.shownVersion(id)).toBe(doc?.version);
    // claims of the document, in the projection only (the extractor finds figures such as "$4.2 million a year")
    const claims = await search.claims.ofDocument(id, { limit: 100 });
    expect(claims.items.length).toBe(doc?.counts?.claims);
    expect(claims.items.length).toBeGreaterThan(0);
    expect(claims.items.some((c) => c.figures.some((f) => f.value === 4_200_000))).toBe(true);
    const partition: string[] = [];
    for await (const item of queryItems({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `DOC#${id}` } })) partition.push(String(item.sk));
    expect(partition.filter((sk) => sk.startsWith('C'))).toEqual([]); // the index keeps no claim items
    expect(partition.some((sk) => /^Q#\w+#sp_\w+#001$/.test(sk))).toBe(true); // quotes packed by speaker
  });

  it('is idempotent: the same object twice and the same content under another key give one set of items', async () => {
    const id = idOf(article);
    const before = await index.quotesOfDocument(id, { limit: 100 });
    await handler(eventFor(aws.bucket, ['raw/harbor council+ferry 2024.txt']), lambdaContext());
    await upload('raw/copy/same-content.txt', article);
    const response = await handler(eventFor(aws.bucket, ['raw/copy/same-content.txt']), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    const after = await index.quotesOfDocument(id, { limit: 100 });
    expect(after.items).toEqual(before.items);
    const doc = await index.getDocument(id);
    expect(doc?.rawKeys.sort()).toEqual(['raw/copy/same-content.txt', 'raw/harbor council+ferry 2024.txt']);
    expect((await index.listQuotes({ speaker: 'Daniel Pereira' })).items).toHaveLength(1);
  });

  const bad: Array<[string, string, Uint8Array, RegExp]> = [
    ['empty', 'raw/bad/empty.txt', new Uint8Array(0), /empty/i],
    ['binary', 'raw/bad/noise.bin', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256), /binary|not a text|unsupported/i],
    ['invalid UTF-8', 'raw/bad/broken.txt', Buffer.concat([Buffer.from('Zoë Brandt said the café plan '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(' was approved — “finally”.')]), /invalid UTF-8/i],
    ['too large', 'raw/bad/huge.txt', Buffer.alloc(70 * 1024, 'a'), /too large/i],
    ['HTML without an article', 'raw/bad/nav.html', Buffer.from('<!doctype html><html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>'), /article|no text|html/i],
  ];

  it.each(bad)('%s input ends failed with a reason, raw kept, nothing indexed', async (_name, key, body, reason) => {
    await upload(key, body, { contentType: key.endsWith('.html') ? 'text/html' : key.endsWith('.bin') ? 'application/octet-stream' : 'text/plain; charset=utf-8' });
    const response = await handler(eventFor(aws.bucket, [key]), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    const docs = await index.listDocuments({ limit: 100, status: 'failed' });
    const doc = docs.items.find((d) => d.rawKeys.includes(key));
    expect(doc?.status).toBe('failed');
    expect(doc?.reason).toMatch(reason);
    expect(await new S3DocumentStore().headRaw(key)).not.toBeNull();
    expect((await index.quotesOfDocument(doc!.id, { limit: 10 })).items).toEqual([]);
  });

  it('decodes UTF-16 with a BOM and processes it like UTF-8', async () => {
    const text = 'Mayor Ana Ruiz spoke on Friday.\n\n"We will open the library on Sundays," said Ana Ruiz.\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await upload('raw/utf16/ruiz.txt', utf16, { contentType: 'text/plain' });
    const response = await handler(eventFor(aws.bucket, ['raw/utf16/ruiz.txt']), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    const doc = await index.getDocument(idOf(utf16));
    expect(doc?.status).toBe('done');
    expect((await index.listQuotes({ speaker: 'Ana Ruiz' })).items.map((q) => q.text)).toEqual([expect.stringContaining('open the library on Sundays')]);
  });

  it('a bad record does not fail the batch: the next document in it is processed', async () => {
    const good = 'Chief Nora Blake said on Monday that the station would stay open.\n\n"We are not going anywhere," Blake said.\n';
    await upload('raw/batch/empty.txt', new Uint8Array(0));
    await upload('raw/batch/good.txt', good);
    const event = eventFor(aws.bucket, ['raw/batch/empty.txt', 'raw/batch/good.txt']);
    event.Records.push({ ...event.Records[0], messageId: 'not-json', body: '{not json' });
    const response = await handler(event, lambdaContext());
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'not-json' }]);
    expect((await index.getDocument(idOf(good)))?.status).toBe('done');
  });
});
