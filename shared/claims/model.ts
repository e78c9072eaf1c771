/** The fitted check-worthiness model (weights.ts, written by scripts/fit-claims.ts), decoded once at import. */
import { FEATURE_NAMES } from './features.ts';
import { logisticScore, type LogisticModel } from './logistic.ts';
import type { Sparse } from './ngrams.ts';
import { DENSE, DIMENSIONS } from './vector.ts';
import { decodeWeights } from './weights-codec.ts';
import { BIAS, DENSE_WEIGHTS, HASHED_WEIGHTS, THRESHOLD } from './weights.ts';

const weights = new Float32Array(DIMENSIONS);
FEATURE_NAMES.forEach((name, i) => (weights[i] = DENSE_WEIGHTS[name]));
weights.set(decodeWeights(HASHED_WEIGHTS), DENSE);

export const CLAIM_MODEL: LogisticModel & { threshold: number } = { bias: BIAS, weights, threshold: THRESHOLD };

export const modelScore = (x: Sparse): number => logisticScore(CLAIM_MODEL, x);
