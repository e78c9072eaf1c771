/**
 * Attributes direct-quote spans: reads the short windows before and after each quote for English
 * reporting structures and returns the speaker phrase as written (resolution to a person happens in
 * ./speakers.ts).
 *
 *   “…,” said Dr. Jane Roe, a doctor at X.      inverted cue after the quote
 *   “…,” Roe said. / “…,” she continued.        subject + cue after the quote
 *   “…,” according to the agency.               according to
 *   Roe added, “…” / Roe said in a statement: “…”   subject + cue before the quote
 *   From the mayor: “…” / ROE: “…”              colon introductions
 */
import { ANSWERED_WORDS, DOCUMENT_NOUNS, lookupCueVerb, QUOTE_ONLY_CUES, QUOTE_PHRASAL_CUES, REPLY_VERBS } from '../../lexicon/cues.ts';
import { makeToken } from '../1-tokens/tokens.ts';
import { DESCRIPTION_OPENERS } from '../../lexicon/roles.ts';
import { BETWEEN_SUBJECT_AND_CUE as BETWEEN, CLAUSE_OPENERS, TIME_ADVERBS, DESCRIPTION_LINKS } from '../../lexicon/function-words.ts';
import type { QuoteSpan, Paragraph } from '../1-tokens/quotemarks.ts';
import { listedPeople, parseSpeakerPhrase, readNameForward, tokenize, isCapitalisedWord, isOrgWord, isTitle, isRoleWord, PRONOUNS, type SpeakerPhrase, type Token } from '../2-mentions/speaker-phrase.ts';
import { isGivenName } from '../2-mentions/tagging.ts';

export type Placement = 'standalone' | 'embedded';

export interface Attribution {
  phrase: SpeakerPhrase | null;
  cue: string | null;
  cueStart: number;
  cueEnd: number;
  /** Where the attribution was found (statement: "Roe issued the following statement:", whose subject surely speaks). */
  via: 'after' | 'before' | 'colon' | 'statement' | 'according' | 'none';
  /** Is the quote a sentence of its own (direct) or a fragment inside someone's sentence? */
  placement: Placement;
  confidence: number;
}

const WINDOW = 320;


/** Words that end a common-noun speaker phrase: "the agency in a statement", "the mayor who …". */
const STOP_AFTER_NP = new Set(['in', 'on', 'during', 'when', 'while', 'who', 'which', 'that', 'after', 'before', 'as', 'to', 'by', 'with', 'and', 'but', 'said', 'says', 'adding', 'because', 'if']);

/** Words after which a cue form is a noun ("of tweets", "his remarks"). */
const NOUN_BEFORE = /^(?:a|an|the|of|his|her|their|its|our|my|your|these|those|several|many|recent)$/i;
const BE_FORMS = /^(?:is|was|are|were|be|been|being)$/i;

/** Verbs that make a statement a document: "X made / issued / released the following statement:". */
const STATEMENT_MAKING = new Set(['made', 'makes', 'issued', 'issues', 'released', 'releases', 'gave', 'delivered', 'provided']);
/** A clause ending in where the words were written or said: "… in a series of tweets", "… in a statement". */
const MEDIUM_BEFORE_COLON = /\b(?:in|on|via|with)\s+(?:a|an|the|his|her|their|its)?\s*(?:series\s+of\s+|short\s+|brief\s+|written\s+|joint\s+)?(?:tweets?|posts?|statements?|letters?|e-?mails?|messages?|interviews?|speech|remarks|video|op-ed)\s*$/i;

