/**
 * Which database holds the search projection. In AWS: Aurora through the Data API, named by
 * QUOTEDESK_SEARCH_CLUSTER_ARN, QUOTEDESK_SEARCH_SECRET_ARN and QUOTEDESK_SEARCH_DATABASE (read at
 * run time). Locally the stack (or a test) hands its PGlite database over with `useSearchDatabase`.
 * Null when neither is there: search answers 503 and processing skips the projection.
 */
import type { Sql } from '../search/sql.ts';
import { openSearch, type Search } from '../search/index.ts';
import { DataApiSql } from './sql-data-api.ts';

let local: Sql | undefined;
let aurora: Sql | undefined;

export function useSearchDatabase(sql: Sql | undefined): void {
  local = sql;
}

export function searchDatabase(): Sql | null {
  if (local) return local;
  const resourceArn = process.env.QUOTEDESK_SEARCH_CLUSTER_ARN;
  const secretArn = process.env.QUOTEDESK_SEARCH_SECRET_ARN;
  if (!resourceArn || !secretArn) return null;
  aurora ??= new DataApiSql({ resourceArn, secretArn, database: process.env.QUOTEDESK_SEARCH_DATABASE ?? 'quotedesk' });
  return aurora;
}

/** The search services on the configured database (schema migrated on first use), or null. */
export async function searchServices(): Promise<Search | null> {
  const sql = searchDatabase();
  return sql ? openSearch(sql) : null;
}
