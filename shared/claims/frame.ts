/**
 * What of a sentence is asserted, before it is scored: press-release frames ahead of the content (a dated headline
 * run into the dateline, "WASHINGTON, D.C. —", "X released the following statement:") are cut off, and numbers that
 * are not figures (dates written in digits, bill and docket numbers, phone numbers) are masked, so that a date or a
 * bill number alone never makes a sentence look like a claim with a figure.
 */

// "03.07.19 Headline words Washington, DC – ": a release's date, its headline and the dateline, run together.
const DATED_HEADLINE = /^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+[^.!?“"]{0,220}?\b(?:Washington|WASHINGTON),?\s*(?:D\.?\s?C\.?)?\s*[–—-]{1,2}\s*/u;
// "WASHINGTON, D.C. — ", "(Houston, TX) — ", "Washington, DC -- ", "LONDON – ": a dateline (a place in capitals or in brackets).
const DATELINE_PREFIX =
  /^\s*(?:\(\s*[\p{Lu}][\p{L} .,'-]{1,60}\)|[\p{Lu}][\p{Lu} .'-]{2,40}(?:,\s*[\p{Lu}][\p{L}.]{1,20}(?:\s?[\p{Lu}][\p{L}.]*)?)?|Washington,\s*D\.?\s?C\.?)\s*(?:[–—]|--?)\s*/u;
// "… released the following statement on …:" / "… issued this statement:" — the statement that follows is the content.
const STATEMENT_INTRO =
  /^[^“"]{0,300}?\b(?:released|issued|made|gave|delivered|sent|provided)\s+(?:the following|this|a)\s+(?:statement|remarks|comments?)\b[^:“"]{0,200}(?::\s*|(?=[“"]))|^\s*The following (?:is|are|statement|remarks)\b[^:“"]{0,160}:\s*/u;
// "… ###", "… For more information, visit …", "To watch …, click here.": what trails the content of a release.
const TRAILER = /\s*(?:#\s?#\s?#|Copyright\s+(?:©\s*)?\d{4}|©\s*\d{4}|For (?:more|additional) information\b|To (?:watch|view|read|see)\b[^.]{0,120}\bclick here\b|Please visit\b).*$/su;

// "FOR IMMEDIATE RELEASE Thursday, January 12, 2006 ": the release's label and date.
const RELEASE_LABEL =
  /^\s*(?:for immediate release|immediate release|press release|news release)\s*[:.–—-]?\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}\s*)?/iu;

/** Where the asserted content of a sentence starts (0 when it has no press-release frame). */
export function contentStart(sentence: string): number {
  let at = 0;
  for (const re of [RELEASE_LABEL, DATED_HEADLINE, DATELINE_PREFIX, STATEMENT_INTRO]) {
    const m = re.exec(sentence.slice(at));
    if (m && m[0].length < sentence.length - at - 12) at += m[0].length;
  }
  return at;
}

/** Where the asserted content ends: before a release's trailer ("###", "For more information …"). */
export function contentEnd(sentence: string): number {
  const m = TRAILER.exec(sentence);
  return m ? m.index : sentence.length;
}

/** The asserted content of a sentence: its offsets in the sentence. */
export function contentSpan(sentence: string): { start: number; end: number } {
  const start = contentStart(sentence);
  return { start, end: Math.max(start, start + contentEnd(sentence.slice(start))) };
}

const NOT_FIGURES: Array<[RegExp, string]> = [
  // bill, resolution and docket numbers: "H.R. 1512", "H.Res.183", "S. 2012", "S.B. 4", "Public Law 111-5"
  [/\b(?:H\.\s?R\.|H\.\s?Res\.|H\.\s?J\.\s?Res\.|S\.\s?Res\.|S\.\s?B\.|A\.\s?B\.|S\.|P\.\s?L\.|Public Law|No\.)\s?\d[\d-]*\b/g, 'bill'],
  // dates in digits: "03.07.19", "1/6/2015", "2019-03-07"; and names written as two numbers: "9/11", "24/7", "the 20/20 rule"
  [/\b\d{1,2}\/\d{1,2}\b(?![./]\d)/g, 'name'],
  [/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, 'date'],
  // day of the month after a month name: "December 12th", "January 6, 2015" (the year stays: it is a period)
  [/\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:[-–]|to|and|through)\s*\d{1,2}(?:st|nd|rd|th)?)?\b/g, '$1'],
  [/\b\d{1,2}(?:st|nd|rd|th)?\s+(?=(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/g, ''],
  // ZIP codes in addresses: "Washington, D.C. 20515", "Austin, TX 78701"
  [/\b(?:D\.\s?C\.?|DC|[A-Z]{2})\s+\d{5}(?:-\d{4})?\b/g, 'zip'],
  // phone numbers and clock times
  [/\(?\b\d{3}\)?[ .-]\d{3}-\d{4}\b/g, 'phone'],
  [/\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b|\b\d{4}\s?(?:UTC|GMT|hours|hrs)\b/gi, 'time'],
  // list markers: "1) Voting Rights", ": 2) Campaign Finance"
  [/(?<=^|[\s:;])\d{1,2}\)(?=\s)/g, 'item'],
  // district codes: "(TX-26)", "(D-CA)", "MI-12"
  [/\b[A-Z]{2}-\d{1,2}\b/g, 'district'],
];

/** Where the sentence holds numbers that are not figures (dates, bill numbers, phones, times, district codes). */
export function nonFigureRanges(sentence: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  if (!/\d/.test(sentence)) return ranges;
  for (const [re] of NOT_FIGURES) for (const m of sentence.matchAll(re)) ranges.push([m.index!, m.index! + m[0].length]);
  return ranges;
}

/** The sentence with non-figure numbers replaced by a word, for scoring only (offsets are not kept). */
export function maskNonFigures(sentence: string): string {
  if (!/\d/.test(sentence)) return sentence;
  let out = sentence;
  for (const [re, word] of NOT_FIGURES) out = out.replace(re, word);
  return out;
}
