/**
 * The same claim across documents: claims that state the same figure (same unit, value to 3 significant digits),
 * or the same superlative about the same thing ("the largest private physician union"), share a fingerprint; the
 * index groups claims by fingerprint, and `compareClaims` scores a candidate pair by its shared words and shows
 * the evidence.
 */
import type { Claim } from '../schema.ts';
import { NAME_STOPWORDS, SIMILARITY_STOPWORDS, SUPERLATIVE_WORDS, TIME_UNITS } from './figure-words.ts';

type ClaimLike = Pick<Claim, 'text' | 'figures'>;

/** At most this many fingerprints per claim: each is one index item. */
export const MAX_FINGERPRINTS = 4;

/** Plural and singular counted nouns share a unit ("clinics" / "clinic"). */
const unitKey = (unit: string | null) => (unit ?? 'n').toLowerCase().replace(/[^a-z]+/g, '-').replace(/(?<=[a-z]{3})s$/, '');

/** "percent:0.76", "usd:1.13e+9", "day:500". Bare small counts (under 10, no unit) are too common to group on. */
export function figureKey(figure: { value: number; unit: string | null }): string | null {
  if (!Number.isFinite(figure.value)) return null;
  // Small counts without a unit, or of time ("three days", "two years"), are too common to group on.
  if (Math.abs(figure.value) < 10 && (!figure.unit || TIME_UNITS.has(figure.unit))) return null;
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
  /** Content words both claims use around the shared figure or superlative. */
  words: string[];
  /**
   * In [0, 1]: 0 without a shared fingerprint, else 0.3 + 0.7 × the share of context words in common (none when
   * fewer than two are shared, or when both claims name people or places and share no name).
   */
  score: number;
}

/** Pairs under this score are not the same claim: a shared figure alone ("$5 million", "90 days") is common. */
export const SAME_CLAIM_SCORE = 0.5;
/** Context words both claims must share around the figure, besides the score. */
const MIN_SHARED_WORDS = 2;
/** Characters either side of a figure or superlative that say what it is about. */
const CONTEXT_CHARS = 70;

/** Where a fingerprint sits in a claim's text: the figure it came from, or the superlative word. */
function anchor(claim: ClaimLike, fingerprint: string): { at: number; length: number; text: string } | null {
  if (fingerprint.startsWith('f:')) {
    const f = claim.figures.find((x) => `f:${figureKey(x)}` === fingerprint);
    if (!f) return null;
    const at = claim.text.indexOf(f.text);
    return { at: Math.max(0, at), length: f.text.length, text: f.text };
  }
  const word = fingerprint.split(':')[1];
  const m = new RegExp(`\\b${word}\\b`, 'i').exec(claim.text);
  return m ? { at: m.index, length: m[0].length, text: m[0] } : null;
}

function contextWords(claim: ClaimLike, a: { at: number; length: number; text: string }, unit: string): Set<string> {
  const window = claim.text.slice(Math.max(0, a.at - CONTEXT_CHARS), a.at + a.length + CONTEXT_CHARS);
  const figure = contentWords(a.text); // "three" in "three days" is the figure, not its context
  return new Set([...contentWords(window)].filter((w) => w !== unit && !figure.has(w)));
}

/** Names in a claim (capitalised words after its first), lower-cased: who or where the claim is about. */
export function claimNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\s(])\p{Lu}[\p{L}'’-]+/gu)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (!NAME_STOPWORDS.has(w) && !SIMILARITY_STOPWORDS.has(w)) out.add(w);
  }
  return out;
}

export function compareClaims(a: ClaimLike, b: ClaimLike): SimilarityEvidence {
  const fb = new Set(claimFingerprints(b));
  const shared = claimFingerprints(a).filter((k) => fb.has(k));
  const figures: Array<{ a: string; b: string }> = [];
  const words = new Set<string>();
  let best = 0;
  for (const k of shared) {
    const [x, y] = [anchor(a, k), anchor(b, k)];
    if (!x || !y) continue;
    if (k.startsWith('f:')) figures.push({ a: x.text, b: y.text });
    // The unit is already in the fingerprint: "days" on both sides says nothing more.
    const unit = k.split(':')[1];
    const wa = contextWords(a, x, unit);
    const wb = contextWords(b, y, unit);
    const common = [...wa].filter((w) => wb.has(w));
    common.forEach((w) => words.add(w));
    const overlap = common.length >= MIN_SHARED_WORDS ? common.length / Math.max(1, Math.min(wa.size, wb.size)) : 0;
    best = Math.max(best, overlap);
  }
  // Two claims that each name someone or somewhere, and share no name, are about different things.
  const na = claimNames(a.text);
  const nb = claimNames(b.text);
  if (na.size && nb.size && ![...na].some((n) => nb.has(n))) best = 0;
  const score = shared.length ? Number((0.3 + 0.7 * best).toFixed(3)) : 0;
  return { shared, figures, words: [...words], score };
}
