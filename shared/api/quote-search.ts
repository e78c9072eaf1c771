/**
 * GET /quotes as a use case. Asked to `count` (or to rank), and when the matches are few enough to read on the spot
 * (at most SEARCH_LIMIT), the first page also gets the total and facets (collection, speaker, kind, month) counted over all of
 * them, and `sort=relevance` ranks them by how much of the quote the searched words make up. Past the limit: newest
 * first, without total and facets, rather than numbers that are not the whole truth. Counting reads every match, so
 * it is asked for, not done on every request.
 */
import { clampLimit, decodeOffset, offsetPage } from '../storage/cursor.ts';
import { monthOf, normalizeName, queryWords } from '../storage/keys.ts';
import { InvalidCursorError, type IndexStore, type QuoteQuery, type QuoteRecord } from '../storage/ports.ts';

/** Matches a search may read to count or rank them. */
export const SEARCH_LIMIT = 1000;
/** Values listed per facet (months are all listed, in order, for the chart). */
const FACET_VALUES = 20;
/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;

export type QuoteOrder = 'relevance' | 'date';

export interface FacetValue {
  value: string;
  count: number;
}

export interface QuoteFacets {
  collection: FacetValue[];
  speaker: FacetValue[];
  kind: FacetValue[];
  month: FacetValue[];
}

export interface QuoteSearchResult {
  items: QuoteRecord[];
  cursor: string | null;
  sort: QuoteOrder;
  total?: number;
  facets?: QuoteFacets;
}

function counted(values: Array<string | null | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

const byCount = (counts: Map<string, number>): FacetValue[] =>
  [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES);

/** Undated quotes count in no month. */
export function facetsOf(quotes: QuoteRecord[]): QuoteFacets {
  return {
    collection: byCount(counted(quotes.map((q) => q.collection))),
    speaker: byCount(counted(quotes.map((q) => q.speaker))),
    kind: byCount(counted(quotes.map((q) => q.kind))),
    month: [...counted(quotes.map((q) => (q.publishedAt ? monthOf(q.publishedAt) : null)))]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => a.value.localeCompare(b.value)),
  };
}

/** Every match, newest first, or null when there are more than `limit`. */
export async function allMatches(index: IndexStore, filters: Omit<QuoteQuery, 'limit' | 'cursor'>, limit = SEARCH_LIMIT): Promise<QuoteRecord[] | null> {
  const all: QuoteRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await index.listQuotes({ ...filters, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.cursor;
    if (all.length > limit) return null;
  } while (cursor);
  return all;
}

/** BM25 over the matches (each holds every word, so only frequency and length tell them apart); ties newest first. */
export function rankByRelevance(quotes: QuoteRecord[], q: string): QuoteRecord[] {
  const words = queryWords(q);
  const tokens = quotes.map((quote) => normalizeName(quote.text).split(' ').filter(Boolean));
  const average = tokens.reduce((sum, t) => sum + t.length, 0) / Math.max(1, tokens.length);
  const scores = tokens.map((t) =>
    words.reduce((score, word) => {
      const tf = t.filter((token) => token === word).length;
      return score + tf / (tf + K1 * (1 - B + (B * t.length) / Math.max(1, average)));
    }, 0),
  );
  return quotes
    .map((quote, i) => ({ quote, score: scores[i] }))
    .sort((a, b) => b.score - a.score || b.quote.sortDate.localeCompare(a.quote.sortDate))
    .map(({ quote }) => quote);
}

function rankedScope(filters: Omit<QuoteQuery, 'limit' | 'cursor'>): string {
  return `quotes-relevance:${JSON.stringify(filters, Object.keys(filters).sort())}`;
}

export async function searchQuotes(index: IndexStore, query: QuoteQuery & { sort?: QuoteOrder; count?: boolean }): Promise<QuoteSearchResult> {
  const { limit, cursor, sort, count, ...filters } = query;
  if (sort === 'relevance' && filters.q) {
    const scope = rankedScope(filters);
    const offset = decodeOffset(cursor, scope);
    const matches = await allMatches(index, filters);
    if (matches) {
      const ranked = rankByRelevance(matches, filters.q);
      return {
        ...offsetPage(ranked, offset, clampLimit(limit), scope),
        sort: 'relevance',
        ...(offset === 0 ? { total: ranked.length, facets: facetsOf(ranked) } : {}),
      };
    }
    if (cursor) throw new InvalidCursorError('the matches grew past what can be ranked: search again');
    // Too many to rank: newest first (and, as known already, too many to count).
    return { ...(await index.listQuotes({ ...filters, limit })), sort: 'date' };
  }
  const [page, matches] = await Promise.all([index.listQuotes({ ...filters, limit, cursor }), count && !cursor ? allMatches(index, filters) : null]);
  return { ...page, sort: 'date', ...(matches ? { total: matches.length, facets: facetsOf(matches) } : {}) };
}
