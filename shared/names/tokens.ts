/**
 * Whether two name words can be the same word: identical, an initial, a hypocorism, a short form,
 * a sound-alike or a typo. Thresholds are deliberately strict on surnames, where a near miss
 * (Sanders / Sandberg, Oyster / Foster) is usually a different family.
 */
import { editDistance, jaroWinkler, phoneticCodes, sharePhoneticCode } from './metrics.ts';
import { areNicknames, givenNameGender, isKnownGivenName, nicknameForms } from '../lexicon/given-names.ts';

export type TokenReason = 'identical' | 'initial' | 'nickname' | 'short form' | 'spelling' | 'phonetic' | 'prefix';

export interface TokenMatch {
  score: number;
  reason: TokenReason;
  similarity: number;
}

/** Role of the word in the name: given names allow nicknames and short forms, surnames do not. */
export type TokenRole = 'given' | 'surname' | 'any';

const PATRONYMIC_ENDING = /^(ovich|evich|ovych|ovic|evic|ovna|evna|ivna|ich|vich|ovitch|evitch|son|sen|sson|dottir|dóttir|ov|ova|ev|eva|in|ina|sky|ski|ska)$/;
const DIMINUTIVE_ENDING = /^(ie|y|i|ey|ee|o|a|ah|ette|ine|ina)$/;
/** Surname prefixes that are often dropped or added (O'Flynn / Flynn, McBride / Bride). */
const SURNAME_PREFIX = /^(o|mc|mac)(?=[a-z]{3})/;

function isLatin(word: string): boolean {
  return /^[a-z]+$/.test(word);
}

/** Edit distance allowed for a plain typo, by length of the shorter word. */
function allowedTypos(shorter: number, jw: number): number {
  if (shorter >= 9 && jw >= 0.9) return 2;
  if (shorter >= 4) return 1;
  return 0;
}