const SENTENCE_END = new Set(['.', '?', '!', '…', ';']);
/** Double marks bound the windows; single marks are too often apostrophes ("veterans' families"). */
const QUOTE_MARK = /^["“”«»„]$/;

export function directCue(word: string, anyClass = false): boolean {
  if (QUOTE_ONLY_CUES.has(word.toLowerCase())) return true;
  const cue = lookupCueVerb(word);
  if (!cue || cue.form === 'base') return false;
  return anyClass || cue.cls === 'speech' || cue.cls === 'cognition';
}

function isAdverb(word: string): boolean {
  return BETWEEN.has(word.toLowerCase()) || /^[a-z]+ly$/.test(word);
}

/** A period ends a sentence only before a space, a quote mark or the end, not in "(D-Wis.)" or "U.S.-based". */
function endsSentence(text: string, t: Token): boolean {
  if (t.text !== '.') return true;
  const next = text[t.end];
  return next === undefined || /\s/.test(next) || next === '”' || next === '"' || next === '“';
}

/** The tokens after a quote, up to the end of its sentence (or the next quote). */
function afterTokens(text: string, quote: QuoteSpan, para: Paragraph, nextQuoteStart: number): Token[] {
  const to = Math.min(para.end, nextQuoteStart, quote.end + WINDOW);
  const tokens = tokenize(text, quote.end, to);
  const out: Token[] = [];
  for (const t of tokens) {
    if ((SENTENCE_END.has(t.text) && endsSentence(text, t)) || QUOTE_MARK.test(t.text)) break;
    out.push(t);
  }
  return out;
}

/**
 * The tokens before a quote, back to the start of its sentence (or the previous quote). Across quotes, an
 * earlier quote in the sentence is read through, and a full stop that closes it (“… smart.''”) ends nothing.
 */
function beforeTokens(text: string, quote: QuoteSpan, para: Paragraph, previousQuoteEnd: number, acrossQuotes = false): Token[] {
  const from = Math.max(para.start, acrossQuotes ? 0 : previousQuoteEnd, quote.start - WINDOW);
  const tokens = tokenize(text, from, quote.start);
  let cut = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const sentenceEnd = SENTENCE_END.has(tokens[i].text) && endsSentence(text, tokens[i]) && !(acrossQuotes && QUOTE_MARK.test(tokens[i + 1]?.text ?? ''));
    if (sentenceEnd || (!acrossQuotes && QUOTE_MARK.test(tokens[i].text))) {
      cut = i + 1;
      break;
    }
  }
  return tokens.slice(cut);
}

/** Reads the speaker phrase that follows an inverted cue: "said Dr. Jane Roe, a doctor at X". */
function phraseAfterCue(text: string, tokens: Token[], from: number, lenient = true): SpeakerPhrase | null {
  if (from < tokens.length && !/[\p{L}\p{N}]/u.test(tokens[from].text)) return null; // "“X” wrote, it shows …": a new clause, no speaker
  let end = from;
  let commas = 0;
  // "according to the transit authority": a determiner opens a common-noun phrase
  const determined = from < tokens.length && /^(?:the|a|an|one|two|several|some|many|his|her|their|its)$/i.test(tokens[from].text);
  while (end < tokens.length) {
    const t = tokens[end];
    const previous = tokens[end - 1]?.text;
    // "a longtime adviser to Trump", "the base chief known as Bob": the description goes on to its name
    if (end > from && ((t.text === 'to' && isRoleWord(previous)) || (t.text === 'as' && /^(?:known|identified)$/.test(previous)))) {
      end++;
      continue;
    }
    if (t.text === ',') {
      commas++;
      if (commas > 2) break;
    } else if (commas === 0 && end > from && /^[a-z]/.test(t.text) && !isRoleWord(t.text) && !['of', 'for', 'at', 'the', 'a', 'an', 'and', 'van', 'von', 'de', 'der', 'da', 'del', 'la', 'le', 'al', 'bin'].includes(t.text) && !(determined && end - from < 6 && !STOP_AFTER_NP.has(t.text))) {
      break; // "said Smith in an interview": the phrase ends at the preposition
    } else if (['who', 'which', 'when', 'while', 'as', 'after', 'before', 'adding', 'referring', 'noting', 'pointing', 'in', 'on', 'during'].includes(t.text) && (commas > 0 || end > from + 1)) {
      if (commas > 0 || !['in', 'on'].includes(t.text)) break;
    }
    end++;
  }
  while (end > from && tokens[end - 1].text === ',') end--;
  return parseSpeakerPhrase(text, tokens.slice(from, end), lenient);
}

/**
 * Reads the subject that ends right before tokens[cueAt]: "Roe", "Dr. Jane Roe", "she",
 * "Hugh Hill, a doctor at X,", "an Allina Health spokesperson", "Clinic pediatrician Dr. Jane Roe".
 */
