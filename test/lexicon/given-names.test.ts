import { describe, expect, it } from 'vitest';
import { areNicknames, givenNameClass, givenNameGender, isKnownGivenName, nicknameKeys } from '#shared/lexicon/given-names.ts';

describe('lexicon: given names', () => {
  it('gives the gender of names mostly given to one sex, and none for unisex or unknown names', () => {
    expect(givenNameGender('Kristin')).toBe('female');
    expect(givenNameGender('Melania')).toBe('female');
    expect(givenNameGender('Donald')).toBe('male');
    expect(givenNameGender('BARACK')).toBe('male');
    expect(givenNameGender('José')).toBe('male');
    expect(givenNameGender('Jordan')).toBeUndefined();
    expect(givenNameClass('Jordan')).toBe('unisex');
    expect(givenNameGender('Qwzxv')).toBeUndefined();
    expect(isKnownGivenName('Qwzxv')).toBe(false);
    expect(isKnownGivenName('Toby')).toBe(true);
  });

  it('knows hypocorisms from the fuller public list as well as our own', () => {
    for (const [a, b] of [['edgar', 'eddie'], ['Veronica', 'Ronnie'], ['lucinda', 'lou'], ['william', 'bill'], ['margaret', 'peggy']]) {
      expect(areNicknames(a, b), `${a} / ${b}`).toBe(true);
      expect(areNicknames(b, a), `${b} / ${a}`).toBe(true);
    }
  });

  it('does not relate distinct names, nor the male and female forms of one name', () => {
    expect(areNicknames('tony', 'toby')).toBe(false);
    expect(areNicknames('eloise', 'elaine')).toBe(false);
    expect(areNicknames('paul', 'paula')).toBe(false);
    expect(areNicknames('bill', 'robert')).toBe(false);
    expect(areNicknames('ian', 'john')).toBe(false);
  });

  it('gives related names a shared blocking key', () => {
    const shared = nicknameKeys('eddie').filter((k) => nicknameKeys('edgar').includes(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(nicknameKeys('qwzxv')).toEqual([]);
  });
});
