/**
 * Scores extract() quotes against a gold file in the PolNeAR jsonl format
 * (one article a line: {id, text, quotes: [{start, end, kind, attributionId, speakerKey, …}]}).
 *
 * The rule (see ../shared/README.md):
 * - a predicted quote matches a gold fragment when it covers at least half of the fragment;
 *   one prediction may cover several fragments, all of one attribution;
 * - precision = predictions matching any gold fragment / all predictions (of the subset's predicted kinds);
 * - recall = gold fragments of the subset's kinds matched by a prediction of the subset's kinds;
 * - speaker accuracy over matched fragments whose gold speaker is a name (speakerKey present),
 *   comparing lower-cased last-name tokens.
 * Subsets: direct (gold direct / predicted direct), directMixed (direct+mixed), all.
 *
 * QUOTES_EVAL_VERBOSE=N prints up to N error samples per subset on stderr.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extract } from '../../shared/extract/index.ts';
import type { Quote } from '../../shared/schema.ts';
import { formatTable, type EvalReport } from './report.ts';

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

/** Lower-cased last token of a name, as the gold speakerKey is built ("Dr. Jane Smith-Jones" -> "smith-jones"). */
export function speakerKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const tokens = name.trim().split(/\s+/).filter(Boolean);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (token) return token;
  }
  return null;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * For each prediction, the gold fragments it matches: those it covers by at least half,
 * restricted to the one attribution with the most covered characters.
 */
export function matchPredictions(predictions: Array<{ start: number; end: number }>, gold: GoldFragment[]): number[][] {
  return predictions.map((p) => {
    const byAttribution = new Map<string, { covered: number; fragments: number[] }>();
    gold.forEach((g, i) => {
      const length = g.end - g.start;
      const o = overlap(p, g);
      if (length <= 0 || o * 2 < length) return;
      const entry = byAttribution.get(g.attributionId) ?? { covered: 0, fragments: [] };
      entry.covered += o;
      entry.fragments.push(i);
      byAttribution.set(g.attributionId, entry);
    });
    let best: { covered: number; fragments: number[] } | undefined;
    for (const entry of byAttribution.values()) if (!best || entry.covered > best.covered) best = entry;
    return best?.fragments ?? [];
  });
}

interface Tally {
  predicted: number;
  correctPredictions: number;
  gold: number;
  matchedGold: number;
  speakerTotal: number;
  speakerCorrect: number;
  errors: string[];
}

const newTally = (): Tally => ({ predicted: 0, correctPredictions: 0, gold: 0, matchedGold: 0, speakerTotal: 0, speakerCorrect: 0, errors: [] });

export function scoreArticle(article: GoldArticle, quotes: Quote[], tallies: Record<string, Tally>, sampleLimit = 0): void {
  const text = article.text;
  const snippet = (s: { start: number; end: number }) => JSON.stringify(text.slice(s.start, Math.min(s.end, s.start + 120)));
  for (const [subset, kinds] of Object.entries(SUBSETS)) {
    const tally = tallies[subset];
    const predictions = quotes.filter((q) => kinds.includes(q.kind));
    const subsetGold = article.quotes.filter((g) => kinds.includes(g.kind));
    // Precision: a prediction is right when it matches any gold fragment, of any kind.
    const anyMatch = matchPredictions(predictions, article.quotes);
    tally.predicted += predictions.length;
    anyMatch.forEach((m, i) => {
      if (m.length) tally.correctPredictions++;
      else if (tally.errors.length < sampleLimit) tally.errors.push(`FP ${article.id} ${predictions[i].kind} ${snippet(predictions[i])}`);
    });
    // Recall and speakers: gold fragments of the subset's kinds.
    const subsetMatch = matchPredictions(predictions, subsetGold);
    const matchedBy = new Map<number, Quote>();
    subsetMatch.forEach((fragments, p) => {
      for (const f of fragments) if (!matchedBy.has(f)) matchedBy.set(f, predictions[p]);
    });
    tally.gold += subsetGold.length;
    subsetGold.forEach((g, i) => {
      const prediction = matchedBy.get(i);
      if (!prediction) {
        if (tally.errors.length < sampleLimit) tally.errors.push(`FN ${article.id} ${g.kind} ${snippet(g)} :: ${g.speaker ?? ''}`);
        return;
      }
      tally.matchedGold++;
      if (!g.speakerKey) return;
      tally.speakerTotal++;
      if (speakerKey(prediction.speaker) === g.speakerKey.toLowerCase()) tally.speakerCorrect++;
      else if (tally.errors.length < sampleLimit)
        tally.errors.push(`SPK ${article.id} gold=${g.speakerKey} predicted=${prediction.speaker ?? 'null'} ${snippet(g)}`);
    });
  }
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
    const precision = tally.predicted ? tally.correctPredictions / tally.predicted : 0;
    const recall = tally.gold ? tally.matchedGold / tally.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const speakerAccuracy = tally.speakerTotal ? tally.speakerCorrect / tally.speakerTotal : 0;
    Object.assign(metrics, {
      [`${subset}.precision`]: precision,
      [`${subset}.recall`]: recall,
      [`${subset}.f1`]: f1,
      [`${subset}.speakerAccuracy`]: speakerAccuracy,
    });
    rows.push({ subset, predicted: String(tally.predicted), gold: String(tally.gold), precision, recall, f1, speakerAccuracy, speakerN: String(tally.speakerTotal) });
    if (sampleLimit && tally.errors.length) console.error(`\n# ${subset} error samples\n${tally.errors.join('\n')}`);
  }
  const table = `${formatTable(rows)}\n${articles} articles, extraction ${(seconds * 1000 / Math.max(1, articles)).toFixed(1)} ms/article`;
  return { metrics, table };
}
