/**
 * Which person of the corpus a surname alone stands for ("Trump said" in an article that never writes a given
 * name). Pure: the candidates are the corpus's people known by that surname, most documents first. The
 * evidence says why, so the match can be read back (the speakers export carries it).
 *
 * A match needs a full-name person with the surname, of no other gender than the one a title carries, and either
 * the only one left, the only one with the same title ("President Trump" → the President), or one written in at
 * least DOMINANCE times as many documents as the next. Anything less stays a speaker of its own. A name no document
 * writes elsewhere may be a variant spelling of a corpus person's (`matchVariantSpelling`).
 */
import { compareNames } from '../names/index.ts';
import { givenNameGender } from '../lexicon/given-names.ts';
import { titleGender } from '../lexicon/titles.ts';
import { normalizeName } from '../storage/keys.ts';

export interface SurnameSpeaker {
  name: string;
  title?: string;
}

export interface CorpusPerson {
  id: string;
  canonical: string;
  kind: string;
  title?: string;
  /** Documents that name the person under the looked-up surname. */
  documents: number;
}

export interface CorpusMatch {
  speakerId: string;
  canonical: string;
  confidence: number;
  /** Why, in words ("surname Trump", "title President", "41 of 44 documents"). */
  evidence: string[];
}

const DOMINANCE = 3;

const lastWord = (title: string | undefined) => normalizeName(title ?? '').split(' ').pop() ?? '';

function genderOf(person: CorpusPerson): 'male' | 'female' | undefined {
  return titleGender(person.title) ?? givenNameGender(person.canonical.split(/\s+/)[0]);
}

export function matchSurname(speaker: SurnameSpeaker, candidates: CorpusPerson[]): CorpusMatch | null {
  const surname = normalizeName(speaker.name);
  if (!surname || surname.includes(' ')) return null;
  const evidence = [`surname ${speaker.name}`];
  // (a full name ending in the surname: "Donald Trump", never "Trump" alone)
  let people = candidates.filter((c) => c.kind === 'person' && normalizeName(c.canonical).endsWith(` ${surname}`));
  const gender = titleGender(speaker.title);
  if (gender) {
    people = people.filter((c) => (genderOf(c) ?? gender) === gender);
    evidence.push(`${gender} (title ${speaker.title})`);
  }
  const title = lastWord(speaker.title);
  const sameTitle = title ? people.filter((c) => lastWord(c.title) === title) : [];
  if (sameTitle.length === 1) return match(sameTitle[0], [...evidence, `title ${speaker.title}`], 0.9);
  const pool = sameTitle.length > 1 ? sameTitle : people;
  if (pool.length === 1) return match(pool[0], [...evidence, 'the only person of that surname'], 0.8);
  const [first, second] = [...pool].sort((a, b) => b.documents - a.documents);
  if (first && second && first.documents >= DOMINANCE * second.documents) {
    return match(first, [...evidence, `${first.documents} documents against ${second.documents} for ${second.canonical}`], 0.7);
  }
  return null;
}

/**
 * Surnames short or plain enough that another person plausibly has a similar one ("Sanders" / "Saunders",
 * "Trump" / "Trumka"): across documents, only a long or compound surname is matched by its spelling.
 */
const DISTINCTIVE_LETTERS = 9;
/** The name matcher's confidence a variant spelling must reach across documents (within one, context helps it). */
const MIN_VARIANT_CONFIDENCE = 0.85;

/** Whether a name's surname is distinctive enough to be matched by its spelling across documents. */
export function distinctiveSurname(name: string): boolean {
  const surname = name.trim().split(/\s+/).pop() ?? '';
  return surname.includes('-') || surname.replace(/[^\p{L}]/gu, '').length >= DISTINCTIVE_LETTERS;
}

/**
 * Which person of the corpus a name written nowhere else stands for when it is a variant spelling of theirs
 * ("Saunders-Jandro" in one article, "Kristin Sanders-Gendreau" in others). Needs a distinctive surname, the name
 * matcher's judgement that the two are one person, and exactly one such person; the match waits for review.
 */
export function matchVariantSpelling(speaker: SurnameSpeaker, neighbours: CorpusPerson[]): CorpusMatch | null {
  if (!distinctiveSurname(speaker.name)) return null;
  const people = new Map<string, { person: CorpusPerson; reasons: string[] }>();
  for (const person of neighbours) {
    if (person.kind !== 'person' || !person.canonical.includes(' ')) continue;
    const comparison = compareNames(speaker.name, person.canonical);
    if (comparison.same && comparison.confidence >= MIN_VARIANT_CONFIDENCE) people.set(person.id, { person, reasons: comparison.reasons });
  }
  if (people.size !== 1) return null;
  const [{ person, reasons }] = people.values();
  return match(person, [`spelling ${speaker.name}`, `a variant of ${person.canonical} (${reasons.join(', ')})`, 'the only such person'], 0.6);
}

function match(person: CorpusPerson, evidence: string[], confidence: number): CorpusMatch {
  return { speakerId: person.id, canonical: person.canonical, confidence, evidence };
}
