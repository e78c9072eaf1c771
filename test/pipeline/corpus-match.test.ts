import { describe, expect, it } from 'vitest';
import { matchSurname, type CorpusPerson } from '#shared/pipeline/corpus-match.ts';

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
