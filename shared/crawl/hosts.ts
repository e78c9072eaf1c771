/**
 * Politeness per host: one request at a time to a host, and a minimum pause between the end of one
 * request and the start of the next to the same host. Different hosts proceed in parallel, so a slow
 * or dead host only delays its own queue.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HostState {
  tail: Promise<void>;
  lastEnd: number;
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly delays = new Map<string, number>();

  constructor(private readonly minDelayMs: number) {}

  /** A longer pause for one host (robots.txt Crawl-delay); never shorter than the default. */
  setDelay(url: string, delayMs: number): void {
    this.delays.set(new URL(url).host.toLowerCase(), Math.max(this.minDelayMs, delayMs));
  }

  /** Runs `task` when the URL's host is free and its pause has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return task(); // invalid URLs are refused by the fetcher without touching the network
    }
    const state = this.hosts.get(host) ?? { tail: Promise.resolve(), lastEnd: 0 };
    this.hosts.set(host, state);
    const result = state.tail.then(async () => {
      const wait = state.lastEnd + (this.delays.get(host) ?? this.minDelayMs) - Date.now();
      if (state.lastEnd && wait > 0) await sleep(wait);
      try {
        return await task();
      } finally {
        state.lastEnd = Date.now();
      }
    });
    state.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** Runs `worker` over `items` with at most `limit` running at once; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index], index);
    }
  });
  await Promise.all(runners);
  return results;
}
