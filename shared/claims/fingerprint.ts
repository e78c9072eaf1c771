/**
 * The same claim across documents: claims that state the same figure (same unit, value to 3 significant digits),
 * or the same superlative about the same thing ("the largest private physician union"), share a fingerprint; the
 * index groups claims by fingerprint, and `compareClaims` scores a candidate pair by its shared words and shows
 * the evidence.
 */
import type { Claim } from '../schema.ts';
import { SUPERLATIVE_WORDS, SIMILARITY_STOPWORDS } from './figure-words.ts';

type ClaimLike = Pick<Claim, 'text' | 'figures'>;

/** At most this many fingerprints per claim: each is one index item. */
export const MAX_FINGERPRINTS = 4;

/** Plural and singular counted nouns share a unit ("clinics" / "clinic"). */
const unitKey = (unit: string | null) => (unit ?? 'n').toLowerCase().replace(/[^a-z]+/g, '-').replace(/(?<=[a-z]{3})s$/, '');

/** "percent:0.76", "usd:1.13e+9", "day:500". Bare small counts (under 10, no unit) are too common to group on. */
export function figureKey(figure: { value: number; unit: string | null }): string | null {
  if (!Number.isFinite(figure.value) || (!figure.unit && Math.abs(figure.value) < 10)) return null;
  return `${unitKey(figure.unit)}:${Number(figure.value.toPrecision(3)).toExponential()}`;
}

const SUPERLATIVE_PHRASE = new RegExp(`\\b(?:${[...SUPERLATIVE_WORDS].join('|')})\\b((?:\\s+[\\p{L}-]+){1,4}?)\\s+(?:in|of|on|for|at|to|since|ever|this|that|with|by|among)\\b`, 'iu');

/** "largest private physician union in the U.S." → "largest:union" (the superlative and its head noun). */
export function superlativeKey(text: string): string | null {
  const m = SUPERLATIVE_PHRASE.exec(text);
  if (!m) return null;
  const head = m[1].trim().split(/\s+/).pop()!.toLowerCase();
  const word = m[0].trim().split(/\s+/)[0].toLowerCase();
  return head.length > 2 && !SIMILARITY_STOPWORDS.has(head) ? `${word}:${head}` : null;
}

export function claimFingerprints(claim: ClaimLike): string[] {
  const keys = new Set<string>();
  for (const f of claim.figures) {
    const k = figureKey(f);
    if (k) keys.add(`f:${k}`);
  }
  const sup = superlativeKey(claim.text);
  if (sup) keys.add(`s:${sup}`);
  return [...keys].slice(0, MAX_FINGERPRINTS);
}

/** Content words, lower-cased, with a crude plural fold; figures and stop words left out. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().replace(/’/g, "'").match(/\p{L}[\p{L}'-]*/gu) ?? []) {
    const folded = w.replace(/(?<=[a-z]{3})(?:'s|s)$/, '');
    if (w.length < 3 || SIMILARITY_STOPWORDS.has(w) || SIMILARITY_STOPWORDS.has(folded)) continue;
    out.add(folded);
  }
  return out;
}

export interface SimilarityEvidence {
  /** The fingerprints both claims carry ("f:percent:7.6e-1", "s:largest:union"). */
  shared: string[];
  /** The figure as each claim writes it. */
  figures: Array<{ a: string; b: string }>;
  words: string[];
  /** In [0, 1]: a shared fingerprint and the share of content words in common (Jaccard). */
  score: number;
}

/** Pairs under this score are not the same claim: a shared figure alone ("$1 million") is common. */
export const SAME_CLAIM_SCORE = 0.3;

export function compareClaims(a: ClaimLike, b: ClaimLike): SimilarityEvidence {
  const fa = claimFingerprints(a);
  const fb = new Set(claimFingerprints(b));
  const shared = fa.filter((k) => fb.has(k));
  const figures: Array<{ a: string; b: string }> = [];
  for (const k of shared) {
    const x = a.figures.find((f) => `f:${figureKey(f)}` === k);
    const y = b.figures.find((f) => `f:${figureKey(f)}` === k);
    if (x && y) figures.push({ a: x.text, b: y.text });
  }
  // The unit is already in the shared fingerprint: "days" in both says nothing more.
  const units = new Set(shared.map((k) => k.split(':')[1]));
  const wa = new Set([...contentWords(a.text)].filter((w) => !units.has(w)));
  const wb = new Set([...contentWords(b.text)].filter((w) => !units.has(w)));
  const words = [...wa].filter((w) => wb.has(w));
  const union = new Set([...wa, ...wb]).size;
  const jaccard = union ? words.length / union : 0;
  const score = shared.length ? Number(Math.min(1, 0.25 + 0.75 * Math.sqrt(jaccard)).toFixed(3)) : 0;
  return { shared, figures, words, score };
}
