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
import { splitSentences, type Span } from '../text/sentences.ts';
import { NOMINAL_CUES, lookupCueVerb, type CueMatch } from './cues.ts';
import { speakerAfter, speakerBefore, phraseEndingAt, type SpeakerPhrase } from './indirect/speaker.ts';
import { tokenize, isQuoteMark, type Token } from './indirect/tokens.ts';

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
  /** mixed: the content contains a quoted fragment. */
  kind: 'indirect' | 'mixed';
  confidence: number;
}

/** A cheap pre-filter: sentences without any of these substrings cannot hold a cue. */
const MAX_SPEAKER_TOKENS = 12;
const MAX_TRAILING_ADVERBIAL = 8;
const MIN_CONTENT_WORDS = 3;

/** Words after a cue that open its complement. */
const COMPLEMENTIZERS = new Set(['that', 'to', 'whether', 'if', 'how', 'why', 'what', 'when', 'where', 'who']);

/** Phrasal particles that belong to the cue: "called for", "pointed out", "called on". */
const PARTICLES: Record<string, Set<string>> = {
  call: new Set(['for', 'on']),
  point: new Set(['out', 'to']),
  ask: new Set(['about', 'for']),
  warn: new Set(['of', 'about', 'against']),
  push: new Set(['for']),
};

/** Non-source complements of "according to". */
const NOT_A_SOURCE = /^(?:plan|plans|schedule|the (?:plan|schedule|rules|script|book)|design|tradition|custom|need|size|age|type)\b/i;

/** Words that cannot open reported content. */
const BAD_CONTENT_OPENERS = new Set([
  'have', 'has', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'must',
  'and', 'or', 'of', 'in', 'on', 'at', 'by', 'from', 'with', 'into', 'than', 'as', 'for', 'up', 'down', 'out', 'over', 'off',
  'away', 'back', 'which', 'who', 'whom', 'so', 'too', 'also', 'not', 'said', 'says', 'do', 'does', 'did',
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
    return this.spans.some((s) => offset >= s.start && offset < s.end);
  }
  /** Characters of [start,end) covered by direct quotes. */
  covered(start: number, end: number): number {
    let total = 0;
    for (const s of this.spans) {
      if (s.start >= end) break;
      total += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
    }
    return total;
  }
  /** True when [start,end) is one direct quote, give or take punctuation around it. */
  isJustAQuote(text: string, start: number, end: number): boolean {
    const letters = (a: number, b: number) => (text.slice(a, b).match(/[\p{L}\p{N}]/gu) ?? []).length;
    const total = letters(start, end);
    if (!total) return true;
    let quoted = 0;
    for (const s of this.spans) {
      if (s.end <= start || s.start >= end) continue;
      quoted += letters(Math.max(start, s.start), Math.min(end, s.end));
    }
    return quoted / total >= 0.9;
  }
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
  if (direct.covered(start, end) > 0) return true;
  const slice = text.slice(start, end);
  // Two typographic or straight double marks, or a single-quoted run: a quoted fragment.
  return /[“"][^“”"]{2,}[”"]/.test(slice) || /(?:^|[\s(])‘[^‘’]{2,}’(?=[\s,.;:!?)]|$)/.test(slice);
}

/** Is a verb reading of the token at `i` likely (not "the report", "a call", "to say")? */
function verbReading(tokens: Token[], i: number, floor: number): boolean {
  const prev = i > floor ? tokens[i - 1] : undefined;
  if (!prev || !prev.word) return true;
  if (/^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|whose|any|every|each|no|such|said)$/.test(prev.lower)) return false;
  if (prev.lower === 'to') return false;
  return true;
}

export function findIndirectAttributions(text: string, directQuotes: Span[]): AttributionCandidate[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  const direct = new DirectQuoteIndex(directQuotes ?? []);
  const found: AttributionCandidate[] = [];
  for (const sentence of splitSentences(text)) {
    scanSentence(text, sentence, direct, found);
  }
  return resolveOverlaps(found);
}

function scanSentence(text: string, sentence: Span, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  const tokens = tokenize(text, sentence.start, sentence.end);
  if (tokens.length < 4) return;
  const firstWord = tokens.find((t) => t.word);
  const question = text[sentence.end - 1] === '?' || /\?[”"’']$/.test(text.slice(sentence.end - 2, sentence.end));
  if (question && firstWord && QUESTION_OPENERS.has(firstWord.lower)) return;

  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (!t.word) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      if (!direct.inside(t.start)) accordingTo(text, tokens, i, direct, out);
      continue;
    }
    if (NOMINAL_CUES.has(t.lower) && tokens[i + 1]?.lower === 'that') {
      if (!direct.inside(t.start)) nominalCue(text, tokens, i, direct, out);
      continue;
    }
    const cue = lookupCueVerb(t.lower);
    if (!cue || direct.inside(t.start) || !verbReading(tokens, i, 0)) continue;
    if (postposed(text, tokens, i, cue, direct, out)) continue;
    preposed(text, tokens, i, cue, direct, out);
  }
}

