/**
 * extract(): the composed extraction of one document.
 */
import type { Extraction, Quote } from '../schema.ts';
import { scanQuotes } from './quotemarks.ts';

export interface ExtractOptions {
  id?: string;
  includeText?: boolean;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const quotes: Quote[] = scanQuotes(text).map((span, i) => ({
    id: `q${i + 1}`,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    speakerId: null,
    speaker: null,
    cue: null,
    kind: 'direct',
    confidence: 0.5,
  }));
  const result: Extraction = { speakers: [], quotes, claims: [], nameFlags: [] };
  if (options.id !== undefined) result.id = options.id;
  if (options.includeText) result.text = text;
  return result;
}
