/**
 * BatchWriteItem / BatchGetItem in chunks, retrying unprocessed items with exponential backoff
 * and full jitter (DynamoDB returns them under throttling; giving up loses writes).
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { docClient } from './clients.ts';
import type { Item } from './paging.ts';

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Record<string, string> } };

export interface RetryOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: the batch call itself. */
  send?: (table: string, requests: WriteRequest[]) => Promise<WriteRequest[]>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, baseDelayMs = 50, maxDelayMs = 2000): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

async function sendBatch(table: string, requests: WriteRequest[]): Promise<WriteRequest[]> {
  const result = await docClient().send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
  return (result.UnprocessedItems?.[table] ?? []) as WriteRequest[];
}

export class UnprocessedItemsError extends Error {
  constructor(readonly remaining: number) {
    super(`${remaining} index writes still unprocessed after retries`);
    this.name = 'UnprocessedItemsError';
  }
}

export async function batchWrite(table: string, requests: WriteRequest[], options: RetryOptions = {}): Promise<void> {
  const send = options.send ?? sendBatch;
  const maxAttempts = options.maxAttempts ?? 8;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  // A few chunks in flight at once: faster, still gentle on one partition.
  const inFlight = 4;
  for (let i = 0; i < chunks.length; i += inFlight) {
    await Promise.all(
      chunks.slice(i, i + inFlight).map(async (chunk) => {
        let pending = chunk;
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt >= maxAttempts) throw new UnprocessedItemsError(pending.length);
          if (attempt > 0) await sleep(backoffDelay(attempt, options.baseDelayMs, options.maxDelayMs));
          pending = await send(table, pending);
        }
      }),
    );
  }
}

export async function batchGet(table: string, keys: Array<Record<string, string>>, maxAttempts = 8): Promise<Item[]> {
  const out: Item[] = [];
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending = unique.slice(i, i + 100);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts) throw new UnprocessedItemsError(pending.length);
      if (attempt > 0) await sleep(backoffDelay(attempt));
      const result = await docClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      out.push(...((result.Responses?.[table] ?? []) as Item[]));
      pending = (result.UnprocessedKeys?.[table]?.Keys ?? []) as Array<Record<string, string>>;
    }
  }
  return out;
}