/** "Barackk" / "Barack", "Jong-uun" / "Jong-un": doubled letters are the commonest slip. */
function squeeze(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

function codesWithinOne(a: string, b: string): boolean {
  const codesB = phoneticCodes(b);
  return phoneticCodes(a).some((x) => codesB.some((y) => editDistance(x, y) <= 1));
}

function soundsOneApart(a: string, b: string): boolean {
  const codesB = phoneticCodes(b);
  return phoneticCodes(a).some((x) => codesB.some((y) => x.length >= 3 && y.length >= 3 && x[0] === y[0] && editDistance(x, y) <= 1));
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const MASCULINE_ENDINGS = new Set(['', 'o', 'us', 'er', 'an', 'ian', 'os']);
const FEMININE_ENDINGS = new Set(['a', 'ia', 'ine', 'ina', 'ette', 'ra', 'iana', 'ana']);

/**
 * Paul / Paula, Daniel / Danielle, Joseph / Josephine, Christian / Christine: the masculine and
 * feminine forms of one name belong to different people, however close the spelling.
 */
export function isGenderPair(a: string, b: string): boolean {
  const stem = commonPrefix(a, b);
  if (stem < 3) return false;
  const [ra, rb] = [a.slice(stem), b.slice(stem)];
  // "Paul"/"Paula": the whole masculine form is the stem, and it ends in a consonant.
  const consonantStem = !/[aeiouy]$/.test(a.slice(0, stem));
  return ((MASCULINE_ENDINGS.has(ra) && FEMININE_ENDINGS.has(rb)) || (MASCULINE_ENDINGS.has(rb) && FEMININE_ENDINGS.has(ra))) && (ra === '' || rb === '' ? consonantStem : true) && !(FEMININE_ENDINGS.has(ra) && FEMININE_ENDINGS.has(rb));
}

const NAME_ENDING = /(ette|ina|ine|ito|ita|ius|ia|io|ie|us|os|as|es|o|a|e|y|i|s)$/;

/**
 * One given name in two languages usually differs in its ending (Charles / Carlo, Nicholas / Nicolo,
 * Paul / Paolo): drop one ending from each and compare what is left by sound and spelling.
 */
function sameStem(a: string, b: string): boolean {
  const stemA = a.replace(NAME_ENDING, '');
  const stemB = b.replace(NAME_ENDING, '');
  if (stemA.length < 3 || stemB.length < 3 || (stemA === a && stemB === b)) return false;
  if (stemA === stemB) return true;
  const shorter = Math.min(stemA.length, stemB.length);
  if (shorter >= 4 && editDistance(stemA, stemB) <= 1) return true;
  const codesB = phoneticCodes(stemB);
  const shared = phoneticCodes(stemA).filter((c) => codesB.includes(c));
  return shared.some((c) => c.length >= 3) && jaroWinkler(stemA, stemB) >= 0.8;
}

/** "Bennie" for Benjamin, "Freddy" for Frederick, "Aggie" for Agnes: a stem, maybe a doubled consonant, a pet ending. */
function isDiminutive(shorter: string, longer: string): boolean {
  const stem = commonPrefix(shorter, longer);
  let rest = shorter.slice(stem);
  if (rest.length > 1 && rest[0] === shorter[stem - 1]) rest = rest.slice(1);
  const doubled = rest !== shorter.slice(stem);
  return (stem >= 3 || (stem === 2 && doubled)) && DIMINUTIVE_ENDING.test(rest) && !PATRONYMIC_ENDING.test(longer.slice(stem));
}

/** A sound dropped or two swapped (Graham / Graeme, Evan / Ewan, Hudson / Houston), not one sound changed into another. */
function soundDroppedOrSwapped(a: string, b: string): boolean {
  const codesB = phoneticCodes(b);
  return phoneticCodes(a).some((x) =>
    codesB.some((y) => editDistance(x, y) === 1 && (x.length !== y.length || [...x].sort().join('') === [...y].sort().join(''))),
  );
}

/**
 * Two listed given names whose sounds differ by one changed sound are two names (Tony / Toby,
 * Eloise / Elaine): a typo makes a word that is not a name, so a near spelling or a near sound is no
 * evidence between them. Short and pet forms (Rose / Rosalind) are still checked.
 */
function distinctGivenNames(a: string, b: string): boolean {
  return isKnownGivenName(a) && isKnownGivenName(b) && squeeze(a) !== squeeze(b) && !sharePhoneticCode(a, b) && !soundDroppedOrSwapped(a, b);
}

/** Typos, doubled letters, dropped prefixes and sound-alikes (Gendreau / Jandro, Simmons / Symonds). */
function spelledOrSoundingAlike(a: string, b: string, shorter: string, longer: string, jw: number): TokenMatch | null {
  const distance = editDistance(a, b);
  // Jon / John, Ian / Iain: a three-letter word may gain one letter, never change one (Tom / Tim).
  const addedLetter = shorter.length === 3 && longer.length === 4 && distance === 1 && a[0] === b[0];
  if (distance <= allowedTypos(shorter.length, jw) || addedLetter || (shorter.length >= 2 && squeeze(a) === squeeze(b))) {
    return { score: 0.8 + 0.15 * jw, reason: 'spelling', similarity: jw };
  }

  if (!isLatin(a) || !isLatin(b)) return null;

  // Two slips in a longer word (Arthur / Auther, Matthew / Mathews) only when the sound barely changes.
  if (distance === 2 && shorter.length >= 6 && jw >= 0.9 && a[0] === b[0] && codesWithinOne(a, b)) {
    return { score: 0.82, reason: 'spelling', similarity: jw };
  }

  // O'Flynn / Flynn, McBride / Bride: compare what follows the prefix.
  const strippedA = a.replace(SURNAME_PREFIX, '');
  const strippedB = b.replace(SURNAME_PREFIX, '');
  if (strippedA !== a || strippedB !== b) {
    if (strippedA === strippedB) return { score: 0.85, reason: 'prefix', similarity: jw };
    const inner = compareTokens(strippedA, strippedB, 'surname', false, false);
    if (inner) return { score: inner.score - 0.05, reason: 'prefix', similarity: jw };
  }

  if (sharePhoneticCode(a, b)) {
    const codeLength = Math.max(...phoneticCodes(a).filter((c) => phoneticCodes(b).includes(c)).map((c) => c.length));
    // A long shared code is good evidence by itself (Gendreau / Jandro); a short one needs the spelling to agree too.
    if ((codeLength >= 4 && jw >= 0.6) || (codeLength === 3 && jw >= 0.7) || (codeLength <= 2 && jw >= 0.75 && distance <= 2 && shorter.length >= 4)) {
      return { score: 0.72 + 0.2 * jw, reason: 'phonetic', similarity: jw };
    }
  }

  // Sounds one consonant apart in words of equal length (Simmons / Symonds, Hudson / Houston, Castle / Cassel);
  // a longer or shorter word (Castillo / Castro, Mahir / Mahathir) is a different name.
  if (shorter.length >= 4 && longer.length - shorter.length <= 1 && distance <= 3 && jw >= 0.8 && soundsOneApart(a, b)) {
    return { score: 0.72 + 0.15 * jw, reason: 'phonetic', similarity: jw };
  }

  return null;
}

/** Memo by (role and initial flags) → first word → second word; avoids building a key string per call. */
const matchCache = new Map<string, Map<string, Map<string, TokenMatch | null>>>();
let cachedPairs = 0;

/** Memoised: a document repeats the same few words many times. */
export function compareTokens(a: string, b: string, role: TokenRole = 'any', aInitial = a.length === 1, bInitial = b.length === 1): TokenMatch | null {
  if (a === b) return IDENTICAL;
  const mode = aInitial ? (bInitial ? `${role}11` : `${role}10`) : bInitial ? `${role}01` : role;
  let byFirst = matchCache.get(mode);
  if (!byFirst) matchCache.set(mode, (byFirst = new Map()));
  let bySecond = byFirst.get(a);
  if (!bySecond) byFirst.set(a, (bySecond = new Map()));
  let match = bySecond.get(b);
  if (match === undefined) {
    match = compareUncached(a, b, role, aInitial, bInitial);
    if (++cachedPairs > 200_000) {
      matchCache.clear();
      cachedPairs = 0;
    }
    bySecond.set(b, match);
  }
  return match;
}

const IDENTICAL: TokenMatch = Object.freeze({ score: 1, reason: 'identical', similarity: 1 }) as TokenMatch;

function compareUncached(a: string, b: string, role: TokenRole, aInitial: boolean, bInitial: boolean): TokenMatch | null {
  if (a === b) return { score: 1, reason: 'identical', similarity: 1 };
  if (aInitial || bInitial) {
    if (aInitial && bInitial) return null;
    return a[0] === b[0] ? { score: 0.75, reason: 'initial', similarity: 0.5 } : null;
  }
  const jw = jaroWinkler(a, b);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const givenName = role !== 'surname';

  if (givenName && areNicknames(a, b)) return { score: 0.9, reason: 'nickname', similarity: jw };
  if (role === 'given' && twoGivenNames(shorter, longer)) return null;
  const form = formMatch(a, b, role, jw);
  if (form || !givenName || !isLatin(a) || !isLatin(b)) return form;
  return listedFormWrittenAnotherWay(a, b, role, jw);
}

/**
 * In a full name, the masculine and feminine forms of one name (Paul / Paula), a name given mostly to
 * women and one given mostly to men (Olga / Oleg), and short names one letter apart that sound
 * different (Mary / Mark, Dave / Dale) are two names.
 */
function twoGivenNames(shorter: string, longer: string): boolean {
  if (isGenderPair(shorter, longer)) return true;
  const [gs, gl] = [givenNameGender(shorter), givenNameGender(longer)];
  if (gs && gl && gs !== gl) return true;
  return longer.length <= 5 && shorter.length === longer.length && !sharePhoneticCode(shorter, longer);
}

/** A listed form written another way: Gerard / Jerry (Gerald), Francis / Fannie (Frances), Wilhelmina / Vilma (Wilma). */
function listedFormWrittenAnotherWay(a: string, b: string, role: TokenRole, jw: number): TokenMatch | null {
  // The nickname lists relate no woman's name to a man's; a chain through them must not either.
  const [ga, gb] = [givenNameGender(a), givenNameGender(b)];
  if (ga && gb && ga !== gb) return null;
  for (const [x, y] of [[a, b], [b, a]]) {
    for (const nick of nicknameForms(x)) {
      if (nick === y || nick.length < 3 || y.length < 3) continue;
      const variant = formMatch(nick, y, role, jaroWinkler(nick, y));
      // A spelling of the listed form, or its beginning (Bet for Beth); pet-form rules chained onto nicknames reach unrelated names.
      const prefix = variant?.reason === 'short form' && commonPrefix(nick, y) >= Math.max(3, Math.min(nick.length, y.length) - 1);
      const sound = variant?.reason === 'phonetic' && phoneticCodes(nick).some((c) => c.length >= 3 && phoneticCodes(y).includes(c));
      if (variant && (variant.reason === 'spelling' || sound || prefix)) return { score: 0.8, reason: 'nickname', similarity: jw };
    }
  }
  return null;
}

/** Spelling, sound and short-form evidence between two words (no nickname table). */
function formMatch(a: string, b: string, role: TokenRole, jw: number): TokenMatch | null {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const givenName = role !== 'surname';
  // Only between given names of full names: single words compared alone may be spelling variants (Carmel / Carmela).
  if (role === 'given' && twoGivenNames(shorter, longer)) return null;

  // Tony / Toby: between two real given names only a short or pet form is evidence (below).
  if (!(givenName && distinctGivenNames(a, b))) {
    const alike = spelledOrSoundingAlike(a, b, shorter, longer, jw);
    if (alike) return alike;
  }
  if (!isLatin(a) || !isLatin(b)) return null;

  if (givenName) {
    const stem = commonPrefix(shorter, longer);
    // Short forms: Zac / Zachary, Jule / Julian, Rose / Rosalind; pet forms: Aggie / Agnes, Freddy / Frederick.
    if (shorter.length >= 3 && stem >= Math.max(3, shorter.length - 1) && !PATRONYMIC_ENDING.test(longer.slice(stem))) {
      return { score: 0.8, reason: 'short form', similarity: jw };
    }
    if (shorter.length === 2 && longer.startsWith(shorter) && longer.length <= 5) return { score: 0.72, reason: 'short form', similarity: jw };
    if (isDiminutive(shorter, longer)) return { score: 0.76, reason: 'short form', similarity: jw };
    if (sameStem(a, b)) return { score: 0.74, reason: 'short form', similarity: jw };
    // Same name in another language: Angela / Angelina, Andrew / Andreas, Theodore / Theodorus.
    // Only inflection-sized endings differ, so Sanders / Sandberg or Lindenberg / Lindemann never qualify.
    if (stem >= 4 && stem >= shorter.length / 2 && jw >= 0.85 && longer.length - stem <= 3 && shorter.length - stem <= 3 && !PATRONYMIC_ENDING.test(longer.slice(stem))) {
      return { score: 0.76, reason: 'short form', similarity: jw };
    }
  }
  return null;
}
