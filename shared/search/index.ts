/**
 * The search side as one object per database: the projection writer, quote and claim search and analytics,
 * after the schema is brought up to date (once per database and process).
 */
import { Analytics } from './analytics.ts';
import { SearchProjection } from './projection.ts';
import { migrate } from './schema.ts';
import { QuoteSearchEngine } from './search.ts';
import { QuoteExport } from './export.ts';
import { ClaimSearch } from './claims.ts';
import type { Sql } from './sql.ts';

export interface Search {
  projection: SearchProjection;
  quotes: QuoteSearchEngine;
  analytics: Analytics;
  exports: QuoteExport;
  claims: ClaimSearch;
}

const ready = new WeakMap<Sql, Promise<Search>>();

export function openSearch(sql: Sql): Promise<Search> {
  let search = ready.get(sql);
  if (!search) {
    search = migrate(sql).then(() => ({ projection: new SearchProjection(sql), quotes: new QuoteSearchEngine(sql), analytics: new Analytics(sql), exports: new QuoteExport(sql), claims: new ClaimSearch(sql) }));
    // A failed migration is tried again on the next call.
    search.catch(() => ready.delete(sql));
    ready.set(sql, search);
  }
  return search;
}

export { EmptyQueryError } from './search.ts';
export type { Facets, QuoteFilter, QuoteHit, QuoteSearch, QuoteSearchPage } from './search.ts';
