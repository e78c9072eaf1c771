/**
 * quotedesk names compare "NAME A" "NAME B"      → {"same","confidence","evidence"}
 * quotedesk names compare --jsonl FILE|-         → one line per input line {"id","a","b"}, in order, streaming;
 *                                                  a bad line gives {"id","error"} and the run goes on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { compareNames, type NameComparison } from '../shared/names/index.ts';

const USAGE = 'usage: quotedesk names compare "NAME A" "NAME B" | quotedesk names compare --jsonl FILE|-';
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
  const [sub, ...rest] = args;
  if (sub !== 'compare') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (rest[0] === '--jsonl') {
    const file = rest[1];
    if (!file || rest.length > 2) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const input = file === '-' ? process.stdin : createReadStream(file);
    const opened = file === '-' ? Promise.resolve() : once(input, 'open').then(() => undefined);
    try {
      await opened;
    } catch (error) {
      process.stderr.write(`quotedesk names: cannot read ${file}: ${(error as Error).message}\n`);
      return 1;
    }
    const { errors } = await compareStream(input, process.stdout);
    if (errors) process.stderr.write(`quotedesk names: ${errors} line(s) could not be compared\n`);
    return 0;
  }
  if (rest.length !== 2) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let a: string;
  let b: string;
  try {
    a = checkName(rest[0], 'NAME A');
    b = checkName(rest[1], 'NAME B');
  } catch (error) {
    process.stderr.write(`quotedesk names: ${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(comparisonOutput(compareNames(a, b)))}\n`);
  return 0;
}
