/**
 * Direct quotes of one document: scans quote spans, attributes each one, decides which are quotes
 * (standalone, attributed or clearly speech) rather than scare quotes and titles, carries speakers
 * over to unattributed quotes in the same or the next paragraph, and reads statement blocks
 * ("… said in a statement:" followed by the statement's paragraphs).
 */
import { attributeQuote, directCue, lastCueSpeaker, wholeSentenceSubject, type Attribution } from './attribution.ts';
import { TRANSCRIPT_LABEL, isTitleCase, scanQuotes, splitParagraphs, type Paragraph, type QuoteSpan } from '../1-tokens/quotemarks.ts';
import { isOrgWord, parseSpeakerPhrase, type SpeakerPhrase } from '../2-mentions/speaker-phrase.ts';
import { makeToken, tokenize } from '../1-tokens/tokens.ts';
import type { SpeakerEntry, SpeakerRegistry } from '../3-entities/speakers.ts';
import type { Via } from './via.ts';
import { NOT_SPEAKERS, TRANSCRIPT_LABELS_NOT_NAMES } from '../../lexicon/boilerplate.ts';
import { CLAUSE_OPENERS } from '../../lexicon/function-words.ts';
import { lookupCueVerb } from '../../lexicon/cues.ts';
import { isPlaceName } from '../../lexicon/places.ts';
import { isDictionaryWord, isGivenName } from '../2-mentions/tagging.ts';

export interface DirectQuote {
  start: number;
  end: number;
  speaker: SpeakerEntry | null;
  cue: string | null;
  /** Offset of the cue word (-1 when none), so other scanners do not reuse it. */
  cueStart: number;
  confidence: number;
  /** A quoted fragment inside someone's sentence (candidate for a mixed attribution). */
  fragment: boolean;
  /** Content without the quote marks. */
  innerStart: number;
  innerEnd: number;
  /** Why the quote has its speaker. */
  via: Via;
  /** A fragment in no cue's reach that reads as someone's words: the subject of its sentence. */
  narrator?: SpeakerEntry | null;
  /**
   * Where the narrator's reported words begin: after the verb that follows the subject ("Beck described
   * [Trump as “…”]"); the quote's own start when only the quote is reported ("thanked “…”"; see narratedStart).
   */
  narratedFrom?: number;
  /** The pronoun its attribution used ("she said"), for the ranking's gender features. */
  pronoun?: string;
}

function paragraphIndexOf(paragraphs: Paragraph[], offset: number, hint: number): number {
  let i = hint;
  while (i < paragraphs.length - 1 && paragraphs[i].end <= offset) i++;
  return i;
}

