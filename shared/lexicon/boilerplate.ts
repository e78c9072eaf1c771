/** Labels of press releases and web pages that name no one: never a speaker. Folded to lower case. Data only. */
export const NOT_SPEAKERS = new Set([
  'for immediate release', 'immediate release', 'contact', 'contacts', 'media contact', 'press contact', 'contact information',
  'background', 'press release', 'news release', 'embargoed', 'share', 'tweet', 'print', 'email', 'photo', 'video', 'related',
  'editor’s note', "editor's note", 'update', 'advisory', 'media advisory', 'statement',
]);

/** A press release's header words as a name ("Immediate Release Contact", "Media Contact"): the phrase, or a phrase it ends with. */
export function isHeaderWords(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  return words.some((_, i) => NOT_SPEAKERS.has(words.slice(i).join(' ')));
}

/** Words that end the name of a law or a plan, never a speaker's: "the ATTIRE Act", "House Resolution 11". */
export const LEGISLATION_WORDS = new Set(['act', 'bill', 'resolution', 'amendment', 'treaty', 'accord', 'agreement', 'program', 'programme', 'initiative', 'law', 'code', 'convention']);

/** Capitalised labels that open a quoted line without naming a speaker. */
export const TRANSCRIPT_LABELS_NOT_NAMES = new Set(['Q', 'A', 'NOTE', 'UPDATE', 'BREAKING', 'WARNING', 'ANNOUNCER', 'CROWD', 'AUDIENCE', 'UNIDENTIFIED', 'PS']);
