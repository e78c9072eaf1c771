import { describe, expect, it } from 'vitest';
import { fitLogistic, logisticScore } from '#shared/claims/logistic.ts';
import type { Sparse } from '#shared/claims/ngrams.ts';

const dense = (values: number[]): Sparse => ({ index: values.map((_, i) => i), value: values });

describe('fitLogistic', () => {
  it('learns a positive weight for a feature that predicts the label and a negative one for its opposite', () => {
    const xs: Sparse[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 40; i++) {
      const positive = i % 2;
      xs.push(dense([positive, 1 - positive, (i % 5) / 5])); // third feature is noise
      ys.push(positive);
    }
    const model = fitLogistic(xs, ys, 3, { epochs: 50, learningRate: 0.5 });
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(model.weights[1]).toBeLessThan(-1);
    expect(Math.abs(model.weights[2])).toBeLessThan(Math.abs(model.weights[0]));
    expect(logisticScore(model, dense([1, 0, 0.4]))).toBeGreaterThan(0.8);
    expect(logisticScore(model, dense([0, 1, 0.4]))).toBeLessThan(0.2);
  });

  it('reads only the indices a sparse vector names', () => {
    const model = { bias: 0, weights: [0, 2, -2, 0] };
    expect(logisticScore(model, { index: [1], value: [1] })).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(logisticScore(model, { index: [], value: [] })).toBe(0.5);
  });

  it('refuses mismatched or empty training data', () => {
    expect(() => fitLogistic([], [], 1)).toThrow(/at least one/);
    expect(() => fitLogistic([dense([1])], [1, 0], 1)).toThrow(/as many labels/);
  });
});
