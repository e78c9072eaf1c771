import { describe, expect, it } from 'vitest';
import { findComparison } from '#shared/claims/comparison.ts';
import { findFigures } from '#shared/claims/figures.ts';
import { findClaims, mainKind } from '#shared/claims/index.ts';
import { extract } from '#shared/extract/index.ts';

const one = (sentence: string) => {
  const figures = findFigures(sentence);
  expect(figures).toHaveLength(1);
  return figures[0];
};

describe('figures: normalised values', () => {
  it('"$1.13bn" is 1.13e9 USD', () => {
    const f = one('The port authority borrowed $1.13bn to dredge the channel.');
    expect(f).toMatchObject({ text: '$1.13bn', value: 1.13e9, unit: 'USD', bound: 'exact' });
  });

  it('"76%" is 0.76 percent, and "76 percent" the same', () => {
    expect(one('Turnout in Harwick reached 76% in 2022.')).toMatchObject({ value: 0.76, unit: 'percent', period: 'in 2022' });
    expect(one('Turnout in Harwick reached 76 percent.')).toMatchObject({ value: 0.76, unit: 'percent' });
  });

  it('"over 500 days" is at least 500 days', () => {
    const f = one('The average wait for a permit is over 500 days.');
    expect(f).toMatchObject({ value: 500, unit: 'days', bound: 'at-least', measure: 'The average wait for a permit' });
  });

  it('reads bounds: "nearly" is about, "fewer than" and "no more than" at most', () => {
    expect(one('Nearly 40 ferries sail each week.').bound).toBe('about');
    expect(one('Fewer than 300 people live on the island.').bound).toBe('at-most');
    expect(one('The cut is capped at no more than 1,500 jobs.').bound).toBe('at-most');
  });

  it('reads a vote tally as one figure, the votes for', () => {
    expect(one('The council approved the sea wall by a vote of 7-2.')).toMatchObject({ text: '7-2', value: 7, unit: 'votes' });
  });

  it('reads scale words and currency words: "12.5 million", "three million dollars", "€2.5 million"', () => {
    expect(one('The mill employs 12.5 million hours of labour.').value).toBe(12.5e6);
    expect(one('The bridge cost three million dollars.')).toMatchObject({ value: 3e6, unit: 'USD' });
    expect(one('The ferry costs €2.5 million a year.')).toMatchObject({ value: 2.5e6, unit: 'EUR', period: 'a year' });
  });

  it('reads number words through compromise, and "a year and a half" as 1.5 years', () => {
    expect(one('The council hired twenty-five inspectors.')).toMatchObject({ value: 25, unit: 'inspectors' });
    expect(one('The repairs took a year and a half.')).toMatchObject({ value: 1.5, unit: 'years' });
  });

  it('percentage points are points, not percent', () => {
    expect(one('The rate fell by 1.7 percentage points.')).toMatchObject({ value: 0.017, unit: 'percentage points' });
  });

  it('names the counted thing after a number, and what a share is of', () => {
    expect(one('About 600 Harwick Health clinicians voted to unionise.')).toMatchObject({ value: 600, unit: 'clinicians', bound: 'about' });
    expect(one('Some 40% of voters backed the levy.').measure).toBe('voters');
  });

  it('does not read dates, bill numbers, phone numbers or bare years as figures', () => {
    expect(findFigures('H.R. 1512 was filed on 03.07.19; call (202) 555-0143.')).toEqual([]);
    expect(findFigures('The clinic opened in 1998.')).toEqual([]);
    expect(findFigures('COVID-19 reached the island in March.')).toEqual([]);
    expect(findFigures('The plan has parts: 1) ferries 2) roads.')).toEqual([]); // list markers
    expect(findFigures('The fair runs from March 15 to 17 and opens at 13:40.')).toEqual([]);
  });
});

describe('comparison', () => {
  it('reads from → to and its direction', () => {
    const s = 'Spending on ferries rose from $4.2 billion in 2010 to $5.9 billion in 2020.';
    const figures = findFigures(s);
    expect(findComparison(s, figures)).toMatchObject({ from: 4.2e9, to: 5.9e9, direction: 'up' });
    expect(figures.map((f) => f.measure)).toEqual(['Spending on ferries', 'Spending on ferries']);
  });

  it('reads "X, up from Y" as Y → X', () => {
    const up = 'The clinic employs 600 doctors, up from 450 in 2019.';
    expect(findComparison(up, findFigures(up))).toMatchObject({ from: 450, to: 600, direction: 'up', cue: 'up from' });
    const down = 'Turnout was 48 percent, down from 61 percent four years ago.';
    expect(findComparison(down, findFigures(down))).toMatchObject({ from: 0.61, to: 0.48, direction: 'down' });
  });

  it('reads a change without a from, and a comparison with "than"', () => {
    const fell = 'Unemployment fell to 3.5% last year.';
    expect(findComparison(fell, findFigures(fell))).toMatchObject({ from: null, to: 0.035, direction: 'down' });
    const than = 'The new ferry carries more cars than the two old ones.';
    expect(findComparison(than, findFigures(than))).toMatchObject({ direction: 'more' });
    expect(findComparison('The clinic opened in 1998.', [])).toBeNull();
  });
});

describe('structured claims', () => {
  it('carry figures with offsets into the text, a main kind and a comparison', () => {
    const text = 'Harwick ferry news.\n\nThe port authority borrowed $1.13bn, up from $800 million in 2019, to dredge the channel.\n';
    const [claim] = findClaims(text);
    expect(claim.figures.map((f) => text.slice(f.start, f.end))).toEqual(['$1.13bn', '$800 million']);
    expect(claim.comparison?.direction).toBe('up');
    expect(claim.kinds).toContain(claim.kind);
    expect(mainKind(['number', 'money', 'comparison'])).toBe('comparison');
  });

  it('carry the speaker’s canonical name when the claim sits inside a quote', () => {
    const text =
      'Dr. Helen Marsh runs the harbour clinic.\n\n“We treated more than 4,000 patients last year, twice as many as in 2019,” said Dr. Helen Marsh.\n';
    const result = extract(text);
    const claim = result.claims.find((c) => c.text.includes('4,000'));
    expect(claim?.speaker).toBe('Helen Marsh');
    expect(claim?.figures[0]).toMatchObject({ value: 4000, unit: 'patients', bound: 'at-least', period: 'last year' });
  });
});
