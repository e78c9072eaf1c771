import { describe, expect, it } from 'vitest';
import { contextOf, isHeadline } from '#shared/claims/context.ts';
import { contentSpan, maskNonFigures } from '#shared/claims/frame.ts';
import { CLAIM_THRESHOLD, scoreClaim } from '#shared/claims/index.ts';

const isClaim = (s: string) => scoreClaim(s).score >= CLAIM_THRESHOLD;

describe('press-release frames', () => {
  it('cuts a dated headline run into its dateline, a bracketed dateline and a statement intro', () => {
    const cases: Array<[string, string]> = [
      ['04.02.21 Marlow Praises Harbour Deal Washington, DC – Today, Rep. Ann Marlow (D-ME) welcomed the deal.', 'Today, Rep. Ann Marlow (D-ME) welcomed the deal.'],
      ['(Portland, ME) — The port handled 1.2 million tonnes of cargo last year.', 'The port handled 1.2 million tonnes of cargo last year.'],
      ['Rep. Ann Marlow issued the following statement on the vote: “The port lost 300 jobs in 2020.', '“The port lost 300 jobs in 2020.'],
      ['The grant creates 40 jobs. ### Ann Marlow represents the coast.', 'The grant creates 40 jobs.'],
    ];
    for (const [sentence, content] of cases) {
      const { start, end } = contentSpan(sentence);
      expect(sentence.slice(start, end)).toBe(content);
    }
  });

  it('masks dates in digits, bill numbers, phone numbers, clock times and district codes, and keeps real figures', () => {
    expect(maskNonFigures('H.R. 1512 passed on 03.07.19; call (202) 555-0143 at 9:30 a.m. (TX-26).')).toBe(
      'bill passed on date; call phone at time (district).',
    );
    expect(maskNonFigures('The bill, signed December 12th, costs $4.5 billion.')).toBe('The bill, signed December, costs $4.5 billion.');
    expect(maskNonFigures('Rayburn Building, Washington, D.C. 20515')).toBe('Rayburn Building, Washington, zip');
  });

  it('does not let a date, a bill number or a name written in numbers alone make a claim', () => {
    expect(isClaim('03.07.19 Marlow Receives Responses From Two Platforms')).toBe(false);
    expect(isClaim('04.02.21 Marlow Receives Letters From Ferry Operators Washington, DC – Today, Rep. Ann Marlow (D-ME) released written responses she received from two ferry operators.')).toBe(false);
    expect(isClaim('Rep. Marlow is a cosponsor of H.R. 197.')).toBe(false);
    expect(maskNonFigures('The 20/20 rule and the 9/11 memorial')).toBe('The name rule and the name memorial');
  });
});

