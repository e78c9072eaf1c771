/**
 * Fits the check-worthiness model (shared/claims/vector.ts: interpretable features + hashed n-grams, a logistic
 * regression) on a labelled sentence file and writes shared/claims/weights.ts.
 *   npx tsx scripts/fit-claims.ts ../shared/data/claims-claimbuster-train.jsonl --dev ../shared/data/claims-claimbuster-dev.jsonl [--dry-run]
 *   [--fold-seed N] another fold split; [--clusters] the word-cluster experiment (report only)
 * The n-gram values are scaled by their naive-Bayes log-count ratio on the training data (NB-LR, Wang & Manning
 * 2012) and several shuffles are averaged; both fold into one weight per bucket, so scoring stays one dot product.
 * Prints k-fold cross-validated figures on the training file, the dev figure (never trained on) and, beside it,
 * cross-validated figures on train+dev; the out-of-fold scores also give the best F1 over thresholds and the average
 * precision, threshold-free figures to compare feature sets by. The threshold is the lowest whose precision over
 * the out-of-fold scores of the training file reaches --min-precision (default 0.85).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DENSE, DIMENSIONS, claimVector } from '../shared/claims/vector.ts';
import { FEATURE_NAMES } from '../shared/claims/features.ts';
import { HASH_BITS, useWordClusters, type Sparse } from '../shared/claims/ngrams.ts';
import { parseClusters } from '../shared/claims/clusters.ts';
import { fitLogistic, logisticScore, type FitOptions, type LogisticModel } from '../shared/claims/logistic.ts';
import { encodeWeights } from '../shared/claims/weights-codec.ts';
import { prf } from './eval/report.ts';
import { readClaimGold, type ClaimGold } from './eval/claims.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dev: { type: 'string' },
    'min-precision': { type: 'string', default: '0.85' },
    folds: { type: 'string', default: '5' },
    // Another fold split, to tell a feature's gain from the luck of one split.
    'fold-seed': { type: 'string', default: '42' },
    l2: { type: 'string', default: '0.003' },
    'learning-rate': { type: 'string', default: '0.05' },
    epochs: { type: 'string', default: '10' },
    seeds: { type: 'string', default: '3' },
    'positive-weight': { type: 'string', default: '1.5' },
    'dry-run': { type: 'boolean', default: false },
    // Experiment: add distributional word-cluster features (shared/claims/clusters.ts). Report only: the model
    // scores without them at run time, so a fit with them is never written.
    clusters: { type: 'boolean', default: false },
    out: { type: 'string', default: new URL('../shared/claims/weights.ts', import.meta.url).pathname },
  },
});
if (positionals.length !== 1) {
  console.error('usage: npx tsx scripts/fit-claims.ts TRAIN.jsonl [--dev DEV.jsonl] [--folds 5] [--seeds 3] [--l2 0.003] [--dry-run]');
  process.exit(2);
}
const FIT: FitOptions = {
  l2: Number(values.l2),
  learningRate: Number(values['learning-rate']),
  epochs: Number(values.epochs),
  positiveWeight: Number(values['positive-weight']),
};
const SEEDS = Number(values.seeds);
if (values.clusters) {
  useWordClusters(parseClusters((await import('../shared/lexicon/data/word-clusters.generated.ts')).WORD_CLUSTERS));
  values['dry-run'] = true;
  console.log('with word-cluster features (report only: nothing is written)');
}

interface Example {
  x: Sparse;
  y: number;
}
const examples = (gold: ClaimGold[]): Example[] => gold.map((g) => ({ x: claimVector(g.text).x, y: g.label }));

/** Naive-Bayes log-count ratios of the hashed buckets (dense features keep ratio 1), with add-one smoothing. */
function nbRatios(train: Example[]): Float64Array {
  const pos = new Float64Array(DIMENSIONS).fill(1);
  const neg = new Float64Array(DIMENSIONS).fill(1);
  for (const { x, y } of train) for (const i of x.index) if (i >= DENSE) (y ? pos : neg)[i]++;
  let sp = 0;
  let sn = 0;
  for (let i = DENSE; i < DIMENSIONS; i++) {
    sp += pos[i];
    sn += neg[i];
  }
  const r = new Float64Array(DIMENSIONS).fill(1);
  for (let i = DENSE; i < DIMENSIONS; i++) r[i] = Math.log(pos[i] / sp / (neg[i] / sn));
  return r;
}

/** Fits on the examples; the returned weights already include the NB ratios, so they score raw vectors. */
function fit(train: Example[]): LogisticModel {
  const r = nbRatios(train);
  const scaled = train.map(({ x }) => ({ index: x.index, value: x.value.map((v, k) => v * r[x.index[k]]) }));
  const ys = train.map((e) => e.y);
  const weights = new Float64Array(DIMENSIONS);
  let bias = 0;
  for (let s = 0; s < SEEDS; s++) {
    const m = fitLogistic(scaled, ys, DIMENSIONS, { ...FIT, seed: 7 + 13 * s });
    bias += m.bias / SEEDS;
    for (let i = 0; i < DIMENSIONS; i++) weights[i] += (m.weights[i] * r[i]) / SEEDS;
  }
  return { bias, weights };
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
  return prf(tp, predicted, actual);
}

/**
 * The lowest threshold whose precision reaches minPrecision (else the F1-best one). A fact-checker's time goes
 * to every sentence flagged, so the default is set by precision: a wrong flag costs more than a missed one, and
 * precision drops on genres the model was not fitted on (news, press releases).
 */
