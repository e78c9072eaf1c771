/**
 * The SQL port on Aurora PostgreSQL through the RDS Data API (HTTPS, IAM-authorised, the database
 * credentials in Secrets Manager: the function holds only the secret's ARN, no password, and needs
 * no VPC). Positional `$n` parameters become the Data API's named `:pn` (and `$n::type` a CAST), so
 * the statements are the ones PGlite runs. A paused cluster (auto-pause at 0 ACU) answers
 * DatabaseResumingException while it starts: the call is retried for up to a minute.
 */
import { ExecuteStatementCommand, RDSDataClient, type Field } from '@aws-sdk/client-rds-data';
import type { Sql, SqlValue } from '../search/sql.ts';

export interface DataApiTarget {
  resourceArn: string;
  secretArn: string;
  database: string;
}

const RESUME_WAIT_MS = 60_000;

/** `$1::jsonb` → `CAST(:p1 AS jsonb)`, `$2` → `:p2`. */
export function namedParameters(statement: string): string {
  return statement.replace(/\$(\d+)(?:::([a-z]+))?/g, (_, n: string, type?: string) => (type ? `CAST(:p${n} AS ${type})` : `:p${n}`));
}

export function fieldOf(value: SqlValue): Field {
  if (value === null) return { isNull: true };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { booleanValue: value };
  return Number.isInteger(value) ? { longValue: value } : { doubleValue: value };
}

export class DataApiSql implements Sql {
  constructor(
    private readonly target: DataApiTarget,
    private readonly client: RDSDataClient = new RDSDataClient({}),
  ) {}

  async query<T = Record<string, unknown>>(statement: string, params: SqlValue[] = []): Promise<T[]> {
    const command = new ExecuteStatementCommand({
      ...this.target,
      sql: namedParameters(statement),
      parameters: params.map((value, i) => ({ name: `p${i + 1}`, value: fieldOf(value) })),
      formatRecordsAs: 'JSON',
    });
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const out = await this.client.send(command);
        return out.formattedRecords ? (JSON.parse(out.formattedRecords) as T[]) : [];
      } catch (error) {
        const resuming = (error as { name?: string }).name === 'DatabaseResumingException';
        if (!resuming || Date.now() - started > RESUME_WAIT_MS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)));
      }
    }
  }
}
