/**
 * The emulators (s3rver, dynalite and the signature check in front of them) in a worker thread of their
 * own, so the API's event loop only does API work: their request parsing, LevelDB and file I/O, body
 * hashing and garbage collection no longer delay /health. Clients reach them over HTTP as before (the
 * real AWS SDK clients, through AWS_ENDPOINT_URL_*); only the object-created events cross the thread
 * boundary, as messages. A thread, not a child process, so a kill -9 of the stack takes them with it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { workerEntry } from '#shared/worker-entry.ts';
import { startEmulators, type EmulatorOptions, type EmulatorS3Event, type Emulators } from './emulators.ts';
import { threadMemory, type ThreadMemory } from './memory.ts';

const THREAD_FLAG = 'quotedeskEmulators';

type FromThread =
  | { ready: Pick<Emulators, 'repairs' | 's3Endpoint' | 'dynamoEndpoint'> }
  | { failed: string }
  | { event: EmulatorS3Event }
  | { memory: ThreadMemory }
  | { stopped: true };

export async function startEmulatorThread(options: EmulatorOptions): Promise<Emulators & { memory(): Promise<ThreadMemory> }> {
  const { entry, eval: evaluate } = workerEntry(import.meta.url);
  const worker = new Worker(entry, { eval: evaluate, workerData: { [THREAD_FLAG]: options } });
  const listeners: Array<(event: EmulatorS3Event) => void> = [];
  worker.on('message', (message: FromThread) => {
    if ('event' in message) for (const listener of listeners) listener(message.event);
  });
  const started = await new Promise<Pick<Emulators, 'repairs' | 's3Endpoint' | 'dynamoEndpoint'>>((resolve, reject) => {
    worker.on('message', (message: FromThread) => {
      if ('ready' in message) resolve(message.ready);
      else if ('failed' in message) reject(new Error(message.failed));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the emulator thread exited during start-up (code ${code})`)));
  });
  // Past start-up, a thread that dies takes S3 and DynamoDB with it: say so rather than hang every request.
  worker.on('error', (error) => process.stderr.write(`emulator thread failed: ${error.stack ?? error.message}\n`));
  return {
    ...started,
    onObjectCreated: (listener) => void listeners.push(listener),
    memory: () => new Promise((resolve) => {
      const onMessage = (message: FromThread) => {
        if (!('memory' in message)) return;
        worker.off('message', onMessage);
        resolve(message.memory);
      };
      worker.on('message', onMessage);
      worker.postMessage('memory');
    }),
    async stop() {
      const stopped = new Promise<void>((resolve) => worker.on('message', (message: FromThread) => 'stopped' in message && resolve()));
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await worker.terminate();
    },
  };
}

/** The thread's side: start the emulators, report their endpoints, forward their events, stop on request. */
async function serve(options: EmulatorOptions): Promise<void> {
  const port = parentPort!;
  try {
    const emulators = await startEmulators(options);
    emulators.onObjectCreated((event) => port.postMessage({ event } satisfies FromThread));
    port.on('message', async (message) => {
      if (message === 'memory') return port.postMessage({ memory: threadMemory() } satisfies FromThread);
      if (message !== 'stop') return;
      await emulators.stop();
      port.postMessage({ stopped: true } satisfies FromThread);
    });
    port.postMessage({ ready: { repairs: emulators.repairs, s3Endpoint: emulators.s3Endpoint, dynamoEndpoint: emulators.dynamoEndpoint } } satisfies FromThread);
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies FromThread);
  }
}

const threadOptions = !isMainThread ? (workerData as Record<string, EmulatorOptions> | undefined)?.[THREAD_FLAG] : undefined;
if (threadOptions) void serve(threadOptions);
