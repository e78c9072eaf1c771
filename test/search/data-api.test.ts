/**
 * The Data API adapter runs the statements PGlite runs: positional parameters become named ones
 * (casts as CAST), values become Data API fields, and a paused cluster is waited for. The client is
 * the real RDSDataClient with its send replaced, since no Aurora is reachable from here.
 */
import { describe, expect, it } from 'vitest';
import { ExecuteStatementCommand, RDSDataClient } from '@aws-sdk/client-rds-data';
import { DataApiSql, fieldOf, namedParameters } from '../../shared/storage/sql-data-api.ts';
import { MIGRATIONS } from '../../shared/search/schema.ts';

const target = { resourceArn: 'arn:aws:rds:us-east-1:000000000000:cluster:search', secretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:search', database: 'quotedesk' };

describe('RDS Data API adapter', () => {
  it('turns $n and $n::type into :pn and CAST(:pn AS type)', () => {
    expect(namedParameters('SELECT * FROM quotes WHERE speaker_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND sort_date >= $2::text LIMIT $3::integer OFFSET $4'))
      .toBe('SELECT * FROM quotes WHERE speaker_id IN (SELECT jsonb_array_elements_text(CAST(:p1 AS jsonb))) AND sort_date >= CAST(:p2 AS text) LIMIT CAST(:p3 AS integer) OFFSET :p4');
    // The schema has no parameters and no $ at all: it passes unchanged.
    for (const migration of MIGRATIONS) for (const statement of migration.statements) expect(namedParameters(statement)).toBe(statement);
  });

  it('sends values as typed fields', () => {
    expect([fieldOf('a'), fieldOf(3), fieldOf(0.5), fieldOf(true), fieldOf(null)]).toEqual([{ stringValue: 'a' }, { longValue: 3 }, { doubleValue: 0.5 }, { booleanValue: true }, { isNull: true }]);
  });

  it('asks for JSON records, and waits while a paused cluster resumes', async () => {
    const client = new RDSDataClient({ region: 'us-east-1' });
    const sent: ExecuteStatementCommand[] = [];
    let calls = 0;
    client.send = (async (command: ExecuteStatementCommand) => {
      sent.push(command);
      if (++calls === 1) throw Object.assign(new Error('resuming'), { name: 'DatabaseResumingException' });
      return { formattedRecords: JSON.stringify([{ version: 'r1' }]) };
    }) as never;
    const rows = await new DataApiSql(target, client).query('SELECT version FROM search_documents WHERE id = $1::text', ['d1']);
    expect(rows).toEqual([{ version: 'r1' }]);
    expect(sent).toHaveLength(2);
    expect(sent[1].input).toMatchObject({ ...target, sql: 'SELECT version FROM search_documents WHERE id = CAST(:p1 AS text)', parameters: [{ name: 'p1', value: { stringValue: 'd1' } }], formatRecordsAs: 'JSON' });
  });

  it('passes any other error on at once', async () => {
    const client = new RDSDataClient({ region: 'us-east-1' });
    client.send = (async () => {
      throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    }) as never;
    await expect(new DataApiSql(target, client).query('SELECT 1')).rejects.toThrow('denied');
  });
});