function subjectBefore(text: string, tokens: Token[], cueAt: number): SpeakerPhrase | null {
  let j = cueAt - 1;
  while (j >= 0 && isAdverb(tokens[j].text) && !PRONOUNS.has(tokens[j].text.toLowerCase())) j--;
  // "Assembly president Richard Ferrand in relaying the news to parliament said": an adverbial phrase between the
  // subject opening the clause and its cue (not after an object: "Blige sang to Clinton in Harlem, …")
  for (let k = j; k >= 1 && j - k < 8 && /^[a-z]/.test(tokens[k].text); k--) {
    if (!/^(?:in|while|when|after|during|before|upon)$/.test(tokens[k].text) || !isCapitalisedWord(tokens[k - 1].text)) continue;
    let open = k - 1;
    while (open > 0 && (isCapitalisedWord(tokens[open - 1].text) || isTitle(tokens[open - 1].text) || isRoleWord(tokens[open - 1].text))) open--;
    // (a name of two words or more: not a sentence's first word, "Immediately after the attacks, Trump issued")
    if (k - 1 > open && (open === 0 || /^[,:;—–]$/.test(tokens[open - 1].text))) j = k - 1;
    break;
  }
  j = skipNameTail(tokens, j);
  if (j < 0) return null;
  const owner = documentOwner(text, tokens, j);
  if (owner) return owner;
  let end = j + 1;
  let appositionStart = -1;
  if (tokens[j].text === ',' && j > 0 && tokens[j - 1].text === ')') {
    // "Gov. Jo Kay (R-OH), said": a parenthetical, then a stray comma
    end = j;
    j = skipParenthetical(tokens, j - 1);
    if (j < 0) return null;
  } else if (tokens[j].text === ',') {
    // "Hill, a doctor at X, said": the subject is the name before the first comma.
    let k = j - 1;
    while (k >= 0 && tokens[k].text !== ',' && j - k < 40) k--;
    if (k <= 0 || tokens[k].text !== ',') return null;
    // "Anderson Cooper, of CNN, one of her sons, stated": step back over further lower-case appositions, and over
    // an office whose name holds commas ("X, Chairman of the Subcommittee on Commerce, Manufacturing and Trade, issued")
    for (let more = 0; more < 2; more++) {
      let k2 = k - 1;
      while (k2 >= 0 && tokens[k2].text !== ',' && k - k2 < 12) k2--;
      const opener = tokens[k2 + 1]?.text ?? '';
      if (k2 <= 0 || tokens[k2].text !== ',' || !(/^[a-z]/.test(opener) || (isTitle(opener) && tokens[k2 + 2]?.text === 'of'))) break;
      k = k2;
    }
    appositionStart = k;
    end = j;
    j = skipNameTail(tokens, k - 1);
    if (j < 0) return null;
  }
  if (PRONOUNS.has(tokens[j].text.toLowerCase()) && appositionStart < 0) return parseSpeakerPhrase(text, [tokens[j]]);
  // Walk left over name tokens, titles, roles, organisation pre-modifiers and their links.
  let i = j;
  let lowercase = 0;
  while (i >= 0) {
    const w = tokens[i].text;
    const lower = w.toLowerCase();
    if (isCapitalisedWord(w) || isTitle(w) || /^[A-Z]\.$/.test(w) || /^\d/.test(w)) {
      i--;
      continue;
    }
    // "Steve Peers of the University of Essex said", "a spokesman for the Department of Justice said": "the" after
    // a link word belongs to the organisation
    if (lower === 'the' && i >= 2 && ['of', 'for', 'at', 'from'].includes(tokens[i - 1].text.toLowerCase()) && (isCapitalisedWord(tokens[i - 2].text) || isRoleWord(tokens[i - 2].text))) {
      i -= 2;
      continue;
    }
    if (['a', 'an', 'the', 'one', 'another', 'two', 'three', 'several', 'some'].includes(lower)) {
      i--;
      break;
    }
    if (isRoleWord(w) || ['for', 'of', 'at', "'s", '’s', '&', '-', 'van', 'von', 'de', 'der', 'da', 'del', 'la', 'le', 'al', 'bin'].includes(lower) || (/^[a-z][a-z-]+$/.test(w) && lowercase < 3 && i < j && isRoleWord(tokens[i + 1].text))) {
      if (/^[a-z]/.test(w)) lowercase++;
      i--;
      continue;
    }
    break;
  }
  let from = i + 1;
  // never start on a link word
  while (from <= j && ['for', 'of', 'at', "'s", '’s', '&', '-', 'and'].includes(tokens[from].text.toLowerCase())) from++;
  if (from > j) return null;
  // "Cummins and Conroy wrote": a name before "and" makes a joint speaker
  if (from >= 2 && tokens[from - 1].text === 'and' && isCapitalisedWord(tokens[from - 2].text) && isCapitalisedWord(tokens[from].text)) {
    let k = from - 2;
    while (k > 0 && (isCapitalisedWord(tokens[k - 1].text) || isTitle(tokens[k - 1].text) || /^[A-Z]\.$/.test(tokens[k - 1].text))) k--;
    const joint = parseSpeakerPhrase(text, tokens.slice(k, end));
    if (joint?.members) return joint;
  }
  return parseSpeakerPhrase(text, tokens.slice(from, end));
}

/**
 * The owner of a document that ends at tokens[j]: "The ministry's statement", "Stardom's official statement",
 * "the court's summary" speak with their owner's words. Up to two words (adjectives, "yesterday", an acronym) may sit between.
 */
