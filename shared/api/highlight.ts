/**
 * A quote cut into segments for the page to mark the searched words: whole words whose normalised form
 * (shared/storage/keys.ts, as the word index stores them) is one of the query's words.
 */
import { normalizeName, queryWords } from '../storage/keys.ts';

export interface Segment {
  text: string;
  match: boolean;
}

export function highlightSegments(text: string, q: string): Segment[] {
  const words = new Set(queryWords(q));
  const segments: Segment[] = [];
  const push = (part: string, match: boolean) => {
    if (!part) return;
    const last = segments[segments.length - 1];
    if (last && last.match === match && !match) last.text += part;
    else segments.push({ text: part, match });
  };
  let at = 0;
  for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.has(normalizeName(token[0]))) continue;
    push(text.slice(at, token.index), false);
    push(token[0], true);
    at = token.index + token[0].length;
  }
  push(text.slice(at), false);
  return segments;
}
