/**
 * Person-name comparison: align the words of two names one to one, then decide.
 * Two names are one person when every word of the shorter name has a counterpart in the longer
 * (extra middle names, patronymics and second surnames are allowed on one side only), the surnames
 * agree, and at least one word matches on more than an initial. A word left over on BOTH sides
 * (Barack / Michelle Obama, Sergey Viktorovich / Sergey Borisovich Lavrov) means two people.
 */
import { compareTokens, type TokenMatch, type TokenRole } from './tokens.ts';
import { editDistance, phoneticCodes } from './metrics.ts';
import type { NameToken, ParsedName } from './normalize.ts';

export interface TokenPair {
  a: number;
  b: number;
  match: TokenMatch;
}

export interface PersonComparison {
  same: boolean;
  confidence: number;
  reasons: string[];
  pairs: TokenPair[];
}

function roleOf(tokens: NameToken[], index: number): TokenRole {
  if (tokens.length === 1) return 'any';
  const lastGroup = tokens[tokens.length - 1].group;
  return tokens[index].group === lastGroup ? 'surname' : 'given';
}

/** Greedy one-to-one alignment: best-scoring pairs first, ties broken by keeping word order. */
export function alignTokens(a: NameToken[], b: NameToken[]): TokenPair[] {
  const candidates: Array<TokenPair & { order: number }> = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (a[i].patronymic !== b[j].patronymic) continue;
      const roleA = roleOf(a, i);
      const roleB = roleOf(b, j);
      // Nicknames and short forms only between given names; when the two roles differ (reordered names), stay strict.
      const role: TokenRole = roleA === 'given' && roleB === 'given' ? 'given' : roleA === 'any' || roleB === 'any' ? (roleA === 'surname' || roleB === 'surname' ? 'surname' : 'any') : 'surname';
      const match = compareTokens(a[i].text, b[j].text, role, a[i].initial, b[j].initial);
      if (match) candidates.push({ a: i, b: j, match, order: Math.abs(i / a.length - j / b.length) });
    }
  }
  candidates.sort((x, y) => y.match.score - x.match.score || x.order - y.order || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: TokenPair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push({ a: c.a, b: c.b, match: c.match });
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/** Words written together or split differently ("AlisherUsmanov", "Plat Ono Vich"): compare the joined letters. */
function joinedMatch(a: NameToken[], b: NameToken[]): number | null {
  const joinedA = a.filter((t) => !t.initial).map((t) => t.text).join('');
  const joinedB = b.filter((t) => !t.initial).map((t) => t.text).join('');
  if (a.length === b.length || joinedA.length < 8 || joinedB.length < 8) return null;
  const distance = editDistance(joinedA, joinedB);
  return distance <= 1 ? 0.9 - 0.05 * distance : null;
}

function surnameIndexes(tokens: NameToken[]): number[] {
  const lastGroup = tokens[tokens.length - 1].group;
  // "Osama bin Laden": the last word is the family name even though it follows "bin".
  return tokens.flatMap((t, i) => (t.group === lastGroup ? [i] : []));
}

function surnameHasCounterpart(a: NameToken[], b: NameToken[]): boolean {
  const last = a[a.length - 1];
  return b.some((t) => t.patronymic === last.patronymic && compareTokens(last.text, t.text, 'surname', last.initial, t.initial) !== null);
}

function different(why: string, pairs: TokenPair[], confidence = 0.1): PersonComparison {
  return { same: false, confidence, reasons: [why], pairs };
}

export function comparePersons(a: ParsedName, b: ParsedName): PersonComparison {
  const ta = a.tokens;
  const tb = b.tokens;
  if (!ta.length || !tb.length) return { same: false, confidence: 0, reasons: ['empty name'], pairs: [] };
  if (a.gender && b.gender && a.gender !== b.gender) {
    return { same: false, confidence: 0.05, reasons: [`titles disagree (${a.titles[0]} / ${b.titles[0]})`], pairs: [] };
  }

  // Fast rejection (most pairs in a document): neither surname has any counterpart in the other name.
  if (ta.length > 1 && tb.length > 1 && !surnameHasCounterpart(ta, tb) && !surnameHasCounterpart(tb, ta)) {
    return different('surnames differ', [], 0.15);
  }
  const pairs = alignTokens(ta, tb);
  const reasons = new Set<string>();
  const matchedA = new Set(pairs.map((p) => p.a));
  const matchedB = new Set(pairs.map((p) => p.b));
  const leftA = ta.filter((_, i) => !matchedA.has(i));
  const leftB = tb.filter((_, i) => !matchedB.has(i));

  const joined = joinedMatch(ta, tb);
  if (joined !== null && (leftA.length || leftB.length)) {
    return { same: true, confidence: joined, reasons: ['words joined or split differently'], pairs };
  }

  if (!pairs.length) return different('no word in common', pairs);
  // China / Lisa Chin, Turkey / Turkel: a place is never a misspelling of a person's name.
  if ((a.place || b.place) && pairs.some((p) => p.match.reason !== 'identical')) {
    return different(`a place (${(a.place ? a : b).display}) and a name that only resembles it`, pairs, 0.05);
  }
  // Initials are weak: a single letter left over against a full word is only a conflict when it disagrees.
  if (leftA.length && leftB.length) {
    const describe = (t: NameToken[]) => t.map((x) => x.text).join(' ');
    return different(`different words: ${describe(leftA)} / ${describe(leftB)}`, pairs, 0.15);
  }
  if (!pairs.some((p) => p.match.reason !== 'initial')) return different('only initials agree', pairs, 0.3);

  // Both names' surnames must be matched by something unless one side is a single word.
  if (ta.length > 1 && tb.length > 1) {
    const surnameA = surnameIndexes(ta);
    const surnameB = surnameIndexes(tb);
    const aSurnameMatched = surnameA.some((i) => matchedA.has(i));
    const bSurnameMatched = surnameB.some((i) => matchedB.has(i));
    if (!aSurnameMatched && !bSurnameMatched) return different('surnames differ', pairs, 0.15);
    const surnamePairs = pairs.filter((p) => surnameA.includes(p.a) || surnameB.includes(p.b));
    if (surnamePairs.length && surnamePairs.every((p) => p.match.reason === 'initial') && pairs.length < 3) {
      return different('surname only as an initial', pairs, 0.35);
    }
  }

  let confidence = pairs.reduce((sum, p) => sum + p.match.score, 0) / pairs.length;
  for (const p of pairs) reasons.add(p.match.reason === 'identical' ? 'same words' : `${p.match.reason}: ${ta[p.a].text} ~ ${tb[p.b].text}`);
  const extra = leftA.length + leftB.length;
  if (extra) {
    reasons.add(`extra name words on one side (${[...leftA, ...leftB].map((t) => t.text).join(' ')})`);
    confidence -= 0.04 * extra;
  }
  if (ta.length === 1 || tb.length === 1) {
    if (ta.length !== tb.length) {
      // A lone word against a full name is a short reference: it must match a surname or first name well.
      const lone = pairs[0].match;
      if (!['identical', 'spelling', 'nickname', 'prefix'].includes(lone.reason)) return different('a single word that only resembles part of the name', pairs, 0.3);
      reasons.add('single word reference');
      confidence = Math.min(confidence, 0.75);
    }
  }
  const reordered = pairs.some((p, k) => k > 0 && p.b < pairs[k - 1].b);
  if (reordered) reasons.add('word order differs');
  confidence = Math.max(0, Math.min(1, confidence));
  return { same: confidence >= 0.6, confidence, reasons: [...reasons], pairs };
}

/** Double Metaphone codes of the words of both names that are not identical, for evidence. */
export function differingCodes(a: ParsedName, b: ParsedName, pairs: TokenPair[]): Record<string, string[]> {
  const codes: Record<string, string[]> = {};
  for (const p of pairs) {
    if (p.match.reason === 'identical') continue;
    for (const t of [a.tokens[p.a], b.tokens[p.b]]) if (!t.initial && /^[a-z]+$/.test(t.text)) codes[t.text] = phoneticCodes(t.text);
  }
  return codes;
}
