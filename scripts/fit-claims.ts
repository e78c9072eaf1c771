/**
 * Fits the claim-scoring weights (a logistic regression over the features in shared/claims/features.ts)
 * on a labelled sentence file and writes them to shared/claims/weights.ts.
 *   npx tsx scripts/fit-claims.ts ../shared/data/claims-claimbuster-dev.jsonl [--folds 5] [--repeats 3] [--l2 0.002] [--positive-weight 1.5] [--dry-run]
 * Prints stratified k-fold cross-validated precision / recall / F1 (the threshold is chosen on each training
 * fold only), which predicts the figure on unseen data better than the fit on the whole file does.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES, sentenceFeatures } from '../shared/claims/features.ts';
import { fitLogistic, logisticScore, type FitOptions, type LogisticModel } from '../shared/claims/logistic.ts';
import { prf } from './eval/report.ts';
import { readClaimGold } from './eval/claims.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '5' },
    repeats: { type: 'string', default: '3' },
    l2: { type: 'string', default: '0.002' },
    'positive-weight': { type: 'string', default: '1.5' },
    'dry-run': { type: 'boolean', default: false },
    out: { type: 'string', default: new URL('../shared/claims/weights.ts', import.meta.url).pathname },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npx tsx scripts/fit-claims.ts GOLD.jsonl [--folds 5] [--repeats 3] [--l2 0.002] [--positive-weight 1.5] [--dry-run]');
  process.exit(2);
}

const FIT: FitOptions = {
  l2: Number(values.l2),
  iterations: 2000,
  learningRate: 1,
  positiveWeight: Number(values['positive-weight']),
};
const gold = readClaimGold(positionals[0]);
const xs = gold.map((g) => sentenceFeatures(g.text).values);
const ys = gold.map((g) => g.label);

/** The threshold that maximises F1 on the given scores. */
function bestThreshold(scores: number[], labels: number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.8; t += 0.01) {
    const f1 = f1At(scores, labels, t);
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return Number(best.toFixed(2));
}

function counts(scores: number[], labels: number[], t: number) {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  scores.forEach((s, i) => {
    if (s >= t) predicted++;
    if (labels[i]) actual++;
    if (s >= t && labels[i]) tp++;
  });
  return { tp, predicted, actual };
}

function f1At(scores: number[], labels: number[], t: number): number {
  const { tp, predicted, actual } = counts(scores, labels, t);
  return prf(tp, predicted, actual).f1;
}

/** Deterministic stratified fold assignment (a fixed-seed shuffle within each class). */
function foldsOf(labels: number[], k: number, seedBase: number): number[] {
  let seed = 42 + seedBase;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const fold = new Array(labels.length).fill(0);
  for (const cls of [0, 1]) {
    const idx = labels.map((y, i) => (y === cls ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    idx.forEach((i, n) => (fold[i] = n % k));
  }
  return fold;
}

const k = Number(values.folds);
const repeats = Number(values.repeats);
let tp = 0;
let predicted = 0;
let actual = 0;
const foldF1: number[] = [];
for (let r = 0; r < repeats; r++) {
  const fold = foldsOf(ys, k, r);
  for (let f = 0; f < k; f++) {
    const train = ys.map((_, i) => i).filter((i) => fold[i] !== f);
    const test = ys.map((_, i) => i).filter((i) => fold[i] === f);
    const model = fitLogistic(train.map((i) => xs[i]), train.map((i) => ys[i]), FIT);
    const t = bestThreshold(train.map((i) => logisticScore(model, xs[i])), train.map((i) => ys[i]));
    const c = counts(test.map((i) => logisticScore(model, xs[i])), test.map((i) => ys[i]), t);
    tp += c.tp;
    predicted += c.predicted;
    actual += c.actual;
    foldF1.push(prf(c.tp, c.predicted, c.actual).f1);
  }
}
const cv = prf(tp, predicted, actual);
const worst = Math.min(...foldF1);
console.log(
  `${repeats}x${k}-fold cross-validated: precision ${cv.precision.toFixed(3)} recall ${cv.recall.toFixed(3)} f1 ${cv.f1.toFixed(3)} (worst fold ${worst.toFixed(3)})`,
);

const model: LogisticModel = fitLogistic(xs, ys, FIT);
const scores = xs.map((x) => logisticScore(model, x));
const threshold = bestThreshold(scores, ys);
const fit = counts(scores, ys, threshold);
const fitPrf = prf(fit.tp, fit.predicted, fit.actual);
console.log(`fit on all ${gold.length}: threshold ${threshold} precision ${fitPrf.precision.toFixed(3)} recall ${fitPrf.recall.toFixed(3)} f1 ${fitPrf.f1.toFixed(3)}`);
const ranked = FEATURE_NAMES.map((name, i) => [name, model.weights[i]] as const).sort((a, b) => b[1] - a[1]);
console.log(ranked.map(([n, w]) => `${n.padEnd(20)} ${w.toFixed(2)}`).join('\n'));

if (!values['dry-run']) {
  const round = (v: number) => Number(v.toFixed(3));
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(model.weights[i])]));
  const source = `// Generated by scripts/fit-claims.ts from ${gold.length} labelled sentences; do not edit by hand.
// ${repeats}x${k}-fold cross-validated F1 ${cv.f1.toFixed(3)} (precision ${cv.precision.toFixed(3)}, recall ${cv.recall.toFixed(3)}).
import type { FeatureName } from './features.ts';
import { FEATURE_NAMES } from './features.ts';

const WEIGHTS: Record<FeatureName, number> = ${JSON.stringify(weights, null, 2).replace(/"(\w+)":/g, '$1:')};

export const CLAIM_MODEL = {
  bias: ${round(model.bias)},
  weights: FEATURE_NAMES.map((name) => WEIGHTS[name]),
  threshold: ${threshold},
};
`;
  writeFileSync(values.out!, source);
  console.log(`wrote ${values.out}`);
}
