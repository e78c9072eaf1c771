/**
 * Work that can take unbounded time or memory on hostile input (HTML/Readability, PDF, Word, extraction)
 * runs in a worker thread with a deadline and a heap limit, so one hostile document costs at most its
 * deadline: the worker is terminated, the caller gets a WorkLimitError with the reason, and the process's
 * own thread (the API's /health, other documents' I/O) never stalls meanwhile.
 *
 * Handlers are registered by name (`registerWorkHandler`) in a module the caller names (by its
 * `import.meta.url`). The worker runs that module under tsx, or, in Lambda, the bundle file that holds it
 * (index.mjs), whose top level registers the same handlers.
 */
import { getHeapStatistics } from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { workerEntry } from '../worker-entry.ts';

const WORKER_FLAG = 'quotedeskBoundedWork';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (...args: any[]) => unknown;
const handlers = new Map<string, Handler>();

const warmups: Array<() => Promise<unknown>> = [];

/**
 * Work a thread does before it reports ready (loading a converter the bundle keeps in a lazy chunk), so
 * no document's deadline pays for it (call at the top level of the handlers module).
 */
export function registerWorkWarmup(warmup: () => Promise<unknown>): void {
  warmups.push(warmup);
}

/** Make `handler` callable by name in the work threads (call at the top level of the handlers module). */
export function registerWorkHandler(kind: string, handler: Handler): void {
  handlers.set(kind, handler);
}

interface Job {
  kind: string;
  args: unknown[];
  limitMs: number;
  what: string;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { name: string; message: string; reason?: string };
}

/** A document that did not finish in time or ran the worker out of memory; `reason` is user-facing. */
export class WorkLimitError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WorkLimitError';
  }
}

/** An error thrown inside the worker, with its `reason` (UnsupportedDocumentError) kept. */
class WorkerError extends Error {
  constructor(name: string, message: string, readonly reason?: string) {
    super(message);
    this.name = name;
  }
}

export interface BoundedWorkOptions {
  /** File URL of the module that registers the handlers (loaded by the workers when running from TypeScript). */
  handlersModule: string;
  /** Workers (default 1: the work is CPU-bound and Lambda has about one core at 1 GB). */
  workers?: number;
  /** Heap limit of a worker, in MB. */
  maxHeapMb?: number;
  /**
   * Jobs before a worker is replaced by a fresh one: whatever the converters and the extractor keep
   * between documents (caches, fragmentation) is dropped with it, so a long-running process does not
   * grow (default 200; a new worker costs about a second of loading).
   */
  maxJobsPerWorker?: number;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  jobs: number;
  /** Resolves when the worker has loaded its modules: deadlines count from then, not from the spawn. */
  ready: Promise<void>;
}

interface Pending {
  job: Job;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Every pool of this thread, so a long-running process can report what its work threads hold. */
const pools = new Set<BoundedWork>();

/** The V8 heap of every live work thread of this process's pools (a busy thread answers after its job). */
export async function workThreadHeaps(): Promise<Array<{ heapUsedMb: number; heapTotalMb: number }>> {
  return (await Promise.all([...pools].map((pool) => pool.heaps()))).flat();
}

export class BoundedWork {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private readonly options: Required<BoundedWorkOptions>;

  constructor(options: BoundedWorkOptions) {
    this.options = {
      handlersModule: options.handlersModule,
      workers: Math.max(1, options.workers ?? 1),
      maxHeapMb: options.maxHeapMb ?? 512,
      maxJobsPerWorker: options.maxJobsPerWorker ?? 200,
    };
    pools.add(this);
  }

  /** Each live worker's heap, in MB. */
  heaps(): Promise<Array<{ heapUsedMb: number; heapTotalMb: number }>> {
    return Promise.all(this.slots.map((slot) => new Promise<{ heapUsedMb: number; heapTotalMb: number }>((resolve) => {
      const onMessage = (message: { heap?: { heapUsedMb: number; heapTotalMb: number } }) => {
        if (!message?.heap) return;
        slot.worker.off('message', onMessage);
        resolve(message.heap);
      };
      slot.worker.on('message', onMessage);
      slot.worker.postMessage({ heap: true });
    })));
  }

