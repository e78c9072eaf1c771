import { describe, expect, it } from 'vitest';
import { extract } from '#shared/extract/index.ts';
import { sentenceAround, speakerAliases, toIndexEntry, variantSpellingNear } from '#shared/pipeline/records.ts';
import { splitSentences } from '#shared/text/sentences.ts';

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
    const flag = extraction.nameFlags[0];
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

describe('flag context', () => {
  it('gives each flagged spelling the sentence it was written in, from the real extraction', () => {
    const extraction = extract(TEXT);
    const doc = { id: 'dharbour', status: 'done' as const, rawKeys: [], sortDate: '2024-01-01', receivedAt: '2024-01-01', updatedAt: '2024-01-01', title: 'Pier opens' };
    const [flag] = toIndexEntry(doc, extraction, new Map(extraction.speakers.map((s) => [s.id, `sp_${s.id}`])), TEXT).flags;
    expect(flag.documentTitle).toBe('Pier opens');
    expect(flag.variants.map((v) => [v.name, v.mentions.map((m) => m.sentence?.text)])).toEqual([
      ['Vazquez-Halloway', ['“We waited eleven years for this,” Vazquez-Halloway added.']],
    ]);
  });

  it('cuts a long sentence to a window around the name', () => {
    const text = `${'word '.repeat(200)}Jandro said so ${'again '.repeat(200)}.`;
    const at = text.indexOf('Jandro');
    const sentence = sentenceAround(text, splitSentences(text), { start: at, end: at + 6 });
    expect(sentence.text.length).toBeLessThanOrEqual(300);
    expect(text.slice(sentence.start, sentence.start + sentence.text.length)).toBe(sentence.text);
    expect(sentence.text).toContain('Jandro said so');
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
