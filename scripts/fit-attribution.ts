/**
 * Fits the speaker-ranking model (shared/extract/4-attribution/ranking) on PolNeAR training articles:
 *   npx tsx scripts/fit-attribution.ts [../shared/data/quotes-polnear-train.jsonl] [--folds 5] [--dry-run]
 *
 * Each predicted direct quote that covers a gold direct or mixed fragment with a named speaker is one
 * example: its candidates (shared/extract/4-attribution/ranking/candidates.ts), the right ones being those whose last
 * name is the gold speaker's ("nobody" when no candidate is). The model is a conditional logit (softmax
 * over a quote's candidates) with an L2 penalty, fitted by AdaGrad. The script prints article-grouped
 * cross-validated speaker accuracy beside the rules' own, then fits on all articles and rewrites
 * shared/extract/4-attribution/ranking/weights.ts. The dev file is never read here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { attributionCandidates } from '../shared/extract/index.ts';
import type { Candidate } from '../shared/extract/4-attribution/ranking/candidates.ts';
import { goldSpeakerKey, speakerKey } from './eval/quotes.ts';
import { matchPredictions } from './eval/spans.ts';
import { AdaGrad, fitOptions } from './fit-options.ts';

/** Quotes whose right speaker is among no candidates: what candidate generation still misses. */
let unreachable = 0;

interface Example {
  article: number;
  candidates: Array<{ features: Record<string, number>; right: boolean; rules: boolean }>;
}

const { trainPath, folds, l2, dryRun } = fitOptions('0.001');

const isRulesPick = (c: Candidate) => Object.keys(c.features).some((f) => f.startsWith('rule:'));

function examplesOf(line: string, article: number): Example[] {
  const doc = JSON.parse(line) as { text: string; quotes: Array<{ start: number; end: number; kind: string; attributionId: string; speaker?: string | null; speakerType?: string; speakerKey?: string | null }> };
  const gold = doc.quotes.filter((g) => g.kind === 'direct' || g.kind === 'mixed');
  const found = attributionCandidates(doc.text);
  const matches = matchPredictions(found.map((f) => f.quote), gold, (g) => g.attributionId);
  const out: Example[] = [];
  found.forEach((f, i) => {
    const fragments = matches[i].map((g) => gold[g]);
    const key = fragments.map((g) => goldSpeakerKey(g)).find((k) => k);
    const nominal = fragments.find((g) => g.speakerType === 'nominal' && g.speaker)?.speaker;
    if (key) {
      const candidates = f.candidates.map((c) => ({ features: c.features, right: c.name !== null && speakerKey(c.name) === key, rules: isRulesPick(c) }));
      const nobody = candidates.findIndex((c) => c.features.nobody);
      if (!candidates.some((c) => c.right)) {
        if (nobody < 0) {
          unreachable++; // the rules named someone and no candidate is right: nothing to learn
          return;
        }
        candidates[nobody].right = true;
      }
      out.push({ article, candidates });
    } else if (nominal) {
      // an unnamed source ("the judge"): right are the role candidates that share a content word with it;
      // when none does, the source may be a named person the annotation does not give, so no example
      const words = contentWords(nominal);
      const candidates = f.candidates.map((c) => ({ features: c.features, right: !!c.features['kind:role'] && contentWords(c.name ?? '').some((w) => words.includes(w)), rules: isRulesPick(c) }));
      if (candidates.some((c) => c.right)) out.push({ article, candidates });
    }
  });
  return out;
}

const contentWords = (s: string) => s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !['the', 'and', 'for', 'his', 'her', 'its', 'their'].includes(w));

type Weights = Map<string, number>;
const score = (w: Weights, f: Record<string, number>) => Object.entries(f).reduce((z, [k, v]) => z + (w.get(k) ?? 0) * v, 0);