  /** Run the handler `kind` on `args` in a worker; `what` names the work in the deadline's reason. */
  run<T>(kind: string, args: unknown[], limitMs: number, what: string): Promise<T> {
    return this.submit({ kind, args, limitMs, what }) as Promise<T>;
  }

  /** Start the workers now, so the first document does not wait for them to load. */
  warm(): void {
    while (this.slots.length < this.options.workers) this.spawn();
  }

  /** Stop the workers (tests, scripts). */
  async close(): Promise<void> {
    pools.delete(this);
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private submit(job: Job): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.options.workers) slot = this.spawn();
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    // TypeScript under tsx or vitest; in Lambda the bundle file that holds the handlers' code (index.mjs),
    // whose lazy chunks load in the worker as they do on the main thread.
    const { entry, eval: evaluate } = workerEntry(this.options.handlersModule);
    const worker = new Worker(entry, {
      eval: evaluate,
      workerData: { [WORKER_FLAG]: true },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onReady = (message: unknown) => {
        if ((message as { ready?: boolean })?.ready !== true) return;
        worker.off('message', onReady);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    ready.catch(() => undefined);
    const slot: Slot = { worker, busy: false, jobs: 0, ready };
    this.slots.push(slot);
    return slot;
  }

  private retire(slot: Slot): void {
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
  }

  private dispatch(slot: Slot, pending: Pending): void {
    slot.busy = true;
    slot.worker.ref();
    slot.ready.then(
      () => this.start(slot, pending),
      (error: unknown) => {
        this.retire(slot);
        pending.reject(error);
        this.pump();
      },
    );
  }

  private start(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    const { job } = pending;
    const { limitMs, what } = job;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onError);
      slot.worker.off('exit', onExit);
      fn();
      this.pump();
    };
    const release = () => {
      slot.busy = false;
      slot.worker.unref();
      if (++slot.jobs >= this.options.maxJobsPerWorker) this.retire(slot);
    };
    const timer = setTimeout(() => finish(() => {
      this.retire(slot);
      pending.reject(new WorkLimitError(`${what} took longer than ${(limitMs / 1000).toFixed(1)} s (the limit for one document): the document is too complex`));
    }), limitMs);
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      finish(() => {
        release();
        if (reply.ok) pending.resolve(reply.result);
        else pending.reject(new WorkerError(reply.error!.name, reply.error!.message, reply.error!.reason));
      });
    };
    const onError = (error: Error) => finish(() => {
      this.retire(slot);
      const oom = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      pending.reject(oom ? new WorkLimitError(`${what} ran out of memory (limit ${this.options.maxHeapMb} MB for one document)`) : error);
    });
    const onExit = (code: number) => finish(() => {
      this.retire(slot);
      pending.reject(new Error(`the work thread exited (code ${code}) during ${what}`));
    });
    slot.worker.on('message', onMessage);
    slot.worker.on('error', onError);
    slot.worker.on('exit', onExit);
    slot.worker.postMessage({ id, kind: job.kind, args: job.args });
  }
}

/** The worker side: run the named handler on request, one job at a time. */
function serve(): void {
  // After the handlers module has finished loading (and registered its warm-ups).
  setImmediate(() => void Promise.allSettled(warmups.map((warmup) => warmup())).then(() => parentPort!.postMessage({ ready: true })));
  parentPort!.on('message', async ({ id, kind, args, heap }: { id: number; kind: string; args: unknown[]; heap?: boolean }) => {
    if (heap) {
      const { used_heap_size: used, total_heap_size: total } = getHeapStatistics();
      return parentPort!.postMessage({ heap: { heapUsedMb: Math.round(used / 2 ** 20), heapTotalMb: Math.round(total / 2 ** 20) } });
    }
    try {
      const handler = handlers.get(kind);
      if (!handler) throw new Error(`no work handler "${kind}" is registered in this thread`);
      const result = await handler(...args);
      parentPort!.postMessage({ id, ok: true, result } satisfies Reply);
    } catch (error) {
      const e = error as Error & { reason?: unknown };
      parentPort!.postMessage({ id, ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), reason: typeof e?.reason === 'string' ? e.reason : undefined } } satisfies Reply);
    }
  });
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) serve();
