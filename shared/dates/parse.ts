/**
 * Calendar dates as documents write them ("March 7, 2019", "7 March 2019", "03.07.19", "2019-03-07") →
 * ISO 8601 (UTC midnight for a day). A date that does not exist, or lies outside 1800 to tomorrow, is
 * no date: a wrong date is worse than none.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAY = '(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?';

/** "Friday, January 4, 2019", "Jan. 4 2019", "4 January 2019": the patterns a date phrase takes, with their groups. */
export const DATE_PHRASE = new RegExp(`${WEEKDAY}(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4}))`, 'i');

/** US numeric dates, month first: "03.07.19", "3/7/2019", "03-07-2019". */
export const NUMERIC_DATE = /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])/;

/** ISO day with an optional time: "2019-03-07", "2019-03-07T10:00:00Z". */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

const DAY_MS = 86_400_000;

/** ISO date-time of a real day (UTC midnight), or undefined. */
export function isoDay(year: number, month: number, day: number, now = Date.now()): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (year < 1800 || date.getTime() > now + DAY_MS) return undefined;
  return date.toISOString();
}

/** A two-digit year as the nearest past century: "19" → 2019, "98" → 1998. */
export function fullYear(digits: string, now = Date.now()): number {
  if (digits.length === 4) return Number(digits);
  const year = 2000 + Number(digits);
  return year > new Date(now).getUTCFullYear() + 1 ? year - 100 : year;
}

/** The date a phrase match (DATE_PHRASE) names. */
export function phraseDate(match: RegExpExecArray, now = Date.now()): string | undefined {
  const [, monthA, dayA, yearA, dayB, monthB, yearB] = match;
  const month = MONTHS[(monthA ?? monthB).toLowerCase()];
  return isoDay(Number(yearA ?? yearB), month, Number(dayA ?? dayB), now);
}

/** The date a numeric match (NUMERIC_DATE) names, month first. */
export function numericDate(match: RegExpExecArray, now = Date.now()): string | undefined {
  return isoDay(fullYear(match[4], now), Number(match[1]), Number(match[3]), now);
}

/**
 * A date value from a record field or page metadata: ISO 8601 (a time is kept, in UTC), a written date
 * or a numeric US date. Anything else is undefined, never today's date.
 */
export function parseDateValue(value: unknown, now = Date.now()): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || text.length > 100) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const day = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), now);
    if (!day || iso[4] === undefined) return day;
    if (Number(iso[4]) > 23 || Number(iso[5]) > 59 || Number(iso[6] ?? 0) > 59) return undefined;
    const time = Date.parse(iso[7] ? text : `${text}Z`);
    return Number.isNaN(time) ? day : new Date(time).toISOString();
  }
  // RFC 2822 and other forms with a time that the platform reads ("Thu, 07 Mar 2019 10:00:00 GMT").
  if (/\d{4}/.test(text) && /[a-z]{3}/i.test(text) && /\d:\d\d/.test(text)) {
    const time = Date.parse(text);
    if (!Number.isNaN(time)) {
      const date = new Date(time);
      if (isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), now)) return date.toISOString();
    }
  }
  const phrase = DATE_PHRASE.exec(text);
  if (phrase) return phraseDate(phrase, now);
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric && numeric.index === 0) return numericDate(numeric, now);
  return undefined;
}

/** The first and last day of a month written YYYY-MM, as ISO dates ("2024-02" → 2024-02-01 … 2024-02-29). */
export function monthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split('-').map(Number);
  return { from: `${month}-01`, to: new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10) };
}