/** Words in the quote (cheap count). */
function wordCount(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 0xa0;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function findDirectQuotes(text: string, registry: SpeakerRegistry, paragraphs: Paragraph[] = splitParagraphs(text)): DirectQuote[] {
  const spans = scanQuotes(text, paragraphs);
  registry.setQuoted(spans);
  const out: DirectQuote[] = [];
  let p = 0;
  const attributions: Attribution[] = [];
  const paraOf: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    p = paragraphIndexOf(paragraphs, span.start, p);
    paraOf.push(p);
    const paragraph = paragraphs[p];
    // a quote run over several paragraphs is attributed in the paragraph where it closes ("…,” added X.")
    const closing = span.paragraphs > 1 ? paragraphs[paragraphIndexOf(paragraphs, span.end - 1, p)] : paragraph;
    const attribution = attributeQuote(text, span, {
      paragraph: { start: paragraph.start, end: closing.end },
      previousQuoteEnd: i > 0 ? spans[i - 1].end : 0,
      nextQuoteStart: i + 1 < spans.length ? spans[i + 1].start : text.length,
    });
    attributions.push(attribution);
  }

  // Resolve in document order so pronouns see the speakers before them.
  let lastInParagraph: { para: number; speaker: SpeakerEntry | null } = { para: -1, speaker: null };
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i];
    const a = attributions[i];
    const words = wordCount(text, span.innerStart, span.innerEnd);
    const inner = text.slice(span.innerStart, span.innerEnd);
    const sentenceLike = /[.?!…,—–-]$/.test(inner) || words >= 6;
    // a nationality ("Syrian" from "Syrian state media") utters no quote
    // a transcript inside the quote names its speaker first: "“WALLACE: Let’s start with …”"
    const label = transcriptLabel(text, span.innerStart);
    const phrase = label ?? (a.phrase && !registry.isNationalityOnly(a.phrase) ? a.phrase : null);
    let speaker: SpeakerEntry | null = phrase ? registry.resolve(phrase, phrase.start) : null;
    const fragment = a.placement === 'embedded';
    let confidence = a.confidence;
    let via: Via = !speaker ? 'none' : label ? 'speaker-label' : a.phrase?.kind === 'pronoun' ? 'pronoun' : a.via === 'after' ? 'cue-after' : a.via === 'before' ? 'cue-before' : a.via === 'according' ? 'according-to' : a.via === 'statement' ? 'statement-block' : 'colon-lead';
    if (!speaker && !fragment) {
      // Unattributed quote: the speaker of the paragraph, else of a later quote in it, else of the previous paragraph.
      const para = paragraphs[paraOf[i]];
      const previous = paraOf[i] > 0 ? paragraphs[paraOf[i] - 1] : null;
      if (span.start === para.start && previous && text[previous.end - 1] === ':') speaker = introSpeaker(text, previous, registry);
      if (speaker) {
        via = 'colon-lead'; // "Roe continued:" followed by the quoted paragraph
      } else if (lastInParagraph.para === paraOf[i] && lastInParagraph.speaker) {
        speaker = lastInParagraph.speaker;
        via = 'continuation';
      } else {
        const later = findLaterInParagraph(i, spans, attributions, paraOf);
        // "…, Schiff said. “…”": a reporting clause earlier in the paragraph
        const narrated = later ? null : lastCueSpeaker(text, Math.max(para.start, i > 0 ? spans[i - 1].end : 0), span.start);
        const startsParagraph = span.start === para.start;
        if (later) {
          speaker = registry.resolve(later, later.start);
          via = 'later-in-paragraph';
        } else if (narrated && narrated.kind !== 'pronoun') {
          speaker = registry.resolve(narrated, narrated.start);
          via = 'narration';
        } else if (lastInParagraph.speaker && lastInParagraph.para === paraOf[i] - 1 && startsParagraph) {
          speaker = lastInParagraph.speaker;
          via = 'continuation';
        } else if (startsParagraph && previous) {
          // "Howard continued his remarks.\n\n“…”": the speaker of the paragraph before
          const before = lastCueSpeaker(text, previous.start, previous.end);
          if (before) speaker = registry.resolve(before, before.start);
          if (speaker) via = 'narration';
        }
      }
      confidence = speaker ? 0.6 : 0.4;
    }
    const narrated = fragment && !speaker && quotedClause(text, span) ? narratorOf(text, span, paragraphs[paraOf[i]], registry, out.at(-1)?.end ?? 0) : null;
    const narrator = narrated?.entry ?? null;
    if (narrator) registry.spoke(narrator, span.start); // a later "it"/"she" can mean the one quoted here
    if (speaker) registry.spoke(speaker, span.start);
    // Without a cue, a title ("Game of Thrones," 'All Bets Are Off.', a release's quoted headline) is not speech.
    // (an attributed exclamation in capitals stays speech: “We're America.”, “U-S-A! U-S-A!”)
    // (a section heading in quotes is no continuation of the quote before it: 'Legend in the Coal Fields.')
    const title = a.cue === null && isTitleCase(inner) && !(speaker && via !== 'continuation' && /[.!?]$/.test(inner));
    const unattributedOk = sentenceLike && words >= 3;
    const isQuote = !fragment && !title && (speaker !== null || a.cue !== null || unattributedOk);
    if (!isQuote && !fragment) continue;
    if (!speaker) via = 'none';
    const pronoun = a.phrase?.kind === 'pronoun' ? a.phrase.name.toLowerCase() : undefined;
    // a transcript turn's words start after its label
    const start = label ? afterLabel(text, label) : span.start;
    out.push({ start, end: span.end, speaker, cue: a.cue, cueStart: a.cueStart, confidence, fragment, innerStart: Math.max(start, span.innerStart), innerEnd: span.innerEnd, via, ...(pronoun ? { pronoun } : {}), ...(narrated ? { narrator, narratedFrom: narrated.from } : {}) });
    // a fragment's attribution ("are “not meeting the demand,” says Roe") also names the paragraph's speaker
    if (!fragment || speaker) lastInParagraph = { para: paraOf[i] + (span.paragraphs - 1), speaker: speaker ?? (lastInParagraph.para === paraOf[i] ? lastInParagraph.speaker : null) };
  }

  out.push(...statementBlocks(text, paragraphs, registry));
  out.sort((x, y) => x.start - y.start);
  const turns = interviewTurns(text, paragraphs, registry);
  return turns.length ? withTurns(out, turns) : out;
}

