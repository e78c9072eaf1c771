/**
 * The figures a claim states, normalised: "$1.13bn" → 1.13e9 USD, "76%" → 0.76 percent, "over 500 days" → at
 * least 500 days. Each carries its unit, the measured thing where the sentence names it ("the average time to
 * negotiate a first contract is over 500 days") and the period ("in 2019", "last year"). Digits are read here;
 * number words ("three million", "two and a half") by compromise's numbers plugin (built into compromise 14).
 * Dates in digits, bill numbers, phone numbers and bare years are not figures (years are periods).
 */
import nlp from 'compromise';
import { nonFigureRanges } from './frame.ts';
import {
  BOUNDS, CURRENCY_SYMBOLS, CURRENCY_WORDS, IRREGULAR_PLURALS, NOT_UNITS, NUMBER_WORD, PERIOD, SCALES, TIME_UNITS, WEAK_NUMBER_WORDS,
} from './figure-words.ts';

export type Bound = 'exact' | 'at-least' | 'at-most' | 'about';

export interface Figure {
  /** The figure as written, and its UTF-16 offsets in the text given to findFigures. */
  text: string;
  start: number;
  end: number;
  /** The value in base units: 1.13e9 for "$1.13bn", 0.76 for "76%". */
  value: number;
  bound: Bound;
  /** ISO currency code, "percent", "percentage points", a time unit, or the counted noun ("clinics"). */
  unit: string | null;
  /** What is measured, where the sentence names it. */
  measure: string | null;
  /** When the figure holds, as written ("in 2019", "last year"). */
  period: string | null;
}

// A number in digits with its currency, scale and percent sign: "$1.13bn", "4,200", "12.5 million", "76%", "3 percentage points".
const DIGITS =
  /(?<![\p{L}\p{N}_.\-–/])(?<cur>(?:US|CDN|CA|AU|NZ|HK|[CAS])?\$|[€£¥₹])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?<word>\s?(?:hundred|thousand|millions?|billions?|trillions?|bn|mn|mln|tn)\b)|(?<abbr>[kmbt])(?![\p{L}\p{N}]))?(?<pct>\s?%|\s?(?:percent|per cent)\b|\s(?:percentage points?)\b)?(?<deg>\s?°\s?[CF]?)?(?![\p{L}\p{N}]|[-–/]\p{L}|[.,]\d)/gu;
// "by a vote of 386-22", "voted 7-2": a tally, read as the votes for (the second number is the votes against).
const TALLY = /\b(?:vote[sd]?|tally|margin)\s+(?:of\s+)?(\d{1,3})[-–](\d{1,3})\b/gi;
const CURRENCY_WORD_AFTER = /^\s+(?:of\s+)?(dollars?|euros?|pounds?|sterling|yen|yuan|renminbi|rupees?|pesos?)\b/i;
const PERCENT_AFTER = /^\s?(?:%|percent\b|per cent\b)/i;
const POINTS_AFTER = /^\s(?:percentage points?)\b/i;
const YEAR_AND_A_HALF = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(year|month|week|day|decade|hour)s?\s+and\s+a\s+half\b/gi;
const SMALL_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const wordCache = new Map<string, number | null>();
/** The value of a number-word phrase, by compromise (cached: the same phrases recur across documents). */
function numberWordValue(phrase: string): number | null {
  const key = phrase.toLowerCase().replace(/\s+/g, ' ');
  if (wordCache.has(key)) return wordCache.get(key)!;
  const values = nlp(key).numbers().get() as unknown;
  const first = Array.isArray(values) && typeof values[0] === 'number' && Number.isFinite(values[0]) ? values[0] : null;
  const value = key === 'a dozen' || key === 'dozen' ? 12 : first;
  if (wordCache.size > 5000) wordCache.clear();
  wordCache.set(key, value);
  return value;
}

function boundBefore(before: string): Bound {
  for (const [re, bound] of BOUNDS) if (re.test(before)) return bound;
  return 'exact';
}

