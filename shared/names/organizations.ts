/**
 * Organisations: how to recognise one, and how to compare two. Legal forms (Inc, AG,
 * Aktiengesellschaft, LLC, OOO…) are dropped before comparing; every remaining word must agree,
 * allowing a typo in long words, joined/split words (Goodwill / Good Will) and acronyms (PLA).
 */
import { foldWord, withoutPeerage } from './normalize.ts';
import { editDistance, jaroWinkler } from './metrics.ts';

/** Legal forms and their long spellings, folded, punctuation removed; multi-word forms joined by spaces. */
const LEGAL_FORMS = [
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'ag', 'aktiengesellschaft',
  'gmbh', 'gesellschaft mit beschrankter haftung', 'kg', 'sa', 'sarl', 'sas', 'spa', 'srl', 'sl', 'nv', 'bv', 'bvba', 'ab', 'oy', 'oyj', 'as', 'asa',
  'aps', 'pty', 'pte', 'pt', 'tbk', 'kk', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'oao', 'zao', 'pao', 'ooo', 'ano', 'sp z oo', 'spzoo', 'sa de cv', 'de cv',
  'joint stock company', 'open joint stock company', 'closed joint stock company', 'public joint stock company', 'limited liability company',
  'societatea cu raspundere limitata', 'public limited company', 'holdings', 'holding', 'group', 'gruppe', 'the',
];
const LEGAL_FORM_SET = new Set(LEGAL_FORMS.filter((f) => !f.includes(' ')));
const MULTIWORD_FORMS = LEGAL_FORMS.filter((f) => f.includes(' ')).sort((a, b) => b.length - a.length);
/** Words that do not identify an organisation by themselves. */
const STOPWORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'on', 'und', 'et', 'de', 'du', 'des', 'la', 'le', 'der', 'die', 'das']);

const ORG_SUFFIX = new RegExp(
  `(?:^|\\s)(?:${['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'l\\.l\\.c', 'llp', 'l\\.p', 'lp', 'plc', 'p\\.l\\.c', 'ag', 'aktiengesellschaft', 'gmbh', 'g\\.m\\.b\\.h', 's\\.?a', 's\\.?a\\.?r\\.?l', 'spa', 's\\.?r\\.?l', 'n\\.?v', 'b\\.?v', 'pty', 'pte', 'jsc', 'ojsc', 'pjsc', 'oao', 'ooo', 'kk', 'group', 'holdings', 'gruppe'].join('|')})\\.?(?=$|[\\s,)])`,
  'i',
);
const ORG_WORDS = new Set(
  `health healthcare council union department dept university college school academy hospital clinic clinics institute institution association
  agency ministry committee commission party church federation society authority office board bureau center centre court police army navy
  force forces bank trust fund foundation partners partnership enterprises industries international global systems solutions services technologies
  technology corporation company group holdings network networks news times post press media radio television tv broadcasting journal
  government administration state republic kingdom city county district parliament congress senate assembly cabinet coalition alliance league
  organization organisation organisations organizations nations federal national club team united airlines airways motors energy oil gas petroleum
  pharmaceuticals labs laboratories capital securities insurance financial bureau brigade battalion regiment movement front church mosque temple
  foundation charity charities fund museum library studio studios records publishing publishers press café restaurant hotel store stores market
  markets exchange reserve treasury department`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when the name reads as an organisation (a company suffix or an institutional word). */
export function looksLikeOrganization(input: string): boolean {
  // "John Smith, 5th Earl of Wexley" is a person: the peerage's "of" is not an institution's.
  const name = withoutPeerage(input.slice(0, 400));
  if (ORG_SUFFIX.test(name)) return true;
  if (/&|\.com\b/i.test(name)) return true;
  const folded = name.split(/[\s,()\-]+/).map(foldWord).filter(Boolean);
  return folded.some((w) => ORG_WORDS.has(w)) || (folded.includes('of') && folded.length >= 3);
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', first: '1st', second: '2nd', third: '3rd',
};

/** Folded words of an organisation name without legal forms and stopwords. */
const LONG_LEGAL_FORMS = [...LEGAL_FORM_SET].filter((f) => f.length >= 7);

/** Legal forms, also when a long one is misspelled ("Aktiengeselschaft"). */
function isLegalForm(word: string): boolean {
  if (LEGAL_FORM_SET.has(word)) return true;
  return word.length >= 7 && LONG_LEGAL_FORMS.some((f) => Math.abs(f.length - word.length) <= 1 && editDistance(f, word) <= 1);
}

const coreCache = new Map<string, string[]>();

export function organizationCore(name: string): string[] {
  let core = coreCache.get(name);
  if (!core) {
    core = coreUncached(name);
    if (coreCache.size > 5_000) coreCache.clear();
    coreCache.set(name, core);
  }
  return core;
}

function coreUncached(input: string): string[] {
  const name = input.slice(0, 400);
  // Dots inside acronyms ("A.B.C.", "S.A.R.L.") join their letters.
  const joinedAcronyms = name.replace(/\b((?:\p{L}\.){2,}\p{L}?\.?)/gu, (m) => m.replace(/\./g, ''));
  let text = ` ${joinedAcronyms
    .split(/[\s,;:()[\]"“”'’\-–—/.]+|(?<=\p{L})&(?=\p{L})/u)
    .map((w) => (w === '&' ? 'and' : foldWord(w)))
    .filter(Boolean)
    .map((w) => NUMBER_WORDS[w] ?? w)
    .join(' ')} `;
  for (const form of MULTIWORD_FORMS) text = text.split(` ${form} `).join(' ');
  const words = text.trim().split(' ').filter(Boolean);
  const core = words.filter((w) => !isLegalForm(w) && !STOPWORDS.has(w));
  return core.length ? core : words;
}

export interface OrganizationComparison {
  same: boolean;
  score: number;
  reasons: string[];
  similarity: number;
}

const ROMAN_NUMERAL = /^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3}|xiv|xv)$/;

