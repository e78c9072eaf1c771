/**
 * Candidate speakers of one direct quote, each with interpretable features for the ranking model
 * (./model.ts). The rules' pick (./direct.ts, ./attribution.ts) is one candidate among:
 *   - the people named in the quote's paragraph (before and after it) and at the end of the one before;
 *   - the speakers of the previous and next quotes;
 *   - a press release's issuing member;
 *   - "nobody", where the rules found no speaker and no candidate is likely enough.
 * Features are read off positions and words only, so the same code serves extraction and fitting.
 */
import { directCue } from '../attribution.ts';
import { isOrgWord } from '../../2-mentions/speaker-phrase.ts';
import { isGivenName, nameKind } from '../../2-mentions/tagging.ts';
import { nameWords, type DocumentPeople, type PersonName } from '../../3-entities/entities.ts';
import type { Paragraph } from '../../1-tokens/quotemarks.ts';
import type { SpeakerEntry } from '../../3-entities/speakers.ts';
import type { Via } from '../via.ts';

/** The quote being attributed, with what the rules decided. */
export interface QuoteToRank {
  start: number;
  end: number;
  speaker: SpeakerEntry | null;
  via: Via;
  confidence: number;
  /** The pronoun of its attribution ("she said"), when it has one. */
  pronoun?: string;
}

export interface Candidate {
  /** The speaker's name (null for "nobody"). */
  name: string | null;
  /** The existing speaker entry, when the candidate already is one. */
  entry: SpeakerEntry | null;
  gender?: 'male' | 'female';
  /** Where the candidate is written nearest the quote (for creating its entry). */
  written: { start: number; end: number };
  title?: string;
  features: Record<string, number>;
}

export interface RankingContext {
  text: string;
  paragraphs: Paragraph[];
  people: DocumentPeople;
  issuer: PersonName | null;
}

