/** Command-line helpers shared by the scripts that ingest the corpora into a local stack. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The value after `--name`, if given. */
export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A JSONL copy with only the first `limit` lines (for short development runs). */
export function limited(path: string, limit: number | undefined, dir: string): string {
  if (!limit) return path;
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit);
  const out = join(dir, path.split('/').pop()!);
  writeFileSync(out, `${lines.join('\n')}\n`);
  return out;
}
