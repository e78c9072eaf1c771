import { describe, expect, it } from 'vitest';
import { matchSurname, matchVariantSpelling, type CorpusPerson } from '#shared/pipeline/corpus-match.ts';

const donald: CorpusPerson = { id: 'sp_donald', canonical: 'Donald Trump', kind: 'person', title: 'President', documents: 41 };
const melania: CorpusPerson = { id: 'sp_melania', canonical: 'Melania Trump', kind: 'person', title: 'First Lady', documents: 2 };
const bare: CorpusPerson = { id: 'sp_trump', canonical: 'Trump', kind: 'person', documents: 9 };
const company: CorpusPerson = { id: 'sp_org', canonical: 'Trump Organization', kind: 'organization', documents: 5 };

describe('which person of the corpus a surname alone stands for', () => {
  it('the one with the same title, with the evidence', () => {
    expect(matchSurname({ name: 'Trump', title: 'President' }, [bare, donald, melania, company])).toEqual({
      speakerId: 'sp_donald', canonical: 'Donald Trump', confidence: 0.9, evidence: ['surname Trump', 'title President'],
    });
  });

  it('by the gender a title carries: "Mrs. Trump" is not the President', () => {
    expect(matchSurname({ name: 'Trump', title: 'Mrs.' }, [donald, melania])).toMatchObject({ speakerId: 'sp_melania', confidence: 0.8 });
    expect(matchSurname({ name: 'Trump', title: 'Mr.' }, [donald, melania])).toMatchObject({ speakerId: 'sp_donald' });
  });

  it('the person most documents name, when far ahead; otherwise no one', () => {
    expect(matchSurname({ name: 'Trump' }, [donald, melania])).toMatchObject({ speakerId: 'sp_donald', confidence: 0.7, evidence: ['surname Trump', '41 documents against 2 for Melania Trump'] });
    const brother = { ...melania, id: 'sp_fred', canonical: 'Fred Trump', title: undefined, documents: 30 };
    expect(matchSurname({ name: 'Trump' }, [donald, brother])).toBeNull();
  });

  it('never a one-word profile, an organisation, or a name that only contains the word', () => {
    expect(matchSurname({ name: 'Trump' }, [bare, company])).toBeNull();
    expect(matchSurname({ name: 'Rump' }, [donald])).toBeNull();
    expect(matchSurname({ name: 'Donald Trump' }, [donald])).toBeNull();
  });
});

describe('which person of the corpus a variant spelling stands for', () => {
  const kristin: CorpusPerson = { id: 'sp_kristin', canonical: 'Kristin Sanders-Gendreau', kind: 'person', title: 'Dr.', documents: 0 };
  const bernard: CorpusPerson = { id: 'sp_bernard', canonical: 'Bernard Sanders', kind: 'person', documents: 0 };

  it('a distinctive surname spelled another way, with the name matcher’s reasons, for review', () => {
    const match = matchVariantSpelling({ name: 'Saunders-Jandro' }, [bernard, kristin]);
    expect(match).toMatchObject({ speakerId: 'sp_kristin', confidence: 0.6 });
    expect(match?.evidence[0]).toBe('spelling Saunders-Jandro');
    expect(match?.evidence[1]).toContain('phonetic: jandro ~ gendreau');
    expect(matchVariantSpelling({ name: 'Kristin Saunders-Jandro' }, [kristin])).toMatchObject({ speakerId: 'sp_kristin' });
  });

  it('never a plain surname, another given name, an organisation, or one of two people it could be', () => {
    expect(matchVariantSpelling({ name: 'Saunders' }, [bernard])).toBeNull(); // "Sanders" / "Saunders": too common a likeness
    expect(matchVariantSpelling({ name: 'Trumka' }, [donald])).toBeNull();
    expect(matchVariantSpelling({ name: 'Peter Saunders-Jandro' }, [kristin])).toBeNull();
    expect(matchVariantSpelling({ name: 'Saunders-Jandro' }, [{ ...kristin, kind: 'organization' }])).toBeNull();
    const sister = { ...kristin, id: 'sp_sister', canonical: 'Karen Sanders-Gendreau' };
    expect(matchVariantSpelling({ name: 'Saunders-Jandro' }, [kristin, sister])).toBeNull();
  });
});
