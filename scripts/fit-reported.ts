/**
 * Fits the model that keeps or drops reported-speech candidates (shared/extract/4-attribution/indirect/keep.ts)
 * on PolNeAR training articles:
 *   npx tsx scripts/fit-reported.ts [../shared/data/quotes-polnear-train.jsonl] [--folds 5] [--dry-run]
 *
 * Each indirect or mixed candidate is one example, right when it matches a gold fragment by the eval's rule
 * (scripts/eval/spans.ts). The model is a logistic regression with an L2 penalty, fitted by AdaGrad. The threshold
 * is the one that maximises the mean of the all-attributions F1 and the direct F1 of the articles' whole output
 * (every quote counted, as `npm run eval` counts them), chosen within each training part. The script prints,
 * cross-validated by article, precision and both F1s beside the figures with every candidate kept, then fits on
 * all articles and rewrites
 * shared/extract/4-attribution/indirect/keep-weights.ts. The dev file is never read here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { reportedCandidates } from '../shared/extract/index.ts';
import { matchPredictions } from './eval/spans.ts';
import { AdaGrad, fitOptions } from './fit-options.ts';

const { trainPath, folds, l2, dryRun } = fitOptions('0.0003');

interface Gold {
  start: number;
  end: number;
  kind: 'direct' | 'mixed' | 'indirect';
  attributionId: string;
}

/** One article's output with every candidate kept: which gold fragments each prediction matches. */
interface Article {
  index: number;
  gold: Gold[];
  /** Per prediction: the gold fragments it matches, its kind, and its candidate (for reported speech). */
  predictions: Array<{ matches: number[]; kind: string; candidate: number }>;
  candidates: Array<{ features: Record<string, number>; right: boolean }>;
}

function read(line: string, index: number): Article {
  const doc = JSON.parse(line) as { text: string; quotes: Gold[] };
  const { quotes, candidates } = reportedCandidates(doc.text);
  const matches = matchPredictions(quotes, doc.quotes, (g) => g.attributionId);
  const byspan = new Map(candidates.map((c, i) => [`${c.start}:${c.end}`, i]));
  const predictions = quotes.map((q, i) => ({ matches: matches[i], kind: q.kind, candidate: q.kind === 'direct' ? -1 : (byspan.get(`${q.start}:${q.end}`) ?? -1) }));
  const right = new Array(candidates.length).fill(false);
  for (const p of predictions) if (p.candidate >= 0) right[p.candidate] = p.matches.length > 0;
  return { index, gold: doc.quotes, predictions, candidates: candidates.map((c, i) => ({ features: c.features, right: right[i] })) };
}

type Weights = { bias: number; w: Map<string, number> };
const score = (m: Weights, f: Record<string, number>) => Object.entries(f).reduce((z, [k, v]) => z + (m.w.get(k) ?? 0) * v, m.bias);

function fit(examples: Array<{ features: Record<string, number>; right: boolean }>, iterations = 200, rate = 0.3): Weights {
  const model: Weights = { bias: 0, w: new Map() };
  const adagrad = new AdaGrad(rate);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Map<string, number>();
    let biasGradient = 0;
    for (const ex of examples) {
      const p = 1 / (1 + Math.exp(-score(model, ex.features)));
      const g = p - (ex.right ? 1 : 0);
      biasGradient += g;
      for (const [k, v] of Object.entries(ex.features)) gradient.set(k, (gradient.get(k) ?? 0) + g * v);
    }
    model.bias = adagrad.step('(bias)', biasGradient / examples.length, model.bias);
    for (const [k, g0] of gradient) {
      const current = model.w.get(k) ?? 0;
      model.w.set(k, adagrad.step(k, g0 / examples.length + l2 * current, current));
    }
  }
  return model;
}

