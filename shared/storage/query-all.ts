/** Queries that follow LastEvaluatedKey to the end, so no caller writes the paging loop again. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { docClient } from './clients.ts';

/** Every item the query matches, page by page; stops after `maxPages` pages when given. */
export async function* queryItems(input: QueryCommandInput, maxPages = Infinity): AsyncGenerator<Record<string, unknown>> {
  let start: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const result = await docClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield* result.Items ?? [];
    start = result.LastEvaluatedKey;
  } while (start && ++pages < maxPages);
}

/** How many items the query matches (Select COUNT, all pages). */
export async function queryCount(input: QueryCommandInput): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await docClient().send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return count;
}
