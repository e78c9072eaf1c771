/**
 * Quotes for an export, read from the projection: the search's filters, newest document first and each
 * document's quotes in reading order (the index's order). Documents are taken a stretch at a time (one
 * statement), then their quotes a page at a time (one statement, resumed after the last row), so no
 * statement sorts more than a few documents' quotes and every answer stays under the Data API's 1 MB.
 */
import type { QuoteRecord } from '../storage/ports.ts';
import type { QuoteKind } from '../schema.ts';
import type { Sql } from './sql.ts';
import { Params, documentClauses, queryExpression, where, type QuoteFilter } from './search.ts';

/** Documents per stretch; quote rows per statement, and the bytes of quote text they may carry (under 1 MB). */
const DOCUMENTS = 50;
const ROWS = 1000;
const TEXT_BUDGET = 600_000;

interface DocumentKey {
  id: string;
  version: string;
  sort_date: string;
}

/** A page's rows travel as one JSON array of arrays in this column order (one field to decode, not 13 a row). */
const FIELDS = ['d.n', 'q.document_id', 'q.quote_id', 'q.text', 'q.kind', 'q.speaker_id', 'q.speaker', 'q.spelling', 'q.cue', 'q.confidence', 'q.start_offset', 'q.end_offset', 'q.sort_date'];
type Row = [number, string, string, string, QuoteKind, string | null, string | null, string | null, string | null, number, number, number, string];

function quoteOf([, documentId, id, text, kind, speakerId, speaker, spelling, cue, confidence, start, end, sortDate]: Row): QuoteRecord {
  return { id, documentId, start, end, text, kind, confidence, cue, speakerId, speaker, ...(spelling ? { spelling } : {}), sortDate };
}

export class QuoteExport {
  constructor(private readonly sql: Sql) {}

  /** Every quote the filter keeps, a page of rows in memory at a time. */
  async *quotes(filter: QuoteFilter): AsyncGenerator<QuoteRecord> {
    if (filter.speakerIds?.length === 0) return;
    let after: DocumentKey | null = null;
    for (;;) {
      const documents = await this.documents(filter, after);
      if (documents.length === 0) return;
      let resume: Row | null = null;
      for (;;) {
        const { rows, more } = await this.page(filter, documents, resume);
        for (const row of rows) yield quoteOf(row);
        if (!more) break;
        resume = rows[rows.length - 1];
      }
      if (documents.length < DOCUMENTS) return;
      after = documents[documents.length - 1];
    }
  }

  /** The next stretch of shown documents the date and collection filters keep, newest first. */
  private documents(filter: QuoteFilter, after: DocumentKey | null): Promise<DocumentKey[]> {
    const params = new Params();
    const clauses = [`status = ${params.add('done')}`, ...documentClauses(filter, params)];
    if (after) clauses.push(`(sort_date, id) < (${params.add(after.sort_date)}, ${params.add(after.id)})`);
    return this.sql.query<DocumentKey>(
      `SELECT id, version, sort_date FROM search_documents WHERE ${clauses.join(' AND ')} ORDER BY sort_date DESC, id DESC LIMIT ${params.add(DOCUMENTS, 'integer')}`,
      params.values,
    );
  }

  /**
   * A page of those documents' quotes, in the documents' order, then reading order; after `resume` when given.
   * Rows stop at ROWS or when their text passes TEXT_BUDGET (the first row always comes); `more`: rows are left.
   */
  private async page(filter: QuoteFilter, documents: DocumentKey[], resume: Row | null): Promise<{ rows: Row[]; more: boolean }> {
    const params = new Params();
    const query = queryExpression(filter, params);
    const clauses = [where(filter, params, query && 'query.ts')];
    const stretch = params.add(JSON.stringify(documents.map((d, n) => ({ id: d.id, version: d.version, n }))), 'jsonb');
    if (resume) clauses.push(`(d.n, q.start_offset, q.quote_id) > (${params.add(resume[0], 'integer')}, ${params.add(resume[10], 'integer')}, ${params.add(resume[2])})`);
    const [answer] = await this.sql.query<{ rows: string; more: boolean }>(
      `WITH query AS (SELECT ${query ?? 'NULL::tsquery'} AS ts),
       page AS (
         SELECT json_build_array(${FIELDS.join(', ')}) AS row, d.n, q.start_offset, q.quote_id,
                row_number() OVER w AS k, sum(octet_length(q.text)) OVER w - octet_length(q.text) AS before
         FROM jsonb_to_recordset(${stretch}) AS d(id text, version text, n integer)
         JOIN search_quotes q ON q.document_id = d.id AND q.version = d.version, query
         WHERE ${clauses.join(' AND ')}
         WINDOW w AS (ORDER BY d.n, q.start_offset, q.quote_id)
         ORDER BY d.n, q.start_offset, q.quote_id
         LIMIT ${params.add(ROWS + 1, 'integer')}
       ),
       kept AS (SELECT * FROM page WHERE k <= ${params.add(ROWS, 'integer')} AND (k = 1 OR before < ${params.add(TEXT_BUDGET, 'integer')}))
       SELECT coalesce((SELECT json_agg(row ORDER BY n, start_offset, quote_id) FROM kept), '[]')::text AS rows,
              (SELECT count(*) FROM page) > (SELECT count(*) FROM kept) AS more`,
      params.values,
    );
    return { rows: JSON.parse(answer.rows) as Row[], more: answer.more === true || String(answer.more) === 'true' };
  }
}
