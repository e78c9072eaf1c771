/**
 * What SQS does for the process function, on one machine: batches of up to `batchSize` records,
 * a few batches in flight, partial batch failures redelivered after a delay with an incremented
 * receive count, and records that fail `maxReceives` times moved to a dead-letter callback.
 */
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface LocalQueueOptions {
  batchSize?: number;
  concurrency?: number;
  maxReceives?: number;
  retryDelayMs?: number;
  /** How long to wait for a batch to fill before sending it. */
  batchWindowMs?: number;
  timeoutSeconds?: number;
  functionName?: string;
  onDeadLetter?: (record: SQSRecord, error: string) => void;
  onError?: (error: unknown) => void;
}

export interface QueueStats {
  sent: number;
  succeeded: number;
  retried: number;
  deadLettered: number;
}

function contextFor(name: string, timeoutSeconds: number): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/local/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export class LocalSqsQueue {
  private readonly pending: SQSRecord[] = [];
  private inFlight = 0;
  private delayed = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: Array<() => void> = [];
  private stopped = false;
  readonly stats: QueueStats = { sent: 0, succeeded: 0, retried: 0, deadLettered: 0 };
  private readonly options: Required<Omit<LocalQueueOptions, 'onDeadLetter' | 'onError'>> & Pick<LocalQueueOptions, 'onDeadLetter' | 'onError'>;

  constructor(private readonly handler: SqsHandler, options: LocalQueueOptions = {}) {
    this.options = {
      batchSize: 10,
      concurrency: 2,
      maxReceives: 3,
      retryDelayMs: 1000,
      batchWindowMs: 50,
      timeoutSeconds: 120,
      functionName: 'process',
      ...options,
    };
  }

  send(record: SQSRecord): void {
    if (this.stopped) return;
    this.stats.sent++;
    this.pending.push(record);
    this.schedule();
  }

  /** Resolves once nothing is pending, in flight or waiting for redelivery. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
    if (this.timer) clearTimeout(this.timer);
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.inFlight === 0 && this.delayed === 0;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    const wait = this.pending.length >= this.options.batchSize ? 0 : this.options.batchWindowMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, wait);
  }

  private pump(): void {
    while (!this.stopped && this.inFlight < this.options.concurrency && this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.batchSize);
      this.inFlight++;
      void this.deliver(batch).finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.pump();
        this.notify();
      });
    }
  }

  private notify(): void {
    if (!this.isIdle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private async deliver(batch: SQSRecord[]): Promise<void> {
    let failedIds: Set<string>;
    let reason = 'processing failed';
    try {
      const response = await this.handler({ Records: batch }, contextFor(this.options.functionName, this.options.timeoutSeconds));
      failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown handler (e.g. every record failed) fails the whole batch, as in Lambda.
      this.options.onError?.(error);
      reason = error instanceof Error ? error.message : String(error);
      failedIds = new Set(batch.map((r) => r.messageId));
    }
    for (const record of batch) {
      if (!failedIds.has(record.messageId)) {
        this.stats.succeeded++;
        continue;
      }
      const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
      if (receives >= this.options.maxReceives) {
        this.stats.deadLettered++;
        this.options.onDeadLetter?.(record, reason);
        continue;
      }
      this.stats.retried++;
      this.delayed++;
      setTimeout(() => {
        this.delayed--;
        this.pending.push({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receives + 1) } });
        this.schedule();
        this.notify();
      }, this.options.retryDelayMs);
    }
  }
}
