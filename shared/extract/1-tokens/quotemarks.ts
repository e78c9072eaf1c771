/**
 * Direct-quote span scanner: finds top-level quoted spans in plain text with a single linear scan.
 *
 * Handles curly “ ” and ‘ ’, straight " and ', guillemets « », nested quotes (only the outermost span is
 * returned), apostrophes (don’t, parents’) versus single quotes, and unbalanced marks: a quote left open
 * at the end of a paragraph continues into the next paragraph only when that paragraph opens with a quote
 * mark (the newspaper convention); otherwise it is closed at the paragraph end and flagged `unclosed`,
 * so one stray mark never swallows the rest of the document.
 */
import { TITLE_MINOR_WORDS } from '../../lexicon/function-words.ts';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the paragraph end when unclosed). */
  end: number;
  /** Content without the marks. */
  innerStart: number;
  innerEnd: number;
  closed: boolean;
  /** Number of paragraphs the quote runs over. */
  paragraphs: number;
  /** Straight marks are less reliable than typographic ones. */
  straight: boolean;
}

export interface Paragraph {
  start: number;
  end: number;
}

/** Paragraphs are separated by line breaks; offsets are trimmed of surrounding whitespace. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n\r]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

/** Characters after which a straight or ambiguous mark opens a quote. */
function opensAfter(prev: string | undefined): boolean {
  return prev === undefined || /[\s([{\u2014\u2013\-/:;,>]/.test(prev);
}

/** Characters before which a straight or ambiguous mark closes a quote. */
function closesBefore(next: string | undefined): boolean {
  return next === undefined || /[\s)\]}.,;:!?\u2014\u2013\-'"\u2019\u201d…]/.test(next);
}

type Mark = { pos: number; family: 'double' | 'single'; role: 'open' | 'close' | 'either'; width?: number };

/** Classifies the quote marks of one paragraph; apostrophes are dropped here. */
function marksIn(text: string, from: number, to: number): Mark[] {
  const marks: Mark[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    switch (ch) {
      case '\u201c': // “
      case '\u00ab': // «
      case '\u201e': // „
        marks.push({ pos: i, family: 'double', role: 'open' });
        break;
      case '\u201d': // ”
      case '\u00bb': // »
        marks.push({ pos: i, family: 'double', role: 'close' });
        break;
      case "'":
        if (text[i + 1] !== "'") {
          // handled with the single marks below
          if (isWordChar(prev) && isWordChar(next)) break;
          if (opensAfter(prev) && isWordChar(next)) {
            if (/^\d\ds\b|^em\b|^til\b|^cause\b/i.test(text.slice(i + 1, i + 7))) break;
            marks.push({ pos: i, family: 'single', role: 'open' });
          } else if (prev !== undefined && !isSpace(prev.charCodeAt(0)) && closesBefore(next)) {
            marks.push({ pos: i, family: 'single', role: 'close' });
          }
          break;
        }
      // '' (two apostrophes) is a straight double mark in some archives, and "" one in CSV-escaped text: one mark
      case '"': {
        const width = ch === "'" || text[i + 1] === '"' ? 2 : 1;
        const after = text[i + width] as string | undefined;
        const canOpen = opensAfter(prev) && after !== undefined && !isSpace(after.charCodeAt(0));
        const canClose = !opensAfter(prev) || closesBefore(after);
        // a space lost between a sentence and the quote after it ('… the Tar Heel state"The level …'): either
        const glued = prev !== undefined && after !== undefined && /[\p{Ll}.!?,]/u.test(prev) && /\p{Lu}/u.test(after);
        marks.push({ pos: i, family: 'double', role: glued || (canOpen && canClose) ? 'either' : canOpen ? 'open' : 'close', width });
        i += width - 1;
        break;
      }
      case '\u2018': // ‘
        // ‘90s, ‘em: an elided-letter apostrophe typed as an opening mark
        if (/^\d\ds\b|^em\b|^til\b|^cause\b/i.test(text.slice(i + 1, i + 7))) break;
        marks.push({ pos: i, family: 'single', role: 'open' });
        break;
      case '\u2019': {
        // ’
        if (isWordChar(prev) && isWordChar(next)) break; // don’t, O'Brien
        if (prev !== undefined && !isSpace(prev.charCodeAt(0)) && closesBefore(next)) {
          // parents’ (possessive) vs closing mark: decided later by whether a single quote is open
          marks.push({ pos: i, family: 'single', role: 'close' });
        }
        break;
      }
    }
  }
  return marks;
}

/** A transcript's speaker label: one or two words in capitals and a colon ("WALLACE:", "SEN. KAINE:"). */
export const TRANSCRIPT_LABEL = /^((?:\p{Lu}{2,}\.?\s)?\p{Lu}[\p{Lu}'’-]+):\s/u;

/**
 * Scans the whole text. Linear in the text length.
 */
export function scanQuotes(text: string, paragraphs: Paragraph[] = splitParagraphs(text)): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  // An open quote carried over from the previous paragraph.
  let carried: { start: number; straight: boolean; paragraphs: number; lastEnd: number } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const marks = marksIn(text, para.start, para.end);
    let m = 0;
    let open: { start: number; family: 'double' | 'single'; straight: boolean; paragraphs: number } | null = null;

    if (carried) {
      const first = marks[0];
      // Newspapers continue a quote only after a complete sentence: "… and" at a paragraph end is a lost mark.
      const endsSentence = /[.?!…:;]["”’']?$/.test(text.slice(carried.lastEnd - 2, carried.lastEnd));
      // A quoted transcript opens each turn with a mark and its speaker's label ("“WALLACE: …"): a new quote.
      const newTurn = first && TRANSCRIPT_LABEL.test(text.slice(first.pos + 1, first.pos + 41));
      if (endsSentence && first && first.pos === para.start && first.family === 'double' && first.role !== 'close' && !newTurn) {
        // Continuation paragraph: the quote goes on; its opening mark is consumed.
        open = { start: carried.start, family: 'double', straight: carried.straight, paragraphs: carried.paragraphs + 1 };
        m = 1;
      } else {
        spans.push(finish(text, carried.start, carried.lastEnd, false, carried.paragraphs, carried.straight));
      }
      carried = null;
    }

    let singleDepth = 0; // nested ‘…’ inside an open double quote
    for (; m < marks.length; m++) {
      const mark = marks[m];
      if (!open) {
        if (mark.role === 'close') continue; // stray closing mark (or a possessive apostrophe)
        if (mark.family === 'single' && !singleQuoteLikely(text, mark.pos, para.end)) continue;
        open = { start: mark.pos, family: mark.family, straight: text[mark.pos] === '"' || text[mark.pos] === "'", paragraphs: 1 };
        singleDepth = 0;
        continue;
      }
      if (mark.family !== open.family) {
        // Nested marks of the other family: track depth so a closing ’ is not mistaken for ours.
        if (mark.family === 'single') {
          if (mark.role === 'open') singleDepth++;
          else if (singleDepth > 0) singleDepth--;
        }
        continue;
      }
      if (mark.role === 'open' && open.family === 'double') {
        // A quote inside the quote in the same family of marks ("“… the discriminatory “Don’t Ask, Don’t Tell”
        // policy …”", "“For 20 years, "Don't Ask" has …”"): both its marks are skipped.
        const nestedClose = open.straight && text[mark.pos] === '"' ? -1 : nestedQuoteClose(text, marks, m, open.straight);
        if (nestedClose > m) {
          m = nestedClose;
          continue;
        }
        // A second opening mark before any closing one: the writer forgot to close; restart here.
        if (mark.pos - open.start > 1) spans.push(finish(text, open.start, lastNonSpace(text, open.start, mark.pos), false, open.paragraphs, open.straight));
        open = { start: mark.pos, family: 'double', straight: text[mark.pos] === '"', paragraphs: 1 };
        continue;
      }
      if (mark.role === 'open') continue; // nested single opening inside a single quote: ignore
      spans.push(finish(text, open.start, mark.pos + (mark.width ?? 1), true, open.paragraphs, open.straight || text[mark.pos] === '"'));
      open = null;
    }

    if (open) {
      if (open.family === 'double') carried = { start: open.start, straight: open.straight, paragraphs: open.paragraphs, lastEnd: para.end };
      // an unclosed single quote is most likely an apostrophe: dropped
    }
  }
  if (carried) spans.push(finish(text, carried.start, carried.lastEnd, false, carried.paragraphs, carried.straight));
  return spans.filter((s) => s.innerEnd - s.innerStart >= 1 && /[\p{L}\p{N}]/u.test(text.slice(s.innerStart, s.innerEnd)));
}

/** Most characters a quote nested in a quote of the same marks holds: a name or a phrase, not a sentence. */
const NESTED_QUOTE_MAX = 80;

/**
 * Index of the mark closing a quote nested at marks[m] inside an open double quote, or -1.
 * A pair in the other style nests (straight in typographic, typographic in straight) when it closes before the next mark. A typographic pair nests when it
 * sits mid-sentence: a word or comma before it, the sentence going on in lower case after it.
 */
function nestedQuoteClose(text: string, marks: Mark[], m: number, outerStraight = false): number {
  const mark = marks[m];
  const close = marks[m + 1];
  if (!close || close.family !== 'double' || close.role === 'open' || close.pos - mark.pos > NESTED_QUOTE_MAX) return -1;
  const straight = text[mark.pos] === '"';
  if (straight !== (text[close.pos] === '"')) return -1;
  if (/[.!?]/.test(text.slice(mark.pos, close.pos - 1))) return -1;
  if (straight !== outerStraight) return m + 1; // the other style inside the quote: a name or phrase it quotes
  const before = text.slice(Math.max(0, mark.pos - 3), mark.pos).trimEnd();
  const after = text.slice(close.pos + 1, close.pos + 4).trimStart();
  return /[\p{Ll}\p{N},]$/u.test(before) && /^[\p{Ll},;]/u.test(after) ? m + 1 : -1;
}

function lastNonSpace(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

function finish(text: string, start: number, end: number, closed: boolean, paragraphs: number, straight: boolean): QuoteSpan {
  // skip the marks themselves ('' and "" count as one double mark)
  const doubled = (a: number, b: number) => (text[a] === "'" || text[a] === '"') && text[b] === text[a];
  let innerStart = start + 1;
  if (doubled(start, innerStart)) innerStart++;
  let innerEnd = closed ? end - 1 : end;
  if (closed && doubled(end - 1, innerEnd - 1) && innerEnd - 1 > innerStart) innerEnd--;
  while (innerStart < innerEnd && isSpace(text.charCodeAt(innerStart))) innerStart++;
  while (innerEnd > innerStart && isSpace(text.charCodeAt(innerEnd - 1))) innerEnd--;
  return { start, end, innerStart, innerEnd, closed, paragraphs, straight };
}

/** A single opening mark starts a quote only when a matching close follows in the paragraph. */
function singleQuoteLikely(text: string, pos: number, paraEnd: number): boolean {
  const rest = text.slice(pos + 1, Math.min(paraEnd, pos + 2000));
  return /[^\s][\u2019'](?=$|[\s)\]}.,;:!?\u2014\u2013\-"\u201d…])/u.test(rest);
}

/** Every word capitalised except short function words: a title, not a sentence. */
export function isTitleCase(inner: string): boolean {
  const words = inner.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 2) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && TITLE_MINOR_WORDS.has(w)));
}