/** Numbers, years and Roman numerals ("Fund II" / "Fund III") tell otherwise identical entities apart. */
function isNumberWord(word: string): boolean {
  return /\d/.test(word) || ROMAN_NUMERAL.test(word);
}

function numbersOf(core: string[]): string {
  return core.filter(isNumberWord).join(' ');
}

function wordsAgree(a: string, b: string): boolean {
  if (a === b) return true;
  if (isNumberWord(a) || isNumberWord(b)) return false;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  return editDistance(a, b) <= allowed;
}

function isAcronymOf(acronym: string, words: string[]): boolean {
  if (acronym.length < 2 || words.length < 2) return false;
  return words.map((w) => w[0]).join('') === acronym;
}

export function compareOrganizations(a: string, b: string): OrganizationComparison {
  const coreA = organizationCore(a);
  const coreB = organizationCore(b);
  const joinedA = coreA.join('');
  const joinedB = coreB.join('');
  const similarity = jaroWinkler(coreA.join(' '), coreB.join(' '));
  if (!joinedA || !joinedB) return { same: false, score: 0, reasons: ['empty organisation name'], similarity };
  if (joinedA === joinedB) return { same: true, score: 0.95, reasons: ['same name without legal form'], similarity };

  if (coreA.length === coreB.length && coreA.every((w, i) => wordsAgree(w, coreB[i]))) {
    return { same: true, score: 0.85, reasons: ['spelling variant'], similarity };
  }
  const acronymA = coreA.length === 1 ? coreA[0] : '';
  const acronymB = coreB.length === 1 ? coreB[0] : '';
  if (isAcronymOf(acronymA, coreB) || isAcronymOf(acronymB, coreA)) return { same: true, score: 0.8, reasons: ['acronym'], similarity };
  if (joinedA.length >= 6 && editDistance(joinedA, joinedB) <= 1 && numbersOf(coreA) === numbersOf(coreB)) {
    return { same: true, score: 0.8, reasons: ['joined or split words'], similarity };
  }
  return { same: false, score: similarity * 0.5, reasons: ['different organisation names'], similarity };
}
