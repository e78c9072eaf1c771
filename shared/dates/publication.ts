/**
 * A document's publication date and where it came from, in order of trust: the uploader's record
 * (a JSONL field, the API's `publishedAt`, a feed item's date), the page's own metadata (HTML), a
 * dateline opening the text ("WASHINGTON, March 7, 2019 –", a date line above the story), then a press
 * release's header date ("03.07.19 Schiff Receives…", "For Immediate Release March 11, 2019").
 * A document none of them dates stays undated.
 */
import { DATE_PHRASE, NUMERIC_DATE, numericDate, parseDateValue, phraseDate } from './parse.ts';

export const DATE_SOURCES = ['record', 'html', 'dateline', 'press-header'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

export interface PublicationDate {
  publishedAt: string;
  dateSource: DateSource;
}

/** How far into the text a dateline or header date may sit. */
const HEAD_CHARS = 200;

/** Words allowed before a dateline's date: a place in capitals or title case ("WASHINGTON, D.C.", "New York"). */
const PLACE = /^\s*(?:[\p{Lu}][\p{L}.'’-]*[\s,]*){1,5}[(]?\s*$/u;
/** After a dateline's date: a dash or colon starts the story. */
const AFTER_DATELINE = /^\s*\)?\s*[-–—:|]/;
/** Labels that introduce a release's date. */
const RELEASE_LABEL = /^\s*(?:for\s+immediate\s+release|immediate\s+release|release\s+date|date)\s*[:\-–—]?\s*/i;

export function datelineDate(text: string, now = Date.now()): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const match = DATE_PHRASE.exec(head);
  if (!match) return undefined;
  const before = head.slice(0, match.index);
  const after = head.slice(match.index + match[0].length);
  // A date on a line of its own above the story (Wikinews), or a place and date before a dash.
  const dateLine = before.trim() === '' && /^[\s\u00a0]*(?:\n|$)/.test(after);
  const placeLine = before.trim() !== '' && PLACE.test(before) && AFTER_DATELINE.test(after);
  return dateLine || placeLine ? phraseDate(match, now) : undefined;
}

export function pressHeaderDate(text: string, now = Date.now()): string | undefined {
  const head = text.slice(0, HEAD_CHARS).replace(RELEASE_LABEL, '');
  const labelled = head.length < text.slice(0, HEAD_CHARS).length;
  const numeric = NUMERIC_DATE.exec(head);
  if (numeric && head.slice(0, numeric.index).trim() === '') return numericDate(numeric, now);
  const phrase = DATE_PHRASE.exec(head);
  if (labelled && phrase && head.slice(0, phrase.index).trim() === '') return phraseDate(phrase, now);
  return undefined;
}

/** The most trusted date the document has, or undefined. */
export function publicationDate(candidates: { record?: unknown; html?: unknown; text?: string }, now = Date.now()): PublicationDate | undefined {
  const found: Array<[DateSource, string | undefined]> = [
    ['record', parseDateValue(candidates.record, now)],
    ['html', parseDateValue(candidates.html, now)],
    ['dateline', candidates.text ? datelineDate(candidates.text, now) : undefined],
    ['press-header', candidates.text ? pressHeaderDate(candidates.text, now) : undefined],
  ];
  const best = found.find(([, date]) => date !== undefined);
  return best ? { publishedAt: best[1]!, dateSource: best[0] } : undefined;
}

/** How much of a plain-text document is read for its date before it is processed (a dateline sits in its opening). */
const OPENING_BYTES = 1024;

/**
 * The date a document is listed under while it waits to be read: its record's, else for plain text the date its
 * opening gives (the rules above, on the characters processing will read), else none. Listed under that month from the
 * start, most documents stay where they are when processing dates them (moving one costs two index writes).
 */
export function queuedDate(bytes: Uint8Array, metadata: { publishedAt?: unknown; contentType?: string; filename?: string }, now = Date.now()): string | undefined {
  const plainText = metadata.contentType ? /^text\/(?:plain|markdown)\b/i.test(metadata.contentType) : /\.(?:txt|md)$/i.test(metadata.filename ?? '');
  const text = plainText ? new TextDecoder().decode(bytes.subarray(0, OPENING_BYTES)) : undefined;
  return publicationDate({ record: metadata.publishedAt, text }, now)?.publishedAt;
}