function speakerSpan(tokens: Token[], phrase: SpeakerPhrase | null, cueToken: Token): { speakerStart: number; speakerEnd: number } {
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
  const { start, end } = trimContent(text, region.start, region.end);
  if (end - start < 8) return false;
  if (direct.isJustAQuote(text, start, end)) return false;
  const words = text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_CONTENT_WORDS) return false;
  // Content opening with an auxiliary or a preposition means the cue word was a noun ("three states have …").
  const opener = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(start, end))?.[0].toLowerCase() ?? '';
  if (BAD_CONTENT_OPENERS.has(opener)) return false;
  out.push({
    start,
    end,
    cue: cue.text,
    cueStart: cue.start,
    cueEnd: cue.end,
    ...speaker,
    kind: hasQuotedFragment(text, start, end, direct) ? 'mixed' : 'indirect',
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
 */
function postposed(text: string, tokens: Token[], i: number, cue: CueMatch, direct: DirectQuoteIndex, out: AttributionCandidate[]): boolean {
  if (cue.form === 'base' || cue.form === 'gerund') return false;
  let comma = -1;
  for (let k = i - 1; k >= 0 && i - k <= MAX_SPEAKER_TOKENS + 2; k--) {
    const t = tokens[k];
    if (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '--') {
      comma = k;
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
  let phrase: SpeakerPhrase | null;
  let afterSpeaker: number;
  const closing = isQuoteMark(tokens[comma + 1]) ? comma + 2 : comma + 1;
  if (closing === i) {
    if (!cue.invertible) return false;
    phrase = speakerAfter(tokens, i, tokens.length);
    if (!phrase || !phrase.plausible) return false;
    afterSpeaker = phrase.last + 1;
    // "…, said Sen. Jane Smith, a Democrat from Ohio." : an appositive may follow the inverted speaker.
    if (tokens[afterSpeaker]?.text === ',' && tokens.length - afterSpeaker <= 16) {
      const rest = tokens.slice(afterSpeaker + 1);
      if (rest.some((t) => t.word && (t.lower === 'that' || (lookupCueVerb(t.lower) && !t.cap)))) return false;
      afterSpeaker = tokens.length;
    } else if (afterSpeaker < tokens.length && tokens[afterSpeaker].word) {
      return false;
    }
  } else {
    phrase = speakerBefore(tokens, i, closing);
    if (!phrase || phrase.first !== closing) return false;
    afterSpeaker = i + 1;
  }
  // Optional hearer and short adverbial, then the sentence end or a comma that resumes the content.
  let k = afterSpeaker;
  while (k < tokens.length && tokens[k].word && k - afterSpeaker < MAX_TRAILING_ADVERBIAL) {
    if (tokens[k].lower === 'that' || (lookupCueVerb(tokens[k].lower) && k !== i)) return false;
    k++;
  }
  const resumes = k < tokens.length && (tokens[k].text === ',' || tokens[k].text === '—' || tokens[k].text === '–');
  const ends = k >= tokens.length || /^[.!?…;:]+$/.test(tokens[k].text) || isQuoteMark(tokens[k]);
  if (!resumes && !ends) return false;
  if (resumes && k + 1 < tokens.length && tokens[k + 1].lower === 'that') return false;

  const cueToken = tokens[i];
  const cueInfo = cueWithAux(text, tokens, i);
  const speaker = speakerSpan(tokens, phrase, cueToken);
  const base = cue.strength * (phrase.plausible ? 1 : 0.7);
  const contentStart = tokens[0].start;
  let emitted = emit(text, { start: contentStart, end: tokens[comma].start }, cueInfo, speaker, base, direct, out);
  if (resumes && wordCount(tokens, k + 1, tokens.length) >= MIN_CONTENT_WORDS) {
    const tail = { start: tokens[k].end, end: tokens[tokens.length - 1].end };
    emitted = emit(text, tail, cueInfo, speaker, base * 0.9, direct, out) || emitted;
  }
  // Even when the content was a direct quote (and nothing was emitted), the cue is used up.
  return true;
}

/** "Smith said (that) CONTENT", "Smith told reporters CONTENT", "…, saying CONTENT", "officials have called for CONTENT". */
function preposed(text: string, tokens: Token[], i: number, cue: CueMatch, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  let k = i + 1;
  let cueEndToken = i;
  const particles = PARTICLES[cue.lemma];
  if (particles && tokens[k]?.word && particles.has(tokens[k].lower)) {
    cueEndToken = k;
    k++;
  } else if (cue.lemma === 'point' || cue.lemma === 'call') {
    return;
  }
  // The hearer of tell/assure/warn/remind: "told reporters", "told The Washington Post on Sunday".
  if (cue.hearer && tokens[k]?.word && !COMPLEMENTIZERS.has(tokens[k].lower)) {
    let h = k;
    while (h < tokens.length && h - k < 8 && tokens[h].word && !COMPLEMENTIZERS.has(tokens[h].lower)) h++;
    if (h < tokens.length && tokens[h].word && COMPLEMENTIZERS.has(tokens[h].lower)) k = h;
    else if (h - k <= 2 || tokens[h]?.text === ',') k = h;
    else k = k + 1;
  }
  while (k < tokens.length && (tokens[k].text === ',' || tokens[k].text === ':')) k++;
  if (k >= tokens.length) return;
  const next = tokens[k];
  const complement = next.word && COMPLEMENTIZERS.has(next.lower);
  if (cue.needsComplement && !complement && !isQuoteMark(next) && cueEndToken === i) return;
  if (next.word && next.lower === 'to' && cue.cls === 'speech' && !cue.hearer && cue.lemma !== 'call') {
    // "said to be", "added to the list": not reported content.
    return;
  }
  if (cue.form === 'participle' && tokens[i - 1]?.word && /^(?:is|are|was|were|be|been|being)$/.test(tokens[i - 1].lower)) {
    // Passive ("was told", "is expected to"): the content is reported without a source.
    if (!complement) return;
  }
  // Speaker: before the cue, or the sentence subject for a participle clause (", saying …").
  let phrase: SpeakerPhrase | null = null;
  if (cue.form === 'gerund') {
    const prev = tokens[i - 1];
    if (!prev || (prev.text !== ',' && prev.text !== '—' && prev.lower !== 'by' && prev.lower !== 'and')) return;
    phrase = sentenceSubject(tokens, i);
  } else {
    phrase = speakerBefore(tokens, i, 0);
    if (!phrase) return;
    if (!phrase.plausible && cue.strength < 0.8) return;
  }
  const cueInfo = cueWithAux(text, tokens, cueEndToken);
  cueInfo.text = text.slice(cueInfo.start, tokens[cueEndToken].end);
  const cueToken = tokens[i];
  let end = tokens[tokens.length - 1].end;
  // A nested postposed attribution closes this one: "X said the plan failed, Y said." is rare; stop at a "; ".
  for (let s = k; s < tokens.length; s++) {
    if (tokens[s].text === ';') {
      end = tokens[s].start;
      break;
    }
  }
  const speaker = speakerSpan(tokens, phrase, cueToken);
  let confidence = cue.strength * (phrase ? (phrase.plausible ? 1 : 0.75) : 0.6);
  if (complement && next.lower === 'that') confidence = Math.min(1, confidence + 0.1);
  emit(text, { start: next.start, end }, cueInfo, speaker, confidence, direct, out);
}

/** The subject at the start of the sentence, for participle cues: "Smith rejected the plan, saying …". */
function sentenceSubject(tokens: Token[], before: number): SpeakerPhrase | null {
  let i = 0;
  while (i < before && (!tokens[i].word || /^(?:but|and|so|yet|however|meanwhile|still|also)$/.test(tokens[i].lower))) i++;
  if (i >= before) return null;
  // Walk forward over a capitalised name or a short determiner phrase, then reuse the backward walker from its end.
  let j = i;
  if (tokens[i].cap) {
    while (j + 1 < before && (tokens[j + 1].cap || tokens[j + 1].text === '.' || tokens[j + 1].lower === 'of')) j++;
  } else {
    while (j + 1 < before && j - i < 5 && tokens[j + 1].word && !lookupCueVerb(tokens[j + 1].lower)) j++;
    return null;
  }
  while (j > i && !tokens[j].word) j--;
  const phrase = phraseEndingAt(tokens, j, i);
  return phrase;
}

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
  // The sentence part on each side of the attribution is content: "X, according to Y, is Z" gives both halves.
  if (before && wordCount(tokens, 0, i) >= MIN_CONTENT_WORDS) emit(text, before, cueInfo, speaker, confidence, direct, out);
  if (after && wordCount(tokens, k + 1, tokens.length) >= MIN_CONTENT_WORDS) emit(text, after, cueInfo, speaker, confidence, direct, out);
}

/** "Smith's claim that CONTENT", "the report's finding that CONTENT". */
function nominalCue(text: string, tokens: Token[], i: number, direct: DirectQuoteIndex, out: AttributionCandidate[]): void {
  const prev = tokens[i - 1];
  let phrase: SpeakerPhrase | null = null;
  if (prev?.word && /['’]s$|s['’]$/.test(prev.text)) phrase = phraseEndingAt(tokens, i - 1, 0);
  else if (prev?.word && /^(?:his|her|their|its|our|my)$/.test(prev.lower)) phrase = { first: i - 1, last: i - 1, type: 'pronoun', plausible: true };
  if (!phrase) return;
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

/** Keep one candidate per content region: a weaker one largely inside a stronger one with the same cue goes. */
function resolveOverlaps(candidates: AttributionCandidate[]): AttributionCandidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: AttributionCandidate[] = [];
  for (const c of sorted) {
    const duplicate = kept.find((k) => k.start === c.start && k.end === c.end);
    if (duplicate) {
      if (c.confidence > duplicate.confidence) Object.assign(duplicate, c);
      continue;
    }
    kept.push(c);
  }
  return kept;
}
