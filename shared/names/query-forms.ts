/**
 * The forms a speaker name typed into a search is looked up under, most literal first: as typed; without
 * titles and suffixes ("Dr. Sanders-Gendreau" → "Sanders-Gendreau", "President Trump" → "Trump"); and
 * without middle initials ("Donald J. Trump" → "Donald Trump"). Searching only: a document's speakers are
 * matched to the corpus by the names they are written with, so "George H. W. Bush" never joins "George W. Bush".
 */
import { stripTitles } from './normalize.ts';

const INITIAL = /^\p{L}\.?$/u;

export function speakerNameForms(query: string): string[] {
  const plain = stripTitles(query) || query;
  const words = plain.split(/\s+/).filter(Boolean);
  const named = words.filter((word, i) => i === 0 || i === words.length - 1 || !INITIAL.test(word));
  return [...new Set([query.trim(), plain, named.join(' ')].filter(Boolean))];
}

/** "President Trump" → the surname with its title ({ name: "Trump", title: "President" }); null for anything else. */
export function titledSurname(query: string): { name: string; title: string } | null {
  const trimmed = query.trim().replace(/\s+/g, ' ');
  const plain = stripTitles(trimmed);
  if (!plain || plain === trimmed || plain.includes(' ') || !trimmed.endsWith(plain)) return null;
  return { name: plain, title: trimmed.slice(0, trimmed.length - plain.length).trim() };
}
