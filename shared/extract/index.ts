/**
 * extract(): the composed extraction of one document, through the layers the folders show:
 *   1-tokens (one tokenizer, quote spans) → 2-mentions (speaker phrases) → 3-entities (the people a document
 *   names, the speaker registry) → 4-attribution (direct quotes and their speakers, indirect and mixed
 *   attributions, merged so a mixed attribution and its quoted fragment are not counted twice; the ranking
 *   model) → claims (../claims), with the speaker of the quote holding them. Sentences are split once.
 * Everything is scan- or regex-based over the whole text; compromise only sees short speaker phrases.
 */
import { findClaims } from '../claims/index.ts';
import type { Claim, Extraction, NameFlag, Quote, Speaker } from '../schema.ts';
import { findDirectQuotes, type DirectQuote } from './4-attribution/direct.ts';
import { documentOwner } from './4-attribution/attribution.ts';
import { findIndirectAttributions, holdsQuotedRun, type AttributionCandidate } from './4-attribution/indirect.ts';
import { keep, keepFeatures } from './4-attribution/indirect/keep.ts';
import { splitParagraphs } from './1-tokens/quotemarks.ts';
import { splitSentences } from '../text/sentences.ts';
import { DocumentPeople, type PersonName } from './3-entities/entities.ts';
import type { Via } from './4-attribution/via.ts';
import { rankSpeakers, type CandidateObserver } from './4-attribution/ranking/index.ts';
import type { Candidate } from './4-attribution/ranking/candidates.ts';
import { mergeSpellings } from './3-entities/people.ts';
import { parseSpeakerPhrase, tokenize } from './2-mentions/speaker-phrase.ts';
import { SpeakerRegistry, type SpeakerEntry } from './3-entities/speakers.ts';

export interface ExtractOptions {
  id?: string;
  includeText?: boolean;
  /** Pairs of spellings confirmed to be different people: never merged. */
  keepApart?: Array<[string, string]>;
}

