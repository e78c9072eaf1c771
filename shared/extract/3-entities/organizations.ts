/**
 * The fullest name a document writes for an organisation: "State Department" → "United States Department of
 * State", "Emergencies Ministry" → "Emergency Situations Ministry". A reader names an organisation
 * the way it is introduced, as they name a person by their full name.
 */

import { isGivenName } from '../2-mentions/tagging.ts';

/** Words that join the capitalised words of one name: "Department of State", "Food and Drug Administration". */
const NAME_JOINERS = '(?:of|for|and|the|&)';
// (words on one line, so a name never runs into the next paragraph)
const CAPITALISED_RUN = new RegExp(`\\p{Lu}[\\p{L}.&'’-]*(?:[ \\t]+(?:${NAME_JOINERS}[ \\t]+)*\\p{Lu}[\\p{L}.&'’-]*)*`, 'gu');
/** A full stop after a word (not after an initial, "U.S.") ends the name: "… of State. The …". */
const SENTENCE_STOP = /(?<!\b\p{Lu})\.\s+/u;
/** Longest name considered, in words: longer runs are headlines or lists. */
const MAX_NAME_WORDS = 8;
const JOINER = new RegExp(`^${NAME_JOINERS}$`, 'i');

// (plurals folded: "Emergencies Ministry" is the "Emergency Situations Ministry")
const stem = (word: string) => word.replace(/ies$/, 'y').replace(/(?<=[^s])s$/, '');
const contentWords = (name: string) => name.toLowerCase().split(/\s+/).filter((w) => !JOINER.test(w)).map(stem);

/** A name introduced with its acronym: "Recording Industry Association of America (RIAA)". */
const INTRODUCED_ACRONYM = new RegExp(`(${CAPITALISED_RUN.source})\\s+\\((\\p{Lu}{2,8})\\)`, 'gu');

/** Do the acronym's letters spell the name's initials, joiners left out or kept ("NRB", "FDA", "DoS")? */
function spells(acronym: string, name: string): boolean {
  const words = name.split(/\s+/);
  const initials = (list: string[]) => list.map((w) => w[0]).join('').toUpperCase();
  return initials(words.filter((w) => !JOINER.test(w))) === acronym || initials(words) === acronym;
}

export class DocumentOrganizations {
  private readonly runs: string[];
  private readonly acronyms = new Map<string, string>();

  constructor(text: string) {
    for (const m of text.matchAll(INTRODUCED_ACRONYM)) {
      const name = m[1].replace(/^(?:The|A|An)\s+/, '');
      if (spells(m[2], name) && !this.acronyms.has(m[2])) this.acronyms.set(m[2], name);
    }
    const seen = new Set<string>();
    for (const m of text.matchAll(CAPITALISED_RUN)) {
      for (const part of m[0].split(SENTENCE_STOP)) {
        const run = part.replace(/[.,]$/, '').replace(/^(?:The|A|An)\s+/, ''); // a sentence's capitalised article is no part of it
        // (not a person with their organisation: "Mike Ryan of the World Health Organization", "Australia's …")
        if (run.split(/\s+/).length <= MAX_NAME_WORDS && !isGivenName(run.split(/\s+/)[0]) && !/['’]s\b/.test(run)) seen.add(run);
      }
    }
    this.runs = [...seen];
  }

  /** The name an acronym was introduced with, or the longest written name holding every word of `name` (in any order); null when none is longer. */
  fullest(name: string): string | null {
    const expanded = this.acronyms.get(name.trim());
    if (expanded) return expanded;
    const wanted = contentWords(name);
    if (wanted.length < 2) return null; // "Ford", "the party": too little to match on
    let best: string | null = null;
    for (const run of this.runs) {
      const words = new Set(contentWords(run));
      if (words.size <= wanted.length || !wanted.every((w) => words.has(w))) continue;
      if (!best || run.length > best.length) best = run;
    }
    return best;
  }
}
