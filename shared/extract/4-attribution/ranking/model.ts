/**
 * The attribution model: a linear score over a candidate's features, the candidate with the highest
 * score wins (a conditional logit, fitted by scripts/fit-attribution.ts on PolNeAR training articles).
 * Weights are data in ./weights.ts; an unknown feature weighs nothing.
 */
import type { Candidate } from './candidates.ts';
import { ATTRIBUTION_WEIGHTS } from './weights.ts';

export interface AttributionWeights {
  weights: Record<string, number>;
}

export const WEIGHTS: AttributionWeights = ATTRIBUTION_WEIGHTS;

export function scoreCandidate(features: Record<string, number>, weights: AttributionWeights = WEIGHTS): number {
  let z = 0;
  for (const [name, value] of Object.entries(features)) z += (weights.weights[name] ?? 0) * value;
  return z;
}

/** The best candidate and the features that weighed most for it (largest contributions first). */
export function bestCandidate(candidates: Candidate[], weights: AttributionWeights = WEIGHTS): { best: Candidate; evidence: string[] } {
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = scoreCandidate(c.features, weights);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  const evidence = Object.entries(best.features)
    .map(([name, value]) => [name, (weights.weights[name] ?? 0) * value] as const)
    .filter(([, contribution]) => contribution > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name]) => name);
  return { best, evidence };
}
