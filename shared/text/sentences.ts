/**
 * Sentence splitting by a single regex-driven scan (no NLP parse), so it can run over
 * every sentence of a multi-megabyte document cheaply. Offsets are UTF-16 offsets into
 * the input exactly as given.
 */

export interface Span {
  start: number;
  end: number;
}

/** Capitalised titles and abbreviations that are (almost) never the end of a sentence: "Dr. Smith", "Jan. 5", "Sen. Ray". */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpl', 'maj',
  'adm', 'cmdr', 'pvt', 'rev', 'hon', 'pres', 'supt', 'atty', 'amb', 'insp', 'det', 'fr', 'sr', 'sra', 'mme', 'mlle', 'st',
  'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Lower-case abbreviations that never end a sentence in news text. */
const NEVER_FINAL = new Set(['approx', 'vs', 'cf', 'dept', 'govt']);

/** Abbreviations of numbered things ("No. 5", "pp. 12"): not an ending only when a number follows. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'vol', 'vols', 'pp', 'fig', 'figs', 'art', 'sec', 'ch', 'op', 'para', 'p']);

/** Capitalised abbreviations that may also end a sentence (states, streets): a break only before a typical opener. */
const CAPITALISED_MAYBE_FINAL = new Set([
  'ave', 'blvd', 'rd', 'hwy', 'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
  'wash', 'wis', 'wyo',
]);

/** Abbreviations that often end a sentence too ("… Acme Inc. The company …"): a break only before a typical sentence opener. */
const MAYBE_FINAL = new Set(['inc', 'ltd', 'corp', 'co', 'jr', 'llc', 'plc', 'bros', 'etc', 'al', 'esq']);

/** Words that typically open a sentence; after an ambiguous abbreviation they signal a break. */
const OPENERS = new Set(
  [
    'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'his', 'her',
    'its', 'their', 'our', 'my', 'but', 'and', 'so', 'yet', 'however', 'in', 'on', 'at', 'for', 'as', 'after', 'before',
    'when', 'while', 'if', 'since', 'although', 'though', 'meanwhile', 'also', 'some', 'many', 'most', 'all', 'no', 'one',
    'what', 'why', 'how', 'who', 'where', 'then', 'now', 'today', 'still', 'both', 'each', 'officials', 'police',
  ],
);

const CLOSERS = '"\'”’»)]}›';
const WS = /\s/;
// Candidates: paragraph breaks (a newline, optional blank space, another newline), runs of terminal punctuation.
const CANDIDATE = /\r?\n[^\S\n]*\r?\n|\u2029|[.!?…।]+|[。！？]+/g;
// Full-width (CJK) terminators end a sentence with no space after them.
const FULL_WIDTH = /^[。！？]/;

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The word (letters and inner dots) that ends just before `end`. */
function wordBefore(text: string, end: number, floor: number): string {
  let i = end;
  while (i > floor && /[\p{L}\p{N}.'’-]/u.test(text[i - 1])) i--;
  return text.slice(i, end);
}

/** The first word starting at or after `i` (skipping opening quotes and brackets). */
function wordAfter(text: string, i: number, limit: number): string {
  while (i < limit && /["'“‘«(\[]/.test(text[i])) i++;
  let j = i;
  while (j < limit && /[\p{L}\p{N}]/u.test(text[j])) j++;
  return text.slice(i, j);
}

/** Decides whether a period after `word` ends a sentence, given the word that follows it. */
function periodEnds(word: string, next: string): boolean {
  const bare = word.replace(/^['’-]+/, '');
  if (!bare) return true;
  const lower = bare.toLowerCase();
  const capitalised = isUpper(bare[0]);
  const opener = OPENERS.has(next.toLowerCase()) && isUpper(next[0] ?? '');
  if (capitalised && TITLES.has(lower)) return false;
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /^\d/.test(next)) return false;
  // A capitalised short or dotted abbreviation before a number labels it: "H.R. 338", "H.Con.Res. 292", "Res. 5".
  if (capitalised && /^\d/.test(next) && (bare.length <= 4 || bare.includes('.')) && /^[\p{L}.]+$/u.test(bare)) return false;
  if (MAYBE_FINAL.has(lower) || (capitalised && CAPITALISED_MAYBE_FINAL.has(lower))) return opener;
  // Initials ("J. R. R. Tolkien") and dotted acronyms ("U.S.", "a.m.", "Ph.D."): a break only before an opener.
  if (/^\p{Lu}$/u.test(bare)) return opener;
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(bare)) return opener;
  return true;
}

/**
 * Sentence spans of `text` between `from` and `to` (defaults: the whole text), trimmed of surrounding whitespace.
 * Paragraph breaks (blank lines) always end a sentence.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  from = Math.max(0, Math.min(from, text.length));
  to = Math.max(from, Math.min(to, text.length));
  const spans: Span[] = [];
  let start = from;
  let paragraphStart = from;

  const push = (s: number, e: number) => {
    while (s < e && WS.test(text[s])) s++;
    while (e > s && WS.test(text[e - 1])) e--;
    if (e <= s) return;
    // A fragment of bare punctuation (" . ") belongs to the sentence before it.
    const last = spans[spans.length - 1];
    if (last && last.end >= paragraphStart && !/[\p{L}\p{N}]/u.test(text.slice(s, e))) {
      last.end = e;
      return;
    }
    spans.push({ start: s, end: e });
  };

  CANDIDATE.lastIndex = from;
  for (let m = CANDIDATE.exec(text); m && m.index < to; m = CANDIDATE.exec(text)) {
    const mark = m[0];
    if (mark.includes('\n') || mark === '\u2029') {
      push(start, m.index);
      start = paragraphStart = Math.min(m.index + mark.length, to);
      continue;
    }
    let end = Math.min(m.index + mark.length, to);
    while (end < to && (CLOSERS.includes(text[end]) || text[end] === '」' || text[end] === '』')) end++;
    if (FULL_WIDTH.test(mark)) {
      push(start, end);
      start = end;
      continue;
    }
    // A quotation glued to the sentence before it ("… County.“It is an honor,” said …") starts a sentence.
    if (text[end] === '“' && end + 1 < to && isUpper(text[end + 1])) {
      push(start, end);
      start = end;
      continue;
    }
    // A boundary needs whitespace (or the end) after the punctuation and its closing quotes: "3.5", "U.S.-led" are not.
    if (end < to && !WS.test(text[end])) continue;
    let next = end;
    while (next < to && WS.test(text[next]) && text[next] !== '\n') next++;
    if (next < to && text[next] === '\n') {
      // A single line break after terminal punctuation: still a boundary unless the next line starts in lower case.
      let k = next;
      while (k < to && WS.test(text[k])) k++;
      next = k;
    }
    const nextChar = next < to ? text[next] : '';
    if (nextChar && isLower(nextChar)) continue; // "“Why?” she asked", "approx. ten", "… and then"
    if (mark.endsWith('.') && !/\.{2,}$|…/.test(mark)) {
      const word = wordBefore(text, m.index, start);
      if (nextChar && !periodEnds(word, wordAfter(text, next, to))) continue;
    }
    push(start, end);
    start = end;
  }
  push(start, to);
  return spans;
}
