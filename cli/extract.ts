/**
 * `quotedesk extract FILE|-` prints the extraction of one document as JSON.
 *   --html         the input is a web page: its article text is extracted first (and returned as `text`)
 *   --jsonl FILE   reads lines {"id","text"} (FILE or - for stdin) and writes one JSON line per input line,
 *                  in order, streaming; a bad line yields {"id","error"} and the run goes on
 *   --pretty       indent the single-document output
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { extract } from '../shared/extract/index.ts';
import { htmlToArticle, toDocumentText, UnsupportedDocumentError } from '../shared/text/formats.ts';

import { FailureError, UsageError, describeFileError, openInput, parseCommand } from './args.ts';

async function readInput(path: string): Promise<Buffer> {
  if (path !== '-') return readFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await once(process.stdout, 'drain');
}

/** One document: plain text as given (UTF-8), or an HTML page reduced to its article. */
async function extractOne(path: string, html: boolean, pretty: boolean): Promise<number> {
  const bytes = await readInput(path);
  let text: string;
  let includeText = false;
  if (html) {
    const doc = await toDocumentText(bytes, { contentType: 'text/html', filename: path === '-' ? undefined : path });
    text = doc.text;
    includeText = true;
  } else {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const result = extract(text, { includeText });
  await write(`${JSON.stringify(result, null, pretty ? 2 : undefined)}\n`);
  return 0;
}

/** Lines of {"id","text"} → lines of extractions, with constant memory. */
async function extractLines(path: string, html: boolean): Promise<number> {
  const input = await openInput(path);
  input.setEncoding('utf8');
  const total = path === '-' ? 0 : statSync(path).size;
  const bar = process.stderr.isTTY && total ? await progressBar(total) : null;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failures = 0;
  for await (const line of lines) {
    bar?.increment(Buffer.byteLength(line) + 1);
    if (!line.trim()) continue;
    let id: string | null = null;
    try {
      const record: unknown = JSON.parse(line);
      if (!record || typeof record !== 'object' || Array.isArray(record)) throw new InputError('line is not a JSON object');
      const { id: rawId, text } = record as { id?: unknown; text?: unknown };
      if (typeof rawId === 'string' || typeof rawId === 'number') id = String(rawId);
      if (typeof text !== 'string') throw new InputError('missing "text" (a string)');
      const body = html ? (await htmlToArticle(text)).text : text;
      const result = extract(body, { id: id ?? undefined, includeText: html });
      await write(`${JSON.stringify(result)}\n`);
    } catch (error) {
      failures++;
      const message = error instanceof SyntaxError ? `invalid JSON: ${error.message}` : error instanceof Error ? error.message : String(error);
      await write(`${JSON.stringify({ id, error: message })}\n`);
    }
  }
  bar?.stop();
  if (failures) process.stderr.write(`quotedesk extract: ${failures} line(s) could not be processed (see their "error")\n`);
  return 0;
}

class InputError extends Error {}

async function progressBar(total: number): Promise<{ increment(n: number): void; stop(): void }> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: 'extract [{bar}] {percentage}% | {eta_formatted} left', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { increment: (n) => bar.increment(n), stop: () => bar.stop() };
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { html: { type: 'boolean', default: false }, jsonl: { type: 'string' }, pretty: { type: 'boolean', default: false } },
    { max: 1 },
  );
  if (values.jsonl) {
    if (positionals.length > 0) throw new UsageError('give a FILE or --jsonl FILE, not both');
    return extractLines(values.jsonl, values.html ?? false);
  }
  if (positionals.length !== 1) throw new UsageError('missing FILE (or - for stdin)');
  try {
    return await extractOne(positionals[0], values.html ?? false, values.pretty ?? false);
  } catch (error) {
    if (error instanceof UnsupportedDocumentError) throw new FailureError(error.message);
    if ((error as NodeJS.ErrnoException).syscall) throw new FailureError(`cannot read ${positionals[0]}: ${describeFileError(error)}`);
    throw error;
  }
}
