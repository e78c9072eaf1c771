/**
 * A search box's text → the tsquery PostgreSQL evaluates. Words, "quoted phrases", OR and -word
 * go to `websearch_to_tsquery` (English stemming: "vaccine" finds "vaccines"); a word ending in `*`
 * is a prefix (`vacc*`), which websearch syntax lacks, added with `to_tsquery('…:*')`. Prefix words
 * are reduced to letters and digits first, so no tsquery operator reaches `to_tsquery` from input.
 */
import type { SqlValue } from './sql.ts';

export interface ParsedQuery {
  /** The websearch part (may be empty). */
  text: string;
  /** Prefix lexemes, already reduced to letters and digits. */
  prefixes: string[];
}

export function parseQuery(q: string): ParsedQuery {
  const prefixes: string[] = [];
  const text = q.replace(/(^|\s)([^\s"*]+)\*(?=\s|$)/gu, (_, space: string, word: string) => {
    const clean = word.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (clean) prefixes.push(clean);
    return space;
  });
  return { text: text.trim(), prefixes };
}

/** The SQL expression of the query, its parameters numbered from `first`. Null when nothing is left. */
export function tsqueryOf(parsed: ParsedQuery, first: number): { expression: string; params: SqlValue[] } | null {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (parsed.text) {
    params.push(parsed.text);
    parts.push(`websearch_to_tsquery('english', $${first + params.length - 1}::text)`);
  }
  if (parsed.prefixes.length > 0) {
    params.push(parsed.prefixes.map((p) => `${p}:*`).join(' & '));
    parts.push(`to_tsquery('english', $${first + params.length - 1}::text)`);
  }
  return parts.length ? { expression: parts.join(' && '), params } : null;
}
