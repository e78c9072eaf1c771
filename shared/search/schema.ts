/**
 * The search projection's schema, as migrations: each a list of single statements (the Data API
 * runs one statement per call), all idempotent, applied in order and recorded in
 * `search_migrations`. A quote or claim row carries its document's metadata, so search, facets,
 * analytics and export read one table without joins.
 *
 * Dates are ISO 8601 text (UTC), which sorts as time does and reads the same through every client.
 * Rows are keyed by the document's committed version: a projection update replaces a document's rows
 * in one statement (see `projection.ts`), so no reader ever sees two versions or half of one.
 */
import type { Sql } from './sql.ts';

const documentColumns = `
  title text,
  url text,
  source text,
  collection text,
  published_at text COLLATE "C",
  sort_date text COLLATE "C" NOT NULL`;

/** `reindex`: rows written before the migration lack what it adds, so the projection is rebuilt from S3 after it. */
export const MIGRATIONS: Array<{ id: number; statements: string[]; reindex?: boolean }> = [
  {
    id: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS search_documents (
        id text PRIMARY KEY,
        version text NOT NULL,
        status text NOT NULL,${documentColumns},
        indexed_at text NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS search_quotes (
        document_id text NOT NULL,
        version text NOT NULL,
        quote_id text NOT NULL,
        text text NOT NULL,
        kind text NOT NULL,
        speaker_id text,
        speaker text,
        spelling text,
        cue text,
        confidence real,
        start_offset integer,
        end_offset integer,${documentColumns},
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (document_id, version, quote_id)
      )`,
      'CREATE INDEX IF NOT EXISTS search_quotes_words ON search_quotes USING gin (search)',
      'CREATE INDEX IF NOT EXISTS search_quotes_date ON search_quotes (sort_date DESC)',
      'CREATE INDEX IF NOT EXISTS search_quotes_speaker ON search_quotes (speaker_id, sort_date DESC)',
      `CREATE TABLE IF NOT EXISTS search_claims (
        document_id text NOT NULL,
        version text NOT NULL,
        claim_id text NOT NULL,
        text text NOT NULL,
        score real NOT NULL,
        speaker_id text,
        speaker text,
        start_offset integer,
        end_offset integer,${documentColumns},
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        PRIMARY KEY (document_id, version, claim_id)
      )`,
      'CREATE INDEX IF NOT EXISTS search_claims_words ON search_claims USING gin (search)',
      'CREATE INDEX IF NOT EXISTS search_claims_score ON search_claims (score DESC)',
      // What readers (and researchers' Postgres clients) query: only rows of the committed version.
      `CREATE OR REPLACE VIEW quotes AS
        SELECT q.* FROM search_quotes q JOIN search_documents d ON d.id = q.document_id AND d.version = q.version`,
      `CREATE OR REPLACE VIEW claims AS
        SELECT c.* FROM search_claims c JOIN search_documents d ON d.id = c.document_id AND d.version = c.version`,
      'CREATE TABLE IF NOT EXISTS search_migrations (id integer PRIMARY KEY, applied_at text NOT NULL)',
    ],
  },
  {
    // Claims are read from here alone (no longer from DynamoDB): the whole record, and its fingerprints for
    // the same claim across documents. Rows written before carry none of it until `quotedesk reindex`.
    id: 2,
    reindex: true,
    statements: [
      'ALTER TABLE search_claims ADD COLUMN IF NOT EXISTS kind text',
      'ALTER TABLE search_claims ADD COLUMN IF NOT EXISTS kinds jsonb',
      'ALTER TABLE search_claims ADD COLUMN IF NOT EXISTS figures jsonb',
      'ALTER TABLE search_claims ADD COLUMN IF NOT EXISTS comparison jsonb',
      'ALTER TABLE search_claims ADD COLUMN IF NOT EXISTS fingerprints jsonb',
      'CREATE INDEX IF NOT EXISTS search_claims_fingerprints ON search_claims USING gin (fingerprints)',
      'CREATE INDEX IF NOT EXISTS search_claims_rank ON search_claims (score DESC, sort_date DESC, document_id)',
      `CREATE OR REPLACE VIEW claims AS
        SELECT c.* FROM search_claims c JOIN search_documents d ON d.id = c.document_id AND d.version = c.version`,
    ],
  },
];

const LATEST = MIGRATIONS[MIGRATIONS.length - 1].id;

async function appliedMigration(sql: Sql): Promise<number> {
  try {
    const rows = await sql.query<{ id: number | null }>('SELECT max(id) AS id FROM search_migrations');
    return Number(rows[0]?.id ?? 0);
  } catch {
    return 0; // no migrations table yet
  }
}

/**
 * Bring the schema up to date (cheap when it is: one read). Two containers may migrate at once:
 * every statement is idempotent, and one that loses a creation race is retried. `reindex`: a migration
 * asks for the projection to be rebuilt from S3 (`quotedesk reindex`; the local stack does it at start).
 */
export async function migrate(sql: Sql): Promise<{ reindex: boolean }> {
  const applied = await appliedMigration(sql);
  if (applied >= LATEST) return { reindex: false };
  for (const migration of MIGRATIONS) {
    for (const statement of migration.statements) {
      try {
        await sql.query(statement);
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql.query(statement).catch(() => {
          throw error;
        });
      }
    }
    await sql.query('INSERT INTO search_migrations (id, applied_at) VALUES ($1::integer, $2::text) ON CONFLICT (id) DO NOTHING', [migration.id, new Date().toISOString()]);
  }
  // A database that was empty has nothing to rebuild.
  return { reindex: applied > 0 && MIGRATIONS.some((m) => m.id > applied && m.reindex) };
}
