/**
 * Writes the search projection: a document's quotes and claims (claims whole: they live only here) as rows tagged with the version
 * (run id) DynamoDB committed. Readers join every row to `search_documents` on that version, so
 * rows of an uncommitted or superseded run never show.
 *
 * A document's update is one statement for most documents: insert the new rows, flip the
 * document's version (only forward: run ids grow with time, so a stale worker's older run cannot
 * replace a newer one) and delete the other versions' rows. A document whose rows exceed one
 * request's budget is written in chunks first, then flipped by the same final statement.
 */
import { claimFingerprints } from '../claims/fingerprint.ts';
import type { ClaimRecord, DocumentIndexEntry, DocumentRecord, QuoteRecord } from '../storage/ports.ts';
import type { Sql, SqlValue } from './sql.ts';

/** Rows per request stay well under the RDS Data API's request size limit. */
const CHUNK_BYTES = 48 * 1024;

export interface ProjectedDocument {
  document: DocumentRecord;
  quotes: QuoteRecord[];
  claims: ClaimRecord[];
}

interface QuoteRow {
  quote_id: string;
  text: string;
  kind: string;
  speaker_id: string | null;
  speaker: string | null;
  spelling: string | null;
  cue: string | null;
  confidence: number;
  start_offset: number;
  end_offset: number;
}

interface ClaimRow {
  claim_id: string;
  text: string;
  kind: string;
  kinds: string[];
  figures: ClaimRecord['figures'];
  comparison: ClaimRecord['comparison'];
  fingerprints: string[];
  score: number;
  speaker_id: string | null;
  speaker: string | null;
  start_offset: number;
  end_offset: number;
}

const QUOTE_COLUMNS = 'quote_id text, text text, kind text, speaker_id text, speaker text, spelling text, cue text, confidence real, start_offset integer, end_offset integer';
const CLAIM_COLUMNS = 'claim_id text, text text, kind text, kinds jsonb, figures jsonb, comparison jsonb, fingerprints jsonb, score real, speaker_id text, speaker text, start_offset integer, end_offset integer';
const DOC_FIELDS = 'title, url, source, collection, published_at, sort_date';

function quoteRow(q: QuoteRecord): QuoteRow {
  return { quote_id: q.id, text: q.text, kind: q.kind, speaker_id: q.speakerId, speaker: q.speaker, spelling: q.spelling ?? null, cue: q.cue, confidence: q.confidence, start_offset: q.start, end_offset: q.end };
}

function claimRow(c: ClaimRecord): ClaimRow {
  return { claim_id: c.id, text: c.text, kind: c.kind, kinds: c.kinds, figures: c.figures, comparison: c.comparison, fingerprints: claimFingerprints(c), score: c.score, speaker_id: c.speakerId, speaker: c.speaker ?? null, start_offset: c.start, end_offset: c.end };
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = JSON.stringify(row).length;
    if (current.length > 0 && bytes + size > CHUNK_BYTES) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  out.push(current);
  return out;
}

/** `$1`…`$9`: id, version, status, title, url, source, collection, published_at, sort_date. */
function documentParams(document: DocumentRecord, version: string, status: 'done' | 'failed'): SqlValue[] {
  return [document.id, version, status, document.title ?? null, document.url ?? null, document.source ?? null, document.collection ?? null, document.publishedAt ?? null, document.sortDate];
}

const insertQuotes = (from: string, json: string) => `INSERT INTO search_quotes (document_id, version, quote_id, text, kind, speaker_id, speaker, spelling, cue, confidence, start_offset, end_offset, ${DOC_FIELDS})
  SELECT ${from}.id, ${from}.version, r.quote_id, r.text, r.kind, r.speaker_id, r.speaker, r.spelling, r.cue, r.confidence, r.start_offset, r.end_offset,
         ${from}.title, ${from}.url, ${from}.source, ${from}.collection, ${from}.published_at, ${from}.sort_date
  FROM ${from}, jsonb_to_recordset(${json}::jsonb) AS r(${QUOTE_COLUMNS})
  ON CONFLICT DO NOTHING`;

const insertClaims = (from: string, json: string) => `INSERT INTO search_claims (document_id, version, claim_id, text, kind, kinds, figures, comparison, fingerprints, score, speaker_id, speaker, start_offset, end_offset, ${DOC_FIELDS})
  SELECT ${from}.id, ${from}.version, r.claim_id, r.text, r.kind, r.kinds, r.figures, r.comparison, r.fingerprints, r.score, r.speaker_id, r.speaker, r.start_offset, r.end_offset,
         ${from}.title, ${from}.url, ${from}.source, ${from}.collection, ${from}.published_at, ${from}.sort_date
  FROM ${from}, jsonb_to_recordset(${json}::jsonb) AS r(${CLAIM_COLUMNS})
  ON CONFLICT DO NOTHING`;

/**
 * Insert rows of a run's version without showing them (the document's version is not flipped):
 * `$1`…`$8` id, version, title, url, source, collection, published_at, sort_date; `$9` the rows.
 */
