/**
 * `quotedesk export TABLE [--format csv|jsonl|parquet] [--bom] [--out FILE] [filters]`: one table of the
 * index (local stack, or AWS from QUOTEDESK_TABLE), streamed to stdout or a file with back-pressure, so
 * memory stays flat. The options are the API's `GET /export` parameters, checked by the same schema.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { ExportRequestSchema, exportStream } from '../shared/export/export.ts';
import { EXPORT_TABLES } from '../shared/export/tables.ts';
import { IndexExportReader } from '../shared/export/index-reader.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { FailureError, UsageError, closest, describeFileError, parseCommand } from './args.ts';
import { connectIndex } from './stack.ts';

async function writeAll(chunks: AsyncIterable<Uint8Array>, output: Writable): Promise<number> {
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (!output.write(chunk)) await once(output, 'drain');
  }
  return bytes;
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

  connectIndex();
  const reader = new IndexExportReader(new DynamoIndexStore());
  const started = Date.now();
  if (!out) {
    await writeAll(exportStream(reader, parsed.data), process.stdout);
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
    const bytes = await writeAll(exportStream(reader, parsed.data), output);
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
