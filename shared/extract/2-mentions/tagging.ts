/**
 * compromise, used only where it pays: lexicon look-ups for given names (gender) and a parse of a
 * short speaker phrase when its kind is unclear (person or organisation). Never the whole document.
 */
import nlp from 'compromise';
import { givenNameGender as lexiconGender, isKnownGivenName } from '../../lexicon/given-names.ts';
import { isPlaceName } from '../../lexicon/places.ts';
import { ORG_SUFFIXES } from '../../lexicon/organizations.ts';

// Roles and honorifics compromise does not know as such.
nlp.plugin({
  words: {
    spokesperson: 'Actor',
    spokeswoman: 'Actor',
    spokesman: 'Actor',
    pediatrician: 'Actor',
    obstetrician: 'Actor',
    epidemiologist: 'Actor',
    clinician: 'Actor',
  },
});

type Lexicon = Record<string, string | string[]>;
const lexicon: Lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Lexicon } } } }).world().model.one.lexicon;

function tagsOf(word: string): string[] {
  const tag = lexicon[word.toLowerCase()];
  if (!tag) return [];
  return Array.isArray(tag) ? tag : [tag];
}

/**
 * Gender of a given name ("Kristin" → female): compromise's lexicon, else the fuller given-name table of
 * shared/lexicon ("Bill" → male), never for a place that is also a name ("Georgia").
 */
export function givenNameGender(given: string): 'male' | 'female' | undefined {
  const tags = tagsOf(given);
  if (tags.includes('FemaleName')) return 'female';
  if (tags.includes('MaleName')) return 'male';
  return isPlaceName(given) ? undefined : lexiconGender(given);
}

/** A known given name (any gender), by compromise's lexicon or the given-name table; places excluded. */
export function isGivenName(word: string): boolean {
  const tags = tagsOf(word);
  if (tags.includes('FemaleName') || tags.includes('MaleName') || tags.includes('FirstName')) return true;
  return /^\p{Lu}\p{Ll}/u.test(word) && isKnownGivenName(word) && !isPlaceName(word) && !tags.length;
}

/** A word compromise knows as an ordinary word, not a name ("Research", "Education"). */
export function isDictionaryWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => /Name$|^Person$|^Place$|^Organization$/.test(t));
}

const kindCache = new Map<string, 'person' | 'organization' | 'place' | 'unknown'>();

/** Person, organisation or place, from one compromise parse of the (short) name; cached. */
export function nameKind(name: string): 'person' | 'organization' | 'place' | 'unknown' {
  const cached = kindCache.get(name);
  if (cached) return cached;
  let kind: 'person' | 'organization' | 'place' | 'unknown' = 'unknown';
  const words = name.split(/\s+/);
  // "Melinda Gates Foundation", "Ben Franklin Technology Partners": named after a person, but an organisation
  if (words.length >= 2 && ORG_SUFFIXES.has(words[words.length - 1])) kind = 'organization';
  else if (words.length >= 2 && isGivenName(words[0])) kind = 'person';
  else {
    const doc = nlp(name);
    if (doc.has('#Organization')) kind = 'organization';
    else if (doc.has('#Person')) kind = 'person';
    else if (doc.has('#Place')) kind = 'place';
  }
  if (kindCache.size > 5000) kindCache.clear();
  kindCache.set(name, kind);
  return kind;
}
