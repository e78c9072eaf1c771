/**
 * Crash recovery over s3rver + dynalite: conditional run transitions (a stale worker writes nothing),
 * readers see only a committed version of a document's items, and the recovery sweeper re-drives or
 * fails what is stuck, from the table's work list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { eventFor, lambdaContext, upload, type Handler } from './helpers.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';
import { REDRIVE_PREFIX } from '#shared/pipeline/s3-keys.ts';
import { RecoverySweeper } from '#shared/pipeline/sweeper.ts';
import { LocalSqsQueue } from '#infra/local/queue.ts';
import type { DocumentIndexEntry, DocumentRecord, QuoteRecord } from '#shared/storage/ports.ts';
import { DocumentPipeline } from '#shared/pipeline/process-document.ts';
import { extract } from '#shared/extract/index.ts';
import { toDocumentText } from '#shared/text/formats.ts';
import { PgliteSql } from '#shared/storage/sql-pglite.ts';
import { openSearch } from '#shared/search/index.ts';
import { catchUpProjection } from '#shared/search/rebuild.ts';
import type { SearchProjection } from '#shared/search/projection.ts';

function record(id: string, extra: Partial<DocumentRecord> = {}): DocumentRecord {
  const date = '2024-06-01T00:00:00.000Z';
  return { id, status: 'queued', rawKeys: [`raw/${id}.txt`], sortDate: date, receivedAt: date, updatedAt: date, ...extra };
}

function quote(doc: DocumentRecord, id: string, text: string): QuoteRecord {
  return { id, documentId: doc.id, start: 0, end: text.length, text, kind: 'direct', confidence: 0.9, cue: 'said', speakerId: 'sp_ruth', speaker: 'Ruth Imber', sortDate: doc.sortDate };
}

function entry(doc: DocumentRecord, quotes: QuoteRecord[]): DocumentIndexEntry {
  return { document: doc, quotes, claims: [], speakers: [{ id: 'sp_ruth', canonical: 'Ruth Imber', kind: 'person', variants: ['Ruth Imber'], quoteCount: quotes.length, mentions: 1 }], flags: [] };
}

describe('crash recovery', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  let documents: S3DocumentStore;
  beforeAll(async () => {
    aws = await startLocalAws();
    index = new DynamoIndexStore();
    documents = new S3DocumentStore();
  });
  afterAll(async () => aws?.stop());

  it('a stale worker cannot overwrite the state of the run that took over', async () => {
    await index.registerDocument(record('d0stale'));
    expect(await index.beginRun('d0stale', 'r-old', Date.now() - 1)).not.toBeNull(); // lease already expired
    expect(await index.beginRun('d0stale', 'r-new', Date.now() + 60_000)).toMatchObject({ status: 'processing', runId: 'r-new' });
    expect(await index.beginRun('d0stale', 'r-third', Date.now() + 60_000)).toBeNull(); // live lease: refused
    expect(await index.commitRun('d0stale', 'r-old', 'done', { counts: { speakers: 0, quotes: 9, claims: 0, flags: 0 } })).toBe(false);
    expect(await index.getDocument('d0stale')).toMatchObject({ status: 'processing', runId: 'r-new' });
    expect(await index.commitRun('d0stale', 'r-new', 'done')).toBe(true);
    expect(await index.getDocument('d0stale')).toMatchObject({ status: 'done', version: 'r-new' });
  });

  it('a queued upload begins its run in one conditional write, any other state takes the reading path', async () => {
    await index.registerDocument(record('d0queued'));
    expect(await index.beginQueuedRun('d0queued', 'raw/other.txt', 'r-1', Date.now() + 60_000)).toBeNull(); // not its key
    expect(await index.beginQueuedRun('d0missing', 'raw/d0missing.txt', 'r-1', Date.now() + 60_000)).toBeNull(); // never registered
    expect(await index.beginQueuedRun('d0queued', 'raw/d0queued.txt', 'r-1', Date.now() + 60_000)).toMatchObject({ status: 'processing', runId: 'r-1', attempts: 1 });
    expect(await index.beginQueuedRun('d0queued', 'raw/d0queued.txt', 'r-2', Date.now() + 60_000)).toBeNull(); // running now
    expect(await index.getDocument('d0missing')).toBeNull();
  });

  it('readers see only the committed version: nothing of a run in progress', async () => {
    const doc = record('d1versions');
    await index.registerDocument(doc);
    await index.beginRun(doc.id, 'r1', Date.now() + 60_000);
    await index.indexDocument(entry(doc, [quote(doc, 'q1', 'the tide tables are wrong'), quote(doc, 'q2', 'the ferry runs late')]), 'r1');
    // Written but not committed: a processing document shows no items.
    expect((await index.quotesOfDocument(doc.id, {})).items).toEqual([]);
    expect((await index.listQuotes({ speaker: 'Ruth Imber' })).items).toEqual([]);
    expect(await index.commitRun(doc.id, 'r1', 'done')).toBe(true);
    expect((await index.quotesOfDocument(doc.id, {})).items.map((q) => q.id).sort()).toEqual(['q1', 'q2']);

    // A second run dies half-way: it wrote q1 anew and added q3. Readers still see version r1, all of it.
    await index.beginRun(doc.id, 'r2', Date.now() + 60_000);
    await index.indexDocument(entry(doc, [quote(doc, 'q1', 'the tide tables are fixed'), quote(doc, 'q3', 'the harbour reopens')]), 'r2');
    const during = (await index.quotesOfDocument(doc.id, {})).items;
    expect(during.map((q) => q.text)).toEqual(['the tide tables are wrong', 'the ferry runs late']);
    expect((await index.listQuotes({ speaker: 'Ruth Imber', limit: 100 })).items.map((q) => q.id)).toEqual(['q1', 'q2']);

    // Committed, then the stale items go.
    expect(await index.commitRun(doc.id, 'r2', 'done')).toBe(true);
    expect(await index.removeStaleItems(doc.id, 'r2')).toBe(1); // r1's pack of Ruth Imber's quotes
    expect((await index.quotesOfDocument(doc.id, {})).items.map((q) => q.text).sort()).toEqual(['the harbour reopens', 'the tide tables are fixed']);
  });

  it('a run that dies between its commit and the search projection stays on the work list, and the sweeper shows it in search', async () => {
    const sql = await PgliteSql.open();
    try {
      const search = await openSearch(sql);
      // The projection write is lost once (the process died after the DynamoDB commit, before the projection).
      let lose = true;
      const projection = {
        apply: (entry, version) => (lose ? ((lose = false), Promise.reject(new Error('killed'))) : search.projection.apply(entry, version)),
        remove: (document, version) => search.projection.remove(document, version),
        shownVersion: (id) => search.projection.shownVersion(id),
      } as Pick<SearchProjection, 'apply' | 'remove' | 'shownVersion'> as SearchProjection;
      const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract, extractorVersion: 'test', search: async () => projection });
      await upload('raw/budget.txt', 'The county budget grew by 4.1 percent to $12 million, the largest rise in a decade, Mayor Ada Reyes said.');
      await expect(pipeline.processObject('raw/budget.txt')).rejects.toThrow();
      const pending = async () => { const ids: string[] = []; for await (const m of index.pendingDocuments()) ids.push(m.id); return ids; };
      const doc = (await index.listDocuments({ status: 'done', limit: 100 })).items.find((d) => d.rawKeys.includes('raw/budget.txt'))!;
      expect(doc.version).toBeDefined();
      expect(await search.projection.shownVersion(doc.id)).toBeNull();
      expect(await pending()).toContain(doc.id);

      const sweeper = new RecoverySweeper({ index, documents, redrive: async () => undefined, catchUp: (d) => catchUpProjection(d, documents, search.projection) });
      expect(await sweeper.sweep({ queuedAfterMs: 0 })).toMatchObject({ cleaned: 1 });
      expect(await search.projection.shownVersion(doc.id)).toBe(doc.version);
      const claims = await search.claims.ofDocument(doc.id, { limit: 10 });
      expect(claims.items.map((c) => c.text)).toEqual([expect.stringContaining('4.1 percent')]);
      expect(await pending()).not.toContain(doc.id);
    } finally {
      await sql.close();
    }
  });

  it('the sweeper re-drives a document stuck in processing and fails one whose bytes were never stored', async () => {
    const handler = (await import('#functions/process.ts')).handler as Handler;
    const text = 'Ranger Ruth Imber said on Friday the trail is open.\n\n"Bring water," Imber said.\n';
    const intake = new DocumentIntakeService(documents, index);
    const { id, key } = await intake.submit(Buffer.from(text), { filename: 'trail.txt', contentType: 'text/plain' });
    // A worker took it and died (kill -9): processing, lease expired, no event left.
    await index.beginRun(id, 'r-dead', Date.now() - 1);
    // Registered, but its upload never happened (what older intake code left behind).
    await index.registerDocument(record('d2nobytes', { rawKeys: ['raw/d2nobytes/lost.txt'] }));

    const redriven: string[] = [];
    const sweeper = new RecoverySweeper({ index, documents, redrive: async (docId, rawKey) => { redriven.push(docId); await intake.redrive(docId, rawKey); } });
    const report = await sweeper.sweep({ queuedAfterMs: 0 });
    expect(redriven).toContain(id);
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(await index.getDocument('d2nobytes')).toMatchObject({ status: 'failed', reason: expect.stringContaining('raw object was never stored') });

    // The re-drive request is an object under raw/.redrive/: its event reaches the process function.
    const requests: string[] = [];
    for await (const object of documents.listKeys(REDRIVE_PREFIX)) requests.push(object.key);
    const mine = requests.filter((k) => k.includes(id));
    expect(mine).toHaveLength(1);
    expect((await handler(eventFor(aws.bucket, mine), lambdaContext())).batchItemFailures).toEqual([]);
    expect(await index.getDocument(id)).toMatchObject({ status: 'done', rawKeys: [key] });

    // Finished documents leave the work list.
    await sweeper.sweep({ queuedAfterMs: 0 });
    const left: string[] = [];
    for await (const marker of index.pendingDocuments()) left.push(marker.id);
    expect(left).not.toContain(id);
    expect(left).not.toContain('d2nobytes');
  });

  it('gives up on a document after a few re-drives, with the reason', async () => {
    await upload('raw/d3stuck.txt', 'x');
    await index.registerDocument(record('d3stuck'));
    const sweeper = new RecoverySweeper({ index, documents, redrive: async () => undefined });
    for (let i = 0; i < 3; i++) await sweeper.sweep({ queuedAfterMs: 0, maxRedrives: 2 });
    expect(await index.getDocument('d3stuck')).toMatchObject({ status: 'failed', reason: expect.stringContaining('gave up after 2 re-drives') });
  });
});

describe('local queue redelivery', () => {
  it('backs off (longer each time) and dead-letters with the real error', async () => {
    const seen: number[] = [];
    const dead: string[] = [];
    const queue = new LocalSqsQueue(
      async (event) => {
        seen.push(Date.now());
        return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
      },
      { retryDelayMs: 20, maxReceives: 4, batchWindowMs: 1, reasonOf: () => 'IdempotencyAlreadyInProgressError: record in progress', onDeadLetter: (_r, error) => dead.push(error) },
    );
    queue.send({ messageId: 'm1', body: '{}', attributes: { ApproximateReceiveCount: '1' } } as never);
    await queue.idle();
    expect(seen).toHaveLength(4);
    // each redelivery waits at least its delay (20, 100, 500 ms); a busy machine only makes them later
    const gaps = seen.slice(1).map((t, i) => t - seen[i]);
    const slack = 2; // timers may fire a millisecond early
    expect(gaps[0]).toBeGreaterThanOrEqual(20 - slack);
    expect(gaps[1]).toBeGreaterThanOrEqual(100 - slack);
    expect(gaps[2]).toBeGreaterThanOrEqual(500 - slack);
    expect(dead).toEqual(['IdempotencyAlreadyInProgressError: record in progress']);
  });
});
