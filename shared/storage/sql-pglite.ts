/**
 * The SQL port on PGlite (PostgreSQL compiled to WebAssembly, in this process): the search
 * projection of `npm start` (persisted under the data directory) and of the tests (in memory).
 * Statements are serialised, as PGlite runs one at a time.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Sql, SqlValue } from '../search/sql.ts';

export class PgliteSql implements Sql {
  /** Statements sent and the time they took, for the benchmarks. */
  statements = 0;
  milliseconds = 0;

  private constructor(readonly db: PGlite) {}

  /** A database in `dataDir` (a folder; created when missing), or in memory without one. */
  static async open(dataDir?: string): Promise<PgliteSql> {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(dataDir);
    await db.waitReady;
    return new PgliteSql(db);
  }

  async query<T = Record<string, unknown>>(statement: string, params: SqlValue[] = []): Promise<T[]> {
    this.statements++;
    const started = performance.now();
    try {
      return (await this.db.query<T>(statement, params)).rows;
    } finally {
      this.milliseconds += performance.now() - started;
    }
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
