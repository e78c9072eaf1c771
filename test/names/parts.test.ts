import { describe, expect, it } from 'vitest';
import { compareTokens, isGenderPair } from '#shared/names/tokens.ts';
import { foldWord, parsePersonName } from '#shared/names/normalize.ts';
import { compareOrganizations, looksLikeOrganization, organizationCore } from '#shared/names/organizations.ts';
import { areNicknames } from '#shared/lexicon/given-names.ts';

describe('name parts', () => {
  it('folds accents, special letters, Cyrillic and digits posing as letters', () => {
    expect(foldWord('Núñez')).toBe('nunez');
    expect(foldWord('Łukasz')).toBe('lukasz');
    expect(foldWord('Ørsted')).toBe('orsted');
    expect(foldWord('Жуков')).toBe('zhukov');
    expect(foldWord('J0hnst0n')).toBe('johnston');
    expect(foldWord("O'Brien")).toBe('obrien');
  });

  it('splits hyphenated and joined names into parts that keep their group', () => {
    const parsed = parsePersonName('Dr. Anne-Sophie Marchetti-Wolff');
    expect(parsed.tokens.map((t) => t.text)).toEqual(['anne', 'sophie', 'marchetti', 'wolff']);
    expect(parsed.tokens.map((t) => t.group)).toEqual([1, 1, 2, 2]);
    expect(parsePersonName('TobiasKellerman').tokens.map((t) => t.text)).toEqual(['tobias', 'kellerman']);
    expect(parsePersonName('Ronan McAllister').tokens.map((t) => t.text)).toEqual(['ronan', 'mcallister']);
    expect(parsePersonName('TJ Haddon').tokens.map((t) => t.initial)).toEqual([true, true, false]);
  });

  it('tells word-level matches apart by reason', () => {
    expect(compareTokens('gallagher', 'galagher', 'surname')?.reason).toBe('spelling');
    expect(compareTokens('jandro', 'gendreau', 'surname')?.reason).toBe('phonetic');
    expect(compareTokens('peggy', 'margaret', 'given')?.reason).toBe('nickname');
    expect(compareTokens('peggy', 'margaret', 'surname')).toBeNull();
    expect(compareTokens('brien', 'obrian', 'surname')?.reason).toBe('prefix');
    expect(compareTokens('cleve', 'cleveland', 'given')?.reason).toBe('short form');
    expect(compareTokens('j', 'jonas', 'given', true, false)?.reason).toBe('initial');
    expect(compareTokens('sanders', 'sandberg', 'surname')).toBeNull();
    expect(compareTokens('oyster', 'foster', 'surname')).toBeNull();
  });

  it('knows masculine and feminine forms, and hypocorisms spelled freely', () => {
    expect(isGenderPair('paul', 'paula')).toBe(true);
    expect(isGenderPair('mario', 'maria')).toBe(true);
    expect(isGenderPair('angela', 'angelina')).toBe(false);
    expect(areNicknames('bill', 'william')).toBe(true);
    expect(areNicknames('billie', 'william')).toBe(true);
    expect(areNicknames('bill', 'robert')).toBe(false);
  });

  it('recognises organisations and strips their legal forms', () => {
    expect(looksLikeOrganization('Lakeview Nurses Union')).toBe(true);
    expect(looksLikeOrganization('Quillfeather GmbH')).toBe(true);
    expect(looksLikeOrganization('Department of Water Resources')).toBe(true);
    expect(looksLikeOrganization('Dana Whitcombe')).toBe(false);
    expect(organizationCore('OOO Quillfeather Analytics')).toEqual(['quillfeather', 'analytics']);
    expect(organizationCore('Brannock Mills Aktiengesellschaft')).toEqual(['brannock', 'mills']);
    expect(compareOrganizations('LNU', 'Lakeview Nurses Union').reasons).toContain('acronym');
    expect(compareOrganizations('Brannock Mills Fund II', 'Brannock Mills Fund III').same).toBe(false);
  });
});
