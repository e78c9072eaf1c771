/**
 * Quote search on the projection: full text (stemmed words, phrases, prefixes, OR, -word), ranking,
 * highlighted text, the total, facets (collection, speaker, kind, month), filters and sort by
 * relevance or date. Two statements per page: the page itself, and the total with every facet in
 * one grouping-sets pass.
 */
import type { QuoteKind } from '../schema.ts';
import type { Sql, SqlValue } from './sql.ts';
import { parseQuery, tsqueryOf } from './query.ts';
import { segmentsOf, type Segment } from './highlight.ts';

/** What narrows the quotes: the search's filters (`q` optional: without it, every quote the other filters keep). */
export interface QuoteFilter {
  q?: string;
  /** Speaker ids the `speaker` filter resolved to (empty: nobody matched, so nothing is found). */
  speakerIds?: string[];
  from?: string;
  to?: string;
  /** Only documents without a publication date. */
  undated?: boolean;
  collection?: string;
  source?: string;
  kind?: QuoteKind;
}

export interface QuoteSearch extends QuoteFilter {
  sort?: 'relevance' | 'date';
  limit: number;
  offset: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  collection: FacetValue[];
  speaker: FacetValue[];
  kind: FacetValue[];
  month: FacetValue[];
}

export interface QuoteHit {
  id: string;
  documentId: string;
  text: string;
  kind: QuoteKind;
  speakerId: string | null;
  speaker: string | null;
  spelling?: string;
  cue: string | null;
  confidence: number;
  start: number;
  end: number;
  sortDate: string;
  publishedAt?: string;
  source?: string;
  collection?: string;
  documentTitle?: string;
  url?: string;
  score: number;
  highlight: Segment[];
}

export interface QuoteSearchPage {
  items: QuoteHit[];
  total: number;
  facets: Facets;
  /** Offset of the next page, or null on the last. */
  nextOffset: number | null;
}

/** The query has no word the English configuration keeps ("the", "of"): it would match nothing. */
export class EmptyQueryError extends Error {
  constructor(q: string) {
    super(`"${q}" has only common words that search ignores; add a word that narrows it`);
    this.name = 'EmptyQueryError';
  }
}

/** Values listed per facet; months are all listed, in order (the speaker chart draws them). */
const FACET_SIZE = 10;
/** The first sort date of a dated document (undated ones sort as 0000-00-00, see storage/keys.ts). */
const FIRST_DATED = '0001';
/** The month facet of undated documents. */
export const UNDATED_MONTH = 'undated';
const MARK_START = '\u{E000}';
const MARK_END = '\u{E001}';

export class Params {
  readonly values: SqlValue[] = [];
  add(value: SqlValue, cast = 'text'): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** The day after an ISO date, so `to` includes its whole day. */
function dayAfter(date: string): string {
  const next = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The date and collection filters as SQL over rows carrying a document's columns (`prefix`: the table's alias). */
export function documentClauses(filter: Pick<QuoteFilter, 'from' | 'to' | 'undated' | 'collection'>, params: Params, prefix = ''): string[] {
  const clauses: string[] = [];
  // Undated documents sort before every real date (their sort date is year 0000): a date range never finds them.
  if (filter.undated) clauses.push(`${prefix}sort_date < ${params.add(FIRST_DATED)}`);
  else if (filter.from || filter.to) clauses.push(`${prefix}sort_date >= ${params.add(filter.from?.slice(0, 10) ?? FIRST_DATED)}`);
  if (filter.to) clauses.push(`${prefix}sort_date < ${params.add(dayAfter(filter.to))}`);
  if (filter.collection) clauses.push(`${prefix}collection = ${params.add(filter.collection)}`);
  return clauses;
}

/** The filter as SQL over the quote rows `q` (and `query.ts`, the tsquery, when there are words). */
export function where(search: QuoteFilter, params: Params, query: string | null): string {
  const clauses = query ? [`q.search @@ ${query}`] : ['true'];
  if (search.speakerIds) clauses.push(`q.speaker_id IN (SELECT jsonb_array_elements_text(${params.add(JSON.stringify(search.speakerIds), 'jsonb')}))`);
  clauses.push(...documentClauses(search, params, 'q.'));
  if (search.source) clauses.push(`q.source = ${params.add(search.source)}`);
  if (search.kind) clauses.push(`q.kind = ${params.add(search.kind)}`);
  return clauses.join(' AND ');
}

/** The tsquery of the words, or null without words (then every quote matches). */
export function queryExpression(search: Pick<QuoteFilter, 'q'>, params: Params): string | null {
  if (search.q === undefined) return null;
  const ts = tsqueryOf(parseQuery(search.q), 1);
  if (!ts) throw new EmptyQueryError(search.q);
  for (const value of ts.params) params.add(value);
  return ts.expression;
}

export class QuoteSearchEngine {
  constructor(private readonly sql: Sql) {}

