/**
 * Check-worthy claims: every sentence is scored from interpretable features (features.ts) with weights
 * fitted offline (scripts/fit-claims.ts → weights.ts); sentences at or above CLAIM_THRESHOLD are claims.
 */
import type { Claim } from '../schema.ts';
import { splitSentences } from '../text/sentences.ts';
import { isDateline, type ClaimKind } from './features.ts';
import { CLAIM_MODEL, modelScore } from './model.ts';
import { contextOf, isHeadline } from './context.ts';
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
  const { shift } = contextOf(content);
  if (shift === -Infinity) return { score: 0, kinds: [] };
  const p = modelScore(x);
  const score = Number((shift ? 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift))) : p).toFixed(4));
  const claimKinds: ClaimKind[] = score >= CLAIM_THRESHOLD ? (kinds.length ? kinds : ['factual']) : [];
  return { score, kinds: claimKinds };
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

export function findClaims(text: string, attributed: AttributedSpan[] = []): Claim[] {
  const claims: Claim[] = [];
  if (typeof text !== 'string' || !text.trim()) return claims;
  for (const { start, end } of splitSentences(text)) {
    if (end - start > MAX_SENTENCE_CHARS) continue;
    const sentence = text.slice(start, end);
    const { score, kinds } = scoreClaim(sentence);
    if (score < CLAIM_THRESHOLD) continue;
    claims.push({
      id: `c${claims.length + 1}`,
      start,
      end,
      text: sentence,
      kinds,
      score,
      speakerId: speakerOf(start, end, attributed),
    });
  }
  return claims;
}
