/**
 * Scores extract() against resolved-speaker gold (../shared/README.md, "Resolved-speaker gold"):
 * {id, text, quotes: [{start, end, speaker, speakerType: person|organization|description, group}]}.
 *
 * - Only predicted `direct` and `mixed` quotes count.
 * - A prediction matches a fragment when it covers at least half of it; one prediction may cover
 *   several fragments of one `group` (./spans.ts matchPredictions).
 * - precision = predictions that match a fragment, or lie at least half inside one / predictions;
 *   recall = fragments matched / fragments.
 * - Speaker, over matched fragments, one category each (classifySpeaker):
 *     resolved       the right speaker: a person's first and last name, an organisation whose name
 *                    (spaces removed) contains or is contained in the gold one, a description sharing
 *                    a content word with the gold one;
 *     surnameOnly    part of the right name and nothing else but titles: mostly the last name alone,
 *                    also a first name alone or one of two surnames;
 *     description    a role or description without a name ("the prime minister");
 *     anotherPerson  any other name (an organisation for a person's words counts here too);
 *     none           no speaker.
 * Case, accents and titles are ignored; hyphenated names match by their parts ("Sanders" holds for
 * "Sanders-Gendreau"). A quoted nickname in the gold ("Earl L. “Buddy” Carter") is an alternative
 * first name. Joint gold speakers ("A and B") are resolved when every person is resolved; a prediction
 * naming only some of them is surnameOnly (incomplete, not wrong).
 *
 * QUOTES_EVAL_VERBOSE=N prints up to N samples per error class on stderr (FP, FN and each wrong
 * speaker category), with the document id, offsets, gold and predicted speaker and the text around.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extract } from '#shared/extract/index.ts';
import type { Quote, SpeakerKind } from '#shared/schema.ts';
import { formatTable, spanPrf, type EvalReport } from './report.ts';
import { matchedBy, matchPredictions, overlap } from './spans.ts';

export interface ResolvedFragment {
  start: number;
  end: number;
  speaker: string;
  speakerType: 'person' | 'organization' | 'description';
  group: string | number;
}

export interface ResolvedDocument {
  id: string;
  text: string;
  quotes: ResolvedFragment[];
}

export const CATEGORIES = ['resolved', 'anotherPerson', 'surnameOnly', 'description', 'none'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A predicted speaker: its name and, when the extraction has it, the kind of its speaker entry. */
export interface PredictedSpeaker {
  name: string | null;
  kind?: SpeakerKind;
}

// The scorer keeps its own small word lists rather than importing the engine's lexicon: the yardstick
// must not move when the engine's lists change.
const TITLES = new Set(
  `mr mrs ms miss mx dr doctor prof professor sen sens senator senators rep reps representative representatives
  congressman congresswoman congressmen
  congressmember delegate gov governor lt president vice chairman chairwoman chair secretary minister
  mayor judge justice sir dame lord lady rev reverend fr father sister hon honorable honourable gen general
  col colonel capt captain sgt officer ambassador commissioner councilman councilwoman councillor
  councilor deputy former acting attorney leader speaker chief executive spokesman spokeswoman spokesperson
  rabbi imam pastor bishop king queen prince princess sheikh premier prime chancellor`.split(/\s+/),
);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq']);
const FUNCTION_WORDS = new Set(
  `a an the of for to in on at by and or with from as into his her their its our your my this that these
  those who which whose`.split(/\s+/),
);

