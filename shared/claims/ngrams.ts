/**
 * Hashed word and character n-grams of a sentence (the "hashing trick"): no vocabulary is stored, each n-gram is
 * hashed into one of 2^HASH_BITS buckets, so the model file holds numbers only, never a word of its training text.
 * Digits are folded to '0' so that "$12 billion" and "$7 billion" share their n-grams.
 */

import { clusterClasses, type ClusterTable } from './clusters.ts';

export const HASH_BITS = 17;
const MASK = (1 << HASH_BITS) - 1;

/** A sparse vector: bucket indices and their values (same length). */
export interface Sparse {
  index: number[];
  value: number[];
}

/** 32-bit FNV-1a over UTF-16 code units, seeded by namespace so word and character n-grams do not share buckets. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[$€£%?!]/gu;

/** Lower-cased word tokens with digits folded; currency, percent and question marks kept as tokens. */
export function ngramTokens(sentence: string): string[] {
  return (sentence.toLowerCase().replace(/’/g, "'").replace(/\d/g, '0').match(WORD) ?? []);
}

/**
 * Word 1–3-grams (with sentence-start and -end markers) and character 3–5-grams inside word boundaries, each family
 * scaled to unit length so a long sentence does not outweigh a short one.
 */
// One scratch accumulator reused by every call (scoring is synchronous): cheaper than a Map per sentence.
const scratch = new Float64Array(1 << HASH_BITS);
const touched: number[] = [];
function bump(bucket: number, weight: number): void {
  if (scratch[bucket] === 0) touched.push(bucket);
  scratch[bucket] += weight;
}

export function ngramFeatures(sentence: string): Sparse {
  const tokens = ngramTokens(sentence);
  const add = (key: string, seed: number, weight: number) => bump(hash(key, seed), weight);
  const padded = ['<s>', ...tokens, '</s>'];
  const wordGrams = tokens.length * 3 + 1;
  const wordWeight = 1 / Math.sqrt(wordGrams);
  for (let i = 1; i < padded.length; i++) {
    if (i < padded.length - 1) add(padded[i], 1, wordWeight);
    add(`${padded[i - 1]} ${padded[i]}`, 2, wordWeight);
    if (i > 1) add(`${padded[i - 2]} ${padded[i - 1]} ${padded[i]}`, 4, wordWeight);
  }
  let charGrams = 0;
  for (const t of tokens) charGrams += Math.max(0, t.length + 2 - 2) + Math.max(0, t.length + 2 - 3) + Math.max(0, t.length + 2 - 4);
  const charWeight = charGrams ? 1 / Math.sqrt(charGrams) : 0;
  for (const t of tokens) {
    const w = ` ${t} `;
    // One FNV-1a pass per start position yields its 3-, 4- and 5-gram hashes (the same values as hash(slice, 3)).
    for (let i = 0; i + 3 <= w.length; i++) {
      let h = (0x811c9dc5 ^ 3) >>> 0;
      for (let n = 0; n < 5 && i + n < w.length; n++) {
        h ^= w.charCodeAt(i + n);
        h = Math.imul(h, 0x01000193);
        if (n >= 2) bump((h >>> 0) & MASK, charWeight);
      }
    }
  }
  if (clusterTable) clusterGrams(tokens, clusterTable);
  const index = touched.splice(0);
  const value = index.map((i) => scratch[i]);
  for (const i of index) scratch[i] = 0;
  return { index, value };
}

// Off unless the fit script's --clusters experiment turns it on: today's weights were fitted without it.
let clusterTable: ClusterTable | undefined;
export const useWordClusters = (table: ClusterTable | undefined): void => void (clusterTable = table);

/**
 * Distributional cluster features (clusters.ts): fine and coarse cluster unigrams and coarse bigrams, one family
 * scaled to unit length like the others, so a word unseen in training borrows the weight its neighbours earned.
 */
function clusterGrams(tokens: string[], table: ClusterTable): void {
  const { fine, coarse } = clusterClasses(tokens, table);
  const n = tokens.length;
  const weight = 1 / Math.sqrt(3 * n + 1);
  for (let i = 0; i < n; i++) {
    bump(hash(fine[i], 5), weight);
    bump(hash(coarse[i], 6), weight);
  }
  for (let i = 0; i <= n; i++) bump(hash(`${i ? coarse[i - 1] : '<s>'} ${i < n ? coarse[i] : '</s>'}`, 8), weight);
}
