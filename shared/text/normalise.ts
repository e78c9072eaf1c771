/** Small text normalisers shared by the converters and the feed reader (no parser behind them). */

/** Trims each line, collapses runs of spaces and blank lines, normalises to NFC. */
export function tidyText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}

/** ISO 8601 when the value parses as a date, else undefined. */
export function normaliseDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