function chooseThreshold(scores: number[], labels: number[], minPrecision: number): number {
  let bestF1 = 0.5;
  let f1 = -1;
  for (let t = 0.2; t <= 0.9; t += 0.01) {
    const c = counts(scores, labels, t);
    if (c.precision >= minPrecision) return Number(t.toFixed(2));
    if (c.f1 > f1) [bestF1, f1] = [t, c.f1];
  }
  return Number(bestF1.toFixed(2));
}

/** Deterministic stratified folds (a fixed-seed shuffle within each class). */
function foldsOf(labels: number[], k: number): number[] {
  let seed = Number(values['fold-seed']);
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

/** Out-of-fold scores: every example scored by a model that never saw it. */
function outOfFold(data: Example[], k: number): number[] {
  const fold = foldsOf(data.map((e) => e.y), k);
  const scores = new Array(data.length).fill(0);
  for (let f = 0; f < k; f++) {
    const model = fit(data.filter((_, i) => fold[i] !== f));
    data.forEach((e, i) => {
      if (fold[i] === f) scores[i] = logisticScore(model, e.x);
    });
  }
  return scores;
}

/** Average precision of the ranking (threshold-free, as CheckThat! scores rankings). */
function averagePrecision(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => b[0] - a[0]);
  let hits = 0;
  let sum = 0;
  order.forEach(([, y], n) => {
    if (y) sum += ++hits / (n + 1);
  });
  return hits ? sum / hits : 0;
}

/** The best F1 over thresholds, to compare feature sets apart from where the threshold lands. */
function bestF1(scores: number[], labels: number[]): { f1: number; threshold: number } {
  let best = { f1: 0, threshold: 0.5 };
  for (let t = 0.2; t <= 0.9; t += 0.01) {
    const { f1 } = counts(scores, labels, t);
    if (f1 > best.f1) best = { f1, threshold: Number(t.toFixed(2)) };
  }
  return best;
}

const fmt = (p: { precision: number; recall: number; f1: number }) =>
  `precision ${p.precision.toFixed(3)} recall ${p.recall.toFixed(3)} f1 ${p.f1.toFixed(3)}`;
const k = Number(values.folds);
const trainGold = readClaimGold(positionals[0]);
const train = examples(trainGold);
const oof = outOfFold(train, k);
const threshold = chooseThreshold(oof, train.map((e) => e.y), Number(values['min-precision']));
const cvTrain = counts(oof, train.map((e) => e.y), threshold);
console.log(`${k}-fold cross-validated on ${train.length} training sentences, threshold ${threshold} (precision ≥ ${values['min-precision']}): ${fmt(cvTrain)}`);
const trainLabels = train.map((e) => e.y);
const cvBest = bestF1(oof, trainLabels);
console.log(`${k}-fold cross-validated, threshold-free: best F1 ${cvBest.f1.toFixed(3)} (at ${cvBest.threshold}), average precision ${averagePrecision(oof, trainLabels).toFixed(3)}`);

const model = fit(train);
let devLine = '';
if (values.dev) {
  const dev = examples(readClaimGold(values.dev));
  const devPrf = counts(dev.map((e) => logisticScore(model, e.x)), dev.map((e) => e.y), threshold);
  const both = [...train, ...dev];
  const cvBoth = counts(outOfFold(both, k), both.map((e) => e.y), threshold);
  devLine = `model alone (before the context rules of context.ts): dev F1 ${devPrf.f1.toFixed(3)} (P ${devPrf.precision.toFixed(3)}, R ${devPrf.recall.toFixed(3)}); ${k}-fold CV on train+dev F1 ${cvBoth.f1.toFixed(3)}`;
  console.log(`dev (${dev.length}, never trained on), model alone: ${fmt(devPrf)}  (npm run eval adds the context rules)`);
  console.log(`${k}-fold cross-validated on train+dev (${both.length}): ${fmt(cvBoth)}`);
}
const ranked = FEATURE_NAMES.map((name, i) => [name, model.weights[i]] as const).sort((a, b) => b[1] - a[1]);
console.log(ranked.map(([n, w]) => `${n.padEnd(20)} ${w.toFixed(2)}`).join('\n'));

if (!values['dry-run']) {
  const round = (v: number) => Number(v.toFixed(3));
  const dense = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, round(model.weights[i])]));
  const hashed = encodeWeights(Array.from(model.weights).slice(DENSE));
  const source = `// Generated by scripts/fit-claims.ts; do not edit by hand.
// Data: fitted on ${train.length} sentences of ${positionals[0].split('/').pop()} — ClaimBuster (Arslan, Hassan, Li &
// Tremayne, ICWSM 2020; the 2.5xNCS file via utaresearch/claimbuster-spotter), released by its authors under the
// GNU GPL v3.0 (repository README; the Zenodo record is described as CC BY 4.0). The file holds numbers only:
// one weight per interpretable feature and one per hashed n-gram bucket (2^${HASH_BITS}), no text of the data set.
// ${k}-fold cross-validated F1 on the training file ${cvTrain.f1.toFixed(3)}${devLine ? `; ${devLine}` : ''}.
import type { FeatureName } from './features.ts';

export const DENSE_WEIGHTS: Record<FeatureName, number> = ${JSON.stringify(dense, null, 2).replace(/"(\w+)":/g, '$1:')};

/** ${1 << HASH_BITS} n-gram weights, int8-quantised (see weights-codec.ts). */
export const HASHED_WEIGHTS = ${JSON.stringify(hashed)};

export const BIAS = ${round(model.bias)};
export const THRESHOLD = ${threshold};
`;
  writeFileSync(values.out!, source);
  console.log(`wrote ${values.out} (${(source.length / 1024).toFixed(0)} kB)`);
}