const POSSESSIVE_AFTER = /^['’]s/;
const BEFORE_WINDOW = 400;
const AFTER_WINDOW = 250;

/** Lower-cased key a candidate is told apart by: its name words. */
export const candidateKey = (name: string) => nameWords(name).join(' ');

function paragraphAt(paragraphs: Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A reporting verb right after a name ("Roe said", "Roe, a doctor, said") or right before it ("said Roe"). */
function cueNextTo(text: string, start: number, end: number): { after: boolean; before: boolean } {
  const following = /^(?:\s*\([^)]{0,30}\))?(?:\s*,[^,.;“”"]{0,80},)?\s+(?:also\s+|later\s+|has\s+|had\s+)?([a-z]+)/.exec(text.slice(end, end + 120));
  const preceding = /\b([a-z]+)\s+(?:[A-Z][\p{L}.]*\s+){0,4}$/u.exec(text.slice(Math.max(0, start - 60), start));
  return { after: !!following && directCue(following[1]), before: !!preceding && directCue(preceding[1]) };
}

const log1p = (x: number) => Math.log(1 + x);

/** A candidate's kind: its entry's, else what its name says ("Ben Franklin Technology Partners" is no person). */
export function candidateKind(c: Candidate): string {
  return c.entry?.kind ?? (c.name && nameKind(c.name) === 'organization' ? 'organization' : 'person');
}


/** What the name itself says: a person's name has a known given name or a title; a place, a possessive or a headline does not. */
function describeName(c: Candidate, f: Record<string, number>): void {
  const name = c.name as string;
  const words = name.split(/\s+/);
  if (isGivenName(words[0])) f['name:given-name'] = 1;
  if (c.title ?? c.entry?.title) f['name:titled'] = 1;
  if (words.length === 1) f['name:one-word'] = 1;
  if (/['’]s?\b/.test(name)) f['name:possessive'] = 1;
  if (words.some((w) => isOrgWord(w))) f['name:organisation-word'] = 1;
  if (words.length > 4) f['name:long'] = 1;
  if (c.entry?.kind !== 'role' && nameKind(name) === 'place') f['name:place'] = 1;
}

/** Candidates for `quotes[i]`; quotes are the document's direct quotes in order. */
export function candidatesFor(quotes: QuoteToRank[], i: number, ctx: RankingContext): Candidate[] {
  const q = quotes[i];
  const { text, paragraphs, people } = ctx;
  const para = paragraphAt(paragraphs, q.start);
  const paraStart = paragraphs[para].start;
  const paraEnd = paragraphs[paragraphAt(paragraphs, Math.max(q.start, q.end - 1))].end;
  const prev = i > 0 ? quotes[i - 1] : null;
  const next = i + 1 < quotes.length ? quotes[i + 1] : null;
  // people named across a neighbouring quote belong to that quote: its speaker is a candidate of its own
  const windowStart = Math.max(para > 0 ? paragraphs[para - 1].start : 0, q.start - BEFORE_WINDOW, prev?.end ?? 0);
  const windowEnd = Math.min(paraEnd, q.end + AFTER_WINDOW, next?.start ?? Infinity);

  const byKey = new Map<string, Candidate>();
  const add = (name: string, entry: SpeakerEntry | null, start: number, end: number, title?: string, gender?: 'male' | 'female'): Candidate => {
    const key = candidateKey(name);
    let c = byKey.get(key);
    if (!c) {
      c = { name, entry, written: { start, end }, title, features: {} };
      byKey.set(key, c);
    }
    if (entry && !c.entry) c.entry = entry;
    c.gender ??= entry?.gender ?? gender;
    return c;
  };
  // a name inside a quote is someone the speaker talks about, not the speaker (the window holds few quotes)
  const near = quotes.slice(Math.max(0, i - 3), i + 4);
  const spoken = (n: PersonName) => near.some((other) => other.start <= n.start && n.end <= other.end);
  // the people a joint pick names are that pick, not rivals of it
  const members = new Set((q.speaker?.members ?? []).map((m) => candidateKey(m.name)));
  const own = (n: PersonName) => members.size > 0 && (members.has(candidateKey(n.name)) || members.has(candidateKey(people.fullest(n.name, n.start) ?? n.name)));

  if (q.speaker) {
    const c = add(q.speaker.name, q.speaker, q.start, q.start);
    c.features.rule = 1; // shared by every rule, so a rare one still counts
    c.features[`rule:${q.via}`] = 1;
    c.features['rule:confidence'] = q.confidence;
  }
  if (prev?.speaker) add(prev.speaker.name, prev.speaker, prev.start, prev.start).features[paragraphAt(paragraphs, prev.start) === para ? 'previous-quote:same-paragraph' : 'previous-quote'] = 1;
  if (next?.speaker && paragraphAt(paragraphs, next.start) === para) add(next.speaker.name, next.speaker, next.start, next.start).features['next-quote:same-paragraph'] = 1;
  const issuer = ctx.issuer;
  if (issuer) add(people.fullest(issuer.name, issuer.start) ?? issuer.name, null, issuer.start, issuer.end, issuer.title).features.issuer = 1;

  // people named around the quote, nearest first on each side
  let nearestBefore = true;
  // the rules' pick as written before the quote counts as named there, though the document names it in no way
  // the people list knows ("Durbin said “…”": a bare surname, no title)
  const written = (q.speaker?.kind === 'person' ? q.speaker.mentions : []).filter((m) => m.start >= windowStart && m.end <= q.start);
  const listed = people.namesBetween(windowStart, q.start);
  const extra = written.filter((m) => !listed.some((n) => n.start <= m.start && m.end <= n.end)).map((m): PersonName => ({ name: q.speaker!.name, start: m.start, end: m.end, words: nameWords(q.speaker!.name) }));
  const namedBefore = [...listed, ...extra].sort((a, b) => b.start - a.start).filter((n) => !spoken(n) && !own(n));
  for (const n of namedBefore) {
    const c = add(people.fullest(n.name, n.start) ?? n.name, null, n.start, n.end, n.title, n.gender);
    const f = c.features;
    if (f['named-before'] !== undefined) continue;
    f['named-before'] = 1;
    f['named-before:distance'] = log1p(q.start - n.end) / log1p(BEFORE_WINDOW);
    f[n.start >= paraStart ? 'named-before:same-paragraph' : 'named-before:previous-paragraph'] = 1;
    if (nearestBefore) f['named-before:nearest'] = 1;
    nearestBefore = false;
    const cue = cueNextTo(text, n.start, n.end);
    if (cue.after) f['named-before:cue-after-name'] = 1;
    if (cue.before) f['named-before:cue-before-name'] = 1;
    if (people.afterPreposition(n)) f['named-before:after-preposition'] = 1;
    if (POSSESSIVE_AFTER.test(text.slice(n.end, n.end + 2))) f['named-before:possessive'] = 1;
  }
  let nearestAfter = true;
  for (const n of people.namesBetween(q.end, windowEnd).filter((m) => !spoken(m) && !own(m))) {
    const c = add(people.fullest(n.name, n.start) ?? n.name, null, n.start, n.end, n.title, n.gender);
    const f = c.features;
    if (f['named-after'] !== undefined) continue;
    f['named-after'] = 1;
    f['named-after:distance'] = log1p(n.start - q.end) / log1p(AFTER_WINDOW);
    if (nearestAfter) f['named-after:nearest'] = 1;
    nearestAfter = false;
    const cue = cueNextTo(text, n.start, n.end);
    if (cue.after) f['named-after:cue-after-name'] = 1;
    if (cue.before) f['named-after:cue-before-name'] = 1;
    if (people.afterPreposition(n)) f['named-after:after-preposition'] = 1; // "…,” he said in an interview with Wolf Blitzer
    if (POSSESSIVE_AFTER.test(text.slice(n.end, n.end + 2))) f['named-after:possessive'] = 1;
  }

  const quoted = text.slice(q.start, q.end).toLowerCase();
  const out = [...byKey.values()];
  for (const c of out) {
    const f = c.features;
    f[`kind:${candidateKind(c)}`] = 1;
    const surname = nameWords(c.name as string).pop();
    if (surname && quoted.includes(surname)) f['named-in-quote'] = 1;
    f.salience = log1p(people.count(c.name as string)) / log1p(20);
    describeName(c, f);
  }
  // "…,” she said: a person of the other gender, or an organisation, is not who the pronoun means. A constraint,
  // not a learned feature: PolNeAR leaves pronoun speakers unresolved, so its data cannot teach agreement.
  const pronounGender = q.pronoun === 'he' ? 'male' : q.pronoun === 'she' ? 'female' : undefined;
  const agrees = (c: Candidate) => {
    const kind = candidateKind(c);
    return kind === 'person' ? !c.gender || c.gender === pronounGender : kind !== 'organization';
  };
  // "…,” the six Members wrote in a letter to President Obama", "The campaign recycled a statement …: “…”" after
  // "described Trump's unwillingness as …": against an explicit attribution, a person named around the quote only
  // after a preposition or as an owner ("to President Obama", "Trump's") is whom or what it is about, not who said it
  const explicit = q.speaker !== null && ((q.confidence >= 0.9 && (q.via === 'cue-after' || q.via === 'cue-before')) || q.via === 'colon-lead');
  const aside = (c: Candidate, side: 'named-before' | 'named-after') =>
    c.features[side] === undefined || c.features[`${side}:after-preposition`] === 1 || c.features[`${side}:possessive`] === 1;
  const addressee = (c: Candidate) =>
    !c.features.rule && aside(c, 'named-before') && aside(c, 'named-after') && (c.features['named-before'] !== undefined || c.features['named-after'] !== undefined);
  // "It read, “…”": a thing or an organisation, never a person
  const agreesWithIt = (c: Candidate) => candidateKind(c) !== 'person';
  const agreement = pronounGender ? agrees : q.pronoun?.toLowerCase() === 'it' ? agreesWithIt : null;
  const fitting = out.filter((c) => (!agreement || c.features.rule || agreement(c)) && !(explicit && addressee(c)));
  // "nobody" competes only where the rules found no speaker: the model may re-rank their pick, not drop it
  if (!q.speaker) fitting.push({ name: null, entry: null, written: { start: q.start, end: q.start }, features: { nobody: 1 } });
  return fitting;
}
