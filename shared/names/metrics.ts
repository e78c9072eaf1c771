/** String and phonetic metrics from maintained libraries, memoised because clustering asks the same pairs often. */
import { doubleMetaphone } from 'double-metaphone';
import jaroWinklerImpl from 'talisman/metrics/jaro-winkler.js';
import damerauLevenshteinImpl from 'talisman/metrics/damerau-levenshtein.js';

const codeCache = new Map<string, string[]>();

/** Double Metaphone primary and secondary codes (distinct, non-empty) of one folded token. */
export function phoneticCodes(token: string): string[] {
  let codes = codeCache.get(token);
  if (!codes) {
    const [primary, secondary] = doubleMetaphone(token);
    codes = [...new Set([primary, secondary].filter(Boolean))];
    if (codeCache.size > 50_000) codeCache.clear();
    codeCache.set(token, codes);
  }
  return codes;
}

export function sharePhoneticCode(a: string, b: string): boolean {
  const codesB = phoneticCodes(b);
  return phoneticCodes(a).some((code) => codesB.includes(code));
}

export function jaroWinkler(a: string, b: string): number {
  return a === b ? 1 : jaroWinklerImpl(a, b);
}

/** Edit distance counting an adjacent transposition as one edit. */
export function editDistance(a: string, b: string): number {
  return a === b ? 0 : damerauLevenshteinImpl(a, b);
}
