/**
 * The process path and the search projection: written only after the DynamoDB commit, caught up
 * when that write failed (the retried event finds the document done and projects its result), and
 * cleared when a later run fails the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { DynamoIndexStore } from '../../shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '../../shared/storage/s3-documents.ts';
import { PgliteSql } from '../../shared/storage/sql-pglite.ts';
import { DocumentPipeline, type Extract } from '../../shared/pipeline/process-document.ts';
import { openSearch, type Search } from '../../shared/search/index.ts';
import type { Sql, SqlValue } from '../../shared/search/sql.ts';
import { toDocumentText } from '../../shared/text/formats.ts';
import { extract } from '../../shared/extract/index.ts';
import { upload } from '../pipeline/helpers.ts';
import { ARTICLES } from '../fixtures/search/articles.ts';

/** PGlite that fails the next projection flip (as a paused or unreachable Aurora would). */
class FlakySql implements Sql {
  failNextFlip = false;
  constructor(private readonly inner: Sql) {}
  query<T>(statement: string, params?: SqlValue[]): Promise<T[]> {
    if (this.failNextFlip && statement.includes('INSERT INTO search_documents')) {
      this.failNextFlip = false;
      return Promise.reject(new Error('connection reset'));
    }
    return this.inner.query<T>(statement, params);
  }
}

let aws: LocalAws;
let pglite: PgliteSql;
let sql: FlakySql;
let search: Search;
let pipeline: DocumentPipeline;
let index: DynamoIndexStore;

beforeAll(async () => {
  aws = await startLocalAws();
  pglite = await PgliteSql.open();
  sql = new FlakySql(pglite);
  search = await openSearch(sql);
  index = new DynamoIndexStore();
  pipeline = new DocumentPipeline({ documents: new S3DocumentStore(), index, toText: toDocumentText, extract: extract as Extract, search: async () => search.projection });
});

afterAll(async () => {
  await pglite?.close();
  await aws?.stop();
});

const hits = async (q: string) => (await search.quotes.search({ q, limit: 20, offset: 0 })).items;

describe('the process path writes the search projection', () => {
  it('after the commit; a failed write is caught up by the retried event', async () => {
    const [clinic] = ARTICLES;
    await upload('raw/clinic.txt', clinic.text, { publishedAt: clinic.publishedAt, source: clinic.source });
    sql.failNextFlip = true;
    await expect(pipeline.processObject('raw/clinic.txt')).rejects.toThrow('connection reset');
    const doc = (await index.getDocument((await index.listDocuments({ limit: 1 })).items[0].id))!;
    // Committed in DynamoDB, not yet in search.
    expect(doc.status).toBe('done');
    expect(await hits('vaccines')).toEqual([]);
    // The queue retries the message: the document is already done, and its result is projected.
    expect(await pipeline.processObject('raw/clinic.txt')).toMatchObject({ status: 'skipped' });
    expect((await hits('vaccines')).map((q) => q.documentId)).toEqual([doc.id]);
    expect(await search.projection.shownVersion(doc.id)).toBe(doc.version);
  });

  it('a document that fails on a later run disappears from search', async () => {
    const [, budget] = ARTICLES;
    await upload('raw/budget.txt', budget.text, { publishedAt: budget.publishedAt });
    const done = await pipeline.processObject('raw/budget.txt');
    expect(done.status).toBe('done');
    expect((await hits('library')).length).toBe(1);
    const failing = new DocumentPipeline({
      documents: new S3DocumentStore(),
      index,
      toText: toDocumentText,
      extract: () => {
        throw new Error('extractor crashed');
      },
      extractorVersion: 'broken',
      search: async () => search.projection,
    });
    expect(await failing.processObject('raw/budget.txt')).toMatchObject({ status: 'failed' });
    expect(await hits('library')).toEqual([]);
    expect(await search.projection.shownVersion(done.documentId!)).toBeNull();
  });
});
