/**
 * `npm run check:memory [-- --rounds 4 --seconds 30 --docs 150 --connections 32 --idle 30 --max-growth-mb 150]`
 *
 * Sustained load on a fresh local stack (`npm start` as a child process group): each round uploads `--docs`
 * new generated articles through the API while autocannon reads at `--connections` for `--seconds`
 * (quotes by speaker and by words, documents, claims, speakers), then waits until every upload is
 * processed. After each round, and again after `--idle` seconds without requests, it prints the process
 * group's RSS and the stack's own account (RSS, the API thread's heap and external memory, the emulator
 * thread's heap). Exits 1 when RSS after the last round is more than `--max-growth-mb` above RSS after the
 * first (memory that keeps growing under the same load), or when a request failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { StackProcess, freePort, stackEnvironment } from './stack-process.ts';
import { generated } from './generated-articles.ts';

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<{ requests: { total: number; average: number }; errors: number; timeouts: number; non2xx: number; latency: { p99: number } }>;
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '30' },
    docs: { type: 'string', default: '150' },
    connections: { type: 'string', default: '32' },
    idle: { type: 'string', default: '30' },
    'max-growth-mb': { type: 'string', default: '150' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const docsPerRound = Number(values.docs);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg()[0].toFixed(1);

async function main(): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-memory-'));
  const dataDir = join(work, 'data');
  const [s3, dynamo, api] = [await freePort(), await freePort(), await freePort()];
  const { env, writer } = stackEnvironment({ dataDir, s3, dynamo, api }, { QUOTEDESK_SWEEP_INTERVAL: 'off' });
  const stack = new StackProcess(env, join(work, 'stack.log'));
  const apiUrl = `http://127.0.0.1:${api}`;
  const headers = { authorization: `Bearer ${writer}` };
  const rows: string[] = [];
  let failedRequests = 0;
  const report = async (label: string, documents: number) => {
    const m = await stack.memory(dataDir);
    const row = `| ${label} | ${documents} | ${stack.rssMb()} | ${m.rssMb} | ${m.api.heapUsedMb} / ${m.api.heapTotalMb} | ${m.api.externalMb} | ${m.emulators ? `${m.emulators.heapUsedMb} / ${m.emulators.heapTotalMb}` : '—'} | ${m.work.map((w) => `${w.heapUsedMb} / ${w.heapTotalMb}`).join(', ') || '—'} | ${load()} |`;
    rows.push(row);
    process.stdout.write(`${row}\n`);
    return stack.rssMb();
  };
  const upload = async (first: number) => {
    const ids: string[] = [];
    for (const doc of generated(docsPerRound, first)) {
      const response = await fetch(`${apiUrl}/documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ text: doc.text, title: doc.title, publishedAt: doc.publishedAt, source: doc.source }) });
      if (response.status !== 202) failedRequests++;
      ids.push(((await response.json()) as { id: string }).id);
      await sleep((seconds * 1000 * 0.8) / docsPerRound); // spread over the round
    }
    return ids;
  };
  const settled = async (ids: string[]) => {
    for (const id of ids) {
      for (let tries = 0; tries < 600; tries++) {
        const doc = (await (await fetch(`${apiUrl}/documents/${id}`, { headers })).json()) as { status?: string };
        if (doc.status === 'done' || doc.status === 'failed') break;
        await sleep(200);
      }
    }
  };

  try {
    await stack.start();
    await sleep(5000); // let start-up work (the first sweep, the work thread's warm-up) finish
    process.stdout.write(`| after | documents | RSS of the process group, MB | stack RSS, MB | API thread heap used / total, MB | API external, MB | emulator thread heap used / total, MB | work threads' heaps, MB | load average |\n|---|---|---|---|---|---|---|---|---|\n`);
    await report('start', 0);
    // Seed one round's documents so the first reads find something, then name what to read.
    await settled(await upload(0));
    const speakers = ['Maria Alvarez', 'James Okonkwo', 'Aisha Lindqvist', 'Grace Sato', 'Omar Haddad'];
    const words = ['harbour', 'budget', 'hospital', 'transit', 'library'];
    const paths = [
      ...speakers.map((s) => `/quotes?speaker=${encodeURIComponent(s)}&limit=20`),
      ...words.map((w) => `/quotes?q=${w}&limit=20`),
      '/documents?limit=20', '/claims?limit=20', '/speakers?name=M', '/flags?status=open',
    ];
    const firstRss: number[] = [];
    let documents = docsPerRound;
    for (let round = 1; round <= rounds; round++) {
      const uploading = upload(round * docsPerRound);
      const result = await autocannon({ url: apiUrl, connections: Number(values.connections), duration: seconds, workers: 1, timeout: 30, headers, requests: paths.map((path) => ({ method: 'GET', path })) });
      failedRequests += result.errors + result.timeouts + result.non2xx;
      await settled(await uploading);
      documents += docsPerRound;
      process.stderr.write(`round ${round}: ${result.requests.total} reads (${Math.round(result.requests.average)}/s, p99 ${result.latency.p99} ms, ${result.errors + result.timeouts + result.non2xx} failed)\n`);
      firstRss.push(await report(`round ${round}`, documents));
    }
    await sleep(Number(values.idle) * 1000);
    const idleRss = await report(`${values.idle} s idle`, documents);
    const growth = firstRss[firstRss.length - 1] - firstRss[0];
    process.stdout.write(`\nRSS ${firstRss[0]} MB after round 1, ${firstRss[firstRss.length - 1]} MB after round ${rounds} (${growth >= 0 ? '+' : ''}${growth} MB), ${idleRss} MB after idle; ${failedRequests} failed requests\n`);
    if (growth > Number(values['max-growth-mb']) || failedRequests > 0) {
      process.stdout.write(`FAILED: ${failedRequests > 0 ? `${failedRequests} requests failed` : `RSS grew ${growth} MB from round 1 to round ${rounds} (limit ${values['max-growth-mb']} MB)`}\n`);
      return 1;
    }
    return 0;
  } finally {
    await stack.stop().catch(() => undefined); // a stack that died is reported by the error above
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`check:memory: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
