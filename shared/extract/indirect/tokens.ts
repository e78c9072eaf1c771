/**
 * A tiny word/punctuation tokenizer over one sentence, keeping UTF-16 offsets into the document.
 * Enough structure for the attribution patterns; no tagging.
 */

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A word (letters/digits), as opposed to punctuation. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// Words keep inner apostrophes, hyphens, dots and ampersands ("Trump’s", "Sanders-Gendreau", "U.S", "AT&T").
const TOKEN = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*%?|[“”"‘’'«»]|[,;:()[\]]|[—–]|-{2,}|[.!?…]+/gu;

export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const value = m[0];
    if (m.index + value.length > to) break;
    const first = value[0];
    const word = /[\p{L}\p{N}]/u.test(first);
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start: m.index,
      end: m.index + value.length,
      word,
      cap: word && first !== first.toLowerCase(),
    });
  }
  return tokens;
}

export const isQuoteMark = (t: Token | undefined): boolean => !!t && !t.word && /^[“”"‘’'«»]$/.test(t.text);
