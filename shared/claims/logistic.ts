/**
 * L2-regularised logistic regression over sparse vectors (a few dense features plus hashed n-grams), fitted
 * offline by scripts/fit-claims.ts with Adagrad; at run time only `logisticScore` is used.
 */
import type { Sparse } from './ngrams.ts';

export interface LogisticModel {
  bias: number;
  /** Indexed by feature index (dense features first, then the hashed buckets). */
  weights: ArrayLike<number>;
}

export interface FitOptions {
  /** L2 penalty per example step, on the weights (not the bias). */
  l2?: number;
  epochs?: number;
  learningRate?: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight?: number;
  seed?: number;
}

export function logisticScore(model: LogisticModel, x: Sparse): number {
  let z = model.bias;
  for (let i = 0; i < x.index.length; i++) z += model.weights[x.index[i]] * x.value[i];
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic(xs: Sparse[], ys: number[], dims: number, options: FitOptions = {}): { bias: number; weights: Float64Array } {
  const { l2 = 1e-5, epochs = 15, learningRate = 0.5, positiveWeight = 1, seed = 7 } = options;
  if (!xs.length || xs.length !== ys.length) throw new Error('fitLogistic needs as many labels as examples, and at least one');
  const model = { bias: 0, weights: new Float64Array(dims) };
  const squares = new Float64Array(dims).fill(1e-8);
  let biasSquares = 1e-8;
  const order = xs.map((_, i) => i);
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const x = xs[n];
      const error = (logisticScore(model, x) - ys[n]) * (ys[n] ? positiveWeight : 1);
      for (let k = 0; k < x.index.length; k++) {
        const i = x.index[k];
        const g = error * x.value[k] + l2 * model.weights[i];
        squares[i] += g * g;
        model.weights[i] -= (learningRate * g) / Math.sqrt(squares[i]);
      }
      biasSquares += error * error;
      model.bias -= (learningRate * error) / Math.sqrt(biasSquares);
    }
  }
  return model;
}
