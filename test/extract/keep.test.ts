import { describe, expect, it } from 'vitest';
import { extract, reportedCandidates } from '#shared/extract/index.ts';
import { keep, keepFeatures, keepScore } from '#shared/extract/4-attribution/indirect/keep.ts';
import { findIndirectAttributions } from '#shared/extract/4-attribution/indirect.ts';

/** An opening paragraph, so that the sentences tested are read as body text. */
const LEAD = 'The assembly met on Tuesday to debate the new charter for the harbour district and its ferry routes.\n\n';
const reported = (text: string) => extract(text).quotes.filter((q) => q.kind !== 'direct').map((q) => q.text);

describe('the keep model for reported speech', () => {
  it('keeps reported claims with a named source', () => {
    expect(reported('Harbour master Ines Albright claimed 40 boats were damaged in the storm.')).toEqual(['40 boats were damaged in the storm']);
    expect(reported('The transport ministry stated all passengers were from Tarnow.')).toEqual(['all passengers were from Tarnow']);
  });

  it('drops sourceless infinitives after a verb of wanting or knowing, which are no attributions', () => {
    for (const text of [
      `${LEAD}The grey seal and the orca are the only animals known to eat adult sevengill sharks.`,
      `${LEAD}Members may serve for as many terms as their constituents wish to re-elect them.`,
    ]) {
      expect(findIndirectAttributions(text, []).length).toBeGreaterThan(0); // the pattern scan proposes one
      expect(reported(text)).toEqual([]); // the model drops it
    }
  });

  it('describes a candidate by cue class and form, not by cue word, so it does not learn one corpus’s words', () => {
    const text = 'Ines Albright claimed that the pier would reopen in May.';
    const [c] = findIndirectAttributions(text, []);
    const features = keepFeatures(text, c, 'person');
    expect(features).toMatchObject({ 'class:speech': 1, 'form:finite': 1, 'side:before': 1, 'source:person': 1, 'opens:that': 1 });
    expect(Object.keys(features).filter((f) => f.includes('claim'))).toEqual([]);
  });

  it('scores with the weights given and keeps what reaches the threshold', () => {
    const features = { 'side:before': 1, 'opens:that': 1 };
    const weights = { bias: -1, threshold: 0, weights: { 'side:before': 0.5, 'opens:that': 0.75 } };
    expect(keepScore(features, weights)).toBeCloseTo(0.25);
    expect(keep(features, weights)).toBe(true);
    expect(keep(features, { ...weights, threshold: 0.5 })).toBe(false);
  });

  it('shows the fit script every candidate with its features, and the output with all of them kept', () => {
    const text = `${LEAD}Members may serve for as many terms as their constituents wish to re-elect them. Mayor Ruth Okafor said the pier would reopen in May.`;
    const { quotes, candidates } = reportedCandidates(text);
    expect(candidates.map((c) => text.slice(c.start, c.end))).toEqual(['to re-elect them', 'the pier would reopen in May']);
    expect(quotes.map((q) => q.text)).toEqual(['to re-elect them', 'the pier would reopen in May']);
    expect(reported(text)).toEqual(['the pier would reopen in May']);
  });
});
