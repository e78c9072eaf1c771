/**
 * The total and facets of a quote search (speaker, kind, month), counted over every match when there are few enough
 * to count on the spot. Past the limit the answer has neither, rather than numbers that are not the whole truth.
 */
import { monthOf } from '../storage/keys.ts';
import type { IndexStore, QuoteQuery, QuoteRecord } from '../storage/ports.ts';

/** Matches a search may count; a larger result set is answered without total and facets. */
export const SUMMARY_LIMIT = 1000;
/** Values listed per facet (months are all listed, in order, for the chart). */
const FACET_VALUES = 20;

export interface FacetValue {
  value: string;
  count: number;
}

export interface QuoteFacets {
  speaker: FacetValue[];
  kind: FacetValue[];
  month: FacetValue[];
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
    speaker: byCount(counted(quotes.map((q) => q.speaker))),
    kind: byCount(counted(quotes.map((q) => q.kind))),
    month: [...counted(quotes.map((q) => (q.publishedAt ? monthOf(q.publishedAt) : null)))]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => a.value.localeCompare(b.value)),
  };
}

export async function summarizeQuotes(index: IndexStore, query: Omit<QuoteQuery, 'limit' | 'cursor'>, limit = SUMMARY_LIMIT): Promise<{ total: number; facets: QuoteFacets } | null> {
  const all: QuoteRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await index.listQuotes({ ...query, limit: 100, cursor });
    all.push(...page.items);
    cursor = page.cursor;
    if (all.length > limit) return null;
  } while (cursor);
  return { total: all.length, facets: facetsOf(all) };
}