describe('context rules', () => {
  it('rules out boilerplate and letter heads, and lowers biography, procedure and thanks', () => {
    expect(contextOf('For more information, contact Jo Bell at the district office.').shift).toBe(-Infinity);
    expect(contextOf('Dear Chairman Rowe: thank you for your letter.').rules).toContain('letter-head');
    expect(contextOf('She is the daughter of Tom and Ruth Weller and was born in Bangor in 1961.').rules).toEqual(['biography']);
    expect(contextOf('He serves on the House Committee on Natural Resources.').rules).toEqual(['biography']);
    expect(contextOf('The bill was referred to the Judiciary Committee.').rules).toEqual(['procedure']);
    expect(contextOf('I am very pleased that the port will receive this funding.').rules).toEqual(['sentiment']);
    expect(contextOf('The delegation attended the dinner.').rules).toEqual([]); // "attended" + a capital only
    expect(contextOf('Normal 0 false false MicrosoftInternetExplorer4 table.MsoNormalTable {mso-style-name: x;}').shift).toBe(-Infinity);
  });

  it('lowers judgements, tributes, bill introductions, floor speeches and programme descriptions', () => {
    expect(contextOf('Federal funding is vital to the harbour and its fishing fleet.').rules).toEqual(['judgement']);
    expect(contextOf('It is clear that the ferry service needs more boats.').rules).toEqual(['judgement']);
    expect(contextOf('Rep. Marlow has been a tireless advocate for the island’s ferry riders.').rules).toEqual(['praise']);
    expect(contextOf('Rep. Marlow introduced H.R. 4410, the Island Ferry Act.').rules).toEqual(['procedure']);
    expect(contextOf('Rep. Marlow spoke on the House floor about the ferry schedule.').rules).toEqual(['procedure']);
    expect(contextOf('Other cosponsors include Reps. Bell and Rowe.').rules).toEqual(['procedure']);
    expect(contextOf('The award is part of the Department of Transportation’s Port Infrastructure Development Program.').rules).toEqual(['program-description']);
    expect(contextOf('The funding will go to the Bangor Housing Authority.').rules).toEqual(['program-description']);
    expect(contextOf('The league has designated May as Ferry Safety Month.').rules).toEqual(['sentiment']);
    expect(contextOf('Rep. Marlow testified before the Transportation Subcommittee today.').rules).toEqual(['procedure']);
    expect(contextOf('Harbour officials testified before the panel that the port lost 300 jobs.').rules).toEqual([]);
    expect(contextOf('Her staff will host mobile office hours in Bangor on Friday.').rules).toEqual(['procedure']);
    expect(contextOf('Rep. Marlow was named the Chairman of the Coast Guard Subcommittee.').rules).toEqual(['biography']);
    expect(contextOf('It has been an honor to represent the coast.').rules).toEqual(['sentiment']);
    expect(contextOf('Rep. Marlow was added to the rolls of the House upon executing the oath of office.').rules).toEqual(['procedure']);
    expect(contextOf('The letter was co-signed by Reps. Bell and Rowe.').rules).toEqual(['procedure']);
    expect(contextOf('Rep. Marlow was honored with the Harbour Guardian Award.').rules).toEqual(['biography']);
    expect(contextOf('The grant is funded by the Rural Development program.').rules).toEqual(['program-description']);
    expect(contextOf('The mayoral candidate answered some questions about his campaign.').rules).toEqual(['procedure']);
    // A figure stated beside a judgement is still a claim.
    expect(isClaim('The port, which handled 1.2 million tonnes of cargo last year, is vital to the region.')).toBe(true);
  });

  it('lowers what a measure would do without a figure, and leaves forecasts with figures alone', () => {
    expect(contextOf('The new ferry will help families reach the mainland.').rules).toEqual(['benefit-forecast']);
    expect(contextOf('The new ferry will help 4,000 families reach the mainland.').rules).toEqual([]);
    expect(contextOf('The new ferry will help half a million riders reach the mainland.').rules).toEqual([]);
    // What a law does is checkable: "a bill that would allow …" is no forecast.
    expect(contextOf('She voted against a bill that would allow ferries to skip inspections.').rules).toEqual([]);
  });

  it('raises statements of evidence and consensus', () => {
    expect(contextOf('There is no evidence that the vaccine causes the disease.').shift).toBeGreaterThan(0);
    expect(contextOf('Studies show that the barrier reduced flooding.').rules).toEqual(['evidence']);
    expect(isClaim('There is no evidence to suggest that vaccines cause life-threatening or disabling diseases.')).toBe(true);
    expect(isClaim('There is an overwhelming consensus among doctors that vaccines are both effective and safe.')).toBe(true);
  });

  it('biography and procedure stay below the threshold even with a year in them', () => {
    expect(isClaim('She is the daughter of Tom and Ruth Weller and was born in Bangor in 1961.')).toBe(false);
    expect(isClaim('The bill was referred to the Judiciary Committee for consideration.')).toBe(false);
  });

  it('knows a headline by its missing stop and its capitals', () => {
    expect(isHeadline('Marlow Secures Funding for Harbour Sea Wall')).toBe(true);
    expect(isHeadline('The council voted 7-2 to build a sea wall.')).toBe(false);
    expect(isHeadline('Voted')).toBe(false);
  });
});
