/**
 * The model's input for one sentence: the interpretable features (features.ts) at indices 0…DENSE-1, then the
 * hashed word and character n-grams (ngrams.ts) of the same asserted content: the sentence without its
 * press-release frame and with non-figure numbers masked (frame.ts).
 */
import { claimContent, FEATURE_NAMES, sentenceFeatures, type ClaimKind } from './features.ts';
import { contentSpan, maskNonFigures } from './frame.ts';
import { HASH_BITS, ngramFeatures, type Sparse } from './ngrams.ts';

export const DENSE = FEATURE_NAMES.length;
export const DIMENSIONS = DENSE + (1 << HASH_BITS);

export interface ClaimVector {
  x: Sparse;
  kinds: ClaimKind[];
}

/** The text the model reads for a sentence. */
export function scoringText(sentence: string): string {
  const { start, end } = contentSpan(sentence);
  return maskNonFigures(sentence.slice(start, end));
}

export function claimVector(sentence: string): ClaimVector {
  const text = scoringText(sentence);
  const { values, kinds } = sentenceFeatures(text);
  const grams = ngramFeatures(claimContent(text));
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
