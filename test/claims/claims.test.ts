import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimContent } from '#shared/claims/features.ts';
import { CLAIM_KINDS, CLAIM_THRESHOLD, findClaims, scoreClaim } from '#shared/claims/index.ts';
import { ClaimSchema } from '#shared/schema.ts';

const isClaim = (s: string) => scoreClaim(s).score >= CLAIM_THRESHOLD;

describe('scoreClaim kinds', () => {
  const cases: Array<[string, string]> = [
    ['number', 'The factory employs 4,200 workers across the region.'],
    ['percentage', 'Turnout fell to 38 percent in the northern districts.'],
    ['money', 'The county spent $12.5 million on road repairs.'],
    ['date', 'The bridge was opened to traffic in 1987 by the state governor.'],
    ['quantity', 'The clinic network consisted of 45 clinics in Oregon.'],
    ['comparison', 'The new reactor produces more electricity than all 12 older plants combined.'],
    ['superlative', 'Meridian Bank is now the largest private lender in the country, with 9 million customers.'],
    ['ranking', 'The university ranked third among public universities in 2021.'],
    ['record', 'Exports reached a record high of 3.1 billion tonnes last year.'],
    ['trend', 'Unemployment in the valley rose sharply after the mill closed in 2019.'],
    ['prediction', 'The new terminal will cost an estimated $2 billion and is expected to open in 2027.'],
    ['statistic', 'The average wait for a hip replacement was 14 months.'],
    ['causal', 'The outbreak killed 230 cattle, and the drought led to a 20 percent drop in milk output.'],
  ];
  it.each(cases)('%s: a factual sentence with that feature is a claim of that kind', (kind, sentence) => {
    const { score, kinds } = scoreClaim(sentence);
    expect(score).toBeGreaterThanOrEqual(CLAIM_THRESHOLD);
    expect(score).toBeLessThanOrEqual(1);
    expect(kinds).toContain(kind);
    for (const k of kinds) expect(CLAIM_KINDS).toContain(k);
  });

  it('scores a factual sentence with no figures by its event verbs', () => {
    expect(scoreClaim('The senator voted against the farm bill and later sponsored a rival measure.').kinds).toContain('event');
  });
});

describe('scoreClaim negatives', () => {
  it.each([
    ['opinion', 'I think this is a wonderful idea and we should be proud of it.'],
    ['intention', 'We are going to work hard for every family in this state.'],
    ['obligation', 'We must do better for our children.'],
    ['question', 'What are you going to do about it?'],
    ['greeting', 'Thank you very much, and good evening.'],
    ['boilerplate', 'Leave a Comment'],
    ['boilerplate', 'Your email address will not be published.'],
  ])('%s is not a claim: %s', (_kind, sentence) => {
    const { score, kinds } = scoreClaim(sentence);
    expect(score).toBeLessThan(CLAIM_THRESHOLD);
    expect(kinds).toEqual([]);
  });

  it('gives empty, punctuation-only and whitespace input a zero score', () => {
    expect(scoreClaim('')).toEqual({ score: 0, kinds: [] });
    expect(scoreClaim('  … ')).toEqual({ score: 0, kinds: [] });
  });
});

