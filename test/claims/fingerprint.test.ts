import { describe, expect, it } from 'vitest';
import { findFigures } from '#shared/claims/figures.ts';
import { claimFingerprints, compareClaims, figureKey, SAME_CLAIM_SCORE, superlativeKey } from '#shared/claims/fingerprint.ts';

const claim = (text: string) => ({ text, figures: findFigures(text) });

describe('claim fingerprints', () => {
  it('key a figure by unit and value to 3 significant digits, whatever its wording', () => {
    expect(claimFingerprints(claim('Turnout was 76% in Harwick.'))).toEqual(claimFingerprints(claim('Turnout in Harwick was 76 percent.')));
    expect(figureKey({ value: 1.13e9, unit: 'USD' })).toBe(figureKey({ value: 1_130_400_000, unit: 'USD' }));
    expect(figureKey({ value: 600, unit: 'clinics' })).toBe(figureKey({ value: 600, unit: 'clinic' }));
    expect(figureKey({ value: 3, unit: null })).toBeNull(); // a bare small count groups nothing
  });

  it('key a superlative by its word and head noun', () => {
    expect(superlativeKey('They formed the largest private physician union in the United States.')).toBe('largest:union');
    expect(superlativeKey('It is the largest private physician union in the U.S.')).toBe('largest:union');
    expect(superlativeKey('Rain fell.')).toBeNull();
  });
});

describe('compareClaims', () => {
  it('scores the same superlative about the same thing, worded differently, as one claim, with the shared words', () => {
    const e = compareClaims(
      claim('About 600 doctors formed the largest private physician union in the United States on Monday.'),
      claim('Harwick clinicians are now the largest private physician union in the country.'),
    );
    expect(e.shared).toEqual(['s:largest:union']);
    expect(e.words).toEqual(expect.arrayContaining(['private', 'physician', 'union']));
    expect(e.score).toBeGreaterThanOrEqual(SAME_CLAIM_SCORE);
  });

  it('does not group two claims that share only a figure', () => {
    const e = compareClaims(claim('The jobless rate fell to 4.1 percent in March.'), claim('The hospital spent 4.1 percent of its budget on parking.'));
    expect(e.shared).toEqual(['f:percent:4.1e-2']);
    expect(e.score).toBeLessThan(SAME_CLAIM_SCORE);
    expect(compareClaims(claim('Rain fell.'), claim('Snow fell.')).score).toBe(0);
  });
});
