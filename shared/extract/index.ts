/**
 * extract(): the composed extraction of one document. Everything here is scan- or regex-based over
 * the whole text; compromise only sees short speaker phrases (see ./tagging.ts).
 */
import type { Extraction, Quote, Speaker } from '../schema.ts';
import { findDirectQuotes } from './direct.ts';
import { splitParagraphs } from './quotemarks.ts';
import { SpeakerRegistry, type SpeakerEntry } from './speakers.ts';

export interface ExtractOptions {
  id?: string;
  includeText?: boolean;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  const paragraphs = splitParagraphs(text);
  const registry = new SpeakerRegistry(text);
  const direct = findDirectQuotes(text, registry, paragraphs).filter((q) => !q.fragment);
  registry.collectMentions();

  const ids = new Map<SpeakerEntry, string>();
  const speakers: Speaker[] = registry.entries
    .slice()
    .sort((a, b) => a.order - b.order)
    .map((entry, i) => {
      const id = `s${i + 1}`;
      ids.set(entry, id);
      const speaker: Speaker = { id, name: entry.name, kind: entry.kind, mentions: entry.mentions, variants: [entry.name] };
      if (entry.title) speaker.title = entry.title;
      if (entry.role) speaker.role = entry.role;
      if (entry.organization) speaker.organization = entry.organization;
      return speaker;
    });

  const quotes: Quote[] = direct.map((q, i) => ({
    id: `q${i + 1}`,
    start: q.start,
    end: q.end,
    text: text.slice(q.start, q.end),
    speakerId: q.speaker ? (ids.get(q.speaker) ?? null) : null,
    speaker: q.speaker ? q.speaker.name : null,
    cue: q.cue,
    kind: 'direct',
    confidence: q.confidence,
  }));
  const result: Extraction = { speakers, quotes, claims: [], nameFlags: [] };
  if (options.id !== undefined) result.id = options.id;
  if (options.includeText) result.text = text;
  return result;
}
