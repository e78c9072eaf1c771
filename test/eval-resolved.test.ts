// The resolved-speaker scoring rule (scripts/eval/resolved.ts), on hand-made gold and predictions.
import { describe, expect, it } from 'vitest';
import { classifySpeaker, newResolvedTally, resolvedMetrics, scoreDocument, type PredictedQuote, type ResolvedDocument } from '../scripts/eval/resolved.ts';

const person = (speaker: string) => ({ speaker, speakerType: 'person' as const });

describe('classifySpeaker', () => {
  it('person: resolved when the prediction holds first and last name, titles, case and accents aside', () => {
    expect(classifySpeaker(person('José Núñez'), { name: 'Rep. jose nunez', kind: 'person' })).toBe('resolved');
    expect(classifySpeaker(person('Mara Olin Vesk'), { name: 'Mara Vesk' })).toBe('resolved');
    // hyphenated parts count
    expect(classifySpeaker(person('Lena Ortt-Kalver'), { name: 'Dr. Lena Kalver' })).toBe('resolved');
    // a quoted nickname is another first name
    expect(classifySpeaker(person('Robert “Bo” Pelling'), { name: 'Bo Pelling' })).toBe('resolved');
  });

  it('person: surname only, including a part of a two-word surname', () => {
    expect(classifySpeaker(person('Lena Ortt-Kalver'), { name: 'Ms. Ortt-Kalver' })).toBe('surnameOnly');
    expect(classifySpeaker(person('Lena Ortt-Kalver'), { name: 'Kalver' })).toBe('surnameOnly');
    expect(classifySpeaker(person('Tess Harlow Brandt'), { name: 'Harlow Brandt' })).toBe('surnameOnly');
    expect(classifySpeaker(person('Emil Varga Jr.'), { name: 'Sen. Varga' })).toBe('surnameOnly');
  });

  it('person: another person for any other name, an organisation included', () => {
    expect(classifySpeaker(person('Dana Quill'), { name: 'Pieter Quill', kind: 'person' })).toBe('anotherPerson');
    expect(classifySpeaker(person('Dana Quill'), { name: 'Quillworks Group', kind: 'organization' })).toBe('anotherPerson');
  });

  it('person: description for a role without a name; none without a speaker', () => {
    expect(classifySpeaker(person('Dana Quill'), { name: 'The harbour master', kind: 'role' })).toBe('description');
    expect(classifySpeaker(person('Dana Quill'), { name: 'a spokesperson' })).toBe('description');
    expect(classifySpeaker(person('Dana Quill'), { name: null })).toBe('none');
    expect(classifySpeaker(person('Dana Quill'), { name: '  ' })).toBe('none');
  });

  it('joint speakers: resolved when every person is named; one of them is incomplete, not wrong', () => {
    expect(classifySpeaker(person('Ann Lowe and Bart Stenn'), { name: 'Ann Lowe and Bart Stenn' })).toBe('resolved');
    expect(classifySpeaker(person('Ann Lowe and Bart Stenn'), { name: 'Ann Lowe' })).toBe('surnameOnly');
    expect(classifySpeaker(person('Ann Lowe and Bart Stenn'), { name: 'Reps. Lowe and Stenn' })).toBe('surnameOnly');
    expect(classifySpeaker(person('Ann Lowe and Bart Stenn'), { name: 'Carl Mott' })).toBe('anotherPerson');
  });

  it('organisation: one name, spaces removed, contains the other', () => {
    const org = (speaker: string) => ({ speaker, speakerType: 'organization' as const });
    expect(classifySpeaker(org('Fennick Water Board'), { name: 'the Fennick Water Board', kind: 'organization' })).toBe('resolved');
    expect(classifySpeaker(org('Court of Ashby and Dale'), { name: 'Court of Ashby and Dale' })).toBe('resolved');
    expect(classifySpeaker(org('Fennick Water Board'), { name: 'Dana Quill', kind: 'person' })).toBe('anotherPerson');
    expect(classifySpeaker(org('Fennick Water Board'), { name: 'the board', kind: 'role' })).toBe('description');
  });

  it('description: shares a content word', () => {
    const desc = (speaker: string) => ({ speaker, speakerType: 'description' as const });
    expect(classifySpeaker(desc('a Fennick Water Board engineer'), { name: 'Fennick Water Board', kind: 'organization' })).toBe('resolved');
    expect(classifySpeaker(desc('the regional health minister'), { name: 'health minister', kind: 'role' })).toBe('resolved');
    expect(classifySpeaker(desc('the regional health minister'), { name: 'a witness', kind: 'role' })).toBe('description');
    expect(classifySpeaker(desc('an eyewitness'), { name: 'Dana Quill', kind: 'person' })).toBe('anotherPerson');
  });
});

describe('scoreDocument', () => {
  // Offsets into TEXT by hand:            0         1         2         3         4         5         6
  //                                       0123456789012345678901234567890123456789012345678901234567890123456
  const TEXT = 'Dana Quill said: "We open the gates at dawn," she said, "and close them at dusk." Pieter agreed.';
  const first = { start: 18, end: 43 };
  const second = { start: 57, end: 80 };
  const doc: ResolvedDocument = {
    id: 'hand-made',
    text: TEXT,
    quotes: [
      { ...first, speaker: 'Dana Quill', speakerType: 'person', group: 1 },
      { ...second, speaker: 'Dana Quill', speakerType: 'person', group: 1 },
    ],
  };
  const quote = (start: number, end: number, speaker: string | null, kind: PredictedQuote['kind'] = 'direct'): PredictedQuote => ({
    start,
    end,
    speakerId: speaker ? 's1' : null,
    speaker,
    cue: 'said',
    kind,
    confidence: 0.9,
  });

  it('one prediction may cover both fragments of one group; indirect predictions do not count', () => {
    const tally = newResolvedTally();
    scoreDocument(doc, [quote(17, 81, 'Quill'), quote(82, 96, 'Pieter', 'indirect')], new Map([['s1', 'person']]), tally);
    const m = resolvedMetrics(tally);
    expect(m['quotes.precision']).toBe(1);
    expect(m['quotes.recall']).toBe(1);
    expect(m['speaker.surnameOnly']).toBe(1);
  });

  it('a prediction lying at least half inside a fragment is right; elsewhere it is a false positive', () => {
    const tally = newResolvedTally();
    // 18..28 is inside the first fragment but covers less than half of it; 82..96 is outside any fragment.
    scoreDocument(doc, [quote(18, 28, 'Dana Quill'), quote(57, 80, null), quote(82, 96, 'Pieter')], new Map([['s1', 'person']]), tally, 5);
    const m = resolvedMetrics(tally);
    expect(m['quotes.precision']).toBeCloseTo(2 / 3);
    expect(m['quotes.recall']).toBe(0.5);
    expect(m['speaker.none']).toBe(1);
    expect(tally.samples.FP).toHaveLength(1);
    expect(tally.samples.FN?.[0]).toContain('hand-made@18');
    expect(tally.samples.none?.[0]).toContain('gold="Dana Quill" (person)');
  });
});
