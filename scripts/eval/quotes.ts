/**
 * Scores extract() quotes against a gold file in the PolNeAR jsonl format
 * (one article a line: {id, text, quotes: [{start, end, kind, attributionId, speakerKey, …}]}).
 *
 * The rule (see ../shared/README.md):
 * - a predicted quote matches a gold fragment when it covers at least half of the fragment;
 *   one prediction may cover several fragments, all of one attribution (./spans.ts matchPredictions);
 * - precision = predictions of any kind matching a gold fragment of any kind / all predictions. It is
 *   the same figure for every subset: a prediction of another kind still counts against the subset
 *   (issue 9; until then precision counted only predictions of the subset's kinds, which is kept as
 *   the diagnostic `<subset>.kindPrecision`, not ratcheted);
 * - recall = gold fragments of the subset's kinds matched by a prediction of the subset's kinds, so a
 *   direct quote found only as an indirect attribution (no quote marks in the output) is not found;
 * - speaker accuracy over matched fragments whose gold speaker is a name (speakerKey present),
 *   comparing lower-cased last-name tokens.
 * Subsets: direct (gold direct), directMixed (direct+mixed), all.
 *
 * Exact spans (`all.exactPrecision`, `all.exactRecall`, `all.exactF1`), over all predictions and all
 * gold fragments: both spans are trimmed of spaces, punctuation and quote marks at both ends, and a
 * prediction matches when the trimmed spans have the same start and end. A prediction may also match
 * a run of consecutive fragments of one attribution when only trimmable characters separate them
 * (one content span cut at a sentence break); it then finds all of them. It does not match an
 * attribution's full extent across the interrupting cue ("“…,” she said, “…”"): that span holds words
 * that are not the content (./spans.ts matchExact).
 *
 * QUOTES_EVAL_VERBOSE=N prints up to N error samples per subset on stderr.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extract } from '#shared/extract/index.ts';
import type { Quote } from '#shared/schema.ts';
import { formatTable, spanPrf, type EvalReport } from './report.ts';
import { matchedBy, matchExact, matchPredictions } from './spans.ts';

interface GoldFragment {
  start: number;
  end: number;
  kind: 'direct' | 'indirect' | 'mixed';
  attributionId: string;
  speaker?: string | null;
  speakerKey?: string | null;
}

interface GoldArticle {
  id: string;
  text: string;
  quotes: GoldFragment[];
}

type Kind = GoldFragment['kind'];

const SUBSETS: Record<string, Kind[]> = {
  direct: ['direct'],
  directMixed: ['direct', 'mixed'],
  all: ['direct', 'mixed', 'indirect'],
};

const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

/**
 * Lower-cased last name of a speaker, built as the gold speakerKey is: the last capitalised token of the
 * span's head (the text before its first comma, parenthesis or colon), so "Dr. Jane Smith-Jones" ->
 * "smith-jones", "Rep. G.K. Butterfield (D-N.C.), head of …" -> "butterfield" and a description that names
 * someone, "a senior Cruz adviser", -> "cruz", as PolNeAR keys it. One typographic apostrophe, no possessive
 * 's, and no generational suffix ("Joseph R. Biden Jr." -> "biden"), which is no last name. A span with no
 * capitalised token keys on its last word.
 */
