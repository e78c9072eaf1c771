/**
 * A small L2-regularised logistic regression (batch gradient descent), used offline by
 * scripts/fit-claims.ts to weigh the claim features; at run time only `logisticScore` is used.
 */

export interface LogisticModel {
  bias: number;
  weights: number[];
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight?: number;
}

export function logisticScore(model: LogisticModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic(xs: number[][], ys: number[], options: FitOptions = {}): LogisticModel {
  const { l2 = 0.01, iterations = 1500, learningRate = 0.5, positiveWeight = 1 } = options;
  if (!xs.length || xs.length !== ys.length) throw new Error('fitLogistic needs as many labels as examples, and at least one');
  const dims = xs[0].length;
  const model: LogisticModel = { bias: 0, weights: new Array(dims).fill(0) };
  const gradient = new Array(dims);
  for (let step = 0; step < iterations; step++) {
    gradient.fill(0);
    let biasGradient = 0;
    let total = 0;
    for (let n = 0; n < xs.length; n++) {
      const w = ys[n] ? positiveWeight : 1;
      const error = (logisticScore(model, xs[n]) - ys[n]) * w;
      const x = xs[n];
      for (let i = 0; i < dims; i++) gradient[i] += error * x[i];
      biasGradient += error;
      total += w;
    }
    for (let i = 0; i < dims; i++) model.weights[i] -= learningRate * (gradient[i] / total + l2 * model.weights[i]);
    model.bias -= (learningRate * biasGradient) / total;
  }
  return model;
}
