import { describe, expect, it } from 'vitest';
import { HASH_BITS, ngramFeatures, ngramTokens } from '#shared/claims/ngrams.ts';
import { decodeWeights, encodeWeights } from '#shared/claims/weights-codec.ts';

describe('hashed n-grams', () => {
  it('folds digits, so two figures of the same shape share every n-gram', () => {
    expect(ngramTokens('Spending rose 12% to $7.5 billion.')).toEqual(['spending', 'rose', '00', '%', 'to', '$', '0', '0', 'billion']);
    const a = ngramFeatures('Spending rose 12% to $7.5 billion.');
    const b = ngramFeatures('Spending rose 47% to $2.1 billion.');
    expect(new Set(b.index)).toEqual(new Set(a.index));
  });

  it('stays inside the hash space and is deterministic', () => {
    const x = ngramFeatures('The clinic opened in 1998 with 40 beds.');
    expect(x.index.length).toBe(x.value.length);
    expect(x.index.every((i) => i >= 0 && i < 1 << HASH_BITS)).toBe(true);
    expect(ngramFeatures('The clinic opened in 1998 with 40 beds.')).toEqual(x);
  });

  it('scales each n-gram family to about unit length, whatever the sentence length', () => {
    const norm = (s: string) => Math.hypot(...ngramFeatures(s).value);
    for (const s of ['Taxes rose.', 'Property taxes in the county rose by a third over the decade, faster than wages, rents or prices.']) {
      expect(norm(s)).toBeGreaterThan(1); // word and character families, each near 1
      expect(norm(s)).toBeLessThan(1.6);
    }
  });

  it('has no tokens for text without words', () => {
    expect(ngramFeatures('').index.length).toBe(1); // the start/end bigram only
  });
});

describe('weights codec', () => {
  it('round-trips weights within one quantisation step', () => {
    const weights = [0, 1.5, -3, 0.01, 2.999];
    const decoded = decodeWeights(encodeWeights(weights));
    const step = 3 / 127;
    weights.forEach((w, i) => expect(Math.abs(decoded[i] - w)).toBeLessThanOrEqual(step / 2 + 1e-9));
  });
});
