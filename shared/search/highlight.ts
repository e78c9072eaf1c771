/**
 * `ts_headline` marks matches inside the whole quote with two private-use characters; this cuts
 * the marked text into segments `{ text, match }` for the page to render (matches in <mark>, as
 * text, never as HTML). When the marked text does not spell the quote (a quote holding the marker
 * characters itself), the quote comes back as one unmatched segment.
 */
export interface Segment {
  text: string;
  match: boolean;
}

export function segmentsOf(text: string, marked: string, start: string, end: string): Segment[] {
  const segments: Segment[] = [];
  let match = false;
  let current = '';
  for (const char of marked) {
    if (char === start || char === end) {
      if (current) segments.push({ text: current, match });
      current = '';
      match = char === start;
      continue;
    }
    current += char;
  }
  if (current) segments.push({ text: current, match });
  return segments.map((s) => s.text).join('') === text ? segments : [{ text, match: false }];
}
