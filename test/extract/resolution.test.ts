/** Speakers named as a reader would name them: the fullest form the document writes, the issuer of a release. */
import { describe, expect, it } from 'vitest';
import { extract } from '../../shared/extract/index.ts';

const speakerOf = (text: string, quoteStart: string) => extract(text).quotes.find((q) => q.text.includes(quoteStart))?.speaker ?? null;

describe('speaker resolution', () => {
  it('names a surname-only speaker by the full name written later in the document', () => {
    const text = [
      'Today Rep. Okafor will introduce the Harbor Dredging Act.',
      '“For ten years the harbor has silted up while we waited,” Okafor said.',
      'Representative Adaeze Okafor has served the district since 2011.',
    ].join('\n\n');
    expect(speakerOf(text, 'For ten years')).toBe('Adaeze Okafor');
  });

  it('gives the fullest written form of a two-word name', () => {
    const text = 'Governor Marisol Vega Ortiz spoke on Monday.\n\n“We will rebuild the bridge,” said Marisol Vega.';
    expect(speakerOf(text, 'We will rebuild')).toBe('Marisol Vega Ortiz');
  });

  it('credits the unattributed statement of a press release to its issuing member', () => {
    const text =
      'WASHINGTON – Congressman Harlan P. Whitcombe (OH-19) today issued the following statement on the flood relief bill: “I have fought for this funding since the river rose. “Every family in the valley deserves a roof before winter.”';
    const result = extract(text);
    expect(result.quotes.map((q) => q.speaker)).toEqual(['Harlan P. Whitcombe', 'Harlan P. Whitcombe']);
  });

  it('does not take a title-case headline for a longer name', () => {
    const text = 'Nadia Brandt Blasts Harbor Board Over Delays\n\n“The board has failed the city,” Nadia Brandt said.';
    expect(speakerOf(text, 'The board has failed')).toBe('Nadia Brandt');
  });

  it('keeps two people who share a surname apart, by who was named last', () => {
    const text = [
      'Ronald Castellano and his daughter Maria Castellano run the bakery.',
      'Maria Castellano opened the shop at dawn. “We sold out by nine,” Castellano said.',
    ].join('\n\n');
    expect(speakerOf(text, 'We sold out')).toBe('Maria Castellano');
  });
});