const CHUNK_STATEMENT = (table: 'quotes' | 'claims') => `WITH run AS (
    SELECT $1::text AS id, $2::text AS version, $3::text AS title, $4::text AS url, $5::text AS source,
           $6::text AS collection, $7::text AS published_at, $8::text AS sort_date
  )
  ${table === 'quotes' ? insertQuotes('run', '$9') : insertClaims('run', '$9')}`;

/**
 * The final statement: flip the version forward (or leave it, when a newer run already committed),
 * insert the last rows only when it flipped, delete the other versions' rows, or this run's own
 * earlier chunks when it did not flip.
 */
const FLIP_STATEMENT = `WITH doc AS (
    INSERT INTO search_documents AS d (id, version, status, ${DOC_FIELDS}, indexed_at)
    VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $12::text)
    ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, title = EXCLUDED.title, url = EXCLUDED.url,
      source = EXCLUDED.source, collection = EXCLUDED.collection, published_at = EXCLUDED.published_at, sort_date = EXCLUDED.sort_date,
      indexed_at = EXCLUDED.indexed_at
    WHERE d.version <= EXCLUDED.version
    RETURNING id, version, ${DOC_FIELDS}
  ),
  old_quotes AS (DELETE FROM search_quotes q USING doc WHERE q.document_id = doc.id AND q.version <> doc.version),
  old_claims AS (DELETE FROM search_claims c USING doc WHERE c.document_id = doc.id AND c.version <> doc.version),
  own_quotes AS (DELETE FROM search_quotes q WHERE q.document_id = $1::text AND q.version = $2::text AND NOT EXISTS (SELECT 1 FROM doc)),
  own_claims AS (DELETE FROM search_claims c WHERE c.document_id = $1::text AND c.version = $2::text AND NOT EXISTS (SELECT 1 FROM doc)),
  new_quotes AS (${insertQuotes('doc', '$10')}),
  new_claims AS (${insertClaims('doc', '$11')})
  SELECT count(*)::integer AS applied FROM doc`;

export class SearchProjection {
  constructor(private readonly sql: Sql) {}

  /**
   * Show `version` of the document (a committed run): its quotes and claims replace the ones shown.
   * False when a newer version is already shown (nothing changes then).
   */
  async apply(entry: ProjectedDocument, version: string): Promise<boolean> {
    return this.write(entry.document, version, 'done', entry.quotes.map(quoteRow), entry.claims.map(claimRow));
  }

  /** The document failed or was removed: it shows nothing from now on (unless a newer run commits). */
  async remove(document: DocumentRecord, version: string): Promise<boolean> {
    return this.write(document, version, 'failed', [], []);
  }

  /** The version of a document the projection shows, or null. */
  async shownVersion(documentId: string): Promise<string | null> {
    const rows = await this.sql.query<{ version: string }>('SELECT version FROM search_documents WHERE id = $1::text AND status = $2::text', [documentId, 'done']);
    return rows[0]?.version ?? null;
  }

  /**
   * After a rebuild: drop every document not in `keep` that was last written before `before` (one
   * written since was committed during the rebuild, by its own run). Returns how many were dropped.
   */
  async retainOnly(keep: string[], before: string): Promise<number> {
    const ids = JSON.stringify(keep);
    const rows = await this.sql.query<{ dropped: number }>(
      `WITH gone AS (
         DELETE FROM search_documents WHERE indexed_at < $2::text AND id NOT IN (SELECT jsonb_array_elements_text($1::jsonb)) RETURNING id
       ),
        q AS (DELETE FROM search_quotes WHERE document_id IN (SELECT id FROM gone)),
        c AS (DELETE FROM search_claims WHERE document_id IN (SELECT id FROM gone))
       SELECT count(*)::integer AS dropped FROM gone`,
      [ids, before],
    );
    return Number(rows[0]?.dropped ?? 0);
  }

  private async write(document: DocumentRecord, version: string, status: 'done' | 'failed', quotes: QuoteRow[], claims: ClaimRow[]): Promise<boolean> {
    const params = documentParams(document, version, status);
    const quoteChunks = chunks(quotes);
    const claimChunks = chunks(claims);
    const chunkParams = [params[0], params[1], ...params.slice(3)];
    for (const chunk of quoteChunks.slice(0, -1)) await this.sql.query(CHUNK_STATEMENT('quotes'), [...chunkParams, JSON.stringify(chunk)]);
    for (const chunk of claimChunks.slice(0, -1)) await this.sql.query(CHUNK_STATEMENT('claims'), [...chunkParams, JSON.stringify(chunk)]);
    const rows = await this.sql.query<{ applied: number }>(FLIP_STATEMENT, [
      ...params,
      JSON.stringify(quoteChunks[quoteChunks.length - 1]),
      JSON.stringify(claimChunks[claimChunks.length - 1]),
      new Date().toISOString(),
    ]);
    return Number(rows[0]?.applied ?? 0) > 0;
  }
}

export function projectedFrom(entry: DocumentIndexEntry): ProjectedDocument {
  return { document: entry.document, quotes: entry.quotes, claims: entry.claims };
}
