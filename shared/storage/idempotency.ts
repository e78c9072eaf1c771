/**
 * Powertools Idempotency on the index table (records under pk=idempotency#process, keyed by sk), so
 * the same content is worked on once at a time and a finished one is answered from its record.
 * dynalite has no TTL: expired records are just ignored by Powertools, which checks the expiry itself.
 */
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoClient, tableName } from './clients.ts';
import { TABLE_DEFINITION, TABLE_KEYS } from './table.ts';

export function idempotentRunner(options: { table?: string; expiresAfterSeconds?: number; prefix?: string } = {}) {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: options.table ?? tableName(),
    keyAttr: TABLE_KEYS.partition,
    sortKeyAttr: TABLE_KEYS.sort,
    staticPkValue: `idempotency#${options.prefix ?? 'process'}`,
    expiryAttr: TABLE_DEFINITION.ttlAttribute,
    awsSdkV3Client: dynamoClient(),
  });
  const config = new IdempotencyConfig({ expiresAfterSeconds: options.expiresAfterSeconds ?? 3600 });
  const run = makeIdempotent(
    async (work: () => Promise<unknown>, _identity: Record<string, string>) => work(),
    { persistenceStore, config, dataIndexArgument: 1 },
  );
  return {
    config,
    once<T>(identity: Record<string, string>, work: () => Promise<T>): Promise<T> {
      return run(work, identity) as Promise<T>;
    },
  };
}

/**
 * Delete the in-progress idempotency records (locally, on a restart: the process that held them is
 * dead, so without this its documents would wait out the whole in-progress window). Returns how many.
 */
export async function releaseInProgressRecords(options: { table?: string; prefix?: string } = {}): Promise<number> {
  const { QueryCommand, DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
  const { docClient } = await import('./clients.ts');
  const table = options.table ?? tableName();
  const pk = `idempotency#${options.prefix ?? 'process'}`;
  let released = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await docClient().send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: '#s = :inprogress',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partition, '#s': 'status' },
        ExpressionAttributeValues: { ':pk': pk, ':inprogress': 'INPROGRESS' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      await docClient().send(new DeleteCommand({ TableName: table, Key: { [TABLE_KEYS.partition]: item[TABLE_KEYS.partition], [TABLE_KEYS.sort]: item[TABLE_KEYS.sort] } }));
      released++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return released;
}
