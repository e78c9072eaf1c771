import { describe, expect, it } from 'vitest';
import { extract } from '#shared/extract/index.ts';
import { speakerAliases, variantSpellingNear } from '#shared/pipeline/records.ts';

// One harbour master, spelled three ways across the article.
const TEXT = [
  'Harbour master Ingrid Vasquez-Holloway opened the new pier on Friday.',
  '“The tide tables are finally right,” Vasquez-Holloway said.',
  '“We waited eleven years for this,” Vazquez-Halloway added.',
].join('\n\n');

describe('variantSpellingNear', () => {
  it('names the flagged spelling at a quote whose attribution used it, and nothing where the canonical spelling was used', () => {
    // Prepare
    const extraction = extract(TEXT);
    const flag = extraction.flags[0];
    const speaker = extraction.speakers.find((s) => s.id === flag?.speakerId);
    const [first, second] = extraction.quotes.filter((q) => q.kind === 'direct');
    // Act
    const spellings = [first, second].map((q) => variantSpellingNear(q, speaker, flag));
    // Assess
    expect(flag?.canonical).toBe('Ingrid Vasquez-Holloway');
    expect(spellings).toEqual([undefined, 'Vazquez-Halloway']);
  });

  it('names nothing for a speaker with no flag', () => {
    const extraction = extract('“It is done,” said Mayor Tom Reyes.');
    const quote = extraction.quotes[0];
    expect(variantSpellingNear(quote, extraction.speakers[0], undefined)).toBeUndefined();
  });
});

describe('speaker lookup names', () => {
  it('finds a person by every spelling and by the surname alone; an organisation only by its names', () => {
    expect([...speakerAliases({ canonical: 'Dr. Kristin Sanders-Gendreau', variants: ['Saunders-Jandro'], kind: 'person' })]).toEqual([
      ['dr kristin sanders gendreau', 'Dr. Kristin Sanders-Gendreau'],
      ['sanders gendreau', 'Sanders-Gendreau'],
      ['saunders jandro', 'Saunders-Jandro'],
    ]);
    expect([...speakerAliases({ canonical: 'Allina Health', variants: [], kind: 'organization' }).keys()]).toEqual(['allina health']);
  });
});