function fit(examples: Example[], iterations = 150, rate = 0.3): Weights {
  const w: Weights = new Map();
  const adagrad = new AdaGrad(rate);
  for (let step = 0; step < iterations; step++) {
    const gradient = new Map<string, number>();
    for (const ex of examples) {
      const scores = ex.candidates.map((c) => score(w, c.features));
      const max = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - max));
      const total = exp.reduce((a, b) => a + b, 0);
      const rightTotal = exp.reduce((a, e, i) => a + (ex.candidates[i].right ? e : 0), 0);
      // d(-log P(right))/dw = E_all[f] - E_right[f]
      ex.candidates.forEach((c, i) => {
        const g = exp[i] / total - (c.right ? exp[i] / rightTotal : 0);
        for (const [k, v] of Object.entries(c.features)) gradient.set(k, (gradient.get(k) ?? 0) + g * v);
      });
    }
    for (const [k, g0] of gradient) {
      const current = w.get(k) ?? 0;
      w.set(k, adagrad.step(k, g0 / examples.length + l2 * current, current));
    }
  }
  return w;
}

/** Share of examples whose chosen candidate is a right one that names somebody. */
function accuracy(examples: Example[], choose: (ex: Example) => number): number {
  let right = 0;
  for (const ex of examples) {
    const c = ex.candidates[choose(ex)];
    if (c.right && !c.features.nobody) right++;
  }
  return examples.length ? right / examples.length : 0;
}

const argmax = (w: Weights) => (ex: Example) => {
  let best = 0;
  ex.candidates.forEach((c, i) => {
    if (score(w, c.features) > score(w, ex.candidates[best].features)) best = i;
  });
  return best;
};
const rulesChoice = (ex: Example) => {
  const i = ex.candidates.findIndex((c) => c.rules);
  return i >= 0 ? i : ex.candidates.findIndex((c) => c.features.nobody);
};

const lines = readFileSync(trainPath, 'utf8').split('\n').filter((l) => l.trim());
const examples = lines.flatMap((line, i) => examplesOf(line, i));
console.log(`${lines.length} articles, ${examples.length} quotes with a named gold speaker, ${(examples.reduce((n, e) => n + e.candidates.length, 0) / examples.length).toFixed(1)} candidates each; ${unreachable} more whose speaker no candidate names`);

const cv: number[] = [];
const rules: number[] = [];
for (let k = 0; k < folds; k++) {
  const test = examples.filter((e) => e.article % folds === k);
  const w = fit(examples.filter((e) => e.article % folds !== k));
  cv.push(accuracy(test, argmax(w)));
  rules.push(accuracy(test, rulesChoice));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`speaker accuracy, ${folds}-fold cross-validated by article: model ${mean(cv).toFixed(3)} (folds ${cv.map((x) => x.toFixed(3)).join(' ')}), rules alone ${mean(rules).toFixed(3)}`);

const weights = fit(examples);
console.log(`training accuracy ${accuracy(examples, argmax(weights)).toFixed(3)}`);
const sorted = [...weights.entries()].filter(([, v]) => Math.abs(v) > 1e-4).sort((a, b) => b[1] - a[1]);
for (const [k, v] of sorted) console.log(`  ${v.toFixed(3).padStart(7)}  ${k}`);
if (!dryRun) {
  const body = sorted.map(([k, v]) => `    ${JSON.stringify(k)}: ${Number(v.toFixed(4))},`).join('\n');
  writeFileSync(
    new URL('../shared/extract/4-attribution/ranking/weights.ts', import.meta.url),
    `/**
 * Generated by scripts/fit-attribution.ts — do not edit by hand.
 * Fitted on the PolNeAR v1.0.0 training split (${lines.length} articles, ${examples.length} quotes); PolNeAR has no
 * data licence, so these weights hold no text: only feature names and numbers.
 * Speaker accuracy, ${folds}-fold cross-validated by article: ${mean(cv).toFixed(3)} (rules alone ${mean(rules).toFixed(3)}).
 */
export const ATTRIBUTION_WEIGHTS = {
  weights: {
${body}
  } as Record<string, number>,
};
`,
  );
  console.log('wrote shared/extract/4-attribution/ranking/weights.ts');
}