export function speakerKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const head = name.split(/[,(:]/)[0];
  const tokens = head
    .trim()
    .split(/\s+/)
    .map((token) =>
      token
        .replace(/’/g, "'")
        .replace(/'s$/iu, '')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''),
    )
    .filter((token) => token && !SUFFIX.test(token.toLowerCase()));
  const named = tokens.filter((token) => /^\p{Lu}/u.test(token));
  const key = named.at(-1) ?? tokens.at(-1);
  return key ? key.toLowerCase() : null;
}

/** The gold fragment's key on the same terms: its speakerKey, or the last name of its speaker when the key is a suffix. */
export function goldSpeakerKey(g: { speakerKey?: string | null; speaker?: string | null }): string | null {
  if (!g.speakerKey) return null;
  const key = speakerKey(g.speakerKey);
  return key ?? speakerKey(g.speaker);
}

interface Tally {
  /** All predictions, of every kind: the README's precision denominator for every subset. */
  predicted: number;
  correctPredictions: number;
  /** Diagnostic only: predictions of the subset's kinds, and those matching any gold fragment. */
  kindPredicted: number;
  kindCorrect: number;
  gold: number;
  matchedGold: number;
  speakerTotal: number;
  speakerCorrect: number;
  /** Exact-span matching (filled for the `all` subset only). */
  exactCorrectPredictions: number;
  exactMatchedGold: number;
  errors: string[];
}

const newTally = (): Tally => ({
  predicted: 0,
  correctPredictions: 0,
  kindPredicted: 0,
  kindCorrect: 0,
  gold: 0,
  matchedGold: 0,
  speakerTotal: 0,
  speakerCorrect: 0,
  exactCorrectPredictions: 0,
  exactMatchedGold: 0,
  errors: [],
});

const byAttribution = (g: GoldFragment) => g.attributionId;

export function scoreArticle(article: GoldArticle, quotes: Quote[], tallies: Record<string, Tally>, sampleLimit = 0): void {
  const text = article.text;
  const snippet = (s: { start: number; end: number }) => JSON.stringify(text.slice(s.start, Math.min(s.end, s.start + 120)));
  // Precision, the same for every subset: a prediction of any kind is right when it matches a gold fragment of any kind.
  const anyMatch = matchPredictions(quotes, article.quotes, byAttribution);
  const correct = anyMatch.filter((m) => m.length).length;
  for (const [subset, kinds] of Object.entries(SUBSETS)) {
    const tally = tallies[subset];
    tally.predicted += quotes.length;
    tally.correctPredictions += correct;
    const predictions = quotes.filter((q) => kinds.includes(q.kind));
    const subsetGold = article.quotes.filter((g) => kinds.includes(g.kind));
    tally.kindPredicted += predictions.length;
    quotes.forEach((q, i) => {
      if (!kinds.includes(q.kind)) return;
      if (anyMatch[i].length) tally.kindCorrect++;
      else if (tally.errors.length < sampleLimit) tally.errors.push(`FP ${article.id} ${q.kind} ${snippet(q)}`);
    });
    // Recall and speakers: gold fragments of the subset's kinds, matched by predictions of the subset's kinds.
    const fragmentPrediction = matchedBy(matchPredictions(predictions, subsetGold, byAttribution));
    tally.gold += subsetGold.length;
    subsetGold.forEach((g, i) => {
      const p = fragmentPrediction.get(i);
      if (p === undefined) {
        if (tally.errors.length < sampleLimit) tally.errors.push(`FN ${article.id} ${g.kind} ${snippet(g)} :: ${g.speaker ?? ''}`);
        return;
      }
      tally.matchedGold++;
      if (!g.speakerKey) return;
      tally.speakerTotal++;
      const prediction = predictions[p];
      if (speakerKey(prediction.speaker) === goldSpeakerKey(g)) tally.speakerCorrect++;
      else if (tally.errors.length < sampleLimit)
        tally.errors.push(`SPK ${article.id} gold=${g.speakerKey} predicted=${prediction.speaker ?? 'null'} via=${prediction.via} ${snippet(g)}`);
    });
  }
  // Exact spans, over all predictions and all gold fragments (see matchExact for runs of fragments).
  const exact = matchExact(text, quotes, article.quotes, byAttribution);
  tallies.all.exactCorrectPredictions += exact.filter((m) => m.length).length;
  tallies.all.exactMatchedGold += new Set(exact.flat()).size;
}

export async function evaluate(goldPath: string): Promise<EvalReport> {
  const sampleLimit = Number(process.env.QUOTES_EVAL_VERBOSE ?? 0) || 0;
  const tallies: Record<string, Tally> = Object.fromEntries(Object.keys(SUBSETS).map((s) => [s, newTally()]));
  const lines = createInterface({ input: createReadStream(goldPath, 'utf8'), crlfDelay: Infinity });
  let articles = 0;
  let seconds = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as GoldArticle;
    const started = process.hrtime.bigint();
    const result = extract(article.text, { id: article.id });
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
    scoreArticle(article, result.quotes, tallies, sampleLimit);
    articles++;
  }

  const metrics: Record<string, number> = {};
  const rows: Array<Record<string, string | number>> = [];
  for (const [subset, tally] of Object.entries(tallies)) {
    const { precision, recall, f1 } = spanPrf(tally.correctPredictions, tally.predicted, tally.matchedGold, tally.gold);
    const kindPrecision = tally.kindPredicted ? tally.kindCorrect / tally.kindPredicted : 0;
    const speakerAccuracy = tally.speakerTotal ? tally.speakerCorrect / tally.speakerTotal : 0;
    Object.assign(metrics, {
      [`${subset}.precision`]: precision,
      [`${subset}.recall`]: recall,
      [`${subset}.f1`]: f1,
      [`${subset}.kindPrecision`]: kindPrecision,
      [`${subset}.speakerAccuracy`]: speakerAccuracy,
    });
    rows.push({ subset, predicted: String(tally.predicted), gold: String(tally.gold), precision, recall, f1, kindPrecision, speakerAccuracy, speakerN: String(tally.speakerTotal) });
    if (sampleLimit && tally.errors.length) console.error(`\n# ${subset} error samples\n${tally.errors.join('\n')}`);
  }
  const all = tallies.all;
  const exact = spanPrf(all.exactCorrectPredictions, all.predicted, all.exactMatchedGold, all.gold);
  Object.assign(metrics, { 'all.exactPrecision': exact.precision, 'all.exactRecall': exact.recall, 'all.exactF1': exact.f1 });
  rows.push({ subset: 'all, exact spans', predicted: String(all.predicted), gold: String(all.gold), precision: exact.precision, recall: exact.recall, f1: exact.f1, kindPrecision: '', speakerAccuracy: '', speakerN: '' });
  const table = `${formatTable(rows)}\n${articles} articles, extraction ${(seconds * 1000 / Math.max(1, articles)).toFixed(1)} ms/article`;
  return { metrics, table };
}
