/**
 * What the fit scripts on the PolNeAR training split share (fit-attribution.ts, fit-reported.ts): their options,
 * with the guard that keeps the dev file out of any fit, and the AdaGrad step both models are fitted with.
 */
import { parseArgs } from 'node:util';

export interface FitOptions {
  trainPath: string;
  folds: number;
  l2: number;
  dryRun: boolean;
}

/** `[TRAIN.jsonl] [--folds 5] [--l2 X] [--dry-run]` from the command line; throws on a dev file. */
export function fitOptions(defaultL2: string): FitOptions {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { folds: { type: 'string', default: '5' }, 'dry-run': { type: 'boolean', default: false }, l2: { type: 'string', default: defaultL2 } },
  });
  const trainPath = positionals[0] ?? '../shared/data/quotes-polnear-train.jsonl';
  if (/-dev\b/.test(trainPath)) throw new Error('the dev file is for evaluation only');
  return { trainPath, folds: Number(values.folds), l2: Number(values.l2), dryRun: Boolean(values['dry-run']) };
}

/** AdaGrad: each weight's step shrinks with the squared gradients it has seen. */
export class AdaGrad {
  private readonly squares = new Map<string, number>();

  constructor(private readonly rate: number) {}

  /** The weight `key` after one step down `gradient` from `current`. */
  step(key: string, gradient: number, current: number): number {
    const s = (this.squares.get(key) ?? 0) + gradient * gradient;
    this.squares.set(key, s);
    return current - (this.rate * gradient) / Math.sqrt(s + 1e-8);
  }
}
