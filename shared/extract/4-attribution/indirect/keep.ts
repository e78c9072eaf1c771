/**
 * Which reported-speech candidates to keep. The pattern scan (../indirect.ts) proposes indirect and mixed
 * attributions; a logistic model over interpretable features of each candidate (its cue, the side the cue is on,
 * the source as written and as resolved, how the content opens, its length and shape) scores how likely a reader
 * would call it an attribution, and those below the fitted threshold are dropped. Fitted by
 * scripts/fit-reported.ts on PolNeAR training articles; the weights are data in ./keep-weights.ts.
 */
import { isNounFirst, lookupCueVerb } from '../../../lexicon/cues.ts';
import type { SpeakerKind } from '../../../schema.ts';
import type { AttributionCandidate } from '../indirect.ts';
import { KEEP_WEIGHTS } from './keep-weights.ts';

export interface KeepWeights {
  bias: number;
  /** Candidates scoring below it are dropped. */
  threshold: number;
  weights: Record<string, number>;
}

/** What the scan knows of a candidate's source once it is resolved. */
export type SourceKind = SpeakerKind | 'unresolved' | 'none';

const PRONOUN = /^(?:he|she|they|i|we|you|it)$/i;
const RELATIVE = /^(?:who|which|that)$/i;
const DETERMINER = /^(?:the|a|an|this|these|those|his|her|their|its|our|some|many|most|several|any|each|every|no)$/i;

const bucket = (n: number, edges: number[]) => {
  const i = edges.findIndex((e) => n < e);
  return i < 0 ? `${edges.at(-1)}+` : `<${edges[i]}`;
};

/** The candidate's features, by name (a feature present weighs 1). */
export function keepFeatures(text: string, c: AttributionCandidate, source: SourceKind): Record<string, number> {
  const f: Record<string, number> = {};
  const on = (name: string) => (f[name] = 1);
  const cueWords = c.cue.toLowerCase().split(/\s+/);
  const last = cueWords.at(-1) ?? '';
  const verb = cueWords.map((w) => lookupCueVerb(w)).find(Boolean);
  // The cue by class and form, not by word: a lemma's weight would learn one corpus's habits ("states" as a noun).
  on(`class:${verb?.cls ?? (cueWords.includes('according') ? 'according' : 'nominal')}`);
  if (verb) on(`form:${verb.form}`);
  if (isNounFirst(last)) on('cue:noun-first');
  if (verb && verb.strength >= 0.8) on('cue:strong');
  if (cueWords.length > 1) on('cue:phrase');
  on(`kind:${c.kind}`);
  const side = c.cueStart < c.start ? 'before' : 'after';
  on(`side:${side}`);
  on(`source:${source}`);
  on(`class-source:${verb?.cls ?? 'other'}:${source}`);
  on(`form-side:${verb?.form ?? 'noun'}:${side}`);
  const written = text.slice(c.speakerStart, c.speakerEnd).trim();
  const firstWord = written.split(/\s+/)[0] ?? '';
  const shape = !written ? 'none' : PRONOUN.test(written) ? 'pronoun' : RELATIVE.test(written) ? 'relative' : DETERMINER.test(firstWord) ? 'description' : /^\p{Lu}/u.test(written) ? 'capitalised' : 'lower';
  on(`written:${shape}`);
  const content = text.slice(c.start, c.end);
  const words = content.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const opener = (words[0] ?? '').toLowerCase();
  const opens = opener === 'that' || opener === 'to' || PRONOUN.test(opener) ? opener : DETERMINER.test(opener) ? 'determiner' : /^\p{Lu}/u.test(words[0] ?? '') ? 'capital' : /^\d/.test(opener) ? 'number' : /ing$/.test(opener) ? 'gerund' : 'word';
  on(`opens:${opens}`);
  on(`${side}:length:${bucket(words.length, [4, 7, 12, 20, 35])}`);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length >= 4 && capitalised / words.length > 0.7) on('content:title-case');
  if (/[\n\r]/.test(content)) on('content:crosses-line');
  if (/[;:]/.test(content)) on('content:semicolon-or-colon');
  if (c.start < 200) on('position:opening');
  // between the content and its attribution: the cue before it, or the source or cue (whichever comes first) after it
  const attributionStart = c.speakerEnd > c.speakerStart ? Math.min(c.cueStart, c.speakerStart) : c.cueStart;
  const gap = side === 'before' ? text.slice(c.cueEnd, c.start) : text.slice(c.end, attributionStart);
  if (gap.trim().length > 30) on(`${side}:far-from-cue`);
  return f;
}

export function keepScore(features: Record<string, number>, weights: KeepWeights = KEEP_WEIGHTS): number {
  let z = weights.bias;
  for (const [name, value] of Object.entries(features)) z += (weights.weights[name] ?? 0) * value;
  return z;
}

export function keep(features: Record<string, number>, weights: KeepWeights = KEEP_WEIGHTS): boolean {
  return keepScore(features, weights) >= weights.threshold;
}
