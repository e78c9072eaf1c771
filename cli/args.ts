/**
 * What every command shares: the two kinds of user error (exit 2 for usage, 1 for a failure, both
 * printed as one line without a stack trace), strict option parsing with a hint for a misspelt
 * option, and inputs opened before they are streamed (a missing file is a message, not a crash).
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The command line is wrong: exit 2, with the command's usage. */
export class UsageError extends Error {
  name = 'UsageError';
}

/** The command could not do its job for a reason the user can act on: exit 1. */
export class FailureError extends Error {
  name = 'FailureError';
}

/** The candidate nearest `word` by edit distance, when it is a plausible typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into usage errors that name the option and suggest one. */
export function parseCommand<T extends Options>(args: string[], options: T, positionals: { min?: number; max?: number } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: (positionals.max ?? 0) > 0, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(-{1,2}[^'\s]+)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      const hint = closest(option.replace(/^-+/, ''), [...Object.keys(options), 'help']);
      throw new UsageError(`unknown option ${option}${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`unexpected argument ${/'([^']*)'/.exec((error as Error).message)?.[1] ?? ''}`.trim());
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new UsageError(`${option} needs a value`);
    throw new UsageError((error as Error).message);
  }
  const count = parsed.positionals.length;
  if (count < (positionals.min ?? 0)) throw new UsageError('missing argument');
  if (count > (positionals.max ?? 0)) throw new UsageError(`unexpected argument ${parsed.positionals[positionals.max ?? 0]}`);
  return parsed;
}

/** A file (or `-` for stdin) to stream, opened first so a missing or unreadable file is a FailureError. */
export async function openInput(path: string): Promise<Readable> {
  if (path === '-') return process.stdin;
  try {
    return (await open(path, 'r')).createReadStream();
  } catch (error) {
    throw new FailureError(`cannot read ${path}: ${describeFileError(error)}`);
  }
}

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = { ENOENT: 'no such file or folder', EACCES: 'permission denied', EISDIR: 'it is a folder', ENOTDIR: 'not a folder' };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}
