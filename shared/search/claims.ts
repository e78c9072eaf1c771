/**
 * Claims read from the search projection, where they are stored whole (kinds, figures, comparison and
 * fingerprints as JSON): the corpus ranked by score with its filters, a document's claims, one claim, and
 * the claims sharing a fingerprint (the same claim across documents). The DynamoDB index keeps none of
 * this: claims were a third of its write units, and every read of them is a ranking or a full-text match,
 * which an SQL engine answers with one statement and an index.
 *
 * Pages resume after the last row (keyset), with a signed cursor bound to the query, as the index's are.
 */
import { clampLimit, cursorScope, decodeCursor, encodeCursor } from '../storage/cursor.ts';
import { InvalidCursorError, type ClaimRecord, type Page, type PageRequest } from '../storage/ports.ts';
import type { Sql } from './sql.ts';
import { EmptyQueryError, Params, documentClauses, queryExpression, type QuoteFilter } from './search.ts';

/** What narrows the ranked claims: the quote search's filters, a claim kind (main or any) and a lowest score. */
export interface ClaimFilter extends Omit<QuoteFilter, 'kind' | 'source'> {
  kind?: string;
  minScore?: number;
}

/**
 * One row as JSON text: every client (PGlite, the Data API) hands back text the same way. The score as
 * numeric: a real's shortest decimal (0.8734), which is the score as written.
 */
const RECORD = `json_build_object(
  'documentId', c.document_id, 'id', c.claim_id, 'start', c.start_offset, 'end', c.end_offset, 'text', c.text,
  'kind', c.kind, 'kinds', coalesce(c.kinds, '[]'::jsonb), 'score', c.score::numeric, 'figures', coalesce(c.figures, '[]'::jsonb),
  'comparison', c.comparison, 'speakerId', c.speaker_id, 'speaker', c.speaker, 'sortDate', c.sort_date,
  'publishedAt', c.published_at, 'source', c.source, 'collection', c.collection, 'documentTitle', c.title)::text AS record`;

interface Row {
  record: string;
}

interface RankPosition {
  score: number;
  date: string;
  doc: string;
  claim: string;
}

/** Numbers as the claim ids order (c2 before c10). */
const CLAIM_ORDER = `length(c.claim_id), c.claim_id`;

function claimOf(row: Row): ClaimRecord {
  const parsed = JSON.parse(row.record) as Record<string, unknown>;
  // Optional document fields are left out when absent, as the rest of the API's records are.
  for (const field of ['publishedAt', 'source', 'collection', 'documentTitle']) if (parsed[field] === null) delete parsed[field];
  return parsed as unknown as ClaimRecord;
}

export class ClaimSearch {
  constructor(private readonly sql: Sql) {}

  /** The corpus's claims, most check-worthy first (then newest), filtered; a page of `limit`. */
  async ranked(filter: ClaimFilter, page: PageRequest): Promise<Page<ClaimRecord>> {
    const scope = cursorScope('claims', { ...filter, speakerIds: filter.speakerIds ?? null });
    const after = decodeCursor(page.cursor, scope) as RankPosition | null;
    if (after && (typeof after.score !== 'number' || typeof after.date !== 'string' || typeof after.doc !== 'string' || typeof after.claim !== 'string')) throw new InvalidCursorError();
    if (filter.speakerIds?.length === 0) return { items: [], cursor: null };
    const limit = clampLimit(page.limit);
    const params = new Params();
    const query = queryExpression(filter, params);
    const clauses = [...documentClauses(filter, params, 'c.')];
    if (query) clauses.push(`c.search @@ (${query})`);
    if (filter.speakerIds) clauses.push(`c.speaker_id IN (SELECT jsonb_array_elements_text(${params.add(JSON.stringify(filter.speakerIds), 'jsonb')}))`);
    if (filter.kind) clauses.push(`(c.kind = ${params.add(filter.kind)} OR c.kinds ? ${params.add(filter.kind)})`);
    if (filter.minScore) clauses.push(`c.score >= ${params.add(filter.minScore, 'real')}`);
    if (after) {
      // Score descending, then date descending, then document and claim ascending: the order below.
      const [score, date, doc, claim] = [params.add(after.score, 'real'), params.add(after.date), params.add(after.doc), params.add(after.claim)];
      clauses.push(`(c.score < ${score} OR (c.score = ${score} AND (c.sort_date < ${date} OR (c.sort_date = ${date} AND (c.document_id, length(c.claim_id), c.claim_id) > (${doc}, length(${claim}), ${claim})))))`);
    }
    const rows = await this.sql.query<Row>(
      `SELECT ${RECORD} FROM claims c
       WHERE ${clauses.length ? clauses.join(' AND ') : 'true'}
       ORDER BY c.score DESC, c.sort_date DESC, c.document_id, ${CLAIM_ORDER}
       LIMIT ${params.add(limit + 1, 'integer')}`,
      params.values,
    );
    // Common words only ("the of") make an empty tsquery, which matches nothing: say so instead.
    if (rows.length === 0 && filter.q !== undefined) await this.requireWords(filter.q);
    const items = rows.slice(0, limit).map(claimOf);
    const last = items[items.length - 1];
    const position: RankPosition | null = last ? { score: last.score, date: last.sortDate ?? '', doc: last.documentId, claim: last.id } : null;
    return { items, cursor: rows.length > limit && position ? encodeCursor({ ...position }, scope) : null };
  }

  private async requireWords(q: string): Promise<void> {
    const params = new Params();
    const query = queryExpression({ q }, params) as string;
    const [row] = await this.sql.query<{ words: number }>(`SELECT numnode(${query})::integer AS words`, params.values);
    if (!Number(row?.words)) throw new EmptyQueryError(q);
  }

  /** A document's claims in reading order. */
  async ofDocument(documentId: string, page: PageRequest): Promise<Page<ClaimRecord>> {
    const scope = cursorScope('doc-claims', { documentId });
    const after = decodeCursor(page.cursor, scope);
    if (after && typeof after.claim !== 'string') throw new InvalidCursorError();
    const limit = clampLimit(page.limit);
    const params = new Params();
    const clauses = [`c.document_id = ${params.add(documentId)}`];
    if (after) clauses.push(`(length(c.claim_id), c.claim_id) > (length(${params.add(String(after.claim))}), ${params.add(String(after.claim))})`);
    const rows = await this.sql.query<Row>(
      `SELECT ${RECORD} FROM claims c WHERE ${clauses.join(' AND ')} ORDER BY ${CLAIM_ORDER} LIMIT ${params.add(limit + 1, 'integer')}`,
      params.values,
    );
    const items = rows.slice(0, limit).map(claimOf);
    return { items, cursor: rows.length > limit ? encodeCursor({ claim: items[items.length - 1].id }, scope) : null };
  }

  async get(documentId: string, claimId: string): Promise<ClaimRecord | null> {
    const rows = await this.sql.query<Row>(`SELECT ${RECORD} FROM claims c WHERE c.document_id = $1::text AND c.claim_id = $2::text`, [documentId, claimId]);
    return rows[0] ? claimOf(rows[0]) : null;
  }

  /** Claims carrying a fingerprint (shared/claims/fingerprint.ts), newest first, at most `limit`. */
  async withFingerprint(fingerprint: string, limit: number): Promise<ClaimRecord[]> {
    const rows = await this.sql.query<Row>(
      `SELECT ${RECORD} FROM claims c WHERE c.fingerprints ? $1::text ORDER BY c.sort_date DESC, c.document_id DESC, ${CLAIM_ORDER} LIMIT $2::integer`,
      [fingerprint, limit],
    );
    return rows.map(claimOf);
  }
}
