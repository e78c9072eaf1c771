/**
 * `quotedesk export TABLE [--format csv|jsonl|parquet] [--bom] [--out FILE] [filters]`: one table, streamed
 * to stdout or a file with back-pressure, so memory stays flat. The options are the API's `GET /export`
 * parameters, checked by the same schema; a local stack answers them itself (its GET /export).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { ExportRequestSchema, exportStream, type ExportRequest } from '../shared/export/export.ts';
import { EXPORT_TABLES } from '../shared/export/tables.ts';
import { exportReader } from '../shared/export/search-reader.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { FailureError, UsageError, closest, describeFileError, parseCommand } from './args.ts';
import { connectIndex, localApi } from './stack.ts';

async function writeAll(chunks: AsyncIterable<Uint8Array>, output: Writable): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (!output.write(chunk)) await once(output, 'drain');
  }
  return bytes;
}

/** GET /export of the running local stack, whose search database lives in its process. */
async function* fromLocalApi(api: { url: string; token: string }, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const query = new URLSearchParams(Object.entries(request).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const response = await fetch(new URL(`/export?${query}`, api.url), { headers: { authorization: `Bearer ${api.token}` } });
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    const message = `the local stack's export failed (${response.status}): ${problem?.detail ?? response.statusText}`;
    throw response.status === 400 ? new UsageError(message) : new FailureError(message);
  }
  yield* response.body as unknown as AsyncIterable<Uint8Array>;
}

/**
 * The export's bytes: from the local stack's API when one runs (one code path with GET /export), else read here
 * from AWS: the index named by QUOTEDESK_TABLE, and the search database when QUOTEDESK_SEARCH_CLUSTER_ARN names one.
 */
async function exportChunks(request: ExportRequest): Promise<AsyncIterable<Uint8Array>> {
  const api = localApi();
  if (api) return fromLocalApi(api, request);
  connectIndex();
  const { searchServices } = await import('../shared/storage/search-database.ts');
  return exportStream(exportReader(new DynamoIndexStore(), await searchServices()), request);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    argv,
    {
      format: { type: 'string', default: 'csv' },
      bom: { type: 'boolean' },
      out: { type: 'string' },
      speaker: { type: 'string' },
      q: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      undated: { type: 'boolean' },
      collection: { type: 'string' },
      kind: { type: 'string' },
    },
    { min: 1, max: 1 },
  );
  const [table] = positionals;
  if (!(EXPORT_TABLES as readonly string[]).includes(table)) {
    const hint = closest(table, EXPORT_TABLES);
    throw new UsageError(`unknown table ${table}${hint ? ` (did you mean ${hint}?)` : ''}: export ${EXPORT_TABLES.join(', ')}`);
  }
  const { out, ...fields } = values;
  const parsed = ExportRequestSchema.safeParse({ table, ...fields });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(issue.path.length ? `--${issue.path.join('.')}: ${issue.message}` : issue.message);
  }
  if (parsed.data.format === 'parquet' && !out && process.stdout.isTTY) throw new UsageError('Parquet is binary: pass --out FILE or pipe the output');

  const chunks = await exportChunks(parsed.data);
  const started = Date.now();
  if (!out) {
    await writeAll(chunks, process.stdout);
    return 0;
  }
  // Written beside the file and renamed when complete: a failed export never leaves a file that looks whole.
  const partial = `${out}.partial`;
  const output = createWriteStream(partial);
  try {
    await once(output, 'open');
  } catch (error) {
    throw new FailureError(`cannot write ${out}: ${describeFileError(error)}`);
  }
  try {
    const bytes = await writeAll(chunks, output);
    output.end();
    await once(output, 'finish');
    await rename(partial, out);
    process.stderr.write(`exported ${parsed.data.table} to ${out}: ${bytes} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return 0;
}
