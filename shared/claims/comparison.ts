/**
 * The comparison a claim makes: from → to ("rose from $4.2 billion to $5.9 billion"), the direction of a change
 * ("fell 3%", "doubled") or of a comparison ("more than", "fewer … than").
 */
import type { Figure } from './figures.ts';
import { DOWN_VERBS, LESS_WORDS, MORE_WORDS, UP_VERBS } from './figure-words.ts';

export type Direction = 'up' | 'down' | 'more' | 'less';

export interface Comparison {
  from: number | null;
  to: number | null;
  direction: Direction | null;
  /** The words that make the comparison ("rose from … to …", "more than"). */
  cue: string;
}

const FROM_TO_GAP = /^\s*(?:(?:in|during|on)\s+[\p{L}\p{N} ]{1,30}?\s*)?,?\s*(?:to|until|up to|down to)\s*$/u;
const THAN = /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|longer|shorter|better|worse|\p{L}{3,}er)\b[^.;:!?]{0,40}?\bthan\b/iu;
const MULTIPLE = /\b(?:twice|(?:two|three|four|five|ten|\d+) times) (?:as|more|less|the)\b/i;

export function findComparison(sentence: string, figures: Figure[]): Comparison | null {
  for (let i = 0; i + 1 < figures.length; i++) {
    const [a, b] = [figures[i], figures[i + 1]];
    if (a.unit !== b.unit) continue;
    const before = sentence.slice(Math.max(0, a.start - 12), a.start);
    if (!/\bfrom\s*$/i.test(before) || !FROM_TO_GAP.test(sentence.slice(a.end, b.start))) continue;
    const direction = b.value > a.value ? 'up' : b.value < a.value ? 'down' : null;
    if (!b.measure && a.measure) b.measure = a.measure; // "X rose from A to B": B measures the same X
    return { from: a.value, to: b.value, direction, cue: sentence.slice(a.start - (before.length - before.search(/from\s*$/i)), b.end) };
  }
  const up = UP_VERBS.exec(sentence);
  const down = DOWN_VERBS.exec(sentence);
  if (up || down) {
    const cue = up && (!down || up.index <= down.index) ? up : down!;
    const from = figures.find((f) => /\bfrom\s*$/i.test(sentence.slice(Math.max(0, f.start - 8), f.start)));
    // "600 doctors, up from 450": where it went is the figure just before "up from" (of the same unit)
    const reached = /\bfrom$/i.test(cue[0]) ? figures.filter((f) => f.end <= cue.index && (!from?.unit || !f.unit || f.unit === from.unit)).pop() : undefined;
    const to = figures.find((f) => /\bto\s*$/i.test(sentence.slice(Math.max(0, f.start - 6), f.start))) ?? reached;
    return { from: from?.value ?? null, to: to?.value ?? null, direction: cue === up ? 'up' : 'down', cue: cue[0] };
  }
  const than = THAN.exec(sentence) ?? MULTIPLE.exec(sentence);
  if (than) {
    let direction: Direction | null = LESS_WORDS.test(than[0]) ? 'less' : MORE_WORDS.test(than[0]) || /er\b/.test(than[0]) ? 'more' : null;
    // "no more than 15,000" caps the figure; "no fewer than" floors it.
    if (direction && /\b(?:no|not)\s*$/i.test(sentence.slice(Math.max(0, than.index - 5), than.index))) direction = direction === 'more' ? 'less' : 'more';
    const to = figures.find((f) => f.start >= than.index + than[0].length - 6);
    return { from: null, to: to?.value ?? null, direction, cue: than[0] };
  }
  return null;
}
