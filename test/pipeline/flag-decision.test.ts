/** The flag-decision rules that do not need the index (the rest runs on dynalite in index-store and routes tests). */
import { describe, expect, it } from 'vitest';
import { FlagAlreadyDecidedError, FlagNotFoundError, STATUS_OF_ACTION, keepApartPairsOf } from '#shared/pipeline/flag-decision.ts';

describe('flag decisions', () => {
  it('keeps the canonical name apart from each other spelling once, each pair in order', () => {
    const flag = { canonical: 'Kristin Sanders-Gendreau', variants: ['Saunders-Jandro', 'Kristin Sanders-Gendreau', 'Saunders-Jandro', 'Sanders-Jandro'].map((name) => ({ name, mentions: [] })) };
    expect(keepApartPairsOf(flag)).toEqual([
      ['Kristin Sanders-Gendreau', 'Saunders-Jandro'],
      ['Kristin Sanders-Gendreau', 'Sanders-Jandro'],
    ]);
    expect(keepApartPairsOf({ canonical: 'Ola Brant', variants: [{ name: 'Ola Brandt', mentions: [] }] })).toEqual([['Ola Brandt', 'Ola Brant']]);
  });

  it('names what a decision sets, and says why one cannot be taken', () => {
    expect(STATUS_OF_ACTION).toEqual({ confirm: 'confirmed', reject: 'rejected' });
    expect(new FlagAlreadyDecidedError('rejected', 'confirmed').message).toBe('The flag was already rejected; it cannot now be confirmed.');
    expect(new FlagNotFoundError('d1~sp_1').message).toBe('No flag with id "d1~sp_1".');
  });
});
