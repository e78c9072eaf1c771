import { describe, expect, it } from 'vitest';
import { scanQuotes } from '#shared/extract/1-tokens/quotemarks.ts';

const spans = (text: string) => scanQuotes(text).map((s) => text.slice(s.start, s.end));

describe('scanQuotes', () => {
  it('finds curly, straight and guillemet quotes', () => {
    const text = '“Curly one,” she said. "Straight one," he said. «Guillemets here» they wrote.';
    expect(spans(text)).toEqual(['“Curly one,”', '"Straight one,"', '«Guillemets here»']);
  });

  it('returns only the outer span of nested quotes', () => {
    const text = '“He told me ‘stay home’ and I did,” Ames said.';
    expect(spans(text)).toEqual(['“He told me ‘stay home’ and I did,”']);
  });

  it('does not take apostrophes for single quotes', () => {
    const text = "The farmers’ union didn’t agree, and O'Neill's plan from the ’90s stalled.";
    expect(spans(text)).toEqual([]);
  });

  it('finds single-quoted spans when they are balanced', () => {
    const text = "Headline: Mayor says ‘we will rebuild’ after the flood";
    expect(spans(text)).toEqual(['‘we will rebuild’']);
  });

  it('treats doubled apostrophes as one straight double mark', () => {
    const text = "''It is not over,'' the coach said.";
    const [span] = scanQuotes(text);
    expect(text.slice(span.start, span.end)).toBe("''It is not over,''");
    expect(text.slice(span.innerStart, span.innerEnd)).toBe('It is not over,');
  });

  it('recovers from an unbalanced mark at the paragraph end', () => {
    const text = 'He said “this never closes.\n\nA new paragraph with “a real quote,” she said.\n\n“Another,” they said.';
    const found = spans(text);
    expect(found).toContain('“a real quote,”');
    expect(found).toContain('“Another,”');
    const unclosed = scanQuotes(text)[0];
    expect(unclosed.closed).toBe(false);
    expect(text.slice(unclosed.start, unclosed.end)).toBe('“this never closes.');
  });

  it('continues a quote into the next paragraph that opens with a quote mark', () => {
    const text = '“First paragraph of the speech.\n\n“Second paragraph of the speech,” Ames said.';
    const [span, ...rest] = scanQuotes(text);
    expect(rest).toEqual([]);
    expect(span.paragraphs).toBe(2);
    expect(text.slice(span.start, span.end)).toBe(text.slice(0, text.indexOf(' Ames')));
  });

  it('restarts at a second opening mark when the first was never closed', () => {
    const text = '“Unclosed start “Proper quote,” Ames said.';
    expect(spans(text)).toEqual(['“Unclosed start', '“Proper quote,”']);
  });

  it('skips a quote nested in the same marks: a title mid-sentence, a straight pair inside curly marks', () => {
    const text =
      '“I welcome the end of the misguided “Keep It Quiet” rule and what it did to our sailors. “For twelve years, "Keep It Quiet" has cost the navy good people.”';
    expect(spans(text)).toEqual([
      '“I welcome the end of the misguided “Keep It Quiet” rule and what it did to our sailors.',
      '“For twelve years, "Keep It Quiet" has cost the navy good people.”',
    ]);
  });

  it('opens a straight mark glued to the sentence before it', () => {
    const text = 'The mill employs nine hundred people in the county"We are proud of every one of them," Rep. Ilse Marr said.';
    expect(spans(text)).toEqual(['"We are proud of every one of them,"']);
  });

  it('handles text without quotes and whitespace-only text', () => {
    expect(scanQuotes('Nothing quoted here.')).toEqual([]);
    expect(scanQuotes('   \n\n\t ')).toEqual([]);
    expect(scanQuotes('')).toEqual([]);
  });
});
