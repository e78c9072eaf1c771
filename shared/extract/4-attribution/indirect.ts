/**
 * Indirect and mixed attributions: reported speech, beliefs and plans ("Smith said the plan would fail",
 * "…, officials said.", "according to X, …", "her claim that …"), found by a lexicon-and-pattern scan over
 * sentences. No NLP parse: one tokenization per sentence that holds a cue, so the cost stays a small
 * fraction of a compromise parse.
 *
 * Content spans follow how news-attribution corpora (PolNeAR) annotate them: the complement clause
 * after the cue and its hearer (a leading "that" included), up to the sentence end; or, for a cue placed
 * after its content, from the sentence start up to the attribution comma.
 */
import { AFTER_HEARER } from '../../lexicon/function-words.ts';
import { splitSentences, type Span } from '../../text/sentences.ts';
import { CUE_PARTICLES, EVIDENCE_NOUNS, NOMINAL_CUES, SOURCE_NOUNS, isNounFirst, lookupCueVerb, type CueMatch } from '../../lexicon/cues.ts';
import { ROLE_WORDS, speakerAfter, speakerBefore, phraseEndingAt, skipBetween, type SourceSpan } from './indirect/speaker.ts';
import { tokenize, isQuoteMark, type Token } from '../1-tokens/tokens.ts';
import { isDictionaryWord } from '../2-mentions/tagging.ts';
import { isTitleCase } from '../1-tokens/quotemarks.ts';

export type { Span };

export interface AttributionCandidate {
  /** The content span (what was said), offsets into text. */
  start: number;
  end: number;
  cue: string;
  cueStart: number;
  cueEnd: number;
  /**
   * The speaker phrase as written ("Smith", "she", "a spokesman for X", "officials").
   * speakerStart === speakerEnd when the text names no source for the content.
   */
  speakerStart: number;
  speakerEnd: number;
  /** mixed: the content contains a quoted fragment; direct: the content is one quotation and nothing else. */
  kind: 'indirect' | 'mixed' | 'direct';
  confidence: number;
}

/** A cheap pre-filter: sentences without any of these substrings cannot hold a cue. */
const MAX_SPEAKER_TOKENS = 12;
const MAX_TRAILING_ADVERBIAL = 8;
const MIN_CONTENT_WORDS = 3;

/** Words after a cue that open its complement. */
const COMPLEMENTIZERS = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']);

/** Non-source complements of "according to". */
const NOT_A_SOURCE = /^(?:plan|plans|schedule|the (?:plan|schedule|rules|script|book)|design|tradition|custom|need|size|age|type)\b/i;

/** Words that cannot open reported content. */
const BAD_CONTENT_OPENERS = new Set([
  'have', 'has', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
  'and', 'or', 'of', 'in', 'on', 'at', 'by', 'from', 'with', 'into', 'than', 'as', 'for', 'up', 'down', 'out', 'over', 'off',
  'away', 'back', 'which', 'who', 'whom', 'so', 'also', 'not', 'said', 'says', 'do', 'does', 'did',
]);

/** Question openers: reported speech inside a question is not an attribution ("Did he say that …?"). */
const QUESTION_OPENERS = new Set(['did', 'does', 'do', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'has', 'have', 'should', 'why', 'how', 'what']);

interface Region {
  start: number;
  end: number;
}

