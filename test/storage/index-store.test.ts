/** The DynamoDB index adapter against dynalite over HTTP: key design, paging, aliases, flags, reindexing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { DynamoIndexStore, gsiWriteUnits } from '#shared/storage/dynamo-index.ts';
import { decodeCursor, encodeCursor } from '#shared/storage/cursor.ts';
import { InvalidCursorError, type DocumentIndexEntry, type DocumentRecord, type QuoteRecord } from '#shared/storage/ports.ts';
import { batchWrite, UnprocessedItemsError, type WriteRequest } from '#shared/storage/batch.ts';
import { decideFlag } from '#shared/pipeline/flag-decision.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { docClient, tableName } from '#shared/storage/clients.ts';

function documentRecord(id: string, date: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id, status: 'queued', rawKeys: [`raw/${id}.txt`], sortDate: date, receivedAt: date, updatedAt: date, source: 'gazette', ...extra };
}

function quote(doc: DocumentRecord, id: string, speakerId: string | null, speaker: string | null, text: string, kind: QuoteRecord['kind'] = 'direct'): QuoteRecord {
  return { id, documentId: doc.id, start: 0, end: text.length, text, kind, confidence: 0.9, cue: 'said', speakerId, speaker, sortDate: doc.sortDate, source: doc.source };
}

function entry(doc: DocumentRecord, quotes: QuoteRecord[], speakers: DocumentIndexEntry['speakers'] = [], flags: DocumentIndexEntry['flags'] = []): DocumentIndexEntry {
  return { document: doc, quotes, claims: [], speakers, flags };
}

const person = (id: string, canonical: string, variants: string[] = [canonical]) => ({ id, canonical, kind: 'person', variants, quoteCount: 0, mentions: 1 });

describe('cursor codec', () => {
  it('round-trips, and rejects tampered, foreign-scope and garbage cursors with a typed error', () => {
    const cursor = encodeCursor({ s: { a: { p: 0, k: null } } }, 'quotes:x');
    expect(decodeCursor(cursor, 'quotes:x')).toEqual({ s: { a: { p: 0, k: null } } });
    const [payload, signature] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ s: { a: { p: 5, k: null } } })).toString('base64url');
    expect(() => decodeCursor(`${forged}.${signature}`, 'quotes:x')).toThrow(InvalidCursorError);
    // (its first character changed for certain: all six bits of it are signature, unlike the last one's)
    const other = signature.startsWith('A') ? 'B' : 'A';
    expect(() => decodeCursor(`${payload}.${other}${signature.slice(1)}`, 'quotes:x')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(cursor, 'quotes:y')).toThrow(InvalidCursorError);
    expect(() => decodeCursor('%%%', 'quotes:x')).toThrow(InvalidCursorError);
    expect(decodeCursor(null, 'quotes:x')).toBeNull();
  });
});

describe('batch writes', () => {
  it('retries unprocessed items with backoff until all are written', async () => {
    const calls: number[] = [];
    const requests: WriteRequest[] = Array.from({ length: 30 }, (_, i) => ({ PutRequest: { Item: { pk: 'p', sk: String(i) } } }));
    await batchWrite('t', requests, {
      baseDelayMs: 1,
      send: async (_table, chunk) => {
        calls.push(chunk.length);
        return chunk.length > 3 ? chunk.slice(0, 3) : []; // three left unprocessed once per chunk
      },
    });
    expect(calls.sort((a, b) => a - b)).toEqual([3, 3, 5, 25]);
  });

  it('gives up with a typed error when items stay unprocessed', async () => {
    const requests: WriteRequest[] = [{ PutRequest: { Item: { pk: 'p', sk: '1' } } }];
    await expect(batchWrite('t', requests, { maxAttempts: 3, baseDelayMs: 1, send: async (_t, chunk) => chunk })).rejects.toBeInstanceOf(UnprocessedItemsError);
  });
});

describe('DynamoIndexStore', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  beforeAll(async () => {
    aws = await startLocalAws();
    index = new DynamoIndexStore();
  });
  afterAll(async () => aws?.stop());

  it('lays out the key design as documented', () => {
    const doc = documentRecord('d1', '2021-05-04T00:00:00.000Z');
    const items = index.buildItems(
      entry(doc, [quote(doc, 'q1', 'sp_a', 'Ann Lee', 'Budgets matter')], [person('sp_a', 'Ann Lee', ['Ann Lee', 'Anne Lee'])], [
        { id: 'd1~sp_a', documentId: 'd1', speakerId: 'sp_a', canonical: 'Ann Lee', variants: [{ name: 'Anne Lee', mentions: [] }], evidence: [], confidence: 0.8, status: 'open', sortDate: doc.sortDate },
      ]),
    );
    const keys = items.map((i) => [i.sk, i.gsi1pk ?? null, i.gsi1sk ?? null, i.gsi2pk ?? null, i.gsi2sk ?? null]);
    expect(keys).toEqual([
      ['Q#-#sp_a#001', 'SPK#sp_a', '2021-05-04T00:00:00.000Z#d1#999998', null, null],
      ['A#ann lee#sp_a', null, null, 'NAME#a', 'ann lee#sp_a#d1'],
      ['A#lee#sp_a', null, null, 'NAME#l', 'lee#sp_a#d1'],
      ['A#anne lee#sp_a', null, null, 'NAME#a', 'anne lee#sp_a#d1'],
      ['F#sp_a', 'FLAGS#open', '2021-05-04T00:00:00.000Z#d1#sp_a', null, null],
    ]);
    expect(items.every((i) => i.pk === 'DOC#d1')).toBe(true);
    // the speaker as the document has them rides on their first spelling's item, not one of its own
    expect(items.filter((i) => i.documentSpeaker).map((i) => [i.sk, (i.documentSpeaker as { canonical: string }).canonical])).toEqual([['A#ann lee#sp_a', 'Ann Lee']]);
  });

  it('lists a document\'s speakers from their spellings\' items, and a speaker with no spelling to index from one of its own', async () => {
    const doc = documentRecord('dsp', '2021-06-01T00:00:00.000Z');
    await index.registerDocument(doc);
    const unnamed = { id: 'sp_dash', canonical: '—', kind: 'role', variants: [], quoteCount: 0, mentions: 1 };
    await index.indexDocument(entry(doc, [quote(doc, 'q1', 'sp_ml', 'Mae Lund', 'the ferry runs')], [{ ...person('sp_ml', 'Mae Lund', ['Mae Lund', 'M. Lund']), title: 'Dr.', quoteCount: 1 }, unnamed]));
    const first = await index.speakersOfDocument('dsp', { limit: 1 });
    const second = await index.speakersOfDocument('dsp', { limit: 1, cursor: first.cursor });
    expect([...first.items, ...second.items].map((s) => [s.id, s.canonical, s.title ?? null, s.variants, s.quoteCount])).toEqual([
      ['sp_dash', '—', null, [], 0],
      ['sp_ml', 'Mae Lund', 'Dr.', ['Mae Lund', 'M. Lund'], 1],
    ]);
    expect(second.cursor).toBeNull();
  });

  it('bills a GSI write only for what the GSI copies: a document\'s month listing holds its keys, a speaker\'s quotes all', () => {
    const doc = documentRecord('d1', '2021-05-04T00:00:00.000Z', { title: 'A long headline '.repeat(150) });
    const record = { pk: 'DOC#d1', sk: 'META', ...doc, gsi2pk: 'DOCS#2021-05', gsi2sk: `${doc.sortDate}#d1` };
    expect(gsiWriteUnits(record)).toBe(1); // 2.4 KB in the table, its keys in the GSI
    expect(gsiWriteUnits(record, new Set(['status', 'runId', 'leaseUntil']))).toBe(0);
    expect(gsiWriteUnits(record, new Set(['gsi2sk']))).toBe(1);
    const [quoteItem] = index.buildItems(entry(doc, [quote(doc, 'q1', 'sp_a', 'Ann Lee', 'x'.repeat(1500))], []));
    expect(gsiWriteUnits(quoteItem)).toBe(2);
  });

  it('reindexing replaces a document\'s items and leaves no stale ones', async () => {
    const doc = documentRecord('reidx', '2020-01-01T00:00:00.000Z');
    await index.registerDocument(doc);
    const unattributed = quote(doc, 'q3', null, null, 'the tide tables are wrong');
    await index.indexDocument(entry(doc, [quote(doc, 'q1', 'sp_r', 'Rita Moss', 'harbour dredging starts'), quote(doc, 'q2', 'sp_r', 'Rita Moss', 'lighthouse repainted'), unattributed], [person('sp_r', 'Rita Moss')]));
    expect((await index.listQuotes({ speaker: 'Rita Moss' })).items).toHaveLength(2);
    expect((await index.quotesOfDocument('reidx', {})).items.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    const stats = await index.indexDocument(entry(doc, [quote(doc, 'q1', 'sp_r', 'Rita Moss', 'harbour dredging starts')], [person('sp_r', 'Rita Moss')]));
    expect(stats.itemsDeleted).toBe(1); // the pack of unattributed quotes; Rita Moss's pack is rewritten without q2
    expect((await index.listQuotes({ speaker: 'Rita Moss' })).items.map((q) => q.id)).toEqual(['q1']);
    expect((await index.quotesOfDocument('reidx', {})).items.map((q) => q.id)).toEqual(['q1']);
    expect((await index.getSpeaker('sp_r'))?.quoteCount).toBe(1);
  });

  it('keeps a document\'s quotes in reading order by number (q10 after q9), by document and in the search, across pages', async () => {
    const doc = documentRecord('order', '2018-04-04T00:00:00.000Z');
    await index.registerDocument(doc);
    const ids = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
    const quotes = ids.map((id, i) => ({ ...quote(doc, id, 'sp_order', 'Orla Dent', `remark number ${i + 1} on harbours`), start: i * 100, end: i * 100 + 30 }));
    await index.indexDocument(entry(doc, quotes, [person('sp_order', 'Orla Dent')]));
    const byDocument: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await index.quotesOfDocument('order', { limit: 5, cursor });
      byDocument.push(...page.items.map((q) => q.id));
      cursor = page.cursor;
    } while (cursor);
    expect(byDocument).toEqual(ids);
    const searched: string[] = [];
    do {
      const page = await index.listQuotes({ speaker: 'Orla Dent', limit: 5, cursor });
      searched.push(...page.items.map((q) => q.id));
      cursor = page.cursor;
    } while (cursor);
    expect(searched).toEqual(ids);
  });

  it('pages a speaker\'s quotes through packs of several parts, across documents, with pages ending inside a part', async () => {
    const long = (n: number) => `${'the breakwater needs another season of work, '.repeat(70)}(${n})`;
    const older = documentRecord('parts1', '2017-06-01T00:00:00.000Z');
    const newer = documentRecord('parts2', '2017-07-01T00:00:00.000Z');
    for (const doc of [older, newer]) await index.registerDocument(doc);
    const quotesOf = (doc: DocumentRecord, count: number) => Array.from({ length: count }, (_, i) => ({ ...quote(doc, `q${i + 1}`, 'sp_parts', 'Pia Arts', long(i + 1)), start: i * 4000, end: i * 4000 + 3200 }));
    // 3.2 KB a quote: the newer document's nine quotes fill two parts, the older one's three fit in one
    await index.indexDocument(entry(newer, [...quotesOf(newer, 9), { ...quote(newer, 'q10', null, null, 'nobody said this'), start: 90_000, end: 90_020 }], [person('sp_parts', 'Pia Arts')]));
    await index.indexDocument(entry(older, quotesOf(older, 3), [person('sp_parts', 'Pia Arts')]));
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await index.listQuotes({ speaker: 'Pia Arts', limit: 4, cursor });
      expect(page.items.every((q) => q.speaker === 'Pia Arts' && q.text.length > 3000)).toBe(true);
      listed.push(...page.items.map((q) => `${q.documentId}:${q.id}`));
      cursor = page.cursor;
    } while (cursor);
    expect(listed).toEqual([...Array.from({ length: 9 }, (_, i) => `parts2:q${i + 1}`), 'parts1:q1', 'parts1:q2', 'parts1:q3']);
    expect((await index.getSpeaker('sp_parts'))?.quoteCount).toBe(12);
    // a document's own quotes, every speaker's, in reading order
    const ofDocument: string[] = [];
    do {
      const page = await index.quotesOfDocument('parts2', { limit: 3, cursor });
      ofDocument.push(...page.items.map((q) => q.id));
      cursor = page.cursor;
    } while (cursor);
    expect(ofDocument).toEqual(Array.from({ length: 10 }, (_, i) => `q${i + 1}`));
  });

  it('lists quotes by date through their documents: newest document first, each in reading order, pages ending inside one', async () => {
    const docs = [
      { doc: documentRecord('bd1', '1990-02-10T00:00:00.000Z'), quotes: 2 },
      { doc: documentRecord('bd2', '1990-03-20T00:00:00.000Z'), quotes: 5 },
      { doc: documentRecord('bd3', '1990-03-05T00:00:00.000Z', { source: 'courier' }), quotes: 3 },
      { doc: documentRecord('bd4', '1990-03-01T00:00:00.000Z'), quotes: 0 },
      { doc: documentRecord('bd5', '1990-01-15T00:00:00.000Z'), quotes: 3 },
    ];
    for (const { doc, quotes } of docs) {
      await index.registerDocument(doc);
      const items = Array.from({ length: quotes }, (_, i) => ({ ...quote(doc, `q${i + 1}`, i % 2 ? null : 'sp_bd', i % 2 ? null : 'Bea Dunn', `note ${i + 1} of ${doc.id}`), start: i * 10 }));
      await index.indexDocument(entry(doc, items, [person('sp_bd', 'Bea Dunn')]));
    }
    // A run that never committed: its quotes stay out of every list.
    const pending = documentRecord('bd6', '1990-03-25T00:00:00.000Z');
    await index.registerDocument(pending);
    await index.indexDocument(entry(pending, [quote(pending, 'q1', 'sp_bd', 'Bea Dunn', 'not yet committed')], [person('sp_bd', 'Bea Dunn')]), 'run-never-committed');

    const read = async (filter: { source?: string; kind?: QuoteRecord['kind'] }) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await index.listQuotes({ from: '1990-01-01', to: '1990-12-31', limit: 3, cursor, ...filter });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((q) => `${q.documentId}/${q.id}`));
        cursor = page.cursor;
      } while (cursor);
      return seen;
    };
    const all = ['bd2/q1', 'bd2/q2', 'bd2/q3', 'bd2/q4', 'bd2/q5', 'bd3/q1', 'bd3/q2', 'bd3/q3', 'bd1/q1', 'bd1/q2', 'bd5/q1', 'bd5/q2', 'bd5/q3'];
    expect(await read({})).toEqual(all);
    expect(await read({ source: 'gazette' })).toEqual(all.filter((id) => !id.startsWith('bd3/')));
    expect((await index.listQuotes({ from: '1990-03-01', to: '1990-03-31', limit: 100 })).items.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q1', 'q2', 'q3']);
  });

  it('pages a speaker\'s quotes newest first across documents with no duplicates or gaps', async () => {
    const expected: string[] = [];
    for (let d = 0; d < 6; d++) {
      const doc = documentRecord(`pg${d}`, `2019-0${d + 1}-15T00:00:00.000Z`);
      await index.registerDocument(doc);
      const quotes = [0, 1, 2, 3].map((q) => quote(doc, `q${q}`, 'sp_page', 'Paula Gee', `statement d${d}q${q} about tides`));
      await index.indexDocument(entry(doc, quotes, [person('sp_page', 'Paula Gee')]));
      expected.push(...quotes.map((q) => `${doc.id}/${q.id}`));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await index.listQuotes({ speaker: 'Paula Gee', limit: 7, cursor });
      seen.push(...page.items.map((q) => `${q.documentId}/${q.id}`));
      cursor = page.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    // Documents newest first; each document's quotes in reading order.
    const byDocument = [5, 4, 3, 2, 1, 0].flatMap((d) => expected.filter((id) => id.startsWith(`pg${d}/`)));
    expect(seen).toEqual(byDocument);
    const first = await index.listQuotes({ speaker: 'Paula Gee', limit: 7 });
    const tampered = `${first.cursor!.slice(0, 10)}x${first.cursor!.slice(11)}`;
    await expect(index.listQuotes({ speaker: 'Paula Gee', limit: 7, cursor: tampered })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(index.listQuotes({ speaker: 'someone else', limit: 7, cursor: first.cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    // date ranges on the same data
    expect((await index.listQuotes({ speaker: 'Paula Gee', from: '2019-03-01', to: '2019-04-30', limit: 100 })).items.map((q) => q.documentId)).toEqual(['pg3', 'pg3', 'pg3', 'pg3', 'pg2', 'pg2', 'pg2', 'pg2']);
    expect((await index.listQuotes({ from: '2019-06-01', to: '2019-06-30', limit: 100 })).items).toHaveLength(4);
  });

  it('puts a new speaker\'s profile with the document\'s items, and updates a known one only when a document adds to it', async () => {
    const docs = ['pf1', 'pf2', 'pf3', 'pf4'].map((id, i) => documentRecord(id, `2022-0${i + 1}-05T00:00:00.000Z`));
    for (const doc of docs) await index.registerDocument(doc);
    const profile = async () => (await index.speakerProfiles(['sp_pf'])).get('sp_pf');
    const updatedAt = async () => (await docClient().send(new GetCommand({ TableName: tableName(), Key: { pk: 'SPEAKER#sp_pf', sk: 'META' } }))).Item?.updatedAt;
    const sends: string[] = [];
    const send = docClient().send.bind(docClient());
    docClient().send = ((command: { constructor: { name: string }; input: { Key?: { pk?: string } } }, ...rest: unknown[]) => {
      if (command.input.Key?.pk === 'SPEAKER#sp_pf' && command.constructor.name !== 'GetCommand') sends.push(command.constructor.name);
      return (send as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof send;
    try {
      const rita = { ...person('sp_pf', 'Rita Fenwick'), title: 'Dr.', role: 'harbour master' };
      await index.indexDocument(entry(docs[0], [quote(docs[0], 'q1', 'sp_pf', 'Rita Fenwick', 'the tide is high')], [rita]));
      expect(sends).toEqual([]); // written in the document's batch, not as an update of its own
      expect(await profile()).toMatchObject({ canonical: 'Rita Fenwick', kind: 'person', title: 'Dr.', role: 'harbour master', variants: ['Rita Fenwick'] });
      const first = await updatedAt();
      await index.indexDocument(entry(docs[1], [quote(docs[1], 'q1', 'sp_pf', 'Rita Fenwick', 'the tide is low')], [rita]));
      expect(sends).toEqual([]); // nothing new: the profile is not written
      expect(await updatedAt()).toBe(first);
      await index.indexDocument(entry(docs[2], [quote(docs[2], 'q1', 'sp_pf', 'Rita Fenwick', 'the pier reopens')], [{ ...rita, variants: ['Rita Fenwick', 'Rita Fenwik'] }]));
      await index.indexDocument(entry(docs[3], [quote(docs[3], 'q1', 'sp_pf', 'Rita Fenwick', 'the pier closes')], [{ ...rita, canonical: 'Rita A. Fenwick', role: 'port director' }]));
      expect(sends).toEqual(['UpdateCommand', 'UpdateCommand']);
    } finally {
      docClient().send = send;
    }
    // a spelling is added, the newer role replaces the older, and the first canonical name stays
    expect(await profile()).toMatchObject({ canonical: 'Rita Fenwick', role: 'port director', variants: ['Rita Fenwick', 'Rita Fenwik'] });
  });

  it('resolves any spelling, surname or id to the speaker, and merges people who share a surname', async () => {
    const a = documentRecord('al1', '2022-02-01T00:00:00.000Z');
    const b = documentRecord('al2', '2022-03-01T00:00:00.000Z');
    await index.registerDocument(a);
    await index.registerDocument(b);
    await index.indexDocument(entry(a, [quote(a, 'q1', 'sp_kr', 'Kristin Sanders-Gendreau', 'a seat at the table')], [person('sp_kr', 'Kristin Sanders-Gendreau', ['Kristin Sanders-Gendreau', 'Saunders-Jandro'])]));
    await index.indexDocument(entry(b, [quote(b, 'q1', 'sp_ot', 'Tom Sanders-Gendreau', 'the clinic stays open')], [person('sp_ot', 'Tom Sanders-Gendreau')]));
    expect(await index.resolveSpeaker('Saunders-Jandro')).toEqual(['sp_kr']);
    expect(await index.resolveSpeaker('saunders jandro')).toEqual(['sp_kr']);
    expect(await index.resolveSpeaker('sp_kr')).toEqual(['sp_kr']);
    expect((await index.resolveSpeaker('Sanders-Gendreau')).sort()).toEqual(['sp_kr', 'sp_ot']);
    // A name that only begins a spelling ("Saunders" of "Saunders-Jandro") is not that spelling.
    expect(await index.resolveSpeaker('Saunders')).toEqual([]);
    // A search finds the name behind a title or a middle initial; a document's own speakers are matched as written.
    expect(await index.resolveSpeaker('Dr. Saunders-Jandro', { anyForm: true })).toEqual(['sp_kr']);
    expect(await index.resolveSpeaker('Kristin M. Sanders-Gendreau', { anyForm: true })).toEqual(['sp_kr']);
    expect(await index.resolveSpeaker('Kristin M. Sanders-Gendreau')).toEqual([]);
    expect((await index.listQuotes({ speaker: 'Dr. Kristin Sanders-Gendreau' })).items.map((q) => q.text)).toEqual(['a seat at the table']);
    expect((await index.listQuotes({ speaker: 'Saunders-Jandro' })).items.map((q) => q.text)).toEqual(['a seat at the table']);
    expect((await index.listQuotes({ speaker: 'Sanders-Gendreau' })).items.map((q) => q.documentId)).toEqual(['al2', 'al1']);
    const prefix = await index.speakersByPrefix('saun', {});
    expect(prefix.items.map((s) => [s.id, s.canonical, s.variants, s.quoteCount])).toEqual([['sp_kr', 'Kristin Sanders-Gendreau', ['Kristin Sanders-Gendreau', 'Saunders-Jandro'], 1]]);
    expect((await index.speakersByPrefix('Dr. Saun', {})).items.map((s) => s.id)).toEqual(['sp_kr']);
    const sanders = await index.speakersByPrefix('Sanders', { limit: 1 });
    expect(sanders.items).toHaveLength(1);
    const next = await index.speakersByPrefix('Sanders', { limit: 1, cursor: sanders.cursor });
    expect(new Set([sanders.items[0].id, next.items[0].id])).toEqual(new Set(['sp_kr', 'sp_ot']));
  });

  it('lists open flags newest first; a confirmation survives reindexing; a rejection records the pair and splits the profile', async () => {
    const docs = ['fl1', 'fl2'].map((id, i) => documentRecord(id, `2023-0${i + 1}-01T00:00:00.000Z`));
    for (const [i, doc] of docs.entries()) {
      await index.registerDocument(doc);
      const sid = `sp_f${i}`;
      await index.indexDocument(
        entry(doc, [quote(doc, 'q1', sid, 'Ola Brandt', 'we will rebuild')], [person(sid, 'Ola Brandt', ['Ola Brandt', 'Ola Brant'])], [
          { id: `${doc.id}~${sid}`, documentId: doc.id, speakerId: sid, canonical: 'Ola Brandt', variants: [{ name: 'Ola Brant', mentions: [] }], evidence: [], confidence: 0.7, status: 'open', sortDate: doc.sortDate },
        ]),
      );
    }
    const open = await index.listFlags({ status: 'open' });
    expect(open.items.map((f) => f.id)).toEqual(['fl2~sp_f1', 'fl1~sp_f0']);

    await decideFlag({ index }, 'fl1~sp_f0', 'confirm');
    const again = entry(docs[0], [quote(docs[0], 'q1', 'sp_f0', 'Ola Brandt', 'we will rebuild')], [person('sp_f0', 'Ola Brandt', ['Ola Brandt', 'Ola Brant'])], [
      { id: 'fl1~sp_f0', documentId: 'fl1', speakerId: 'sp_f0', canonical: 'Ola Brandt', variants: [{ name: 'Ola Brant', mentions: [] }], evidence: [], confidence: 0.7, status: 'open', sortDate: docs[0].sortDate },
    ]);
    await index.indexDocument(again);
    expect((await index.getFlag('fl1~sp_f0'))?.status).toBe('confirmed');
    expect((await index.listFlags({ status: 'open' })).items.map((f) => f.id)).toEqual(['fl2~sp_f1']);

    const rejected = await decideFlag({ index }, 'fl2~sp_f1', 'reject');
    expect(rejected).toMatchObject({ flag: { status: 'rejected' }, reextraction: 'not-needed' });
    expect(await index.keepApartPairs()).toContainEqual(['Ola Brandt', 'Ola Brant']);
    expect((await index.getSpeaker('sp_f1'))?.variants).toEqual(['Ola Brandt']);
    expect((await index.listFlags({ status: 'rejected' })).items.map((f) => f.id)).toEqual(['fl2~sp_f1']);
    expect(await index.getFlag('nonsense')).toBeNull();
  });

  it('counts documents by status and lists them newest first, filtered by status', async () => {
    await index.setStatus('pg0', 'failed', { reason: 'the document has no text' });
    await index.setStatus('pg1', 'done');
    const counts = await index.countByStatus();
    expect(counts.failed).toBe(1);
    expect(counts.done).toBe(1);
    const failed = await index.listDocuments({ status: 'failed' });
    expect(failed.items.map((d) => [d.id, d.reason])).toEqual([['pg0', 'the document has no text']]);
    const all = await index.listDocuments({ limit: 100 });
    const dates = all.items.map((d) => d.sortDate);
    expect(dates).toEqual([...dates].sort().reverse());
    await index.setStatus('pg0', 'done');
    expect((await index.getDocument('pg0'))?.reason).toBeUndefined();
    // another key with the same content: remembered once, the status untouched
    await index.addRawKey('pg0', 'raw/copy of pg0.txt');
    await index.addRawKey('pg0', 'raw/copy of pg0.txt');
    expect(await index.getDocument('pg0')).toMatchObject({ status: 'done', rawKeys: ['raw/pg0.txt', 'raw/copy of pg0.txt'] });
  });
});