export function documentOwner(text: string, tokens: Token[], j: number): SpeakerPhrase | null {
  if (!DOCUMENT_NOUNS.has(tokens[j].lower)) return null;
  let k = j - 1;
  // lower-case words or an acronym between: "Stardom's official statement", "RIAA's DMCA notice"
  while (k >= 0 && j - k <= 2 && tokens[k].word && /^(?:[a-z]|[A-Z]{2,}$)/.test(tokens[k].text) && !/['’]s$/.test(tokens[k].text)) k--;
  const possessive = k >= 0 ? /^(.+?)['’]s$/.exec(tokens[k].text) : null;
  if (!possessive) return null;
  // the capitalised words (and "the") right before the possessive: "… of the court's summary" owns nothing further left
  let from = k;
  while (from > 0 && k - from < 4 && (tokens[from - 1].cap || tokens[from - 1].lower === 'the') && tokens[from - 1].end + 1 >= tokens[from].start) from--;
  return parseSpeakerPhrase(text, [...tokens.slice(from, k), makeToken(possessive[1], tokens[k].start, tokens[k].start + possessive[1].length)]);
}

/** Is the cue-like word at c a noun: "a series of tweets", "her posts", "Trump's remarks" (not "he's said")? */
function nounReading(tokens: Token[], c: number): boolean {
  const prev = tokens[c - 1]?.text ?? '';
  return NOUN_BEFORE.test(prev) || (/['’]s$/.test(prev) && /^\p{Lu}/u.test(prev));
}

/**
 * The person heading a statement in a list: the capitalised words after the last colon, sentence end or quote
 * mark (or from the start of what precedes the quote) before the quote's colon, ending in a person's name with a
 * title or a known given name (a district tag may follow): "House Natural Resources Committee Ranking Republican
 * Rob Bishop (UT-01)".
 */
function listEntrySpeaker(text: string, toks: Token[]): SpeakerPhrase | null {
  const heads = (t: Token) => /^(?:[:.!?]|["“”])$/.test(t.text);
  let from = toks.length;
  while (from > 0 && !heads(toks[from - 1]) && toks.length - from < 16) from--;
  if (from > 0 && !heads(toks[from - 1])) return null; // a long clause, no heading
  const entry = toks.slice(from, skipParenthetical(toks, toks.length - 1) + 1);
  if (entry.length < 2 || !entry.every((t) => isCapitalisedWord(t.text) || isTitle(t.text) || /^(?:of|the|for|and|[A-Z]\.)$/.test(t.text))) return null;
  const phrase = parseSpeakerPhrase(text, entry);
  if (phrase?.kind !== 'person' || !phrase.name.includes(' ') || phrase.nameEnd !== entry[entry.length - 1].end) return null;
  // (a headline reads so too: "Whitlow Addresses Harbor Attack" is no office before a name)
  const office = !phrase.organization || phrase.organization.split(/\s+/).some((w) => isOrgWord(w));
  return phrase.title || (isGivenName(phrase.name.split(' ')[0]) && office) ? phrase : null;
}

/** The people listed before ", who" and the verb at `verb`, after "by" or the clause's start: a joint speaker. */
function signers(text: string, toks: Token[], verb: number): SpeakerPhrase | null {
  const who = toks.slice(0, verb).map((t) => t.text.toLowerCase()).lastIndexOf('who');
  if (who < 2 || toks[who - 1].text !== ',') return null;
  const by = toks.slice(0, who).map((t) => t.text.toLowerCase()).lastIndexOf('by');
  return listedPeople(text, toks.slice(by + 1, who - 1));
}

/** A headline's words ("Trump Addresses Munich Attack"): most of them capitalised. */
function inTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /^\p{L}/u.test(t.text));
  return words.length > 0 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length * 2 > words.length;
}

/** A degree or suffix set off by a comma after a name: "Michael C. Burgess, M.D.", "Sanford D. Bishop, Jr.". */
const NAME_TAIL = /^(?:Jr\.?|Sr\.?|II|III|IV|M\.D\.|Ph\.D\.|D\.D\.S\.|Esq\.?)$/;

/** Steps left over what may close a name before a cue: "(GA-02)", ", Jr. (GA-02)", ", M.D. (R-TX)". */
function skipNameTail(tokens: Token[], j: number): number {
  j = skipParenthetical(tokens, j);
  return j >= 2 && NAME_TAIL.test(tokens[j].text) && tokens[j - 1].text === ',' ? j - 2 : j;
}

/** Steps left over a "(D-N.C.)" parenthetical ending at j. */
function skipParenthetical(tokens: Token[], j: number): number {
  if (j < 0 || tokens[j].text !== ')') return j;
  let k = j - 1;
  while (k >= 0 && tokens[k].text !== '(' && j - k < 12) k--;
  return k >= 0 && tokens[k].text === '(' ? k - 1 : j;
}

/**
 * Where the subject may start: after a fronted clause and its comma ("With Democratic leaders worried
 * about …, President Obama …", "Hours later, Trump …"), which holds no subject; else 0.
 */
function afterFrontedClause(tokens: Token[], cueAt: number): number {
  const comma = tokens.findIndex((t, k) => k < cueAt && t.text === ',');
  if (comma <= 0) return 0;
  const opener = CLAUSE_OPENERS.has(tokens[0].text.toLowerCase());
  const timed = comma <= 4 && TIME_ADVERBS.has(tokens[comma - 1].text.toLowerCase());
  return opener || timed ? comma + 1 : 0;
}

/** The subject at the start of the clause before tokens[cueAt]: a name run or a pronoun among its first words. */
function sentenceSubject(text: string, tokens: Token[], cueAt: number): SpeakerPhrase | null {
  const first = afterFrontedClause(tokens, cueAt);
  const limit = Math.min(cueAt, first + 10);
  if (limit > first && PRONOUNS.has(tokens[first].text.toLowerCase())) return parseSpeakerPhrase(text, [tokens[first]]);
  for (let i = first; i < limit; i++) {
    const w = tokens[i].text;
    if (!isCapitalisedWord(w) && !isTitle(w)) {
      if (/^[a-z]/.test(w) && !isRoleWord(w) && !['the', 'a', 'an', 'of', 'for', 'at'].includes(w)) break;
      continue;
    }
    let j = i;
    while (j < cueAt && (isCapitalisedWord(tokens[j].text) || isTitle(tokens[j].text) || /^[A-Z]\.$/.test(tokens[j].text) || isRoleWord(tokens[j].text))) j++;
    // "a Republican, Mark Amodei, has voiced support …": the name in apposition to a description
    let k = j + 1;
    while (tokens[j]?.text === ',' && k < cueAt && (isCapitalisedWord(tokens[k].text) || /^[A-Z]\.$/.test(tokens[k].text))) k++;
    const named = k - j > 2 && tokens[k]?.text === ',' ? parseSpeakerPhrase(text, tokens.slice(first, k)) : null;
    if (named?.kind === 'person') return named;
    const phrase = parseSpeakerPhrase(text, tokens.slice(first, j));
    if (phrase && phrase.kind !== 'pronoun') return phrase;
    i = j;
  }
  return null;
}

/** The subject of the whole sentence holding the quote, across any earlier quote in it. */
export function wholeSentenceSubject(text: string, quote: QuoteSpan, para: Paragraph): SpeakerPhrase | null {
  const sentence = beforeTokens(text, quote, para, 0, true);
  return sentence.length ? sentenceSubject(text, sentence, sentence.length) : null;
}

/** The speaker of the last "X said"-style clause in [from, to) (at most the last 400 characters). */
export function lastCueSpeaker(text: string, from: number, to: number): SpeakerPhrase | null {
  const tokens = tokenize(text, Math.max(from, to - 400), to);
  // (a cue inside a fronted clause, "With leaders worried about …,", reports nobody's words)
  const floor = afterFrontedClause(tokens, tokens.length);
  for (let c = tokens.length - 1; c > Math.max(0, floor - 1); c--) {
    if (QUOTE_MARK.test(tokens[c].text)) return null; // only narration after the last quote counts
    if (!directCue(tokens[c].text) || !/^[a-z]/.test(tokens[c].text)) continue;
    const subject = subjectBefore(text, tokens, c);
    if (subject) return subject;
  }
  return null;
}

export interface QuoteContext {
  paragraph: Paragraph;
  previousQuoteEnd: number;
  nextQuoteStart: number;
}

export function attributeQuote(text: string, quote: QuoteSpan, context: QuoteContext): Attribution {
  const after = afterTokens(text, quote, context.paragraph, context.nextQuoteStart);
  const before = beforeTokens(text, quote, context.paragraph, context.previousQuoteEnd);
  const inner = text.slice(quote.innerStart, quote.innerEnd);
  const endsWithPunctuation = /[,.?!…—–-]$/.test(inner);
  const none: Attribution = { phrase: null, cue: null, cueStart: -1, cueEnd: -1, via: 'none', placement: 'standalone', confidence: 0.4 };

  // Placement: text before the quote inside its sentence that is not an attribution makes it a fragment.
  const trailing = before.length ? before[before.length - 1].text : '';
  const introduced = trailing === ',' || trailing === ':' || trailing === '—' || trailing === '–' || trailing === '-';

  // --- after the quote ---
  let a = 0;
  while (a < after.length && /^[,—–―\-'’]$/.test(after[a].text)) a++;
  const dashed = a > 0 && /^[—–―-]$/.test(after[a - 1].text);
  if (dashed && a < after.length && after.length - a <= 8 && quote.end + 200 > (after[after.length - 1]?.end ?? 0)) {
    // "“…” ― Jane Roe" (a byline-style attribution closing the paragraph)
    const phrase = parseSpeakerPhrase(text, after.slice(a));
    if (phrase && (phrase.kind === 'person' || phrase.kind === 'organization') && after[after.length - 1].end >= context.paragraph.end - 2) {
      return { phrase, cue: null, cueStart: -1, cueEnd: -1, via: 'after', placement: 'standalone', confidence: 0.75 };
    }
  }
  const afterPunct = a > 0 || endsWithPunctuation;
  // "He said, “… that.” UNESCO reportedly said …": a quote closed by a full stop after a clause that
  // introduced it is attributed before; what follows it is the next sentence
  const closedSentence = /[.]$/.test(inner) && a === 0;
  const introducedByCue = (trailing === ',' || trailing === ':') && before.some((t) => directCue(t.text) && /^[a-z]/.test(t.text));
  if (a < after.length && !(closedSentence && introducedByCue)) {
    const w = after[a].text;
    if (w.toLowerCase() === 'according' && after[a + 1]?.text.toLowerCase() === 'to') {
      const phrase = phraseAfterCue(text, after, a + 2);
      if (phrase) return { phrase, cue: 'according to', cueStart: after[a].start, cueEnd: after[a + 1].end, via: 'according', placement: placementOf(before, introduced), confidence: 0.8 };
    }
    // (a participle's object is no speaker: "“…”, recalling their first meeting")
    if (directCue(w, true) && !/ing$/.test(w)) {
      const phrase = phraseAfterCue(text, after, a + 1);
      if (phrase) return { phrase, cue: w, cueStart: after[a].start, cueEnd: after[a].end, via: 'after', placement: placementOf(before, introduced), confidence: afterPunct ? 0.95 : 0.75 };
    }
    // subject then cue within the first tokens: "Roe said", "Hill, a doctor at X, said", "she continued"
    for (let c = a + 1; c < Math.min(after.length, a + 45); c++) {
      const phrasal = c + 1 < after.length && QUOTE_PHRASAL_CUES.has(`${after[c].text} ${after[c + 1].text}`);
      if ((!directCue(after[c].text, true) && !phrasal) || !/^[a-z]/.test(after[c].text)) continue;
      // a passive is no reporting clause: "“…” President Roe is expected to veto it", "“…” Roe was asked"
      if (BE_FORMS.test(after[c - 1].text) && !/ing$/.test(after[c].text)) break;
      const subject = subjectBefore(text, after, c);
      let opens = a; // "“…,” former Bush speechwriter Noam Neusner wrote"
      while (opens < c && DESCRIPTION_OPENERS.has(after[opens].text)) opens++;
      if (subject && (subject.start === after[a].start || subject.start === after[opens].start)) {
        return { phrase: subject, cue: after[c].text, cueStart: after[c].start, cueEnd: after[c].end, via: 'after', placement: placementOf(before, introduced), confidence: afterPunct ? 0.95 : 0.7 };
      }
      break;
    }
  }

  // --- before the quote ---
  if (before.length) {
    let end = before.length;
    while (end > 0 && /^[,:—–-]$/.test(before[end - 1].text)) end--;
    const colon = before[end]?.text === ':';
    const toks = before.slice(0, end);
    // From/According to X:
    if (toks.length >= 2 && colon) {
      const first = toks[0].text.toLowerCase();
      const skip = first === 'from' ? 1 : first === 'according' && toks[1].text.toLowerCase() === 'to' ? 2 : 0;
      if (skip) {
        const phrase = parseSpeakerPhrase(text, toks.slice(skip), true);
        if (phrase) return { phrase, cue: skip === 1 ? null : 'according to', cueStart: toks[0].start, cueEnd: toks[skip - 1].end, via: 'colon', placement: 'standalone', confidence: 0.8 };
      }
    }
    // last cue verb in the clause before the quote, with at most a short complement after it ("said in a statement Monday:")
    for (let c = toks.length - 1; c >= 0 && toks.length - c <= 9; c--) {
      const w = toks[c].text;
      if (!directCue(w) || !/^[a-z]/.test(w)) continue;
      if (c > 0 && nounReading(toks, c)) continue;
      const complement = toks.slice(c + 1);
      if (complement.some((t) => directCue(t.text) && /^[a-z]/.test(t.text))) continue;
      if (complement.length && !(introduced || colon)) break;
      // "Chief Calvin Williams lobbied …, saying, “…”": a participle cue takes the sentence's subject
      const participle = /ing$/.test(w) && c > 0 && toks[c - 1].text === ',';
      // "…, Nefzi said, adding, “…”": the participle's subject is that of the cue just before it
      // (a noun is no cue: "shrugged off Trump’s comments, telling …")
      const before = toks[c - 3]?.text ?? '';
      const verbBefore = c >= 2 && directCue(toks[c - 2].text) && /^[a-z]/.test(toks[c - 2].text) && !NOUN_BEFORE.test(before) && !/['’]s$/.test(before);
      const chained = participle && verbBefore ? subjectBefore(text, toks, c - 2) : null;
      // (the sentence may have begun before an earlier quote: "Mr. Trump …, ''That makes me smart'' -- and, asserting, ''…''")
      const subject = chained ?? (participle ? (sentenceSubject(text, toks, c) ?? wholeSentenceSubject(text, quote, context.paragraph)) : subjectBefore(text, toks, c));
      if (subject) {
        return { phrase: subject, cue: w, cueStart: toks[c].start, cueEnd: toks[c].end, via: 'before', placement: introduced || colon || complement.length === 0 ? 'standalone' : 'embedded', confidence: introduced || colon || complement.length === 0 ? 0.9 : 0.6 };
      }
      // inverted before a colon: "said Dr. Roe:"
      const inverted = phraseAfterCue(text, toks, c + 1, false);
      if (inverted && inverted.kind !== 'pronoun' && (colon || introduced)) {
        return { phrase: inverted, cue: w, cueStart: toks[c].start, cueEnd: toks[c].end, via: 'before', placement: 'standalone', confidence: 0.8 };
      }
      // "adding, “…”" after an earlier quote: the speaker is carried over by the caller
      if (introduced || colon) return { ...none, cue: w, cueStart: toks[c].start, cueEnd: toks[c].end, via: 'before', placement: 'standalone', confidence: 0.6 };
      break;
    }
    // "Sanders said yes and stood up for the workers: “…”": a colon after a clause with a cue anywhere in it
    if (colon) {
      // not inside a fronted clause: "With leaders worried about …, President Obama is rolling out a message:"
      for (let c = afterFrontedClause(toks, toks.length); c < toks.length; c++) {
        if (!directCue(toks[c].text) || !/^[a-z]/.test(toks[c].text) || nounReading(toks, c)) continue;
        const subject = subjectBefore(text, toks, c);
        if (subject) return { phrase: subject, cue: toks[c].text, cueStart: toks[c].start, cueEnd: toks[c].end, via: 'before', placement: 'standalone', confidence: 0.7 };
      }
    }
    // "The palace issued the following statement from the king: “…”": the author after "from"
    if (colon) {
      // (not words someone owns, said from somewhere: "Trump's remarks from the Oval Office")
      const from = toks.findIndex((t, k) => t.text.toLowerCase() === 'from' && k > 1 && /^(?:statement|message|letter|note|remarks|address)$/i.test(toks[k - 1].text) && !/['’]s$/.test(toks[k - 2].text));
      if (from > 0 && from < toks.length - 1) {
        const phrase = parseSpeakerPhrase(text, toks.slice(from + 1), true);
        if (phrase && phrase.kind !== 'pronoun') return { phrase, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.7 };
      }
    }
    // "…species:Chairman Paul Gosar (AZ-04): “…”", "…statements:U.S. Department of the Interior Acting Secretary David
    // Bernhardt: “…”": a list of statements, each headed by its speaker's name and office after a colon or a quote
    if (colon) {
      const entry = listEntrySpeaker(text, toks);
      if (entry) return { phrase: entry, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.8 };
    }
    // "Congressman Conaway made this statement following the vote: “…”": the subject of a statement verb
    if (colon) {
      const verb = toks.findIndex((t, k) => STATEMENT_MAKING.has(t.lower) && /^(?:the|this|a|an|his|her|their|its|following)$/i.test(toks[k + 1]?.text ?? '') && toks.slice(k + 1, k + 4).some((x) => /^statements?$/i.test(x.text)));
      let subject = verb > 0 ? subjectBefore(text, toks, verb) : null;
      // "The letter was signed by Reps. A (D-VA), B (D-CA), and C (D-VT), who also issued the following statement:"
      if (subject?.kind === 'pronoun' && subject.name.toLowerCase() === 'who') subject = signers(text, toks, verb) ?? subject;
      if (subject) return { phrase: subject, cue: null, cueStart: -1, cueEnd: -1, via: 'statement', placement: 'standalone', confidence: 0.75 };
    }
    // "Clinton swiped at Trump in a series of tweets: “…”": a clause closed by the medium of the words
    if (colon && toks.length > 2 && MEDIUM_BEFORE_COLON.test(text.slice(toks[0].start, toks[toks.length - 1].end))) {
      const subject = sentenceSubject(text, toks, toks.length);
      if (subject) return { phrase: subject, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.65 };
    }
    // "Bolsonaro opposed Macron's statement: “…”": the subject answers someone's words (theirs are not quoted)
    if (colon && toks.length > 2 && toks.slice(-3).some((t) => ANSWERED_WORDS.has(t.lower))) {
      const reply = toks.findIndex((t) => REPLY_VERBS.has(t.lower));
      const subject = reply > 0 ? subjectBefore(text, toks, reply) : null;
      if (subject && subject.kind !== 'pronoun') return { phrase: subject, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.75 };
    }
    // "… supported by the Democratic Whip, Steny Hoyer: “…”": a full name closing the clause before a colon
    if (colon && toks.length > 4) {
      let from = toks.length;
      while (from > 0 && (isCapitalisedWord(toks[from - 1].text) || /^[A-Z]\.$/.test(toks[from - 1].text))) from--;
      const opener = toks[from - 1]?.text;
      if (toks.length - from >= 2 && (opener === ',' || opener === 'by' || opener === '—')) {
        const phrase = parseSpeakerPhrase(text, toks.slice(from));
        if (phrase?.kind === 'person' && phrase.name.includes(' ')) return { phrase, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.7 };
      }
    }
    // "Bob Marcusse, President and CEO of the Area Council, “…”": a list entry, a person and what they are
    const listed = introduced || colon ? listedPerson(text, toks) : null;
    if (listed) return { phrase: listed, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.7 };
    // "ROE: “…”" / "Dr. Roe: “…”" (not a headline: "Trump Addresses Munich Attack: ‘…’")
    if (colon && toks.length && toks.length <= 4) {
      const phrase = parseSpeakerPhrase(text, toks);
      const headline = phrase !== null && !phrase.title && toks.length > 3;
      if (phrase && phrase.kind !== 'pronoun' && !headline) return { phrase, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.7 };
    }
    // "The Biden campaign recycled a statement it first put out in July: “…”", "In his message, he praised the
    // general's life: “…”": a sentence closed by a colon introduces its subject's words
    if (colon && toks.length > 0 && !inTitleCase(toks)) {
      // (the sentence may have begun before a scare quote in it: "DoD justified the strike as “defensive” in nature:")
      const subject = toks.length > 3 ? sentenceSubject(text, toks, toks.length) : wholeSentenceSubject(text, quote, context.paragraph);
      // (only a clear subject: a pronoun, a person with a given name or title, an organisation by its kind, a
      // definite description: "The Biden campaign")
      const clear =
        subject?.kind === 'pronoun' ||
        (subject?.kind === 'role' && /^the\s/i.test(subject.name)) ||
        (subject?.kind === 'person' && subject.name.includes(' ') && (!!subject.title || isGivenName(subject.name.split(' ')[0]))) ||
        (subject?.kind === 'organization' && subject.name.split(/\s+/).some((w) => isOrgWord(w)));
      if (subject && clear) return { phrase: subject, cue: null, cueStart: -1, cueEnd: -1, via: 'colon', placement: 'standalone', confidence: 0.55 };
    }
  }
  return { ...none, placement: placementOf(before, introduced) };
}

/**
 * A clause that is only a person's full name and their description ("Bob Marcusse President and CEO of
 * the Kansas City Area Development Council"): no verb, so the person is the speaker of the quote after it.
 */
function listedPerson(text: string, toks: Token[]): SpeakerPhrase | null {
  if (toks.length < 2 || toks.length > 24) return null;
  const run = readNameForward(toks, 0);
  // (a headline is no list entry: "Elizabeth Warren Hammers Wells Fargo CEO:", "CARE MORE ABOUT CANDIDATES:")
  if (!run || run.titleFrom > 0 || run.to - run.from < 2 || run.to - run.from > 4 || toks.slice(run.from, run.to).some((t) => /^\p{Lu}{2,}$/u.test(t.text))) return null;
  if (!(run.titleFrom < run.from || isGivenName(toks[run.from].text))) return null;
  const description = toks.slice(run.to);
  if (!description.every((t) => !/^[a-z]/.test(t.text) || DESCRIPTION_LINKS.has(t.text) || isRoleWord(t.text))) return null;
  const phrase = parseSpeakerPhrase(text, toks.slice(0, run.to));
  return phrase?.kind === 'person' ? phrase : null;
}

function placementOf(before: Token[], introduced: boolean): Placement {
  if (!before.length) return 'standalone';
  if (introduced) {
    // "…, “…”" after a clause is a quote introduced by that clause; "the plan, “a disaster,”" is a fragment
    const last = before[before.length - 1].text;
    if (last === ':') return 'standalone';
    const hasCue = before.some((t) => directCue(t.text) && /^[a-z]/.test(t.text));
    return hasCue ? 'standalone' : 'embedded';
  }
  return 'embedded';
}