/** Lower case, accents removed. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Word tokens (split at spaces and periods) with their outer punctuation removed (inner hyphens and apostrophes kept), possessive 's dropped. */
function words(s: string): string[] {
  return s
    .split(/[\s,;/.]+/) // "Rep. Foxx.Rep." → Rep, Foxx, Rep
    .map((w) => w.replace(/['’]s$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** A folded name token and its hyphenated parts: "sanders-gendreau" → sanders-gendreau, sanders, gendreau. */
function forms(token: string): string[] {
  const parts = token.split(/[-‐‑–]/).filter(Boolean);
  return parts.length > 1 ? [token, ...parts] : [token];
}

interface GoldPerson {
  first: string[];
  last: string;
  /** Every token of the name and its hyphenated parts. */
  tokens: Set<string>;
}

/**
 * First name(s) and last name of one gold person ("Earl L. “Buddy” Carter" → first earl|buddy, last carter).
 * Gold names carry no titles (README), so only suffixes are dropped: "Bishop" stays a surname.
 */
function goldPerson(name: string): GoldPerson | null {
  const nickname = name.match(/["“]([^"“”]+)["”]/u)?.[1];
  const tokens = words(name.replace(/["“][^"“”]*["”]/gu, ' '))
    .map(fold)
    .filter((t) => !SUFFIXES.has(t));
  if (!tokens.length) return null;
  const first = [tokens[0], ...(nickname ? words(nickname).map(fold) : [])];
  return { first, last: tokens[tokens.length - 1], tokens: new Set([...tokens, ...first].flatMap(forms)) };
}

/** Joint speakers "A and B", "A, B and C" (persons only: organisation names may hold "and"). */
function splitJoint(name: string): string[] {
  return name.split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/).filter((part) => part.trim());
}

/** Every folded token of a name and its hyphenated parts. */
function tokenSet(name: string): Set<string> {
  return new Set(words(name).map(fold).flatMap(forms));
}

const holds = (set: Set<string>, token: string) => forms(token).some((f) => set.has(f));

/** The name words of a predicted speaker: capitalised, neither titles nor suffixes ("Sen. Bishop Jr." → bishop). */
function nameWords(name: string): string[] {
  return words(name)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map(fold)
    .filter((t) => !TITLES.has(t) && !SUFFIXES.has(t));
}

/** The category of a prediction that is not resolved: a role entry or a phrase without a name word is a description. */
function wrongForm(predicted: PredictedSpeaker): Category {
  if (predicted.kind === 'role') return 'description';
  return nameWords(predicted.name ?? '').length ? 'anotherPerson' : 'description';
}

function classifyPerson(goldName: string, predicted: PredictedSpeaker): Category {
  const name = predicted.name ?? '';
  const set = tokenSet(name);
  const people = splitJoint(goldName)
    .map(goldPerson)
    .filter((p): p is GoldPerson => p !== null);
  if (!people.length) return wrongForm(predicted);
  const fullyNamed = people.filter((p) => p.first.some((f) => holds(set, f)) && holds(set, p.last));
  if (fullyNamed.length === people.length) return 'resolved';
  if (fullyNamed.length) return 'surnameOnly'; // some of the joint speakers
  // Part of the right name and nothing else: mostly the surname alone ("Rep. Granger"), also one of two
  // surnames or a first name alone ("Wanda Vázquez" for "Wanda Vázquez Garced"). Not another person.
  const names = nameWords(name);
  const inGold = (w: string) => forms(w).some((f) => people.some((p) => p.tokens.has(f)));
  if (names.length && names.every(inGold)) return 'surnameOnly';
  return wrongForm(predicted);
}

function classifyOrganization(goldName: string, predicted: PredictedSpeaker): Category {
  const squash = (s: string) => fold(s).replace(/\s+/g, '');
  const a = squash(goldName);
  const b = squash(predicted.name ?? '');
  if (b && (a.includes(b) || b.includes(a))) return 'resolved';
  return wrongForm(predicted);
}

function classifyDescription(goldName: string, predicted: PredictedSpeaker): Category {
  const content = (s: string) => words(s).map(fold).filter((w) => !FUNCTION_WORDS.has(w));
  const gold = new Set(content(goldName));
  if (content(predicted.name ?? '').some((w) => gold.has(w))) return 'resolved';
  return wrongForm(predicted);
}

/** The README's speaker categories for one matched fragment. */
export function classifySpeaker(gold: Pick<ResolvedFragment, 'speaker' | 'speakerType'>, predicted: PredictedSpeaker): Category {
  if (!predicted.name?.trim()) return 'none';
  if (gold.speakerType === 'organization') return classifyOrganization(gold.speaker, predicted);
  if (gold.speakerType === 'description') return classifyDescription(gold.speaker, predicted);
  return classifyPerson(gold.speaker, predicted);
}

export interface ResolvedTally {
  predicted: number;
  correctPredictions: number;
  gold: number;
  matchedGold: number;
  speakers: Record<Category, number>;
  /** Error samples by class: FP, FN and the wrong-speaker categories. */
  samples: Record<string, string[]>;
}

export const newResolvedTally = (): ResolvedTally => ({
  predicted: 0,
  correctPredictions: 0,
  gold: 0,
  matchedGold: 0,
  speakers: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
  samples: {},
});

/** What the scorer reads of a predicted quote. */
export type PredictedQuote = Pick<Quote, 'start' | 'end' | 'kind' | 'speaker' | 'speakerId' | 'cue' | 'confidence'>;

/** Scores one document's predictions; `kinds` maps a speakerId to its speaker entry's kind. */
export function scoreDocument(doc: ResolvedDocument, quotes: PredictedQuote[], kinds: Map<string, SpeakerKind>, tally: ResolvedTally, sampleLimit = 0): void {
  const { text } = doc;
  const sample = (cls: string, line: () => string) => {
    const list = (tally.samples[cls] ??= []);
    if (list.length < sampleLimit) list.push(line());
  };
  // The quote and the text around it, where the attribution is.
  const context = (s: { start: number; end: number }) =>
    `${JSON.stringify(text.slice(Math.max(0, s.start - 80), s.start))} ⟦${JSON.stringify(text.slice(s.start, Math.min(s.end, s.start + 160)))}${s.end - s.start > 160 ? '…' : ''}⟧ ${JSON.stringify(text.slice(s.end, s.end + 80))}`;
  const predictions = quotes.filter((q) => q.kind === 'direct' || q.kind === 'mixed');
  const matches = matchPredictions(predictions, doc.quotes, (g) => String(g.group));
  tally.predicted += predictions.length;
  predictions.forEach((p, i) => {
    const inside = doc.quotes.some((g) => overlap(p, g) * 2 >= p.end - p.start);
    if (matches[i].length || inside) tally.correctPredictions++;
    else sample('FP', () => `FP ${doc.id}@${p.start} ${p.kind} speaker=${JSON.stringify(p.speaker)} ${context(p)}`);
  });
  const byFragment = matchedBy(matches);
  tally.gold += doc.quotes.length;
  doc.quotes.forEach((g, i) => {
    const p = byFragment.get(i);
    const gold = `gold=${JSON.stringify(g.speaker)} (${g.speakerType})`;
    if (p === undefined) {
      sample('FN', () => `FN ${doc.id}@${g.start} ${gold} ${context(g)}`);
      return;
    }
    tally.matchedGold++;
    const q = predictions[p];
    const kind = q.speakerId ? kinds.get(q.speakerId) : undefined;
    const category = classifySpeaker(g, { name: q.speaker, kind });
    tally.speakers[category]++;
    // The decision's reason, once quotes carry one (issue 9 §1 `via`).
    const via = (q as { via?: unknown }).via;
    const how = `${kind ?? 'no entry'}, ${q.kind}, cue=${JSON.stringify(q.cue)}${via === undefined ? '' : `, via=${JSON.stringify(via)}`}, confidence ${q.confidence.toFixed(2)}`;
    if (category !== 'resolved') sample(category, () => `${category} ${doc.id}@${g.start} ${gold} predicted=${JSON.stringify(q.speaker)} (${how}) ${context(g)}`);
  });
}

/** Figures named as in `npm run eval`: quotes.{precision,recall,f1}, speaker.<category> (shares of matched fragments). */
export function resolvedMetrics(tally: ResolvedTally): Record<string, number> {
  const { precision, recall, f1 } = spanPrf(tally.correctPredictions, tally.predicted, tally.matchedGold, tally.gold);
  const metrics: Record<string, number> = { 'quotes.precision': precision, 'quotes.recall': recall, 'quotes.f1': f1 };
  for (const c of CATEGORIES) metrics[`speaker.${c}`] = tally.matchedGold ? tally.speakers[c] / tally.matchedGold : 0;
  return metrics;
}

export async function evaluate(goldPath: string): Promise<EvalReport> {
  const sampleLimit = Number(process.env.QUOTES_EVAL_VERBOSE ?? 0) || 0;
  const tally = newResolvedTally();
  const lines = createInterface({ input: createReadStream(goldPath, 'utf8'), crlfDelay: Infinity });
  let documents = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as ResolvedDocument;
    const result = extract(doc.text, { id: doc.id });
    scoreDocument(doc, result.quotes, new Map(result.speakers.map((s) => [s.id, s.kind])), tally, sampleLimit);
    documents++;
  }
  const metrics = resolvedMetrics(tally);
  if (sampleLimit)
    for (const cls of ['FP', 'FN', 'anotherPerson', 'none', 'surnameOnly', 'description'])
      if (tally.samples[cls]?.length) console.error(`\n# resolved: ${cls} samples\n${tally.samples[cls].join('\n')}`);
  const quotes = formatTable([
    { predicted: String(tally.predicted), gold: String(tally.gold), precision: metrics['quotes.precision'], recall: metrics['quotes.recall'], f1: metrics['quotes.f1'] },
  ]);
  const speakers = formatTable(CATEGORIES.map((c) => ({ speaker: c, fragments: String(tally.speakers[c]), share: metrics[`speaker.${c}`] })));
  return { metrics, table: `${quotes}\n\n${speakers}\n${documents} documents, ${tally.matchedGold} matched fragments` };
}