class DirectQuoteIndex {
  private readonly spans: Region[];
  constructor(spans: Region[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }
  /** Is `offset` inside a direct quote? */
  inside(offset: number): boolean {
    const s = this.spans[this.firstEndingAfter(offset)];
    return s !== undefined && offset >= s.start;
  }
  /** Index of the first span ending after `offset` (direct quotes do not overlap, so ends are sorted too). */
  private firstEndingAfter(offset: number): number {
    return firstIndexAfter(this.spans, (s) => s.end <= offset);
  }
  /** Characters of [start,end) covered by direct quotes. */
  covered(start: number, end: number): number {
    let total = 0;
    for (let i = this.firstEndingAfter(start); i < this.spans.length; i++) {
      const s = this.spans[i];
      if (s.start >= end) break;
      total += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
    }
    return total;
  }
  /** True when [start,end) is one direct quote, give or take punctuation around it. */
  isJustAQuote(text: string, start: number, end: number): boolean {
    const first = this.firstEndingAfter(start);
    if (first >= this.spans.length || this.spans[first].start >= end) return false; // no quote in range
    const letters = (a: number, b: number) => (text.slice(a, b).match(/[\p{L}\p{N}]/gu) ?? []).length;
    const total = letters(start, end);
    if (!total) return true;
    // One quote covering nearly all the letters; two quotes with words between them make mixed content.
    for (let i = this.firstEndingAfter(start); i < this.spans.length && this.spans[i].start < end; i++) {
      const s = this.spans[i];
      const inside = letters(Math.max(start, s.start), Math.min(end, s.end));
      if (inside / total >= 0.97 || (inside / total >= 0.6 && wordsOutside(text, start, end, s) <= 1)) return true;
    }
    return false;
  }
}

/** Words of [start,end) outside the quote span `q`. */
function wordsOutside(text: string, start: number, end: number, q: Region): number {
  const count = (a: number, b: number) => (b > a ? (text.slice(a, b).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) : 0);
  return count(start, Math.max(start, q.start)) + count(Math.min(end, q.end), end);
}

/** Trim whitespace and attribution punctuation from a content span; keep a closing quote and its period. */
function trimContent(text: string, start: number, end: number): Region {
  while (start < end && /[\s,:;—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  if (end > start && /[.!]/.test(text[end - 1]) && !/[”"’']/.test(text[end] ?? '')) end--;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function wordCount(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i].word) n++;
  return n;
}

function hasQuotedFragment(text: string, start: number, end: number, direct: DirectQuoteIndex): boolean {
  return direct.covered(start, end) > 0 || holdsQuotedRun(text, start, end);
}

/**
 * Does [start, end) hold a quoted run of at least two words that is no title? One quoted word
 * (“unintentionally”, a "terrorist-related" attack) and quoted names (“Mornings with Mike”) are scare
 * quotes in reported speech, not quotations of it.
 */
export function holdsQuotedRun(text: string, start: number, end: number): boolean {
  const slice = text.slice(start, end);
  if (!/[\u201c"\u2018]/.test(slice)) return false;
  const runs = /[\u201c"]([^\u201c\u201d"]{2,})[\u201d"]|(?:^|[\s(])\u2018([^\u2018\u2019]{2,})\u2019(?=[\s,.;:!?)]|$)/g;
  for (const m of slice.matchAll(runs)) {
    const inner = m[1] ?? m[2];
    if (wordsIn(inner) >= MIN_QUOTED_RUN_WORDS && !isTitleCase(inner)) return true;
  }
  return false;
}

const MIN_QUOTED_RUN_WORDS = 2;

/**
 * Is [start, end) one quotation and nothing else ("The ad says “nothing will change …”", "According to the campaign,
 * “The speech will be …”")? Then the attribution reports the words as written: a direct quote, not a mixed one.
 * The quote finder leaves such quotes to this pass when their attribution is a pattern it does not read.
 */
function isOneQuotation(text: string, start: number, end: number): boolean {
  const m = /^(?:\u201c([^\u201c\u201d]+)\u201d|"([^"]+)"|''((?:(?!'').)+)'')[.,!?]?$/su.exec(text.slice(start, end));
  const inner = m && (m[1] ?? m[2] ?? m[3]);
  return !!inner && wordsIn(inner) >= MIN_QUOTED_RUN_WORDS && !isTitleCase(inner);
}
const wordsIn = (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*/gu)?.length ?? 0;

/** Most characters reported content is extended by to reach the close of a quote it opens. */
const QUOTE_CLOSE_REACH = 600;

/**
 * The end of content that opens a quote without closing it: the quote's close, when it follows in the same
 * paragraph. The sentence splitter cuts inside quotes ("had \"a lot of confusion. [...] [The dispatcher] …\"").
 */
function throughOpenQuote(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  const count = (mark: string) => slice.split(mark).length - 1;
  const mark = count('\u201c') > count('\u201d') ? '\u201d' : count('"') % 2 === 1 ? '"' : null;
  if (!mark) return end;
  const close = text.indexOf(mark, end);
  if (close < 0 || close - end > QUOTE_CLOSE_REACH || /[\n\r]/.test(text.slice(end, close))) return end;
  return close + 1;
}

/** Is a verb reading of the token at `i` likely (not "the report", "a call", "to say")? */
function verbReading(tokens: Token[], i: number, floor: number): boolean {
  const prev = i > floor ? tokens[i - 1] : undefined;
  if (!prev || !prev.word) return true;
  // After a determiner or a quantity the cue word is a noun or an adjective: "the report", "more pledged delegates".
  if (/^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|whose|any|every|each|no|such|said|more|fewer|enough|of)$/.test(prev.lower)) return false;
  if (prev.lower === 'to') return false;
  if (/['’]s$/.test(prev.text)) return false; // "Editor's note", "It's called"
  return !nounReading(tokens, i);
}

/** Words before a noun, not a subject: "on states in the Midwest", "across states that vote". */
const BEFORE_A_NOUN = new Set(['in', 'on', 'of', 'for', 'from', 'across', 'among', 'by', 'with', 'at', 'to', 'into', 'other', 'many', 'some', 'all', 'both', 'most', 'several']);

/**
 * The noun or adjective reading of a cue word: a noun-first form after a number, a comma or a preposition
 * ("35 states that …", "Vermont, states that vote", "resources on states that …"), and a past form between a
 * number and its noun ("758 pledged delegates").
 */
function nounReading(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev) return false;
  const afterNumber = /^\d[\d,.]*$/.test(prev.text);
  if (isNounFirst(tokens[i].lower)) return afterNumber || prev.text === ',' || BEFORE_A_NOUN.has(prev.lower);
  const next = tokens[i + 1];
  return afterNumber && /ed$/.test(tokens[i].lower) && !!next?.word && !next.cap && !COMPLEMENTIZERS.has(next.lower) && !SUBJECT_WORDS.has(next.lower);
}

/** In a list sorted so that `before` holds for a prefix, the index of the first item past that prefix. */
function firstIndexAfter<T>(items: T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `sentences`: the document's sentences, when the caller has split them already (they are split once). */
export function findIndirectAttributions(text: string, directQuotes: Span[], sentences?: Span[]): AttributionCandidate[] {
  if (typeof text !== 'string') throw new TypeError('findIndirectAttributions: text must be a string');
  if (!text.trim()) return [];
  // Spans outside the text or malformed are ignored rather than trusted.
  const valid = (directQuotes ?? []).filter((q) => Number.isFinite(q?.start) && Number.isFinite(q?.end) && q.start < q.end && q.start >= 0 && q.end <= text.length);
  const direct = new DirectQuoteIndex(valid);
  const found: AttributionCandidate[] = [];
  for (const sentence of sentences ?? splitSentences(text)) {
    for (const window of boundedWindows(text, sentence)) scanSentence(text, window, direct, found);
  }
  return resolveOverlaps(endBeforeNextAttribution(text, found));
}

/** What may stand between a content's last word and the next cue of the same speaker: ", and also said". */
const BEFORE_NEXT_CUE = /(?:[\s,;—–-]|\b(?:and|but|while|also|then|later|further|repeatedly)\b)*$/iu;
/** A new clause with its own source: "…, but the utility said …", "…, after half said so", "…; aides said …". */
const BEFORE_NEW_SOURCE = /(?:[,;—–]\s*(?:but|and|while|whereas|although|though|after|before|because|since|even as|as|however,)|;)\s*$/iu;
/** How far past a content's end a later cue may sit when its speaker starts inside the content. */
const SPEAKER_REACH = 200;

/**
 * A content ends where the next attribution starts, so the two do not share words:
 * - the same speaker's next act of speech, set off by a comma or a conjunction: in "Graham called Trump
 *   “crazy” and said the party is bound to lose" or "… his finish, asserting that he has a chance" the
 *   words after the second cue are a second attribution, not more of the first;
 * - another source opening a new clause: "Inspectors said the pumps were repaired, but the utility said …".
 * A nested attribution ("a finish that he said defied expectations") or a participle of thought ("…,
 * knowing that …") leaves the content whole.
 */
function endBeforeNextAttribution(text: string, candidates: AttributionCandidate[]): AttributionCandidate[] {
  const byCue = [...candidates].sort((a, b) => a.cueStart - b.cueStart);
  for (const c of candidates) {
    for (let k = firstIndexAfter(byCue, (later) => later.cueStart <= c.start); k < byCue.length && byCue[k].cueStart < c.end + SPEAKER_REACH; k++) {
      const end = nextAttributionStart(text, c, byCue[k]);
      if (end === null || end - c.start < 8 || end >= c.end) continue;
      c.end = end;
      if (c.kind === 'mixed' && !holdsQuotedRun(text, c.start, c.end)) c.kind = 'indirect';
    }
  }
  return candidates;
}

/** Where c's content must end because of the later candidate, or null when it need not. */
function nextAttributionStart(text: string, c: AttributionCandidate, later: AttributionCandidate): number | null {
  if (later === c || c.speakerEnd <= c.speakerStart) return null;
  const cls = lookupCueVerb(later.cue.split(' ').at(-1)?.toLowerCase() ?? '')?.cls;
  const sameSpeaker = later.speakerStart === c.speakerStart && later.speakerEnd === c.speakerEnd;
  if (sameSpeaker) {
    if (later.cueStart >= c.end || cls !== 'speech') return null;
    const before = text.slice(c.start, later.cueStart);
    const end = c.start + before.replace(BEFORE_NEXT_CUE, '').length;
    return /[,;—–]|\b(?:and|but)\b/i.test(before.slice(end - c.start)) ? end : null;
  }
  // "she hopes to win, but she knows that …": a thought goes on with the content
  if (cls === 'cognition' || later.speakerEnd <= later.speakerStart || later.speakerStart <= c.start || later.speakerStart >= c.end) return null;
  const opener = BEFORE_NEW_SOURCE.exec(text.slice(c.start, later.speakerStart));
  return opener ? c.start + opener.index : null;
}

/**
 * Real sentences are short; a "sentence" of thousands of characters is a list, a table or text without
 * punctuation. Scanning it in bounded windows keeps every per-cue walk short, so the cost stays linear.
 */
const MAX_SENTENCE = 2000;

function boundedWindows(text: string, sentence: Span): Span[] {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return [sentence];
  const windows: Span[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    const space = text.lastIndexOf(' ', cut);
    if (space > start + MAX_SENTENCE / 2) cut = space;
    windows.push({ start, end: cut });
    start = cut;
  }
  windows.push({ start, end: sentence.end });
  return windows;
}

function scanSentence(text: string, sentence: Span, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  const tokens = tokenize(text, sentence.start, sentence.end);
  if (tokens.length < 4) return;
  const firstWord = tokens.find((t) => t.word);
  const question = text[sentence.end - 1] === '?' || /\?[”"’']$/.test(text.slice(sentence.end - 2, sentence.end));
  if (question && firstWord && QUESTION_OPENERS.has(firstWord.lower)) return;

  headlineColon(text, tokens, direct, out);
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      if (!direct.inside(t.start)) accordingTo(text, tokens, i, direct, out);
      continue;
    }
    if (NOMINAL_CUES.has(t.lower) && tokens[i + 1]?.lower === 'that' && !(lookupCueVerb(t.lower) && verbReading(tokens, i, 0) && !/^(?:a|an|the)$/.test(tokens[i - 1]?.lower ?? ''))) {
      if (!direct.inside(t.start)) nominalCue(text, tokens, i, direct, out);
      continue;
    }
    if (TOPIC_NOUNS.has(t.lower) && TOPIC_PREPOSITIONS.has(tokens[i + 1]?.lower ?? '') && !t.cap && !direct.inside(t.start)) {
      if (topicNoun(text, tokens, i, direct, out)) continue;
    }
    const cue = lookupCueVerb(t.lower);
    if (!cue || direct.inside(t.start) || !verbReading(tokens, i, 0)) continue;
    // A capitalised cue inside a sentence is a name or a headline word ("United States", "Islamic State").
    if (t.cap && t !== firstWord) continue;
    if (postposed(text, tokens, i, cue, direct, out)) continue;
    preposed(text, tokens, i, cue, direct, out);
  }
}

function speakerSpan(tokens: Token[], phrase: SourceSpan | null, cueToken: Token): { speakerStart: number; speakerEnd: number } {
  if (!phrase) return { speakerStart: cueToken.start, speakerEnd: cueToken.start };
  return { speakerStart: tokens[phrase.first].start, speakerEnd: tokens[phrase.last].end };
}

function emit(
  text: string,
  region: Region,
  cue: { text: string; start: number; end: number },
  speaker: { speakerStart: number; speakerEnd: number },
  confidence: number,
  direct: DirectQuoteIndex,
  out: AttributionCandidate[],
): boolean {
  const trimmed = trimContent(text, region.start, region.end);
  const { start } = trimmed;
  const end = throughOpenQuote(text, start, trimmed.end);
  if (end - start < 8) return false;
  if (direct.isJustAQuote(text, start, end)) return false;
  // Only the head of the content matters for these checks; bounded slices keep dense inputs linear.
  const head = text.slice(start, Math.min(end, start + 200));
  const words = head.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_CONTENT_WORDS) return false;
  // Content opening with an auxiliary or a preposition means the cue word was a noun ("three states have …").
  const opener = /^[\p{L}\p{N}'’-]+/u.exec(head)?.[0].toLowerCase() ?? '';
  if (BAD_CONTENT_OPENERS.has(opener)) return false;
  out.push({
    start,
    end,
    cue: cue.text,
    cueStart: cue.start,
    cueEnd: cue.end,
    ...speaker,
    kind: isOneQuotation(text, start, end) ? 'direct' : hasQuotedFragment(text, start, end, direct) ? 'mixed' : 'indirect',
    confidence: Math.max(0.05, Math.min(0.99, Number(confidence.toFixed(3)))),
  });
  return true;
}

/** Cue text with the auxiliaries directly before it: "has said", "had also argued". */
function cueWithAux(text: string, tokens: Token[], i: number): { text: string; start: number; end: number } {
  let first = i;
  while (first > 0 && tokens[first - 1].word && /^(?:has|have|had|also|will|would|is|are|was|were|been|be)$/.test(tokens[first - 1].lower)) first--;
  return { text: text.slice(tokens[first].start, tokens[i].end), start: tokens[first].start, end: tokens[i].end };
}

/**
 * "CONTENT, officials said (on Tuesday)." / "CONTENT, said Smith." / "CONTENT1, Smith said, CONTENT2."
 * The cue follows its content: an attribution comma, a short speaker, and at most a short adverbial after.
 * Returns true when the cue was used up (even if the content was a direct quote and nothing was emitted).
 */
function postposed(text: string, tokens: Token[], i: number, cue: CueMatch, direct: DirectQuoteIndex, out: AttributionCandidate[]): boolean {
  if (cue.form === 'gerund') return false;
  // "…, officials say." but not "…, 38 percent support": a bare form needs a subject that can govern it.
  if (cue.form === 'base' && (!baseFormSubject(tokens, i, cue) || cue.cls === 'intent')) return false;
  let comma = -1;
  for (let k = i - 1; k >= 0 && i - k <= MAX_SPEAKER_TOKENS + 2; k--) {
    const t = tokens[k];
    if (t.text === ',' || t.text === '—' || t.text === '–') {
      comma = k;
      break;
    }
    if (t.text === '-' && tokens[k - 1]?.text === '-') {
      comma = k - 1; // a dash typed as "--"
      break;
    }
    if (!t.word && t.text !== '.' && t.text !== '(' && t.text !== ')' && !isQuoteMark(t)) return false;
    if (isQuoteMark(t)) {
      // `…," she said` : a comma right before the closing mark.
      if (tokens[k - 1]?.text === ',') {
        comma = k - 1;
        break;
      }
      return false;
    }
  }
  if (comma < 1) return false;
  // Speaker: between comma and cue ("…, officials said"), or right after an inverted cue ("…, said Smith").
  let phrase: SourceSpan | null;
  let afterSpeaker: number;
  const closing = isQuoteMark(tokens[comma + 1]) ? comma + 2 : comma + 1;
  if (closing === i) {
    if (!cue.invertible || cue.form === 'base') return false;
    phrase = speakerAfter(tokens, i, tokens.length);
    if (!phrase || !phrase.plausible) return false;
    afterSpeaker = phrase.last + 1;
    if (tokens[afterSpeaker]?.text === ',') {
      // "…, said Sen. Jane Smith, a Democrat from Ohio." : an appositive runs to the end.
      const rest = tokens.slice(afterSpeaker + 1);
      if (rest.some((t) => t.word && t.lower === 'that')) return false;
      afterSpeaker = tokens.length;
    } else if (afterSpeaker < tokens.length && tokens[afterSpeaker].word) {
      return false;
    }
  } else {
    phrase = speakerBefore(tokens, i, closing);
    if (!phrase || phrase.first !== closing) return false;
    afterSpeaker = i + 1;
  }
  // "After his conviction, Manafort agreed to help …": an intent cue's infinitive is its content, after it
  if (cue.cls === 'intent' && tokens[afterSpeaker]?.lower === 'to') return false;
  // Optional short adverbial ("on Tuesday", "in a statement"), then the sentence end or a comma that resumes the content.
  let k = afterSpeaker;
  if (k < tokens.length && tokens[k].word && !TRAILING_OPENERS.has(tokens[k].lower) && !cue.hearer) return false;
  while (k < tokens.length && tokens[k].word && k - afterSpeaker < MAX_TRAILING_ADVERBIAL) {
    if (tokens[k].lower === 'that' || SUBJECT_PRONOUNS.has(tokens[k].lower) || (lookupCueVerb(tokens[k].lower) && k !== i)) return false;
    k++;
  }
  const resumes = k < tokens.length && (tokens[k].text === ',' || tokens[k].text === '—' || tokens[k].text === '–');
  const ends =
    k >= tokens.length || /^[.!?…;:]+$/.test(tokens[k].text) || (isQuoteMark(tokens[k]) && tokens.slice(k + 1).every((t) => !t.word));
  if (!resumes && !ends) return false;
  if (resumes && k + 1 < tokens.length && tokens[k + 1].lower === 'that') return false;

  const cueToken = tokens[i];
  const cueInfo = cueWithAux(text, tokens, i);
  const speaker = speakerSpan(tokens, phrase, cueToken);
  lastSpeaker.set(tokens, phrase);
  const base = cue.strength * (phrase.plausible ? 1 : 0.7);
  const contentStart = tokens[0].start;
  const headWords = wordCount(tokens, 0, comma);
  if (headWords < MIN_CONTENT_WORDS && !resumes) return false;
  const emitted = headWords >= MIN_CONTENT_WORDS && emit(text, { start: contentStart, end: tokens[comma].start }, cueInfo, speaker, base, direct, out);
  // "The plan, she said, would fail" / "Otherwise, she said, countries may …": the clause resumes after the
  // attribution. Not after a direct quote: the rest is then usually narration ("…," he said, cutting off …).
  const headWasQuote = headWords > 0 && direct.isJustAQuote(text, tokens[0].start, tokens[comma].start);
  const splitsClause = resumes && !direct.inside(tokens[0].start) && !!tokens[k + 1]?.word && FINITE.test(tokens[k + 1].lower);
  if (!headWasQuote && headWords > 0 && headWords <= 6 && splitsClause) {
    // "Climate change, Mr. Obama often says, is the greatest threat": the attribution splits one clause; the
    // whole sentence is its content.
    if (emitted) out.pop();
    emit(text, { start: tokens[0].start, end: tokens[tokens.length - 1].end }, cueInfo, speaker, base * 0.9, direct, out);
    return true;
  }
  if (!headWasQuote && headWords > 0 && !emitted && resumes && !clauseOpener(tokens[k + 1], tokens, k + 1, true)) return true;
  if (!headWasQuote && resumes && wordCount(tokens, k + 1, tokens.length) >= MIN_CONTENT_WORDS && clauseOpener(tokens[k + 1], tokens, k + 1, true)) {
    const tail = { start: tokens[k].end, end: tokens[tokens.length - 1].end };
    emit(text, tail, cueInfo, speaker, base * 0.9, direct, out);
  }
  return true;
}

/** The speaker of the latest cue in a sentence, for a participle cue after it ("Smith said …, adding that …"). */
const lastSpeaker = new WeakMap<Token[], SourceSpan>();

/** Time and manner words between a cue and its content: "said Friday that", "told CNN on Sunday that". */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'on',
  'last', 'this', 'next', 'week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening', 'night', 'earlier',
  'later', 'recently', 'again', 'also', 'repeatedly', 'publicly', 'privately', 'in', 'a', 'an', 'the', 'interview',
  'statement', 'speech', 'letter', 'at', 'during', 'with', 'rally', 'news', 'conference', 'press', 'release', 'of',
  'via', 'email', 'e-mail', 'phone', 'telephone', 'by', 'post', 'posted', 'tweet', 'radio', 'television', 'tv', 'show',
]);

/** Words that may open the short adverbial after a postposed cue: "…, officials said on Tuesday." */
const TRAILING_OPENERS = new Set([
  'on', 'in', 'at', 'during', 'via', 'by', 'after', 'before', 'last', 'this', 'earlier', 'later', 'today', 'yesterday',
  'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recently', 'previously',
  'then', 'afterward', 'afterwards', 'also', 'again', 'when', 'while', 'as', 'from', 'to', 'with', 'following', 'privately',
  'publicly', 'separately', 'late', 'early', 'over', 'through', 'under', 'about', 'of', 'for', 'ago', 'once', 'repeatedly',
  'told', 'wrote', 'said', 'added', 'noting', 'adding', 'according', 'speaking', 'referring', 'citing', 'pointing',
]);

/** Openers of a setting phrase that may precede the content: "said after the vote he would resign". */
const SETTING_OPENERS = new Set(['after', 'before', 'in', 'on', 'at', 'during', 'following', 'last', 'earlier', 'later', 'privately', 'publicly', 'despite', 'because', 'if', 'when', 'while', 'since', 'although', 'though', 'unless', 'once', 'as']);
/**
 * The content start after a named hearer with no "that": "told the BBC even one percent of users …" —
 * a hearer of one to four capitalised words (after an optional "the"), then a lower-case word that
 * opens the content rather than a setting. 0 when the tokens do not read so.
 */
function namedHearerEnd(tokens: Token[], k: number): number {
  let h = tokens[k]?.lower === 'the' ? k + 1 : k;
  const first = h;
  while (h < tokens.length && h - first < 4 && tokens[h].word && tokens[h].cap) h++;
  if (h === first || h >= tokens.length) return 0;
  const next = tokens[h];
  return next.word && !next.cap && !AFTER_HEARER.has(next.lower) && !COMPLEMENTIZERS.has(next.lower) ? h : 0;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there']);
/** Words that open a subordinate or participle phrase rather than reported content. */
const NON_CLAUSE_OPENERS = new Set([
  'as', 'after', 'before', 'when', 'while', 'during', 'following', 'since', 'until', 'because', 'though', 'although',
  'in', 'at', 'on', 'for', 'with', 'without', 'about', 'from', 'by', 'via', 'through', 'amid', 'despite', 'unlike',
  'but', 'and', 'or', 'then', 'adding', 'who', 'which', 'where', 'not', 'than', 'again', 'instead',
]);

function clauseOpener(t: Token | undefined, tokens?: Token[], index = -1, strictParticiple = false): boolean {
  if (!t) return false;
  if (isQuoteMark(t)) return true;
  if (!t.word) return false;
  if (NON_CLAUSE_OPENERS.has(t.lower) || BAD_CONTENT_OPENERS.has(t.lower)) return false;
  if (!t.cap && /ly$/.test(t.lower) && t.lower.length > 4) {
    // "reported disappointingly flat growth" opens content; "said repeatedly in …" does not.
    const after = tokens?.[index + 1];
    if (strictParticiple || !after?.word || after.cap || NON_CLAUSE_OPENERS.has(after.lower) || BAD_CONTENT_OPENERS.has(after.lower) || COMPLEMENTIZERS.has(after.lower)) return false;
  }
  // "-ing" opens a participle phrase ("…, cutting off a reporter"), unless it is the subject of a clause ("funding was …").
  if (strictParticiple && !t.cap && /ing$/.test(t.lower) && t.lower.length > 4 && (!tokens || !finiteSoon(tokens, index))) return false;
  return true;
}

const FINITE = /^(?:is|was|are|were|has|had|have|will|would|could|can|should|may|might|must|does|did)$/;

function finiteSoon(tokens: Token[], index: number): boolean {
  for (let h = index + 1; h < tokens.length && h - index <= 3; h++) {
    if (!tokens[h].word) return false;
    if (FINITE.test(tokens[h].lower)) return true;
  }
  return false;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'reporters', 'journalists', 'supporters', 'voters', 'it']);
const SUBJECT_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'the', 'his', 'her', 'their', 'its', 'this', 'that']);

/**
 * A noun-phrase object that carries reported content: "called the plan a disaster", "described it as reckless",
 * "endorsed Trump". The object must open like a noun phrase.
 */
function objectReported(tokens: Token[], k: number, cue: CueMatch): boolean {
  const first = tokens[k];
  if (!first?.word) return false;
  if (NON_CLAUSE_OPENERS.has(first.lower) || BAD_CONTENT_OPENERS.has(first.lower) || COMPLEMENTIZERS.has(first.lower)) return false;
  if (/^(?:to|into|out|up|back|off|down|over)$/.test(first.lower)) return false;
  if (cue.asPhrase) {
    for (let h = k + 1; h < tokens.length && h - k <= 14; h++) {
      if (tokens[h].lower === 'as') return true;
      if (tokens[h].text === ';' || (tokens[h].text === '.' && !(tokens[h - 1].cap && tokens[h - 1].text.length <= 3))) return false;
    }
    return false;
  }
  if (cue.lemma === 'call') {
    for (let h = k + 1; h < tokens.length && h - k <= 8; h++) {
      if (/^(?:a|an)$/.test(tokens[h].lower) || isQuoteMark(tokens[h])) return true;
      if (!tokens[h].word) return false;
    }
    return false;
  }
  return true;
}

const MONTHS_AND_DAYS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** Words of a time expression that may stand between a cue and its content: "said Tuesday", "said last week". */
const WHEN_WORDS = /^(?:on|last|this|next|earlier|later|week|month|year|weekend|morning|afternoon|evening|night|yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * After a time expression at k ("Tuesday", "on Sunday", "last week"), the subject of a clause ("his actions …",
 * "she would …"): its index, the content's start with no "that"; k when the tokens do not read so.
 */
function whenThenSubject(tokens: Token[], k: number): number {
  let h = k;
  while (h < tokens.length && h - k < 4 && tokens[h].word && WHEN_WORDS.test(tokens[h].lower)) h++;
  const subject = tokens[h];
  if (h === k || !subject?.word || subject.cap) return k;
  return SUBJECT_PRONOUNS.has(subject.lower) || /^(?:his|her|their|its|our|the)$/.test(subject.lower) ? h : k;
}

/** Does a closing quote mark (with its comma) sit right before token `first`? */
function afterQuote(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  if (!prev) return false;
  if (isQuoteMark(prev)) return true;
  return prev.text === ',' && isQuoteMark(tokens[first - 2]);
}

/** "the poll shows …", "a federal judge found …": a source of evidence right before the verb. */
function evidenceSubject(tokens: Token[], i: number): boolean {
  const j = skipBetween(tokens, i - 1, 0);
  return j >= 0 && EVIDENCE_NOUNS.has(tokens[j].lower);
}

function next0IsTo(tokens: Token[], k: number): boolean {
  return tokens[k]?.lower === 'to' || (tokens[k]?.word && /ly$/.test(tokens[k].lower) && tokens[k + 1]?.lower === 'to') || false;
}

/** "after the vote he would resign": a short setting phrase, then a subject pronoun opening the clause. */
function settingThenClause(tokens: Token[], k: number): boolean {
  for (let h = k + 1; h < tokens.length && h - k <= 10; h++) {
    const t = tokens[h];
    if (t.text === ',' && h > k + 1) return !!tokens[h + 1] && (tokens[h + 1].cap || SUBJECT_PRONOUNS.has(tokens[h + 1].lower));
    if (!t.word) return false;
    if (/^(?:as|when|while|because|since|if|who|which|where)$/.test(t.lower)) return false;
    if (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'that') return true;
  }
  return false;
}

const DETERMINER_LIKE = /^(?:the|a|an|this|that|his|her|its|their|our|my|your|of|for|in|on|at|to|by|with|from|as|than|and|or|but)$/;

/** Subjects a bare base form can follow as a verb ("Democrats say", "we believe"), unlike "the Pew report". */
function baseFormSubject(tokens: Token[], i: number, cue?: CueMatch): boolean {
  let j = skipBetween(tokens, i - 1, 0);
  while (j >= 0 && tokens[j].word && (/^(?:also|still|now|often|all|both|too|even|just|not|never|do|don't)$/.test(tokens[j].lower) || /[a-z]ly$/.test(tokens[j].text))) j--;
  const prev = tokens[j];
  if (!prev || !prev.word) return false;
  if (/\d/.test(prev.text)) return true; // "42% say"
  if (prev.cap) {
    // "supporters of Democrat Hillary Clinton say": a plural noun heads the phrase; "the Pew Research report" has none.
    const phrase = speakerBefore(tokens, i, 0);
    if (phrase) for (let k = phrase.first; k <= phrase.last; k++) if (!tokens[k].cap && /[^s]s$/.test(tokens[k].lower) && tokens[k].lower.length > 3) return true;
  }
  if (!prev.cap && !DETERMINER_LIKE.test(prev.lower) && /(?:[^s]s|ed|ers|ans|ists|ics|people|public)$/.test(prev.lower)) return true;
  if (prev.lower === 'percent' && (cue?.cls === 'speech' || cue?.cls === 'cognition')) return true; // "47 percent say" // "those surveyed say"
  if (/^(?:i|we|they|you|who|will|would|can|could|may|might|must|should|do|does|did|people|police|media|public|majority|many|most|some|others|both|all|don't|didn't|won't|can't|doesn't|shall)$/.test(prev.lower)) return true;
  return /[^s]s$/.test(prev.lower) && prev.lower.length > 3;
}

/** Third-person forms that are more often nouns ("the report", "his remarks"): need a complement or a clear subject. */
const NOUNY = new Set([
  'states', 'reports', 'claims', 'notes', 'calls', 'plans', 'hopes', 'fears', 'estimates', 'comments', 'charges',
  'answers', 'demands', 'promises', 'pledges', 'vows', 'shows', 'finds', 'doubts', 'signals', 'posts', 'protests',
  'counters', 'projects', 'tweets', 'remarks', 'wants', 'concerns', 'questions', 'documents', 'records', 'responds',
  'forecasts', 'reveals', 'warnings', 'assures', 'says', 'thinks', 'feels',
]);

/** "Smith said (that) CONTENT", "Smith told reporters CONTENT", "…, saying CONTENT", "officials have called for CONTENT". */
function preposed(text: string, tokens: Token[], i: number, cueWord: CueMatch, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  let cue = cueWord;
  let k = i + 1;
  let cueEndToken = i;
  const particles = CUE_PARTICLES[cue.lemma];
  if (particles && tokens[k]?.word && particles.has(tokens[k].lower)) {
    cueEndToken = k;
    k++;
  } else if (cue.lemma === 'point') {
    return;
  }
  const prevWord = tokens[i - 1];
  const beBefore = !!prevWord?.word && /^(?:is|are|was|were|be|been|being|get|got|’s|'s)$/.test(prevWord.lower);
  // "is calling", "was telling": a progressive verb, not a participle clause; "was told", "is expected": passive.
  const progressive = beBefore && cue.form === 'gerund';
  const passive = beBefore && !progressive;
  if (progressive) cue = { ...cue, form: 'finite' };
  if (cue.form === 'base' && !baseFormSubject(tokens, i, cue) && tokens[k]?.lower !== 'that') return;
  if (passive && next0IsTo(tokens, k) && /^(?:expect|believe|think|say|report|rumor|know|consider|understand|project|predict|estimate|schedule|set|plan)/.test(cue.lemma)) {
    // "The bank is expected to raise rates": the whole sentence is the reported content, with no source.
    const whole = { start: tokens[0].start, end: tokens[tokens.length - 1].end };
    emit(text, whole, cueWithAux(text, tokens, i), { speakerStart: tokens[i].start, speakerEnd: tokens[i].start }, cue.strength * 0.7, direct, out);
    return;
  }
  // The hearer of tell/assure/warn/remind: "told reporters", "told The Washington Post on Sunday that".
  if (cue.hearer && !passive && cueEndToken === i && tokens[k]?.word && !COMPLEMENTIZERS.has(tokens[k].lower)) {
    let h = k;
    let subject = -1;
    while (h < tokens.length && h - k < 12 && (tokens[h].word || tokens[h].text === '.' || isQuoteMark(tokens[h])) && !COMPLEMENTIZERS.has(tokens[h].lower)) {
      if (subject < 0 && h > k && SUBJECT_PRONOUNS.has(tokens[h].lower) && tokens[h].lower !== 'it') subject = h;
      h++;
    }
    if (h < tokens.length && tokens[h].word && COMPLEMENTIZERS.has(tokens[h].lower) && (subject < 0 || tokens[h].lower === 'that')) k = h;
    else if (subject > 0) k = subject;
    else if (OBJECT_PRONOUNS.has(tokens[k].lower) && (SUBJECT_WORDS.has(tokens[k + 1]?.lower ?? '') || tokens[k + 1]?.cap)) k = k + 1;
    else if (h < tokens.length && (tokens[h].text === ',' || tokens[h].text === ':') && h - k <= 6) k = h;
    else if (namedHearerEnd(tokens, k) > 0) k = namedHearerEnd(tokens, k); // "told the BBC even one percent of users …"
    else return;
  } else {
    // Time and setting between the cue and a "that": "said on Sunday in an interview that …".
    let h = k;
    while (h < tokens.length && h - k < 10 && tokens[h].word && (TIME_WORDS.has(tokens[h].lower) || tokens[h].cap)) h++;
    const subject = whenThenSubject(tokens, k); // "said Tuesday his actions are lawful"
    if (h > k && tokens[h]?.word && COMPLEMENTIZERS.has(tokens[h].lower)) k = h;
    else if (subject > k) k = subject;
    else if (tokens[k]?.word && TRAILING_OPENERS.has(tokens[k].lower) && !COMPLEMENTIZERS.has(tokens[k].lower)) {
      // "said at an event in Colorado Springs that …"
      for (h = k + 1; h < tokens.length && h - k < 12; h++) {
        const t = tokens[h];
        if (!t.word && t.text !== '.' && t.text !== ',' && !/^[’']s$/.test(t.text) && !(isQuoteMark(t) && h - k <= 3)) break;
        if (t.lower === 'that') {
          k = h;
          break;
        }
        if (SUBJECT_PRONOUNS.has(t.lower) || (lookupCueVerb(t.lower) && !t.cap)) break;
      }
    }
  }
  if (tokens[k]?.text === ',' && !cue.hearer) {
    // "cautioned, as did the campaign itself, that …"
    for (let h = k + 1; h < tokens.length && h - k <= 12; h++) {
      if (tokens[h].text === ',' && tokens[h + 1]?.lower === 'that') {
        k = h + 1;
        break;
      }
    }
  }
  while (k < tokens.length && (tokens[k].text === ',' || tokens[k].text === ':')) k++;
  if (k >= tokens.length) return;
  const next = tokens[k];
  const complement = next.word && COMPLEMENTIZERS.has(next.lower);
  const quoteNext = isQuoteMark(next);
  if (isNounFirst(tokens[i].lower) && nounReadingOfNounFirst(tokens, i, k)) return;
  if (!complement && !quoteNext && !clauseOpener(next, tokens, k)) {
    const about = next.lower === 'about' && /^\d/.test(tokens[k + 1]?.text ?? ''); // "said about 20 people …"
    if (!about && !(SETTING_OPENERS.has(next.lower) && settingThenClause(tokens, k))) return;
  }
  let objectContent = false;
  if (cue.needsComplement && !complement && !quoteNext && cueEndToken === i) {
    if (cue.cls === 'evidence' && evidenceSubject(tokens, i)) {
      // "an arbitration panel found the United States was in breach", "polls show a close race"
    } else {
      if (!cue.object || !objectReported(tokens, k, cue)) return;
      objectContent = true;
    }
  }
  if (NOUNY.has(tokens[i].lower) && !complement && !quoteNext && tokens[i].lower !== 'says' && !(cue.cls === 'evidence' && evidenceSubject(tokens, i))) {
    const subject = speakerBefore(tokens, i, 0);
    if (!subject || subject.type === 'noun') return;
    if (subject.type === 'name' && /^(?:the|a|an)$/.test(tokens[subject.first].lower) && subject.last - subject.first < 2) return; // "the March states account …"
  }
  if (next.lower === 'to' && cue.cls === 'speech' && !cue.hearer && cue.lemma !== 'call' && cue.lemma !== 'urge') return; // "said to be"
  // "was charged", "is expected to win": passive; only "it is said/believed that …" reports content.
  if (passive && !(complement && next.lower === 'that' && tokens[skipBetween(tokens, i - 1, 0)]?.lower === 'it')) return;
  // Speaker: before the cue, or the sentence subject for a participle clause (", saying …").
  let phrase: SourceSpan | null = null;
  if (cue.form === 'gerund') {
    const prev = tokens[i - 1];
    if (!prev || (prev.text !== ',' && prev.text !== '—' && prev.lower !== 'by' && prev.lower !== 'and')) return;
    if (!complement && !quoteNext && !/^(?:say|add|note|argue|claim|insist|warn|tell|explain|suggest)$/.test(cue.lemma)) return;
    phrase = lastSpeaker.get(tokens) ?? sentenceSubject(tokens, i);
  } else if (!passive) {
    const before = skipBetween(tokens, i - 1, 0);
    const coordinated = before >= 0 && /^(?:and|but)$/.test(tokens[before].lower);
    phrase = coordinated ? sentenceSubject(tokens, before) : speakerBefore(tokens, i, 0);
    if (!phrase) return;
    if (objectContent && !phrase.plausible) return;
    const phrasal = cueEndToken !== i; // "This initiative called for …": any subject
    if (!phrase.plausible && cue.strength < 0.8 && !phrasal) return;
  }
  // After a direct quote ("…,” Hollande said Friday as he entered the talks) the words after the cue are
  // narration, unless they open a reported clause with "that" or a quote.
  if (phrase && afterQuote(tokens, phrase.first) && !(complement && next.lower === 'that') && !quoteNext) return;
  if (!complement && next.word && MONTHS_AND_DAYS.test(next.lower)) return;
  const cueInfo = cueWithAux(text, tokens, i);
  cueInfo.end = tokens[cueEndToken].end;
  cueInfo.text = text.slice(cueInfo.start, cueInfo.end);
  const cueToken = tokens[i];
  let end = tokens[tokens.length - 1].end;
  // A relative clause ("Smith, who said he would vote for it, agreed") ends at the next comma.
  const relative = phrase?.type === 'pronoun' && /^(?:who|which)$/.test(tokens[phrase.first].lower);
  const relativeClause = relative || (i > 0 && /^(?:who|which)$/.test(tokens[skipBetween(tokens, i - 1, 0)]?.lower ?? ''));
  // A fronted clause ("With leaders worried about turnout, Governor X …") ends at its comma.
  const fronted = !!tokens[0].word && /^(?:with|after|as|amid|while|despite)$/.test(tokens[0].lower) && !tokens.slice(0, i).some((t) => t.text === ',');
  const phraseOnly = relativeClause || fronted;
  for (let s = k; s < tokens.length; s++) {
    const boundary = tokens[s].text === ';' || (phraseOnly && (tokens[s].text === ',' || tokens[s].text === '—' || tokens[s].text === ':'));
    if (boundary && s > k) {
      end = tokens[s].start;
      break;
    }
  }
  const speaker = speakerSpan(tokens, phrase, cueToken);
  if (phrase) lastSpeaker.set(tokens, phrase);
  let confidence = cue.strength * (phrase ? (phrase.plausible ? 1 : 0.75) : 0.6);
  if (complement && next.lower === 'that') confidence = Math.min(1, confidence + 0.1);
  if (objectContent) confidence *= 0.8;
  emit(text, { start: next.start, end }, cueInfo, speaker, confidence, direct, out);
}

/**
 * A noun-first cue word ("states", "plans") before its complement at k is the noun when a place or party
 * name qualifies it ("Western states", "Rust Belt states"), when "where"/"who"/"when" follows, or when "that"
 * opens a relative clause with no subject of its own ("states that have voted", "states that will hold").
 */
function nounReadingOfNounFirst(tokens: Token[], i: number, k: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.word && prev.cap && i - 1 > 0) return true;
  const next = tokens[k];
  if (next?.word && COMPLEMENTIZERS.has(next.lower) && next.lower !== 'that' && next.lower !== 'to') return true;
  return next?.lower === 'that' && VERBISH.test(tokens[k + 1]?.lower ?? '');
}

/** The subject at the start of the sentence, for participle cues: "Smith rejected the plan, saying …". */
function sentenceSubject(tokens: Token[], before: number): SourceSpan | null {
  let i = 0;
  while (i < before && (!tokens[i].word || /^(?:but|and|so|yet|however|meanwhile|still|also|then|now)$/.test(tokens[i].lower))) i++;
  // An introductory phrase ("On Sunday, …", "Last week, …", "In a statement, …") comes before the subject.
  if (i < before && (INTRO_OPENERS.has(tokens[i].lower) || /ly$/.test(tokens[i].lower))) {
    let c = i + 1;
    while (c < before && tokens[c].text !== ',' && c - i < 12) c++;
    if (c < before && tokens[c].text === ',') i = c + 1;
  }
  if (i >= before) return null;
  const t = tokens[i];
  const pronoun = /^(he|she|they|it|we|i)(?:['’].*)?$/.exec(t.lower);
  if (t.word && pronoun) return { first: i, last: i, type: 'pronoun', plausible: pronoun[1] !== 'it' };
  if (t.word && /^(?:a|an|the|another|some|many|several|two|three|four|five|most|few|his|her|their|its|our)$/.test(t.lower)) {
    // "A bipartisan group of experts wrote …, arguing": up to the first verb-looking word.
    let j = i + 1;
    while (j < before && j - i < 14 && tokens[j].word && !VERBISH.test(tokens[j].lower) && !(lookupCueVerb(tokens[j].lower) && !SOURCE_NOUNS.has(tokens[j].lower))) j++;
    if (j - 1 <= i) return null;
    return { first: i, last: j - 1, type: tokens[j - 1].cap ? 'name' : 'noun', plausible: true };
  }
  // Walk forward over the subject phrase (names, role words, determiners, "of"), then reuse the backward walker from its end.
  let j = i;
  while (
    j + 1 < before &&
    j - i < 10 &&
    (tokens[j + 1].cap ||
      tokens[j + 1].text === '.' ||
      /^(?:of|for|the|at)$/.test(tokens[j + 1].lower) ||
      ROLE_WORDS.has(tokens[j + 1].lower) ||
      SOURCE_NOUNS.has(tokens[j + 1].lower))
  )
    j++;
  while (j > i && (!tokens[j].word || /^(?:of|for|the|at)$/.test(tokens[j].lower))) j--;
  if (!tokens[j].cap && !ROLE_WORDS.has(tokens[j].lower) && !SOURCE_NOUNS.has(tokens[j].lower)) return null;
  return phraseEndingAt(tokens, j, i);
}

/** Finite auxiliaries and past-tense-looking words that end a subject phrase. */
const VERBISH = /^(?:is|was|are|were|has|have|had|will|would|could|can|should|may|might|must|does|did|do|who|which|that|\w+ed)$/;

/** Words that open an introductory phrase before the subject. */
const INTRO_OPENERS = new Set([
  'on', 'in', 'at', 'after', 'before', 'during', 'last', 'this', 'earlier', 'later', 'since', 'when', 'while', 'as',
  'following', 'despite', 'for', 'with', 'without', 'by', 'from', 'over', 'under', 'if', 'although', 'though', 'because',
  'speaking', 'asked', 'writing', 'addressing', 'meanwhile', 'instead', 'still', 'yesterday', 'today',
]);

/** "According to X, CONTENT." / "CONTENT, according to X." / "CONTENT1, according to X, CONTENT2." */
function accordingTo(text: string, tokens: Token[], i: number, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  const sourceFirst = i + 2;
  let k = sourceFirst;
  while (k < tokens.length && tokens[k].text !== ',' && !/^[.!?;:—–]+$/.test(tokens[k].text)) k++;
  if (k === sourceFirst) return;
  const source = text.slice(tokens[sourceFirst].start, tokens[k - 1].end);
  if (NOT_A_SOURCE.test(source)) return;
  const cueInfo = { text: text.slice(tokens[i].start, tokens[i + 1].end), start: tokens[i].start, end: tokens[i + 1].end };
  const speaker = { speakerStart: tokens[sourceFirst].start, speakerEnd: tokens[k - 1].end };
  const last = tokens[tokens.length - 1].end;
  let before: Region | null = null;
  if (i > 0) {
    let c = i - 1;
    while (c >= 0 && tokens[c].text !== ',' && tokens[c].text !== '—' && tokens[c].text !== '(') c--;
    before = { start: tokens[0].start, end: c >= 0 ? tokens[c].start : tokens[i].start };
  }
  const after: Region | null = k < tokens.length && tokens[k].text === ',' ? { start: tokens[k].end, end: last } : null;
  const confidence = 0.9;
  const wordsBefore = wordCount(tokens, 0, i);
  const intro = introPhrase(tokens, i);
  const beforeIsContent = !!before && wordsBefore >= MIN_CONTENT_WORDS && !intro;
  // The sentence part on each side of the attribution is content: "X, according to Y, is Z" gives both halves.
  // After content, what follows the source's comma is its appositive ("…, according to Andy Smith, director of
  // the survey center") or a new clause ("…, but his path is narrowing"), unless it resumes the clause with a verb.
  if (beforeIsContent && before) emit(text, before, cueInfo, speaker, confidence, direct, out);
  const resumesClause = FINITE.test(tokens[k + 1]?.lower ?? '');
  if (!beforeIsContent && resumesClause && wordsBefore > 0 && !intro) {
    // "The plan, according to aides, is to cut taxes": the attribution splits one clause, the sentence is its content.
    emit(text, { start: tokens[0].start, end: last }, cueInfo, speaker, confidence, direct, out);
  } else if (after && wordCount(tokens, k + 1, tokens.length) >= MIN_CONTENT_WORDS && (!beforeIsContent || resumesClause)) {
    emit(text, after, cueInfo, speaker, confidence, direct, out);
  }
}

/**
 * Is the sentence part before token `i` an introductory phrase rather than a clause ("Entering the final contests
 * in June, according to …", "Among the precedents at risk, according to …")? It opens with a participle or a
 * preposition and holds no comma before the attribution's own.
 */
function introPhrase(tokens: Token[], i: number): boolean {
  const first = tokens.findIndex((t) => t.word);
  if (first < 0 || first >= i) return false;
  const opener = tokens[first];
  const participle = /ing$/.test(opener.lower) && opener.lower.length > 4 && !finiteSoon(tokens, first);
  if (!participle && !INTRO_PREPOSITIONS.has(opener.lower)) return false;
  let commas = 0;
  for (let k = first; k < i; k++) if (tokens[k].text === ',') commas++;
  return commas <= 1;
}

/** Prepositions and subordinators that open an introductory phrase, not a clause. */
const INTRO_PREPOSITIONS = new Set(['among', 'amid', 'despite', 'while', 'although', 'though', 'since', 'unlike', 'with', 'without', 'after', 'before', 'during', 'following']);

/** Nouns of stance or speech whose topic is reported: "criticism of the plan", "questions about his taxes". */
const TOPIC_NOUNS = new Set([
  'criticism', 'criticisms', 'questions', 'concerns', 'support', 'opposition', 'comments', 'remarks', 'attacks',
  'attack', 'calls', 'call', 'demands', 'demand', 'complaints', 'complaint', 'warnings', 'warning', 'praise', 'doubts',
  'allegations', 'accusations', 'statement', 'statements', 'views', 'view', 'position', 'stance', 'promise', 'promises',
  'pledge', 'pledges', 'proposal', 'proposals', 'plan', 'plans', 'comment', 'remark', 'testimony', 'endorsement',
]);
const TOPIC_PREPOSITIONS = new Set(['of', 'about', 'on', 'for', 'against', 'to', 'over']);

/** "Trump's attacks on the judge", "calls for a special prosecutor": the topic phrase up to the next comma. */
function topicNoun(text: string, tokens: Token[], i: number, direct: DirectQuoteIndex, out: AttributionCandidate[]): boolean {
  const prev = tokens[i - 1];
  let phrase: SourceSpan | null = null;
  if (prev?.word && /['’]s$|s['’]$/.test(prev.text)) phrase = phraseEndingAt(tokens, i - 1, 0);
  else if (prev?.word && /^(?:his|her|their|its|our|my)$/.test(prev.lower)) phrase = { first: i - 1, last: i - 1, type: 'pronoun', plausible: true };
  if (!phrase) return false;
  let end = tokens.length;
  for (let k = i + 2; k < tokens.length; k++) {
    if (tokens[k].text === ',' || tokens[k].text === ';' || tokens[k].text === '—' || tokens[k].text === ':') {
      end = k;
      break;
    }
  }
  if (end - (i + 2) < 2) return false;
  const cueInfo = { text: text.slice(tokens[i].start, tokens[i + 1].end), start: tokens[i].start, end: tokens[i + 1].end };
  const speaker = speakerSpan(tokens, phrase, tokens[i]);
  if (phrase.type !== 'pronoun') {
    const m = /['’]s?$/.exec(text.slice(speaker.speakerStart, speaker.speakerEnd));
    if (m) speaker.speakerEnd -= m[0].length;
  }
  return emit(text, { start: tokens[i + 2].start, end: tokens[end - 1].end }, cueInfo, speaker, 0.45, direct, out);
}

/** Nominal cues that report content even without a named source. */
const NOMINAL_SOURCELESS = /^(?:claims?|reports?|allegations?|accusations?|assertions?|speculation|rumou?rs?|warnings?|predictions?|suggestions?|charges?|fears?|promises?|pledges?|assurances?|statements?|belief|expectations?|estimates?)$/;

/** "Smith's claim that CONTENT", "the report's finding that CONTENT". */
function nominalCue(text: string, tokens: Token[], i: number, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  const prev = tokens[i - 1];
  let phrase: SourceSpan | null = null;
  if (prev?.word && /['’]s$|s['’]$/.test(prev.text)) phrase = phraseEndingAt(tokens, i - 1, 0);
  else if (prev?.word && /^(?:his|her|their|its|our|my)$/.test(prev.lower)) phrase = { first: i - 1, last: i - 1, type: 'pronoun', plausible: true };
  if (!phrase) {
    // "the claim that …", "reports that …": reported content with no source written.
    if (!NOMINAL_SOURCELESS.test(tokens[i].lower)) return;
    const cueInfo = { text: tokens[i].text, start: tokens[i].start, end: tokens[i].end };
    emit(text, { start: tokens[i + 1].start, end: tokens[tokens.length - 1].end }, cueInfo, { speakerStart: tokens[i].start, speakerEnd: tokens[i].start }, 0.4, direct, out);
    return;
  }
  const cueInfo = { text: tokens[i].text, start: tokens[i].start, end: tokens[i].end };
  const speaker = speakerSpan(tokens, phrase, tokens[i]);
  if (phrase.type !== 'pronoun') {
    // Drop the possessive ending from the speaker phrase: "Trump’s" → "Trump".
    const written = text.slice(speaker.speakerStart, speaker.speakerEnd);
    const m = /['’]s?$/.exec(written);
    if (m) speaker.speakerEnd -= m[0].length;
  }
  emit(text, { start: tokens[i + 1].start, end: tokens[tokens.length - 1].end }, cueInfo, speaker, 0.6, direct, out);
}

/** Labels that open a line with a colon but name no speaker. */
const COLON_LABELS = /^(?:update|updated|note|editor|editors|correction|photo|photos|video|watch|read|related|source|sources|image|credit|caption|breaking|exclusive|analysis|opinion|live|latest|listen|transcript|full|q|a|see|also|more|warning|disclaimer|advertisement|share|tags?|by|from|to|subject|date|re|fwd?|ps|p\.s)$/i;

/**
 * Headline attributions: "Trump: Clinton should have congratulated me", "Bernie Sanders: ‘It Is Not A Radical
 * Idea’". A short capitalised name opens the sentence, then a colon and the statement.
 */
function headlineColon(text: string, tokens: Token[], direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  let colon = -1;
  for (let k = 0; k < tokens.length && k <= 6; k++) {
    if (tokens[k].text === ':') {
      colon = k;
      break;
    }
    if (!tokens[k].word && tokens[k].text !== '.') return;
    if (tokens[k].word && !tokens[k].cap) return;
  }
  // a label opens the line or ends just before the colon: "Update:", "Editor's Note:", "The Latest:"
  if (colon < 1 || COLON_LABELS.test(tokens[0].text) || COLON_LABELS.test(tokens[colon - 1].text)) return;
  if (/^\d/.test(tokens[colon - 1].text) || direct.inside(tokens[0].start)) return; // "9:05 a.m."
  if (wordCount(tokens, colon + 1, tokens.length) < MIN_CONTENT_WORDS || isListOfNames(tokens.slice(colon + 1))) return;
  const cue = { text: ':', start: tokens[colon].start, end: tokens[colon].end };
  // "Trump Addresses Munich Attack: ‘…’": a headline's verb ends its subject
  const verb = tokens.findIndex((t, k) => k > 0 && k < colon && /^\p{Lu}\p{Ll}+s$/u.test(t.text) && isDictionaryWord(t.lower));
  const speaker = { speakerStart: tokens[0].start, speakerEnd: tokens[(verb > 0 ? verb : colon) - 1].end };
  emit(text, { start: tokens[colon].end, end: tokens[tokens.length - 1].end }, cue, speaker, 0.5, direct, out);
}

/** "Cosponsors: Annie Kuster (D-NH), Hal Rogers (R-KY), and …": a list of names after a label, no statement. */
function isListOfNames(content: Token[]): boolean {
  const words = content.filter((t) => t.word);
  const commas = content.filter((t) => t.text === ',').length;
  const capitalised = words.filter((t) => t.cap || t.lower === 'and').length;
  return commas >= 2 && capitalised >= 0.9 * words.length;
}

/** One candidate per content span: of two with the same span, the more confident stays. Output in text order. */
function resolveOverlaps(candidates: AttributionCandidate[]): AttributionCandidate[] {
  const bySpan = new Map<string, AttributionCandidate>();
  for (const c of candidates) {
    const key = `${c.start}:${c.end}`;
    const seen = bySpan.get(key);
    if (!seen || c.confidence > seen.confidence) bySpan.set(key, c);
  }
  return [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}
