/**
 * Check-worthy claims: every sentence is scored by a linear model over interpretable features and hashed n-grams
 * (vector.ts, fitted offline by scripts/fit-claims.ts → weights.ts), adjusted by news context rules (context.ts);
 * sentences at or above CLAIM_THRESHOLD are claims, each with its figures (figures.ts) and comparison.
 */
import type { Claim } from '../schema.ts';
import { splitSentences, type Span } from '../text/sentences.ts';
import { isDateline, type ClaimKind } from './features.ts';
import { CLAIM_MODEL, modelScore } from './model.ts';
import { contextOf, isHeadline } from './context.ts';
import { findComparison } from './comparison.ts';
import { findFigures } from './figures.ts';
import { contentSpan } from './frame.ts';
import { claimVector } from './vector.ts';

export { CLAIM_KINDS, type ClaimKind } from './features.ts';

export interface ClaimScore {
  /** Probability-like check-worthiness in [0, 1]. */
  score: number;
  /** What makes the sentence check-worthy (see CLAIM_KINDS); empty for a sentence that is not a claim. */
  kinds: string[];
}

/** A sentence is a claim when its score is at least this. */
export const CLAIM_THRESHOLD: number = CLAIM_MODEL.threshold;

/** Longer than any real sentence: a run-on block (a table, a list without stops) is not scored as one claim. */
const MAX_SENTENCE_CHARS = 2000;

/** Scores one sentence. Text longer than MAX_SENTENCE_CHARS is not a sentence and scores 0. */
export function scoreClaim(sentence: string): ClaimScore {
  if (sentence.length > MAX_SENTENCE_CHARS || !/[\p{L}\p{N}]/u.test(sentence) || isDateline(sentence) || isHeadline(sentence)) {
    return { score: 0, kinds: [] };
  }
  const { start, end } = contentSpan(sentence);
  const content = sentence.slice(start, end);
  if (!/[\p{L}\p{N}]{2}/u.test(content)) return { score: 0, kinds: [] };
  const { x, kinds } = claimVector(sentence);
  const { shift, rules } = contextOf(content);
  if (shift === -Infinity) return { score: 0, kinds: [] };
  const p = modelScore(x);
  const score = Number((shift ? 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift))) : p).toFixed(4));
  if (rules.includes('evidence')) kinds.push('evidence');
  const claimKinds: ClaimKind[] = score >= CLAIM_THRESHOLD ? (kinds.length ? kinds : ['factual']) : [];
  return { score, kinds: claimKinds };
}

/** Which of a claim's kinds names it best: the most specific first. */
const KIND_ORDER: ClaimKind[] = [
  'comparison', 'superlative', 'ranking', 'record', 'trend', 'percentage', 'money', 'quantity', 'statistic', 'number',
  'evidence', 'prediction', 'causal', 'event', 'date', 'factual',
];
export const mainKind = (kinds: string[]): string => KIND_ORDER.find((k) => kinds.includes(k)) ?? kinds[0] ?? 'factual';

export interface SentenceScore {
  start: number;
  end: number;
  score: number;
}

/** Every sentence of a text with its check-worthiness score, best first: the ranking a fact-checker reads. */
export function rankSentences(text: string): SentenceScore[] {
  if (typeof text !== 'string') return [];
  return splitSentences(text)
    .map(({ start, end }) => ({ start, end, score: end - start > MAX_SENTENCE_CHARS ? 0 : scoreClaim(text.slice(start, end)).score }))
    .sort((a, b) => b.score - a.score || a.start - b.start);
}

export interface AttributedSpan {
  start: number;
  end: number;
  speakerId: string | null;
}

/** The attributed span (quote or statement) holding the sentence: one containing it, or covering most of it. */
function speakerOf(start: number, end: number, attributed: AttributedSpan[]): string | null {
  let best: AttributedSpan | null = null;
  let bestOverlap = 0;
  for (const span of attributed) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap > bestOverlap) {
      best = span;
      bestOverlap = overlap;
    }
  }
  if (!best) return null;
  const contained = best.start <= start && best.end >= end;
  return contained || bestOverlap * 2 >= end - start ? best.speakerId : null;
}

export function findClaims(text: string, attributed: AttributedSpan[] = [], sentences?: Span[]): Claim[] {
  const claims: Claim[] = [];
  if (typeof text !== 'string' || !text.trim()) return claims;
  for (const { start, end } of sentences ?? splitSentences(text)) {
    if (end - start > MAX_SENTENCE_CHARS) continue;
    const sentence = text.slice(start, end);
    const { score, kinds } = scoreClaim(sentence);
    if (score < CLAIM_THRESHOLD) continue;
    // Figures and comparison are read from the asserted content; figure offsets are moved into the text.
    const content = contentSpan(sentence);
    const asserted = sentence.slice(content.start, content.end);
    const local = findFigures(asserted);
    const comparison = findComparison(asserted, local);
    const at = start + content.start;
    const figures = local.map((f) => ({ ...f, start: f.start + at, end: f.end + at }));
    claims.push({
      id: `c${claims.length + 1}`,
      start,
      end,
      text: sentence,
      kind: mainKind(kinds),
      kinds,
      score,
      figures,
      comparison,
      speakerId: speakerOf(start, end, attributed),
      speaker: null,
    });
  }
  return claims;
}
