import { describe, expect, it } from 'vitest';
import { fitLogistic, logisticScore } from '../../shared/claims/logistic.ts';

describe('fitLogistic', () => {
  it('learns a positive weight for a feature that predicts the label and a negative one for its opposite', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 40; i++) {
      const positive = i % 2;
      xs.push([positive, 1 - positive, (i % 5) / 5]); // third feature is noise
      ys.push(positive);
    }
    const model = fitLogistic(xs, ys, { iterations: 500 });
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(model.weights[1]).toBeLessThan(-1);
    expect(Math.abs(model.weights[2])).toBeLessThan(Math.abs(model.weights[0]));
    expect(logisticScore(model, [1, 0, 0.4])).toBeGreaterThan(0.8);
    expect(logisticScore(model, [0, 1, 0.4])).toBeLessThan(0.2);
  });

  it('refuses mismatched or empty training data', () => {
    expect(() => fitLogistic([], [])).toThrow(/at least one/);
    expect(() => fitLogistic([[1]], [1, 0])).toThrow(/as many labels/);
  });
});
