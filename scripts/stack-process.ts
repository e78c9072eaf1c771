/**
 * The local stack (`npm start`, i.e. tsx infra/local.ts) as a child in its own process group, for the
 * fault and hostile-input checks: start and wait for "ready", kill -9 the whole group, sample its RSS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readLocalStackState } from '../infra/local.ts';
import type { StackMemory } from '../infra/local/memory.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export class StackProcess {
  child: ChildProcess | null = null;
  restarts = 0;
  readonly log: ReturnType<typeof createWriteStream>;
  peakRssMb = 0;
  readonly startupLines: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv, logFile: string) {
    this.log = createWriteStream(logFile, { flags: 'a' });
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [tsxCli, 'infra/local.ts'], { cwd: repoRoot, env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let buffer = '';
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error('the stack did not start within 120 s')), 120_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        this.log.write(chunk);
        buffer += chunk.toString();
        if (buffer.includes('ready;')) {
          clearTimeout(timer);
          for (const line of buffer.split('\n')) if (/requeued|repaired|released|failed \d+ document/.test(line)) this.startupLines.push(line.trim());
          buffer = '';
          resolveReady();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => this.log.write(chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the stack exited during start-up (code ${code}); see the log`));
      });
    });
    child.removeAllListeners('exit');
  }

  /** RSS of the whole process group now, in MB (tsx runs the stack in a child node process). */
  rssMb(): number {
    const group = this.child?.pid;
    if (!group) return 0;
    let kb = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) !== group) continue;
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone meanwhile
      }
    }
    return Math.round(kb / 1024);
  }

  sampleRss(): void {
    this.peakRssMb = Math.max(this.peakRssMb, this.rssMb());
  }

  /** The stack's own account of its memory (RSS, each thread's heap): it prints one line on SIGUSR2. */
  async memory(dataDir: string): Promise<StackMemory> {
    const child = this.child;
    const state = readLocalStackState(dataDir);
    if (!child || !state) throw new Error('the stack is not running');
    return new Promise((resolveMemory, reject) => {
      let buffer = '';
      const timer = setTimeout(() => done(() => reject(new Error('the stack did not report its memory within 10 s'))), 10_000);
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        const line = /^memory: (.*)$/m.exec(buffer);
        if (line) done(() => resolveMemory(JSON.parse(line[1]) as StackMemory));
      };
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        settle();
      };
      child.stdout!.on('data', onData);
      process.kill(state.pid, 'SIGUSR2');
    });
  }

  /** kill -9 the whole process group, as a power cut or the OOM killer would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    this.child = null;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // stopped
    }
  }
}

/** The environment of a local stack on the given ports, with fresh API tokens (the writer's returned for requests). */
export function stackEnvironment(ports: { dataDir: string; s3: number; dynamo: number; api: number }, extra: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; writer: string } {
  const token = (role: string) => `${role}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const writer = token('writer');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QUOTEDESK_DATA_DIR: ports.dataDir,
    QUOTEDESK_S3_PORT: String(ports.s3),
    QUOTEDESK_DYNAMODB_PORT: String(ports.dynamo),
    PORT: String(ports.api),
    QUOTEDESK_WRITER_TOKEN: writer,
    QUOTEDESK_READER_TOKEN: token('reader'),
    QUOTEDESK_CRAWL_INTERVAL: 'off',
    ...extra,
  };
  return { env, writer };
}