interface Found {
  start: number;
  end: number;
  kind: Quote['kind'];
  speaker: SpeakerEntry | null;
  cue: string | null;
  confidence: number;
  via: Via;
  pronoun?: string;
  evidence?: string[];
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The speaker of an indirect/mixed candidate, resolved through the same registry as direct quotes. */
function candidateSpeaker(text: string, c: AttributionCandidate, registry: SpeakerRegistry): SpeakerEntry | null {
  if (c.speakerEnd <= c.speakerStart) return null;
  const tokens = tokenize(text, c.speakerStart, c.speakerEnd);
  // "RIAA's DMCA notice alleged …": a document speaks with its owner's words
  const phrase = (tokens.length && documentOwner(text, tokens, tokens.length - 1)) || parseSpeakerPhrase(text, tokens);
  if (!phrase || registry.isNationalityOnly(phrase)) return null;
  return registry.resolve(phrase, c.speakerStart);
}

/** Sees each reported-speech candidate and its features, and says whether to keep it (instead of the keep model, for fitting it). */
type ReportedObserver = (candidate: AttributionCandidate, features: Record<string, number>) => boolean;

/**
 * Merges direct quotes with indirect/mixed candidates: a candidate that is mostly one direct quote is
 * dropped (the direct quote stands); quoted fragments inside a mixed candidate are dropped (the mixed
 * attribution covers them); fragments inside no attribution are scare quotes or titles and dropped.
 */
function merge(text: string, direct: DirectQuote[], candidates: AttributionCandidate[], registry: SpeakerRegistry, observe?: ReportedObserver): Found[] {
  const standalone = direct.filter((q) => !q.fragment);
  const found: Found[] = standalone.map((q) => ({ start: q.start, end: q.end, kind: 'direct', speaker: q.speaker, cue: q.cue, confidence: q.confidence, via: q.via, pronoun: q.pronoun }));
  const usedCues = new Set(standalone.map((q) => q.cueStart).filter((x) => x >= 0));
  let d = 0;
  for (const c of candidates) {
    if (usedCues.has(c.cueStart)) continue; // "“…,” Roe said when asked": the cue belongs to the direct quote
    while (d < standalone.length && standalone[d].end <= c.start) d++;
    // the direct quotes the candidate overlaps; the first whose own cue lies inside it: content that runs into
    // another quote's attribution ("… with Mr. Clarke, Mr. Barrett said, “…”") ends at the comma before it
    let covered = 0;
    let crossed: DirectQuote | undefined;
    for (let k = d; k < standalone.length && standalone[k].start < c.end; k++) {
      const q = standalone[k];
      covered += overlap(c, q);
      if (!crossed && q.cueStart > c.start && q.cueStart < c.end) crossed = q;
    }
    if (covered * 2 >= c.end - c.start) continue;
    const comma = crossed ? text.lastIndexOf(',', crossed.cueStart) : -1;
    if (comma > c.start) {
      c.end = comma;
      c.kind = holdsQuotedRun(text, c.start, c.end) ? 'mixed' : 'indirect';
    }
    const speaker = candidateSpeaker(text, c, registry);
    if (c.kind !== 'direct') {
      const features = keepFeatures(text, c, speaker?.kind ?? (c.speakerEnd > c.speakerStart ? 'unresolved' : 'none'));
      if (!(observe ? observe(c, features) : keep(features))) continue;
    }
    found.push({ start: c.start, end: c.end, kind: c.kind, speaker, cue: c.cue, confidence: c.confidence, via: speaker ? 'reported' : 'none' });
  }
  // someone's words quoted in narration, in no attribution ("Khan thanked “the police … for their response”").
  // Fragments and the attributions kept run in document order: one pass, with the furthest end so far, finds
  // whether any attribution overlaps a fragment (direct quotes never overlap one).
  const reported = found.slice(standalone.length);
  let r = 0;
  let furthest = -1;
  for (const q of direct) {
    if (!q.narrator) continue;
    while (r < reported.length && reported[r].start < q.end) furthest = Math.max(furthest, reported[r++].end);
    if (furthest > q.start) continue;
    // "Beck described Trump as “…”": the words after the verb are reported, the quoted ones among them as written
    const from = q.narratedFrom ?? q.start;
    found.push({ start: from, end: q.end, kind: from < q.start ? 'mixed' : 'direct', speaker: q.narrator, cue: null, confidence: 0.5, via: 'subject' });
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Sets each claim's speakerId and speaker name from the quote that contains it or covers most of it. Both lists sorted by start. */
function assignClaimSpeakers(claims: Claim[], quotes: Quote[]): void {
  const spans = quotes.filter((q) => q.speakerId !== null);
  let first = 0;
  for (const claim of claims) {
    while (first < spans.length && spans[first].end <= claim.start) first++; // claims are sorted: never needed again
    let best: Quote | null = null;
    let bestOverlap = 0;
    for (let k = first; k < spans.length && spans[k].start < claim.end; k++) {
      const o = overlap(claim, spans[k]);
      if (o > bestOverlap) {
        best = spans[k];
        bestOverlap = o;
      }
    }
    if (best && ((best.start <= claim.start && best.end >= claim.end) || bestOverlap * 2 >= claim.end - claim.start)) {
      claim.speakerId = best.speakerId;
      claim.speaker = best.speaker;
    }
  }
}

/** The rules' pick for a press release's unattributed quotes: the member issuing it (the model may prefer another). */
function creditIssuer(found: Found[], issuer: PersonName, registry: SpeakerRegistry): void {
  let entry: SpeakerEntry | null = null;
  for (const q of found) {
    if (q.speaker) continue;
    entry ??= registry.resolve({ kind: 'person', start: issuer.start, end: issuer.end, name: issuer.name, nameStart: issuer.start, nameEnd: issuer.end, title: issuer.title }, issuer.start);
    q.speaker = entry;
    q.via = 'press-issuer';
    q.confidence = 0.6;
  }
}

/**
 * One speaker per name and kind: entries renamed to their fullest form (or joint speakers renamed from
 * their members) can meet under one name; the later folds into the first.
 */
function foldSameNames(entries: SpeakerEntry[], alias: Map<SpeakerEntry, SpeakerEntry>): void {
  const first = new Map<string, SpeakerEntry>();
  for (const entry of [...entries].sort((a, b) => a.order - b.order)) {
    if (alias.get(entry) !== entry) continue;
    const key = `${entry.kind}:${entry.name.toLowerCase().replace(/\s+/g, ' ')}`;
    const kept = first.get(key);
    if (!kept) {
      first.set(key, entry);
      continue;
    }
    for (const [from, to] of alias) if (to === entry) alias.set(from, kept);
    for (const m of entry.mentions) if (!kept.mentions.some((x) => x.start === m.start)) kept.mentions.push(m);
    kept.mentions.sort((a, b) => a.start - b.start);
  }
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  return analyse(text, options);
}

/** Every direct quote's speaker candidates with their features, as the ranking model sees them (for fitting it). */
export function attributionCandidates(text: string): Array<{ quote: { start: number; end: number; speaker: string | null; via: Via }; candidates: Candidate[] }> {
  const out: Array<{ quote: { start: number; end: number; speaker: string | null; via: Via }; candidates: Candidate[] }> = [];
  analyse(text, {}, (q, candidates) => out.push({ quote: { start: q.start, end: q.end, speaker: q.speaker?.name ?? null, via: q.via }, candidates }));
  return out;
}

/**
 * Every reported-speech candidate with the features the keep model sees, and the quotes found when all are
 * kept (for fitting the model, which finds each candidate's quote by its span).
 */
export function reportedCandidates(text: string): { quotes: Quote[]; candidates: Array<{ start: number; end: number; features: Record<string, number> }> } {
  const candidates: Array<{ start: number; end: number; features: Record<string, number> }> = [];
  const keepAll: ReportedObserver = (c, features) => {
    candidates.push({ start: c.start, end: c.end, features });
    return true;
  };
  const { quotes } = analyse(text, {}, undefined, keepAll);
  return { quotes, candidates };
}

function analyse(text: string, options: ExtractOptions, observe?: CandidateObserver, observeReported?: ReportedObserver): Extraction {
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text); // once, for reported speech and claims
  const people = new DocumentPeople(text);
  const registry = new SpeakerRegistry(text, people);
  const direct = findDirectQuotes(text, registry, paragraphs);
  const candidates = findIndirectAttributions(
    text,
    direct.filter((q) => !q.fragment).map((q) => ({ start: q.start, end: q.end })),
    sentences,
  ).sort((a, b) => a.start - b.start);
  const found = merge(text, direct, candidates, registry, observeReported);
  const described = registry.resolveDescriptions(people);
  const became = registry.adoptFullNames(people);
  for (const q of found) {
    if (!q.speaker) continue;
    const named = described.get(q.speaker) ?? q.speaker;
    q.speaker = became.get(named) ?? named;
  }
  const issuer = people.issuer();
  // a quotation whose reporting clause named its source keeps it ("The ad says “…”"); the rest are ranked
  const directFound = found.filter((q) => q.kind === 'direct' && q.via !== 'reported');
  if (issuer) creditIssuer(directFound, issuer, registry);
  rankSpeakers(directFound, { text, paragraphs, people, issuer }, registry, observe);
  registry.collectMentions();
  const { alias, groups } = mergeSpellings(registry.entries, options.keepApart);
  foldSameNames(registry.entries, alias);
  for (const q of found) if (q.speaker) q.speaker = alias.get(q.speaker) ?? q.speaker;
  const variantsOf = new Map(groups.map((g) => [g.entry, g]));

  const ids = new Map<SpeakerEntry, string>();
  const speakers: Speaker[] = registry.entries
    .filter((entry) => alias.get(entry) === entry)
    .sort((a, b) => a.order - b.order)
    .map((entry, i) => {
      const id = `s${i + 1}`;
      ids.set(entry, id);
      const group = variantsOf.get(entry);
      const variants = [entry.name, ...(group?.variants.map((v) => v.name) ?? [])];
      const speaker: Speaker = { id, name: entry.name, kind: entry.kind, mentions: entry.mentions, variants };
      if (entry.title) speaker.title = entry.title;
      if (entry.role) speaker.role = entry.role;
      if (entry.organization) speaker.organization = entry.organization;
      return speaker;
    });

  const quotes: Quote[] = found.map((q, i) => ({
    id: `q${i + 1}`,
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    speakerId: q.speaker ? (ids.get(q.speaker) ?? null) : null,
    speaker: q.speaker ? q.speaker.name : null,
    cue: q.cue,
    kind: q.kind,
    confidence: Math.max(0, Math.min(1, q.confidence)),
    via: q.speaker ? q.via : 'none',
    ...(q.speaker && q.evidence?.length ? { evidence: q.evidence } : {}),
  }));
  // Claims are scored without spans, then given the speaker of the quote holding them in one sweep
  // (same rule as findClaims: a span containing the sentence, or covering most of it).
  // (a claim whose score is not a finite number would break the output contract: dropped)
  const claims = findClaims(text, [], sentences).filter((c) => Number.isFinite(c.score));
  assignClaimSpeakers(claims, quotes);
  const nameFlags: NameFlag[] = groups
    .filter((g) => g.variants.length > 0 && ids.has(g.entry))
    .map((g) => ({
      speakerId: ids.get(g.entry) as string,
      canonical: g.entry.name,
      variants: g.variants,
      evidence: g.evidence,
      confidence: Math.max(0, Math.min(1, g.confidence)),
    }));
  return {
    ...(options.id !== undefined ? { id: options.id } : {}),
    ...(options.includeText ? { text } : {}),
    speakers,
    quotes,
    claims,
    nameFlags,
  };
}
