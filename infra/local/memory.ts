/**
 * What the local stack's memory is made of, per thread, for `npm run check:memory` and anyone asking a
 * running stack (`kill -USR2 <pid>`, the pid in local-stack.json, prints one `memory: {…}` line). RSS is the
 * process's; the heaps are each thread's own V8 heap. `external` holds what lives outside the heap, such as
 * buffers and PGlite's WebAssembly memory.
 */
import { getHeapStatistics } from 'node:v8';
import { workThreadHeaps } from '#shared/pipeline/bounded-work.ts';

export interface ThreadMemory {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The calling thread's heap (and, on the main thread, the process's external memory). */
export function threadMemory(): ThreadMemory {
  const heap = getHeapStatistics();
  return { heapUsedMb: mb(heap.used_heap_size), heapTotalMb: mb(heap.total_heap_size), externalMb: mb(heap.external_memory) };
}

export interface StackMemory {
  rssMb: number;
  api: ThreadMemory;
  emulators?: ThreadMemory;
  /** The work threads' heaps (conversion, extraction, crawled pages), in MB. */
  work: Array<{ heapUsedMb: number; heapTotalMb: number }>;
}

export async function stackMemory(emulators: { memory?: () => Promise<ThreadMemory> }): Promise<StackMemory> {
  return { rssMb: mb(process.memoryUsage.rss()), api: threadMemory(), emulators: await emulators.memory?.(), work: await workThreadHeaps() };
}
