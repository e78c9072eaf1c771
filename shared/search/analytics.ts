/**
 * The counts the page and researchers ask for, on the same projection as search: quotes per
 * speaker per month, top speakers, top claims by check-worthiness. Each is one statement over the
 * `quotes` / `claims` views (committed versions only); the same SQL runs in any Postgres client.
 */
import type { Sql, SqlValue } from './sql.ts';

export interface Period {
  from?: string;
  to?: string;
}

export interface SpeakerMonth {
  speakerId: string;
  speaker: string;
  month: string;
  quotes: number;
}

export interface TopSpeaker {
  speakerId: string;
  speaker: string;
  quotes: number;
  documents: number;
}

export interface TopClaim {
  documentId: string;
  claimId: string;
  text: string;
  score: number;
  speaker: string | null;
  sortDate: string;
  documentTitle?: string;
  source?: string;
}

/** The publication month, or `undated` (undated documents sort as year 0000, see storage/keys.ts). */
const MONTH = `CASE WHEN sort_date < '0001' THEN 'undated' ELSE left(sort_date, 7) END`;

/** `sort_date` bounds of a period (the `to` day included) as SQL, with their parameters. */
function periodFilter(period: Period, params: SqlValue[], column = 'sort_date'): string[] {
  const clauses: string[] = [];
  if (period.from) {
    params.push(period.from.slice(0, 10));
    clauses.push(`${column} >= $${params.length}::text`);
  }
  if (period.to) {
    const next = new Date(`${period.to.slice(0, 10)}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    params.push(next.toISOString().slice(0, 10));
    clauses.push(`${column} < $${params.length}::text`);
  }
  return clauses;
}

export class Analytics {
  constructor(private readonly sql: Sql) {}

  /** Quotes per speaker and publication month, oldest month first (optionally for some speakers). */
  async quotesPerSpeakerMonth(options: Period & { speakerIds?: string[] }): Promise<SpeakerMonth[]> {
    const params: SqlValue[] = [];
    const clauses = ['speaker_id IS NOT NULL', ...periodFilter(options, params)];
    if (options.speakerIds) {
      params.push(JSON.stringify(options.speakerIds));
      clauses.push(`speaker_id IN (SELECT jsonb_array_elements_text($${params.length}::jsonb))`);
    }
    const rows = await this.sql.query<{ speaker_id: string; speaker: string; month: string; quotes: number }>(
      `SELECT speaker_id, min(speaker) AS speaker, ${MONTH} AS month, count(*)::integer AS quotes
       FROM quotes WHERE ${clauses.join(' AND ')}
       GROUP BY speaker_id, ${MONTH}
       ORDER BY month, quotes DESC, speaker_id
       LIMIT 5000`,
      params,
    );
    return rows.map((r) => ({ speakerId: r.speaker_id, speaker: r.speaker, month: r.month, quotes: Number(r.quotes) }));
  }

  /**
   * The speakers quoted most, with the documents they are quoted in; `after` resumes after a speaker of the same
   * order (quotes, then id): the speaker directory's pages. One statement over the committed quotes.
   */
  async topSpeakers(options: Period & { limit: number; after?: { quotes: number; speakerId: string } }): Promise<TopSpeaker[]> {
    const params: SqlValue[] = [];
    const clauses = ['speaker_id IS NOT NULL', ...periodFilter(options, params)];
    let after = '';
    if (options.after) {
      params.push(options.after.quotes, options.after.speakerId);
      after = `WHERE quotes < $${params.length - 1}::integer OR (quotes = $${params.length - 1}::integer AND speaker_id > $${params.length}::text)`;
    }
    params.push(options.limit);
    const rows = await this.sql.query<{ speaker_id: string; speaker: string; quotes: number; documents: number }>(
      `WITH counted AS (
         SELECT speaker_id, min(speaker) AS speaker, count(*)::integer AS quotes, count(DISTINCT document_id)::integer AS documents
         FROM quotes WHERE ${clauses.join(' AND ')}
         GROUP BY speaker_id
       )
       SELECT * FROM counted ${after} ORDER BY quotes DESC, speaker_id LIMIT $${params.length}::integer`,
      params,
    );
    return rows.map((r) => ({ speakerId: r.speaker_id, speaker: r.speaker, quotes: Number(r.quotes), documents: Number(r.documents) }));
  }

  /** The most check-worthy claims of a period, best first. */
  async topClaims(options: Period & { limit: number }): Promise<TopClaim[]> {
    const params: SqlValue[] = [];
    const clauses = periodFilter(options, params);
    params.push(options.limit);
    const rows = await this.sql.query<Record<string, unknown>>(
      `SELECT document_id, claim_id, text, score, speaker, sort_date, title, source
       FROM claims ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}
       ORDER BY score DESC, sort_date DESC, document_id, claim_id
       LIMIT $${params.length}::integer`,
      params,
    );
    return rows.map((r) => ({
      documentId: String(r.document_id),
      claimId: String(r.claim_id),
      text: String(r.text),
      score: Number(Number(r.score).toFixed(4)),
      speaker: r.speaker === null ? null : String(r.speaker),
      sortDate: String(r.sort_date),
      ...(r.title ? { documentTitle: String(r.title) } : {}),
      ...(r.source ? { source: String(r.source) } : {}),
    }));
  }
}