  async search(search: QuoteSearch): Promise<QuoteSearchPage> {
    // The summary first: it also tells whether the query kept any word (then the page is not asked for).
    const summary = await this.summary(search);
    const items = await this.page(search);
    const more = items.length > search.limit;
    return { items: items.slice(0, search.limit), total: summary.total, facets: summary.facets, nextOffset: more ? search.offset + search.limit : null };
  }

  private async page(search: QuoteSearch): Promise<QuoteHit[]> {
    const params = new Params();
    const query = queryExpression(search, params);
    const filter = where(search, params, query && 'query.ts');
    // Without words there is nothing to rank by: newest first.
    const order = search.sort === 'date' || !query ? 'sort_date DESC, document_id, quote_id' : 'score DESC, sort_date DESC, document_id, quote_id';
    const limit = params.add(search.limit + 1, 'integer');
    const offset = params.add(search.offset, 'integer');
    const headline = query ? `ts_headline('english', page.text, query.ts, ${params.add(`StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`)})` : 'page.text';
    const rows = await this.sql.query<Record<string, unknown>>(
      `WITH query AS (SELECT ${query ?? 'NULL::tsquery'} AS ts),
       page AS (
         SELECT q.*, coalesce(ts_rank_cd(q.search, query.ts), 0) AS score
         FROM quotes q, query
         WHERE ${filter}
         ORDER BY ${order}
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT page.document_id, page.quote_id, page.text, page.kind, page.speaker_id, page.speaker, page.spelling, page.cue,
              page.confidence, page.start_offset, page.end_offset, page.sort_date, page.published_at, page.source,
              page.collection, page.title, page.url, page.score, ${headline} AS headline
       FROM page, query
       ORDER BY ${order.replace(/(^|, )/g, '$1page.')}`,
      params.values,
    );
    return rows.map((row) => hitOf(row));
  }

  private async summary(search: QuoteSearch): Promise<{ total: number; facets: Facets }> {
    const params = new Params();
    const query = queryExpression(search, params);
    const filter = where(search, params, query && 'query.ts');
    const size = params.add(FACET_SIZE, 'integer');
    const rows = await this.sql.query<{ facet: string; value: string | null; count: number; words: number }>(
      `WITH query AS (SELECT ${query ?? 'NULL::tsquery'} AS ts),
       matched AS (
         SELECT q.collection, q.speaker, q.kind,
                CASE WHEN q.sort_date < '${FIRST_DATED}' THEN '${UNDATED_MONTH}' ELSE left(q.sort_date, 7) END AS month
         FROM quotes q, query WHERE ${filter}
       ),
       grouped AS (
         SELECT CASE WHEN GROUPING(collection) = 0 THEN 'collection' WHEN GROUPING(speaker) = 0 THEN 'speaker'
                     WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(month) = 0 THEN 'month' ELSE 'total' END AS facet,
                coalesce(collection, speaker, kind, month) AS value, count(*)::integer AS count
         FROM matched
         GROUP BY GROUPING SETS ((collection), (speaker), (kind), (month), ())
       ),
       ranked AS (SELECT *, row_number() OVER (PARTITION BY facet ORDER BY count DESC, value) AS n FROM grouped)
       SELECT facet, value, count, (SELECT numnode(ts) FROM query)::integer AS words
       FROM ranked WHERE facet = 'total' OR (value IS NOT NULL AND (facet = 'month' OR n <= ${size}))
       ORDER BY facet, CASE WHEN facet = 'month' THEN value END, n`,
      params.values,
    );
    // A query of common words only ("the of") is an empty tsquery, which matches nothing: say so instead.
    if (search.q !== undefined && (rows.length === 0 || Number(rows[0].words) === 0)) throw new EmptyQueryError(search.q);
    const facets: Facets = { collection: [], speaker: [], kind: [], month: [] };
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = Number(row.count);
      else facets[row.facet as keyof Facets].push({ value: String(row.value), count: Number(row.count) });
    }
    return { total, facets };
  }
}

function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function hitOf(row: Record<string, unknown>): QuoteHit {
  const text = String(row.text);
  return {
    id: String(row.quote_id),
    documentId: String(row.document_id),
    text,
    kind: row.kind as QuoteKind,
    speakerId: optional(row.speaker_id) ?? null,
    speaker: optional(row.speaker) ?? null,
    ...(row.spelling ? { spelling: String(row.spelling) } : {}),
    cue: optional(row.cue) ?? null,
    confidence: Number(row.confidence),
    start: Number(row.start_offset),
    end: Number(row.end_offset),
    sortDate: String(row.sort_date),
    publishedAt: optional(row.published_at),
    source: optional(row.source),
    collection: optional(row.collection),
    documentTitle: optional(row.title),
    url: optional(row.url),
    score: Number(Number(row.score).toFixed(4)),
    highlight: segmentsOf(text, String(row.headline ?? text), MARK_START, MARK_END),
  };
}