/** The eval's counts for a set of articles when candidates scoring below `threshold` are dropped. */
function counts(articles: Article[], scores: Map<Article, number[]>, threshold: number) {
  let predicted = 0;
  let correct = 0;
  const gold = { all: 0, direct: 0 };
  const found = { all: 0, direct: 0 };
  for (const a of articles) {
    const s = scores.get(a) ?? [];
    const matchedAll = new Set<number>();
    const matchedDirect = new Set<number>();
    for (const p of a.predictions) {
      if (p.candidate >= 0 && s[p.candidate] < threshold) continue;
      predicted++;
      if (p.matches.length) correct++;
      for (const g of p.matches) {
        matchedAll.add(g);
        if (p.kind === 'direct' && a.gold[g].kind === 'direct') matchedDirect.add(g);
      }
    }
    gold.all += a.gold.length;
    gold.direct += a.gold.filter((g) => g.kind === 'direct').length;
    found.all += matchedAll.size;
    found.direct += matchedDirect.size;
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const precision = predicted ? correct / predicted : 0;
  return { precision, allF1: f1(precision, found.all / gold.all), directF1: f1(precision, found.direct / gold.direct) };
}

const THRESHOLDS = Array.from({ length: 41 }, (_, i) => -4 + i * 0.1);
/** The threshold that maximises the mean of the two headline F1s: dropping a candidate trades recall of all attributions for precision. */
const objective = (c: ReturnType<typeof counts>) => (c.allF1 + c.directF1) / 2;
const best = (articles: Article[], scores: Map<Article, number[]>) =>
  THRESHOLDS.reduce((b, t) => (objective(counts(articles, scores, t)) > objective(counts(articles, scores, b)) ? t : b), -Infinity);

const lines = readFileSync(trainPath, 'utf8').split('\n').filter((l) => l.trim());
const articles = lines.map((line, i) => read(line, i));
const all = articles.flatMap((a) => a.candidates);
console.log(`${articles.length} articles, ${all.length} reported-speech candidates, ${all.filter((c) => c.right).length} right`);

// Out-of-fold scores; the threshold is chosen within each training part and applied to its held-out fold.
const keptAll = new Map(articles.map((a) => [a, a.candidates.map(() => Infinity)]));
const heldOut: Array<{ before: ReturnType<typeof counts>; after: ReturnType<typeof counts> }> = [];
for (let k = 0; k < folds; k++) {
  const train = articles.filter((a) => a.index % folds !== k);
  const test = articles.filter((a) => a.index % folds === k);
  const model = fit(train.flatMap((a) => a.candidates));
  const scored = new Map([...train, ...test].map((a) => [a, a.candidates.map((c) => score(model, c.features))]));
  const threshold = best(train, scored);
  heldOut.push({ before: counts(test, keptAll, -Infinity), after: counts(test, scored, threshold) });
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const show = (key: 'precision' | 'allF1' | 'directF1') =>
  `${mean(heldOut.map((h) => h.after[key])).toFixed(3)} (every candidate kept ${mean(heldOut.map((h) => h.before[key])).toFixed(3)})`;
console.log(`${folds}-fold cross-validated by article: precision ${show('precision')}, all-attributions F1 ${show('allF1')}, direct F1 ${show('directF1')}`);

const model = fit(all);
const scores = new Map(articles.map((a) => [a, a.candidates.map((c) => score(model, c.features))]));
const threshold = best(articles, scores);
const fitted = counts(articles, scores, threshold);
console.log(`threshold ${threshold.toFixed(1)}: training precision ${fitted.precision.toFixed(3)}, all F1 ${fitted.allF1.toFixed(3)}, direct F1 ${fitted.directF1.toFixed(3)}`);

if (!dryRun) {
  const sorted = [...model.w.entries()].filter(([, v]) => Math.abs(v) >= 0.005).sort((a, b) => b[1] - a[1]);
  const body = sorted.map(([k, v]) => `    ${JSON.stringify(k)}: ${Number(v.toFixed(4))},`).join('\n');
  const file = `/**
 * Generated by scripts/fit-reported.ts — do not edit by hand.
 * Fitted on the PolNeAR v1.0.0 training split (${articles.length} articles, ${all.length} reported-speech candidates); PolNeAR
 * has no data licence, so these weights hold no text: only feature names and numbers.
 * ${folds}-fold cross-validated by article: precision ${show('precision')},
 * all-attributions F1 ${show('allF1')}, direct F1 ${show('directF1')}.
 */
export const KEEP_WEIGHTS = {
  bias: ${Number(model.bias.toFixed(4))},
  threshold: ${Number(threshold.toFixed(2))},
  weights: {
${body}
  } as Record<string, number>,
};
`;
  writeFileSync(new URL('../shared/extract/4-attribution/indirect/keep-weights.ts', import.meta.url), file);
  console.log('wrote shared/extract/4-attribution/indirect/keep-weights.ts');
}
