// Exact-span matching for the PolNeAR evaluator (scripts/eval/spans.ts), on a hand-made sentence.
import { describe, expect, it } from 'vitest';
import { matchExact, trimSpan } from '../scripts/eval/spans.ts';

//            0         1         2         3         4         5         6         7
//            01234567890123456789012345678901234567890123456789012345678901234567890123456789
const TEXT = '"The dam will hold," she said. "It was built well. It is inspected." Then rain.';
const byGroup = (g: { group: string }) => g.group;

describe('trimSpan', () => {
  it('drops spaces, punctuation and quote marks at both ends only', () => {
    expect(trimSpan(TEXT, { start: 0, end: 20 })).toEqual({ start: 1, end: 18 });
    expect(TEXT.slice(1, 18)).toBe('The dam will hold');
    expect(trimSpan(TEXT, { start: 18, end: 21 })).toEqual({ start: 21, end: 21 });
  });
});

describe('matchExact', () => {
  const gold = [
    { start: 1, end: 18, group: 'a' }, // The dam will hold
    { start: 32, end: 50, group: 'a' }, // It was built well.
    { start: 51, end: 67, group: 'a' }, // It is inspected.
  ];

  it('matches trimmed spans, and a run of fragments separated only by trimmable characters', () => {
    const found = matchExact(TEXT, [{ start: 0, end: 20 }, { start: 31, end: 68 }], gold, byGroup);
    expect(found).toEqual([[0], [1, 2]]);
  });

  it('does not match across the interrupting attribution, nor a span one word short', () => {
    const found = matchExact(TEXT, [{ start: 0, end: 68 }, { start: 1, end: 13 }], gold, byGroup);
    expect(found).toEqual([[], []]);
  });
});
