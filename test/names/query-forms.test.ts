import { describe, expect, it } from 'vitest';
import { speakerNameForms, titledSurname } from '#shared/names/query-forms.ts';

describe('the forms a searched speaker name is looked up under', () => {
  it('as typed, then without titles and suffixes, then without middle initials', () => {
    expect(speakerNameForms('Dr. Sanders-Gendreau')).toEqual(['Dr. Sanders-Gendreau', 'Sanders-Gendreau']);
    expect(speakerNameForms('President Trump')).toEqual(['President Trump', 'Trump']);
    expect(speakerNameForms('Donald J. Trump')).toEqual(['Donald J. Trump', 'Donald Trump']);
    expect(speakerNameForms('Sen. George H. W. Bush Jr.')).toEqual(['Sen. George H. W. Bush Jr.', 'George H. W. Bush', 'George Bush']);
    expect(speakerNameForms('Melania')).toEqual(['Melania']);
  });
});

describe('a title with a surname', () => {
  it('is split into the two; anything else is not one', () => {
    expect(titledSurname('President Trump')).toEqual({ name: 'Trump', title: 'President' });
    expect(titledSurname('Mrs.  Marwick')).toEqual({ name: 'Marwick', title: 'Mrs.' });
    expect(titledSurname('Trump')).toBeNull();
    expect(titledSurname('Dr. Clara Marwick')).toBeNull();
  });
});