describe('findClaims', () => {
  const article = readFileSync(new URL('../fixtures/claims/harbour-article.txt', import.meta.url), 'utf8');

  it('finds the figure-bearing sentences of an article and skips headlines of boilerplate and questions', () => {
    const claims = findClaims(article, []);
    const texts = claims.map((c) => c.text);
    expect(texts).toContain('The Brightwater city council voted 7-2 on Tuesday to build a $40 million sea wall along the old harbour.');
    expect(texts.some((t) => t.startsWith('“Flooding has doubled since 2010'))).toBe(true);
    // A forecast with its figure in words sits just below the threshold: ranked above the page furniture, not flagged.
    const forecast = scoreClaim('Engineers expect the work to take about two and a half years.').score;
    for (const s of ['Leave a Comment', 'What will residents think?', 'Share this article']) expect(scoreClaim(s).score).toBeLessThan(forecast);
    for (const t of texts) {
      expect(t).not.toMatch(/Leave a Comment|Share this|email address|What will residents/);
    }
    for (const claim of claims) {
      expect(ClaimSchema.parse(claim)).toEqual(claim);
      expect(article.slice(claim.start, claim.end)).toBe(claim.text);
    }
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
  });

  it('takes the speaker from the quote span that holds the claim sentence', () => {
    const quoteStart = article.indexOf('“Flooding');
    const quoteEnd = article.indexOf('basements,”') + 'basements,”'.length;
    const claims = findClaims(article, [{ start: quoteStart, end: quoteEnd, speakerId: 's1' }]);
    const quoted = claims.find((c) => c.text.startsWith('“Flooding'));
    expect(quoted?.speakerId).toBe('s1');
    const narrated = claims.find((c) => c.text.startsWith('The Brightwater'));
    expect(narrated?.speakerId).toBeNull();
  });

  it('scores a 2 MB document sentence by sentence, skipping run-on blocks with no sentence breaks', () => {
    const paragraph =
      'The Riverside plant employs 1,200 people, twice as many as in 2015, and paid $4 million in local taxes last year. ' +
      'We love this town and everyone in it, and we hope that you will all come along to the open day next spring!\n\n';
    const copies = Math.ceil(2_000_000 / paragraph.length);
    const text = paragraph.repeat(copies) + 'x'.repeat(5000);
    const claims = findClaims(text, []);
    expect(claims).toHaveLength(copies);
    expect(claims.every((c) => c.text.startsWith('The Riverside plant employs 1,200 people'))).toBe(true);
    expect(claims[copies - 1].start).toBe((copies - 1) * paragraph.length);
  });

  it('leaves the speaker unset when a quote covers only a small part of the sentence', () => {
    const text = 'The council, which “never listens,” approved a $3 million budget on Monday after a 4-hour debate.';
    const start = text.indexOf('“');
    const [claim] = findClaims(text, [{ start, end: text.indexOf('”') + 1, speakerId: 's2' }]);
    expect(claim.speakerId).toBeNull();
    const [whole] = findClaims(text, [{ start: 0, end: text.length, speakerId: 's3' }]);
    expect(whole.speakerId).toBe('s3');
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(findClaims('', [])).toEqual([]);
    expect(findClaims(' \n\n \t', [])).toEqual([]);
  });

  it('handles non-English text without failing, still catching figures', () => {
    const text = 'Der Stadtrat hat am Dienstag 40 Millionen Euro für den Deich bewilligt. Das ist schön.';
    const claims = findClaims(text, []);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(claims.map((c) => c.text)).toContain('Der Stadtrat hat am Dienstag 40 Millionen Euro für den Deich bewilligt.');
    expect(claims.map((c) => c.text)).not.toContain('Das ist schön.');
  });
});

describe('claimContent', () => {
  it('keeps only the quoted words of an attributed quotation', () => {
    expect(claimContent('“We are thrilled to be here,” said Dr. Mara Quill, a surgeon at Lakeside Clinic 4.')).toBe(
      'We are thrilled to be here,',
    );
    expect(claimContent('Quill added, "We will keep going no matter what."')).toBe('We will keep going no matter what.');
  });

  it('handles a sentence that continues a quote opened earlier', () => {
    expect(claimContent('We never gave up on this,” Quill said.')).toBe('We never gave up on this,');
  });

  it('leaves scare quotes and unattributed sentences whole', () => {
    const scare = 'The plan, called “Project Dawn,” cost the city $3 million.';
    expect(claimContent(scare)).toBe(scare);
    expect(claimContent('Revenue rose 4 percent.')).toBe('Revenue rose 4 percent.');
  });

  it('does not turn an opinion into a claim because of the attribution around it', () => {
    expect(isClaim('“I am so happy about this,” said Dr. Mara Quill, who joined Lakeside Clinic in 2009 with 14 colleagues.')).toBe(false);
  });
});
