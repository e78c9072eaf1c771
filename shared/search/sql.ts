/**
 * The one port the search projection needs: run one SQL statement with positional parameters
 * (`$1`, `$2`, …) and get its rows back as plain objects. PGlite (in-process, `npm start` and the
 * tests) and Aurora through the RDS Data API (`shared/storage/sql-data-api.ts`) both implement it,
 * so the same statements run on both.
 *
 * Parameters are strings, numbers, booleans or null; statements cast them (`$1::jsonb`), and dates
 * travel as ISO 8601 text, so no driver-specific type mapping is involved.
 */
export type SqlValue = string | number | boolean | null;

export interface Sql {
  query<T = Record<string, unknown>>(statement: string, params?: SqlValue[]): Promise<T[]>;
}