/** The counted noun after a number: the last word of a short run of words ("18 young girls in …" → girls). */
function unitAfter(after: string): string | null {
  const words = after.match(/^\s*(?:[-–]\s*)?((?:[\p{L}][\p{L}'’-]*[ \t]*){1,3})/u)?.[1]?.trim().split(/\s+/) ?? [];
  const run: string[] = [];
  if (words[0] && TIME_UNITS.has(words[0].toLowerCase())) return words[0].toLowerCase().replace(/(?<!s)$/, 's'); // "a 47 month term"
  for (const w of words) {
    if (NOT_UNITS.has(w.toLowerCase()) || /ly$/.test(w)) break;
    if (run.length && /^\p{Ll}/u.test(run[run.length - 1]) && /^\p{Lu}/u.test(w)) break; // "60 clinics Minnesota…"
    run.push(w);
    if (/^\p{Ll}/u.test(w) && (/[^s]s$/.test(w) || IRREGULAR_PLURALS.has(w.toLowerCase()))) break; // the counted noun
  }
  const head = [...run].reverse().find((w) => /^\p{Ll}/u.test(w));
  return head ? head.toLowerCase() : null;
}

const CLAUSE_BREAK = /[,;:(—–]|\b(?:that|and|but|because|while|when|where|which|who|after|as|if|so|by)\b/gi;
const PRONOUN = /^(?:it|this|that|they|he|she|we|i|you|there|which|who|what|them|us|those|these)$/i;
const LINK_BEFORE =
  /\b(?:is|was|are|were|be|been|stands? at|stood at|reached|reaches|totals?|totalled|totaled|averages?|averaged|(?:rose|fell|grew|increased|decreased|dropped|climbed|jumped|declined|went up|went down|soared|plunged)(?: from| to| by)?|hit|costs?|exceeds?|exceeded|of)\s*(?:(?:over|under|about|around|nearly|almost|more than|less than|at least|up to|an estimated|some|roughly|approximately)\s*)?$/i;

/** What a figure measures: "X is/was/reached … <figure>", or "<figure> of X". */
function measureOf(sentence: string, start: number, end: number): string | null {
  // "<figure> of X": the words after "of", up to a verb-like word or a break.
  const of = /^\s+of\s+((?:\p{L}[\p{L}'’-]*\s*){1,5})/u.exec(sentence.slice(end));
  if (of) {
    const words: string[] = [];
    for (const w of of[1].trim().split(/\s+/)) {
      if (/(?:ed|ing)$/.test(w) || /^(?:who|that|which|are|were|is|was|have|had|has|will|would|in|on|at|from|to|for|said|and|or)$/i.test(w)) break;
      words.push(w);
    }
    const phrase = words.join(' ');
    if (phrase && !PRONOUN.test(phrase) && !/^(?:the|a|an|its|their)$/i.test(phrase)) return phrase;
  }
  // "X is/was/reached … <figure>": the words since the last clause break before the linking verb.
  const before = sentence.slice(0, start);
  const link = LINK_BEFORE.exec(before);
  if (!link) return null;
  const head = before.slice(0, link.index);
  let from = 0;
  for (const m of head.matchAll(CLAUSE_BREAK)) from = m.index! + m[0].length;
  let words = head.slice(from).trim().split(/\s+/).filter(Boolean);
  if (/^of$/i.test(link[0].trim())) words = words.slice(-3); // "by a vote of 386": the noun before "of"
  if (/^of$/i.test(link[0].trim()) && /(?:ed|sts)$/i.test(words[words.length - 1] ?? '')) return null; // "consisted of 60"
  const phrase = words.join(' ').replace(/^[^\p{L}\p{N}]+/u, '');
  if (!words.length || words.length > 10 || PRONOUN.test(phrase) || !/\p{L}{3}/u.test(phrase) || /^(?:the|a|an)$/i.test(phrase)) return null;
  return phrase;
}

/** The period nearest the figure, outside every figure. */
function periodNear(sentence: string, start: number, end: number, figures: Array<{ start: number; end: number }>): string | null {
  let best: { text: string; distance: number } | null = null;
  for (const m of sentence.matchAll(PERIOD)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (figures.some((f) => s < f.end && e > f.start)) continue;
    const distance = s >= end ? s - end : start - e;
    if (!best || distance < best.distance) best = { text: m[0], distance };
  }
  return best?.text ?? null;
}

const inside = (ranges: Array<[number, number]>, s: number, e: number) => ranges.some(([a, b]) => s < b && e > a);

/** The figures of one sentence, in reading order. */
export function findFigures(sentence: string): Figure[] {
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|third|quarter)\b/i.test(sentence)) return [];
  const masked = nonFigureRanges(sentence);
  const raw: Array<{ start: number; end: number; value: number; unit: string | null }> = [];

  const tallies: Array<[number, number]> = [];
  for (const m of sentence.matchAll(TALLY)) {
    const start = m.index! + m[0].indexOf(m[1], m[0].length - m[1].length - m[2].length - 1);
    const end = m.index! + m[0].length;
    tallies.push([start, end]);
    raw.push({ start, end, value: Number(m[1]), unit: 'votes' });
  }
  for (const m of sentence.matchAll(DIGITS)) {
    const g = m.groups!;
    const start = m.index! + (m[0].length - m[0].trimStart().length);
    let end = m.index! + m[0].length;
    if (inside(masked, start, end) || inside(tallies, start, end)) continue;
    let value = Number(g.num.replace(/,/g, ''));
    const scaleWord = (g.word ?? g.abbr ?? '').trim().toLowerCase();
    if (scaleWord) value *= SCALES[scaleWord] ?? 1;
    let unit: string | null = null;
    if (g.cur) unit = CURRENCY_SYMBOLS[g.cur] ?? null;
    if (g.pct) {
      value /= 100;
      unit = /point/i.test(g.pct) ? 'percentage points' : 'percent';
    }
    if (g.deg) unit = g.deg.replace(/\s/g, '');
    // A bare year (1600–2099) is a period, not a figure.
    if (!g.cur && !scaleWord && !g.pct && /^(?:1[6-9]\d\d|20\d\d)$/.test(g.num) && !/^\s*[-–]?\s*(?:\p{Ll}+s)\b/u.test(sentence.slice(end))) continue;
    if (!unit) {
      const money = CURRENCY_WORD_AFTER.exec(sentence.slice(end));
      if (money) {
        unit = CURRENCY_WORDS[money[1].toLowerCase()];
        end += money[0].length;
      }
    }
    raw.push({ start, end, value, unit: unit ?? unitAfter(sentence.slice(end)) });
  }

  const taken = (s: number, e: number) => raw.some((r) => s < r.end && e > r.start);
  for (const m of sentence.matchAll(YEAR_AND_A_HALF)) {
    if (taken(m.index!, m.index! + m[0].length)) continue;
    raw.push({ start: m.index!, end: m.index! + m[0].length, value: SMALL_NUMBERS[m[1].toLowerCase()] + 0.5, unit: `${m[2].toLowerCase()}s` });
  }
  for (const m of sentence.matchAll(NUMBER_WORD)) {
    const start = m.index!;
    let end = start + m[0].length;
    if (taken(start, end) || inside(masked, start, end)) continue;
    const phrase = m[0];
    const rest = sentence.slice(end);
    const unitWord = unitAfter(rest);
    const percent = PERCENT_AFTER.exec(rest);
    // "a", "one", "half" alone are figures only before a time unit or a percent sign.
    if (WEAK_NUMBER_WORDS.has(phrase.toLowerCase()) && !percent && !(unitWord && TIME_UNITS.has(unitWord))) continue;
    if (/^(?:a|an|one)\s/i.test(phrase) && !/\b(?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter)/i.test(phrase)) continue;
    let value = numberWordValue(phrase);
    if (value === null || value === 0) continue;
    let unit: string | null = unitWord;
    if (percent) {
      value /= 100;
      unit = POINTS_AFTER.test(rest) ? 'percentage points' : 'percent';
      end += percent[0].length;
    } else {
      const money = CURRENCY_WORD_AFTER.exec(rest);
      if (money) {
        unit = CURRENCY_WORDS[money[1].toLowerCase()];
        end += money[0].length;
      }
    }
    raw.push({ start, end, value, unit });
  }

  return raw
    .sort((a, b) => a.start - b.start)
    .map(({ start, end, value, unit }) => ({
      text: sentence.slice(start, end),
      start,
      end,
      value: Number(value.toPrecision(12)),
      bound: boundBefore(sentence.slice(Math.max(0, start - 24), start)),
      unit,
      measure: measureOf(sentence, start, end),
      period: periodNear(sentence, start, end, raw),
    }));
}
