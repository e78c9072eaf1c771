/**
 * quotedesk names compare "NAME A" "NAME B"      → {"same","confidence","evidence"}
 * quotedesk names compare --jsonl FILE|-         → one line per input line {"id","a","b"}, in order, streaming;
 *                                                  a bad line gives {"id","error"} and the run goes on.
 */
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { compareNames, type NameComparison } from '../shared/names/index.ts';

import { UsageError, openInput, parseCommand } from './args.ts';
/** Longest name accepted; real names are far shorter, and the matcher is quadratic in words. */
const MAX_NAME_LENGTH = 1000;

export function comparisonOutput(result: NameComparison): { same: boolean; confidence: number; evidence: Omit<NameComparison, 'same' | 'confidence'> } {
  const { same, confidence, ...evidence } = result;
  return { same, confidence, evidence };
}

function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new Error(`"${field}" must be a non-empty string`);
  if (value.length > MAX_NAME_LENGTH) throw new Error(`"${field}" is longer than ${MAX_NAME_LENGTH} characters`);
  return value;
}

/** One output line for one input line; never throws. */
export function compareLine(line: string, lineNo: number): { text: string; ok: boolean } {
  let id: unknown = null;
  try {
    const record: unknown = JSON.parse(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line);
    if (!record || typeof record !== 'object' || Array.isArray(record)) throw new Error('line is not a JSON object');
    const { a, b } = record as Record<string, unknown>;
    id = (record as Record<string, unknown>).id ?? null;
    const result = compareNames(checkName(a, 'a'), checkName(b, 'b'));
    return { text: JSON.stringify({ id, ...comparisonOutput(result) }), ok: true };
  } catch (error) {
    const message = error instanceof SyntaxError ? `line ${lineNo}: not valid JSON` : `line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`;
    return { text: JSON.stringify({ id, error: message }), ok: false };
  }
}

export async function compareStream(input: Readable, output: Writable): Promise<{ lines: number; errors: number }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    const out = compareLine(line, lineNo);
    if (!out.ok) errors++;
    // Respect back-pressure so memory stays flat on large files.
    if (!output.write(`${out.text}\n`)) await once(output, 'drain');
  }
  return { lines: lineNo, errors };
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { jsonl: { type: 'string' } }, { min: 1, max: 3 });
  const [sub, ...rest] = positionals;
  if (sub !== 'compare') throw new UsageError(`unknown subcommand ${sub} (names has: compare)`);
  if (values.jsonl) {
    if (rest.length > 0) throw new UsageError('give two names or --jsonl FILE, not both');
    const { errors } = await compareStream(await openInput(values.jsonl), process.stdout);
    if (errors) process.stderr.write(`quotedesk names: ${errors} line(s) could not be compared\n`);
    return 0;
  }
  if (rest.length !== 2) throw new UsageError('compare takes two names ("NAME A" "NAME B") or --jsonl FILE');
  let a: string;
  let b: string;
  try {
    a = checkName(rest[0], 'NAME A');
    b = checkName(rest[1], 'NAME B');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  process.stdout.write(`${JSON.stringify(comparisonOutput(compareNames(a, b)))}\n`);
  return 0;
}
