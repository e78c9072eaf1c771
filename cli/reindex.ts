/**
 * `quotedesk reindex [--json]`: rebuild the search projection from the result JSON in S3 (every done
 * document, at the version DynamoDB committed), then drop what is no longer done.
 * - Local stack: its PGlite database lives in the stack's process, so the stack rebuilds it
 *   (`POST /search/reindex` with QUOTEDESK_WRITER_TOKEN, as `npm start` printed it).
 * - AWS: run with QUOTEDESK_TABLE, QUOTEDESK_BUCKET, QUOTEDESK_SEARCH_CLUSTER_ARN and
 *   QUOTEDESK_SEARCH_SECRET_ARN (the stack's outputs) and credentials allowed the Data API: the
 *   rebuild runs here, through the Data API.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_FILE, defaultDataDir } from '../infra/local.ts';
import type { ReindexReport } from '../shared/search/rebuild.ts';
import { UsageError } from './args.ts';

function print(report: ReindexReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  process.stdout.write(`${report.projected} of ${report.documents} done documents projected in ${report.seconds} s; ${report.dropped} no longer done dropped\n`);
  for (const skipped of report.skipped.slice(0, 20)) process.stdout.write(`skipped ${skipped.id}: ${skipped.reason}\n`);
  if (report.skipped.length > 20) process.stdout.write(`… and ${report.skipped.length - 20} more skipped\n`);
}

async function inAws(): Promise<ReindexReport> {
  const { reindexSearch } = await import('../shared/search/rebuild.ts');
  const { searchServices } = await import('../shared/storage/search-database.ts');
  const { DynamoIndexStore } = await import('../shared/storage/dynamo-index.ts');
  const { S3DocumentStore } = await import('../shared/storage/s3-documents.ts');
  const search = await searchServices();
  if (!search) throw new Error('QUOTEDESK_SEARCH_CLUSTER_ARN and QUOTEDESK_SEARCH_SECRET_ARN are needed');
  return reindexSearch({ index: new DynamoIndexStore(), documents: new S3DocumentStore(), projection: search.projection, onProgress: (n) => process.stderr.write(`\r${n} documents`) });
}

async function onLocalStack(apiUrl: string): Promise<ReindexReport> {
  const token = process.env.QUOTEDESK_WRITER_TOKEN;
  if (!token) throw new Error('set QUOTEDESK_WRITER_TOKEN (npm start prints it)');
  const response = await fetch(new URL('/search/reindex', apiUrl), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as ReindexReport & { detail?: string };
  if (!response.ok) throw new Error(`${response.status}: ${body.detail ?? JSON.stringify(body)}`);
  return body;
}

export async function run(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  for (const arg of argv) if (arg !== '--json') throw new UsageError(`unknown argument ${arg}; usage: quotedesk reindex [--json]`);
  if (process.env.QUOTEDESK_SEARCH_CLUSTER_ARN) {
    print(await inAws(), json);
    return 0;
  }
  const stateFile = join(defaultDataDir(), STATE_FILE);
  const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { apiUrl?: string }) : null;
  if (!state?.apiUrl) throw new Error('no local stack with an API is running (npm start), and QUOTEDESK_SEARCH_CLUSTER_ARN is not set');
  print(await onLocalStack(state.apiUrl), json);
  return 0;
}