/** An interview's speaker label at a paragraph's start: "((Valeria Gazzola))  So half of the lab …" (Wikinews writes interviews so). */
const INTERVIEW_LABEL = /^\(\(\s*([^()\n]{1,60}?)\s*\)\)[ \t]*:?[ \t]*/u;

/** Each labelled paragraph of an interview is its speaker's words, verbatim: a direct quote. */
function interviewTurns(text: string, paragraphs: Paragraph[], registry: SpeakerRegistry): DirectQuote[] {
  const out: DirectQuote[] = [];
  // The speaker of the turn the previous paragraph belonged to: an answer may run over unlabelled paragraphs.
  // (not a question: an unlabelled paragraph after one is the answer, whose label the text lost)
  let current: SpeakerEntry | null = null;
  for (const para of paragraphs) {
    const m = INTERVIEW_LABEL.exec(text.slice(para.start, Math.min(para.end, para.start + 80)));
    const start = para.start + (m?.[0].length ?? 0);
    let via: Via = 'speaker-label';
    if (m) {
      const nameStart = para.start + m[0].indexOf(m[1]);
      const phrase = parseSpeakerPhrase(text, tokenize(text, nameStart, nameStart + m[1].length));
      current = phrase && phrase.kind !== 'pronoun' ? registry.resolve(phrase, phrase.start) : null;
    } else if (current && wordCount(text, para.start, para.end) >= 6 && /[.!?…"”)\]]$/.test(text.slice(para.start, para.end))) {
      via = 'continuation';
    } else {
      current = null; // a heading, a caption or the article again: the interview stopped
      continue;
    }
    if (wordCount(text, start, para.end) < 1) continue;
    out.push({ start, end: para.end, speaker: current, cue: null, cueStart: -1, confidence: 0.8, fragment: false, innerStart: start, innerEnd: para.end, via: current ? via : 'none' });
    if (current) registry.spoke(current, start);
    if (/\?["”’']?$/.test(text.slice(start, para.end))) current = null;
  }
  return out;
}

/** The quotes with the interview turns in place of what they hold (a quotation inside an answer is part of it). Both sorted. */
function withTurns(quotes: DirectQuote[], turns: DirectQuote[]): DirectQuote[] {
  const out: DirectQuote[] = [];
  let t = 0;
  for (const q of quotes) {
    while (t < turns.length && turns[t].end <= q.start) out.push(turns[t++]);
    if (t < turns.length && q.start < turns[t].end && q.end > turns[t].start) continue;
    out.push(q);
  }
  out.push(...turns.slice(t));
  return out;
}

/** Fewest words a quoted fragment outside any attribution needs to be someone's words, not a term. */
const NARRATED_QUOTE_WORDS = 4;

/** Words that name what follows in quotes: "known as “…”", "the “OPEN Act”", "the United States’ “wet foot, dry foot” policy". */
const NAMING_BEFORE = /(?:\b(?:known as|called|dubbed|titled|entitled|named|nicknamed|the|a|an)|\S['’]s?)\s*$/i;

/** Between a subject and quoted words: the words are about the subject, or someone else reports them. */
const SOMEONE_ELSES = /\b(?:(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?(?:described|called|quoted|labell?ed|named|dubbed|branded|cited|seen|considered|accused)|described\s+by|quoted|named|dubbed|titled|nicknamed)\b/i;

const PREPOSITION_BEFORE = /\b(?:at|in|on|of|for|by|with|from|to|under|over|after|before|about|like|than)\s+$/i;

/** A quoted fragment that reads as someone's words: a clause of a few words, not a title or a name. */
function quotedClause(text: string, span: QuoteSpan): boolean {
  const inner = text.slice(span.innerStart, span.innerEnd);
  if (wordCount(text, span.innerStart, span.innerEnd) < NARRATED_QUOTE_WORDS || isTitleCase(inner)) return false;
  return !NAMING_BEFORE.test(text.slice(Math.max(0, span.start - 24), span.start));
}

/** The person or organisation whose words a fragment quotes in narration: its sentence's subject. */
function narratorOf(text: string, span: QuoteSpan, paragraph: Paragraph, registry: SpeakerRegistry, previousQuoteEnd: number): { entry: SpeakerEntry; from: number } | null {
  const subject = wholeSentenceSubject(text, span, paragraph);
  if (!subject || subject.end > span.start || registry.insideQuote(subject.start)) return null;
  // the words are about the subject, or someone else's: "X was described by Y as “…”", "Y quoted X as saying “…”"
  if (SOMEONE_ELSES.test(text.slice(subject.end, span.start))) return null;
  // a reporting clause after the subject speaks for the words: "Mills “got …,” Jordan said, and still “got to …”"
  // (a cue whose subject was left out, "The State Department gave … and said …", falls back to the sentence's)
  // (a verb stands between the speaker and the words: "Clinton “is the only candidate …”" quotes someone about Clinton)
  const narrated = lastCueSpeaker(text, subject.end, span.start);
  const speaker = [narrated && narrated.start > subject.start ? narrated : null, namedInApposition(text, subject.end), subject].find(
    (p): p is SpeakerPhrase => !!p && couldSpeak(text, p, registry) && /\b\p{Ll}+\b/u.test(text.slice(p.end, span.start)),
  );
  if (!speaker) return null;
  const entry = registry.resolve(speaker, speaker.start);
  return entry && (entry.kind === 'person' || entry.kind === 'organization') ? { entry, from: narratedStart(text, afterVerb(text, speaker.end, span.start), span.start, previousQuoteEnd) } : null;
}

/** Most words reported before a quoted fragment in narration, from the subject's verb on. */
const MAX_NARRATED_LEAD_WORDS = 20;

/** Words between a verb and its quote that set the scene rather than report: a preposition first, or a lead-in comma or colon last. */
const SETTING_LEAD = /^(?:on|in|at|during|via|by|after|before|from|with|through)\b|[,:]$/i;

/**
 * The start of the words reported with a quoted fragment: `from` (after the subject's verb), or the quote's own start
 * when nothing stands between, when the words between set the scene ("said on Friday “…”", "reacted on Twitter,
 * “…”"), run back over an earlier quote, or start far before it ("Clinton spoke … where protesters chanted “…”").
 */
function narratedStart(text: string, from: number, quoteStart: number, previousQuoteEnd: number): number {
  const lead = text.slice(from, quoteStart).trim();
  const letterRuns = lead.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const reportsWords = !!lead && !SETTING_LEAD.test(lead) && letterRuns <= MAX_NARRATED_LEAD_WORDS;
  return from >= previousQuoteEnd && reportsWords ? from : quoteStart;
}

/** Words between a subject and its verb that are not the verb: relative pronouns, auxiliaries, adverbs. */
const BEFORE_VERB = /^(?:who|which|that|has|have|had|is|are|was|were|be|been|being|will|would|could|should|can|may|might|must|do|does|did|also|then|still|often|never|not|once|again|just|even|\p{L}+ly)$/iu;

/** A lower-case word with a verb's ending or a reporting verb: the likely verb after a subject ("described", "seeks"). */
const verbLike = (word: string) => /^\p{Ll}/u.test(word) && (/(?:ed|ing|s)$/.test(word) || !!lookupCueVerb(word));

/**
 * The offset after the verb that follows a subject in [from, to), past the spaces and commas after it: the first
 * verb-like word among the next four that are no auxiliary or adverb ("has in the past described"); `to` when no
 * verb is seen or nothing stands between.
 */
function afterVerb(text: string, from: number, to: number): number {
  const words = [...text.slice(from, to).matchAll(/[\p{L}’'-]+/gu)].filter((m) => !BEFORE_VERB.test(m[0]));
  const verb = words.slice(0, 4).find((m) => verbLike(m[0]));
  if (!verb) return to;
  let at = from + (verb.index ?? 0) + verb[0].length;
  while (at < to && /[\s,;:—–-]/.test(text[at])) at++;
  return at;
}

/**
 * Is a sentence's subject someone who can have said the words? Not a bare name after a preposition ("… cyclones,
 * at Category 5, “…”"; "Ambassador to Germany Richard Grenell" is a description and its name), a capitalised opener or common word ("Despite his “…”", "Specifically, she …"), a
 * pronoun's contraction ("They're “like …”"), a nationality or a place; a person of several words is known to be
 * one (a given name or a title) and an organisation has an organisation word or an acronym, not words of a
 * headline ("Obama Administration Ending …").
 */
function couldSpeak(text: string, phrase: SpeakerPhrase, registry: SpeakerRegistry): boolean {
  if (registry.isNationalityOnly(phrase) || isPlaceName(phrase.name)) return false;
  if (PREPOSITION_BEFORE.test(text.slice(Math.max(0, phrase.start - 12), phrase.start)) && phrase.nameStart === phrase.start) return false;
  const words = phrase.name.split(/\s+/);
  const first = words[0].toLowerCase();
  if (CLAUSE_OPENERS.has(first) || /^(?:it|they|he|she|we|i|you|that|there)['’]/.test(first) || lookupCueVerb(first)?.form === 'finite') return false;
  if (phrase.kind === 'pronoun') return true;
  // (an organisation shows an organisation word or an acronym: not "King Mourns Death of …")
  if (phrase.kind === 'organization') return words.some((w) => isOrgWord(w) || /^\p{Lu}{2,}$/u.test(w));
  if (words.length > 1) return phrase.kind !== 'person' || phrase.title !== undefined || isGivenName(words[0]);
  return !isDictionaryWord(first) && writtenMidSentence(text, words[0], phrase.start);
}

const PROPER_NOUN_REACH = 5000;

/** A word written capitalised inside a sentence somewhere in the text: a proper noun, not a sentence's first word. */
function writtenMidSentence(text: string, word: string, at: number): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // (near the words only: the look stays bounded however long the document)
  const from = Math.max(0, at - PROPER_NOUN_REACH);
  const near = text.slice(from, at + PROPER_NOUN_REACH);
  for (const m of near.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const before = near.slice(Math.max(0, m.index - 3), m.index).trimEnd();
    if (before && !/[.!?:;"“”\n]$/.test(before)) return true;
  }
  return false;
}

/** ", Oren Castell," after a description ("The mayor of Lindfield"): the name it describes. */
const APPOSED_NAME = /^(?:\s+(?:of|for|at)(?:\s+the)?(?:\s+\p{Lu}[\p{L}.'’-]*)+)?,\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}),/u;

function namedInApposition(text: string, from: number): SpeakerPhrase | null {
  const m = APPOSED_NAME.exec(text.slice(from, from + 120));
  if (!m) return null;
  const start = from + m[0].length - 1 - m[1].length;
  const phrase = parseSpeakerPhrase(text, tokenize(text, start, start + m[1].length));
  return phrase?.kind === 'person' ? phrase : null;
}

function transcriptLabel(text: string, at: number): SpeakerPhrase | null {
  const m = TRANSCRIPT_LABEL.exec(text.slice(at, at + 40));
  if (!m || NOT_SPEAKERS.has(m[1].toLowerCase()) || TRANSCRIPT_LABELS_NOT_NAMES.has(m[1])) return null;
  const words = m[1].split(/\s+/);
  const surname = words[words.length - 1];
  const name = surname[0] + surname.slice(1).toLowerCase();
  const start = at + m[1].length - surname.length;
  return { kind: 'person', start: at, end: at + m[1].length, name, nameStart: start, nameEnd: at + m[1].length };
}

/** The offset after a transcript label's colon and the spaces after it. */
function afterLabel(text: string, label: SpeakerPhrase): number {
  let at = text.indexOf(':', label.end) + 1;
  while (/\s/.test(text[at] ?? '')) at++;
  return at;
}

function findLaterInParagraph(i: number, spans: QuoteSpan[], attributions: Attribution[], paraOf: number[]): SpeakerPhrase | null {
  for (let j = i + 1; j < spans.length && paraOf[j] === paraOf[i]; j++) {
    const phrase = attributions[j].phrase;
    if (phrase && phrase.kind !== 'pronoun' && attributions[j].placement === 'standalone') return phrase;
  }
  return null;
}

/** "… said in a statement:" / "The full statement is below:" ending a paragraph with no quote after it. */
const STATEMENT_INTRO = /(?:\b(?:said|says|wrote|writes|added|stated|read|reads|continued|explained)\b[^.?!“”"]{0,80}|\bstatement\b[^.?!“”"]{0,40}|\bas follows)\s*:\s*$/i;
const BLOCK_MAX = 12;

function statementBlocks(text: string, paragraphs: Paragraph[], registry: SpeakerRegistry): DirectQuote[] {
  const out: DirectQuote[] = [];
  for (let p = 0; p < paragraphs.length - 1; p++) {
    const para = paragraphs[p];
    const line = text.slice(para.start, para.end);
    if (!line.endsWith(':') || !STATEMENT_INTRO.test(line)) continue;
    const next = paragraphs[p + 1];
    if (/^["“«‘']/.test(text[next.start])) continue; // a quoted block: the scanner already has it
    const speaker = introSpeaker(text, para, registry);
    for (let q = p + 1; q < paragraphs.length && q <= p + BLOCK_MAX; q++) {
      const body = paragraphs[q];
      const content = text.slice(body.start, body.end);
      // The statement runs over prose paragraphs; a short line ("Leave a comment") or quoted text ends it.
      if (wordCount(text, body.start, body.end) < 8 || !/[.!?”"]$/.test(content) || /["“”]/.test(content)) break;
      out.push({ start: body.start, end: body.end, speaker, cue: 'statement', cueStart: -1, confidence: 0.7, fragment: false, innerStart: body.start, innerEnd: body.end, via: speaker ? 'statement-block' : 'none' });
      if (speaker) registry.spoke(speaker, body.start);
    }
  }
  return out;
}

/** Verbs that introduce a statement as a document: "X issued the following statement:". */
const STATEMENT_VERBS = new Set(['issued', 'released']);

/** The speaker of a statement introduction: "Roe said in a statement:", "Acme's full statement is below:". */
function introSpeaker(text: string, para: Paragraph, registry: SpeakerRegistry): SpeakerEntry | null {
  const tokens = tokenize(text, para.start, para.end);
  // possessive owner of "statement": "Allina’s full statement"
  const st = tokens.findIndex((t) => t.text.toLowerCase() === 'statement');
  if (st > 0) {
    for (let k = st - 1; k >= 0 && st - k <= 4; k--) {
      const m = /^(.*?)['’]s$/.exec(tokens[k].text);
      if (m) {
        let from = k;
        while (from > 0 && /^[A-Z]/.test(tokens[from - 1].text)) from--;
        const owner = tokens.slice(from, k + 1);
        const last = owner[owner.length - 1];
        const trimmed = [...owner.slice(0, -1), makeToken(m[1], last.start, last.start + m[1].length)];
        const phrase = parseSpeakerPhrase(text, trimmed);
        if (phrase) return resolveOwner(phrase, registry);
      }
      if (tokens[k].text === "'s" || tokens[k].text === '’s') {
        const owner = tokens.slice(Math.max(0, k - 3), k).filter((t) => /^[A-Z]/.test(t.text));
        const phrase = parseSpeakerPhrase(text, owner);
        if (phrase) return resolveOwner(phrase, registry);
      }
    }
  }
  // subject before the cue
  // ("issued the following statement:" introduces the words of its subject too)
  const cue = tokens.findIndex((t) => /^[a-z]/.test(t.text) && (directCue(t.text) || STATEMENT_VERBS.has(t.lower)));
  if (cue > 0) {
    let from = cue - 1;
    while (from > 0 && !/^[.;]$/.test(tokens[from - 1].text)) from--;
    // "In response to the attack, Republican nominee Donald Trump issued …": the subject after a fronted clause
    const comma = tokens.slice(from, cue).map((t) => t.text).lastIndexOf(',');
    const phrase = (comma >= 0 ? parseSpeakerPhrase(text, tokens.slice(from + comma + 1, cue)) : null) ?? parseSpeakerPhrase(text, tokens.slice(from, cue));
    if (phrase) return registry.resolve(phrase, phrase.start);
  }
  return null;
}

/** An owner named by a single word ("Allina") may be the short form of an organisation already quoted. */
function resolveOwner(phrase: SpeakerPhrase, registry: SpeakerRegistry): SpeakerEntry | null {
  const word = phrase.name.toLowerCase();
  const known = registry.entries.find((e) => e.kind !== 'person' && (e.name.toLowerCase().includes(word) || (e.organization ?? '').toLowerCase().includes(word)));
  if (known) return known;
  return registry.resolve({ ...phrase, kind: 'organization' }, phrase.start);
}
