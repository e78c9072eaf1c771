/**
 * The model's input for one sentence: the interpretable features (features.ts) at indices 0…DENSE-1, then the
 * hashed word and character n-grams (ngrams.ts) of the same asserted content.
 */
import { claimContent, FEATURE_NAMES, sentenceFeatures, type ClaimKind } from './features.ts';
import { HASH_BITS, ngramFeatures, type Sparse } from './ngrams.ts';

export const DENSE = FEATURE_NAMES.length;
export const DIMENSIONS = DENSE + (1 << HASH_BITS);

export interface ClaimVector {
  x: Sparse;
  kinds: ClaimKind[];
}

export function claimVector(sentence: string): ClaimVector {
  const { values, kinds } = sentenceFeatures(sentence);
  const grams = ngramFeatures(claimContent(sentence));
  const index: number[] = [];
  const value: number[] = [];
  values.forEach((v, i) => {
    if (v) {
      index.push(i);
      value.push(v);
    }
  });
  for (let i = 0; i < grams.index.length; i++) {
    index.push(DENSE + grams.index[i]);
    value.push(grams.value[i]);
  }
  return { x: { index, value }, kinds };
}
