/**
 * Layer 1 of extraction: the one tokenizer. Words keep inner apostrophes, hyphens and ampersands ("Trump’s",
 * "Sanders-Gendreau", "AT&T"); abbreviations and initials keep their period ("Dr.", "J.", "U.S."); every other
 * mark is a token of its own. Offsets are UTF-16 offsets into the document. No tagging here.
 */

export interface Token {
  text: string;
  /** `text` lower-cased. */
  lower: string;
  start: number;
  end: number;
  /** A word (starts with a letter or digit), as opposed to punctuation. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// (a period joins word parts only before a lower-case letter or digit: "3.5", "e.g", not "Foxx.Rep")
const TOKEN_RE = /(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:['’\-&][\p{L}\p{N}]+|\.(?=[\p{Ll}\p{N}])[\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Abbreviations and initials that keep their period: "Dr.", "J.", "U.S.", "Jr.". */
const ABBREVIATION = /^(?:[A-Z]\.|(?:[A-Z]\.){2,}|(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sen|Sens|Rep|Reps|Gov|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Rev|Hon|Pres|Atty|Amb|Det|Insp|Supt|Fr|St|Jr|Sr|Cmdr|Cpl|Del|Sec|Ald|Asst|Assoc|Sup|Cong|Lt\.Gov)\.)$/;

export function makeToken(text: string, start: number, end: number): Token {
  const first = text[0] ?? '';
  const word = /[\p{L}\p{N}]/u.test(first);
  return { text, lower: text.toLowerCase(), start, end, word, cap: word && first !== first.toLowerCase() };
}

/** The tokens of text[from, to). */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  const slice = text.slice(from, to);
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    let word = m[0];
    // a trailing period stays only on abbreviations and initials, not on a sentence's last word
    if (word.length > 1 && word.endsWith('.') && !ABBREVIATION.test(word)) word = word.slice(0, -1);
    const start = from + m.index;
    tokens.push(makeToken(word, start, start + word.length));
    if (word.length < m[0].length) tokens.push(makeToken('.', start + word.length, start + m[0].length));
  }
  return tokens;
}

export const isQuoteMark = (t: Token | undefined): boolean => !!t && !t.word && /^[“”"‘’'«»]$/.test(t.text);
