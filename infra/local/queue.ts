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
  /** First redelivery delay; each further one is 5× longer, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** The real error a failed message ended with (the batch response names only the message). */
  reasonOf?: (messageId: string) => string | undefined;
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
  private readonly options: Required<Omit<LocalQueueOptions, 'onDeadLetter' | 'onError' | 'reasonOf'>> & Pick<LocalQueueOptions, 'onDeadLetter' | 'onError' | 'reasonOf'>;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly handler: SqsHandler, options: LocalQueueOptions = {}) {
    this.options = {
      batchSize: 10,
      concurrency: 2,
      // 1, 5, 25, 90 s: together longer than the idempotency in-progress window (the 120 s timeout),
      // so a message whose run died is not dead-lettered while its in-progress record still blocks it.
      maxReceives: 5,
      retryDelayMs: 1000,
      maxRetryDelayMs: 90_000,
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
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
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
      const error = this.options.reasonOf?.(record.messageId) ?? reason;
      if (receives >= this.options.maxReceives) {
        this.stats.deadLettered++;
        this.options.onDeadLetter?.(record, error);
        continue;
      }
      this.stats.retried++;
      this.delayed++;
      const delay = Math.min(this.options.maxRetryDelayMs, this.options.retryDelayMs * 5 ** (receives - 1));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.delayed--;
        this.pending.push({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receives + 1) } });
        this.schedule();
        this.notify();
      }, delay);
      this.timers.add(timer);
    }
  }
}
