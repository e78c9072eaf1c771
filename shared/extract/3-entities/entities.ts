/**
 * The people a document names, found in one pass over the whole text (not only near quotes), so a
 * speaker attributed as "Blumenauer" or "Wanda Vázquez" can be given the fullest form of their name
 * that the document writes anywhere ("Earl Blumenauer", "Wanda Vázquez Garced"), and a press release's
 * issuing member is known before its first quote.
 */
import { isTitle, readNameForward, titleGender, tokenize, isOrgWord, type Token } from '../2-mentions/speaker-phrase.ts';
import { givenNameGender, isDictionaryWord, isGivenName } from '../2-mentions/tagging.ts';
import { isDemonym, isPlaceName } from '../../lexicon/places.ts';
import { NOT_NAME } from '../../lexicon/function-words.ts';

export interface PersonName {
  /** The name as written, without title. */
  name: string;
  start: number;
  end: number;
  title?: string;
  gender?: 'male' | 'female';
  /** Folded name words, suffixes and nicknames dropped: the keys names are matched on. */
  words: string[];
}

/** Titles that make the person named after them a legislator issuing a release. */
const MEMBER_TITLE = /^(?:Congressman|Congresswoman|Rep\.|Representative|Senator|Sen\.|Delegate|Resident Commissioner)$/;
/** "(WA-09)", "(D-FL)", "(R-Texas)", "(GA-02)": a member's district or party and state. */
const MEMBER_TAG = /^\s*\((?:[DRI]-[A-Z][\p{L}.]*|[A-Z]{2}-\d{1,2}|[A-Z][a-z]+-\d{1,2}|[DRI]-[A-Z]{2}-\d{1,2})\)/u;
const ISSUED_STATEMENT = /^(?:\s*\([^)]{0,20}\))?,?\s+(?:today\s+)?(?:issued|released|made|gave|delivered)\s+(?:the\s+following|a|this)\s+statement/;
const SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;

/** Lower-cased, accent-free words of a name; suffixes ("Jr.", "II") and quoted nicknames dropped. */
export function nameWords(name: string): string[] {
  return name
    .replace(/[“"‘][^”"’]*[”"’]/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’]+/u)
    .map((w) => w.replace(/['’]s?$/, ''))
    .filter((w) => w && !SUFFIX.test(w));
}

/**
 * A run up to its first possessive ("Barack Obama's plan" → "Barack Obama's"); a possessive repeating a
 * word of the run starts something else ("Dutch Ruppersberger Dutch's team" → "Dutch Ruppersberger").
 */
function ownerName(run: Token[]): Token[] {
  const at = run.findIndex((t) => /['’]s?$/.test(t.text));
  if (at < 0) return run;
  const word = run[at].text.replace(/['’]s?$/, '');
  return run.slice(0, run.slice(0, at).some((t) => t.text === word) ? at : at + 1);
}

/** A headline in title case ("Glenn Beck Blasts Drudge"): its capitalised runs are not names. */
function inTitleCaseLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  if (to - from > 200) return false;
  const words = text.slice(from, to).match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length >= 0.75;
}

/** A run of three or more words that fills a quotation ("“Barack Obama Election Day,”") is a title, not a person. */
function isQuotedTitle(text: string, start: number, end: number, words: number): boolean {
  return words >= 3 && /["“‘']$/.test(text.slice(Math.max(0, start - 1), start)) && /^[,.]?["”’']/.test(text.slice(end, end + 2));
}

// ("according to X" names a source: not an object)
/** Kinds of organisation a definite description may name ("the party"). */
const ORGANIZATION_KINDS = new Set(['party', 'court', 'ministry', 'company', 'agency', 'union', 'council', 'committee', 'commission', 'department', 'university', 'foundation', 'association', 'league', 'club', 'bank', 'church', 'embassy', 'palace']);

/** Abbreviated titles and their office. */
const OFFICE_OF: Record<string, string> = { sen: 'senator', rep: 'representative', gov: 'governor', pres: 'president', sec: 'secretary', gen: 'general', congresswoman: 'representative', congressman: 'representative' };
/** Words that make a different office of the same head: a prime minister is not any minister. */
const TITLE_QUALIFIERS = new Set(['prime', 'vice', 'deputy', 'foreign', 'chief', 'attorney', 'lieutenant', 'assistant']);

const NICKNAMED = /\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)*\s+[“"]\p{Lu}[\p{L}'’-]+[”"]\s+\p{Lu}[\p{L}'’-]+/gu;

/** ", 20," after a name: news gives people's ages, not organisations'. */
const AGE_APPOSITION = /^,\s*\d{1,3}\s*,/;

const PREPOSITION_BEFORE = /\b(?<!according )(?:to|with|by|from|of|for|at|against|on|about)\s+(?:[A-Z][\p{L}.]*\s+){0,3}$/u;

/** One person among the written names: its distinct forms, where they are written, its fullest form. */
interface Person {
  forms: PersonName[];
  starts: number[];
  longest: PersonName;
}

export class DocumentPeople {
  readonly names: PersonName[] = [];

  constructor(private readonly text: string) {
    const tokens = tokenize(text, 0, text.length);
    for (let i = 0; i < tokens.length; i++) {
      const run = readNameForward(tokens, i);
      if (!run) continue;
      i = Math.max(i, run.to - 1);
      const words = ownerName(tokens.slice(run.from, run.to));
      if (!words.length || words.some((t) => isOrgWord(t.text))) continue;
      // the title as written before the name, qualifiers included: "Prime Minister", "U.S. Representative"
      const titleTokens = tokens.slice(run.titleFrom, run.from);
      const title = titleTokens.some((t) => isTitle(t.text)) ? text.slice(titleTokens[0].start, titleTokens[titleTokens.length - 1].end) : undefined;
      const start = words[0].start;
      const last = words[words.length - 1];
      const end = last.end - (/['’]s?$/.test(last.text) ? last.text.length - last.text.replace(/['’]s?$/, '').length : 0);
      // only runs known to be people: a title before them, a known given name first, or an age after a
      // full name ("Sudesh Amman, 20,")
      const aged = words.length >= 2 && AGE_APPOSITION.test(text.slice(end, end + 8));
      if (!title && !aged && !(words.length >= 2 && isGivenName(words[0].text))) continue;
      const name = text.slice(start, end);
      const folded = nameWords(name);
      if (!folded.length || folded.length > 4 || /\n/.test(name) || inTitleCaseLine(text, start) || isPlaceName(name) || isQuotedTitle(text, start, end, folded.length)) continue;
      this.names.push({ name, start, end, title, gender: titleGender(title) ?? givenNameGender(words[0].text), words: folded });
    }
    this.addNicknamedNames();
    this.addSurnameMentions(tokens);
  }

  /** "Earl L. “Buddy” Carter": a quoted nickname inside a name breaks the token run; read it as one name. */
  private addNicknamedNames(): void {
    const added: PersonName[] = [];
    for (const m of this.text.matchAll(NICKNAMED)) {
      const first = m[0].split(/\s+/)[0];
      if (NOT_NAME.has(first) || isTitle(first) || isPlaceName(first)) continue;
      const start = m.index ?? 0;
      added.push({ name: m[0], start, end: start + m[0].length, gender: givenNameGender(first), words: nameWords(m[0]) });
    }
    if (added.length) this.names.push(...added), this.names.sort((a, b) => a.start - b.start);
  }

  /**
   * For a surname the document never writes with a known given name or title ("Qandeel Baloch made
   * videos"), a capitalised word right before it that is no ordinary word, title, place or nationality.
   */
  private firstNameBefore(surname: string): string | null {
    const cached = this.firstNames.get(surname);
    if (cached !== undefined) return cached;
    const found = this.scanFirstNameBefore(surname);
    this.firstNames.set(surname, found);
    return found;
  }

  private readonly firstNames = new Map<string, string | null>();

  private scanFirstNameBefore(surname: string): string | null {
    const re = new RegExp(`(?<![\\p{L}])(\\p{Lu}\\p{Ll}+)\\s+${escapeRegExp(surname)}(?![\\p{L}])`, 'gu');
    for (const m of this.text.matchAll(re)) {
      const given = m[1];
      if (NOT_NAME.has(given) || isTitle(given) || isOrgWord(given) || isPlaceName(given) || isDemonym(given) || isDictionaryWord(given)) continue;
      return `${given} ${surname}`;
    }
    return null;
  }

  /**
   * "according to Kidston": a lone capitalised word that is the surname of exactly one person named in
   * full is a mention of them, so recency and salience see it.
   */
  private addSurnameMentions(tokens: Token[]): void {
    const bySurname = new Map<string, PersonName | null>();
    for (const n of this.names) {
      if (n.words.length < 2) continue;
      const surname = n.words[n.words.length - 1];
      const known = bySurname.get(surname);
      if (known === undefined) bySurname.set(surname, n);
      else if (known && !(known.words.every((w) => n.words.includes(w)) || n.words.every((w) => known.words.includes(w)))) bySurname.set(surname, null);
    }
    const added: PersonName[] = [];
    let covering = 0; // names are sorted: the next name that may cover a token
    tokens.forEach((t, i) => {
      while (covering < this.names.length && this.names[covering].end <= t.start) covering++;
      if (covering < this.names.length && this.names[covering].start <= t.start) return;
      if (!/^\p{Lu}/u.test(t.text)) return;
      const word = nameWords(t.text)[0];
      const person = word ? bySurname.get(word) : undefined;
      if (!person) return;
      const neighbour = (k: number) => k >= 0 && k < tokens.length && /^\p{Lu}/u.test(tokens[k].text) && !/[.!?]$/.test(tokens[k].text) && !isTitle(tokens[k].text);
      if (neighbour(i - 1) || neighbour(i + 1)) return; // part of another name: "Chelsea Clinton"
      const end = t.start + t.text.replace(/['’]s?$/, '').length;
      added.push({ name: this.text.slice(t.start, end), start: t.start, end, gender: person.gender, words: [word] });
    });
    if (added.length) this.names.push(...added), this.names.sort((a, b) => a.start - b.start);
  }

  /** Names holding every word of `words`, looked up through the rarest word (so lookups stay cheap on long texts). */
  private holding(words: string[]): PersonName[] {
    let rarest: PersonName[] | undefined;
    for (const w of words) {
      const list = this.byWordOf(w);
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((n) => words.every((w) => n.words.includes(w)));
  }

  /** The names holding `word`, through an index built on first use (after all names are known). */
  private byWordOf(word: string): PersonName[] {
    if (!this.byWord) {
      this.byWord = new Map();
      for (const n of this.names) for (const w of new Set(n.words)) (this.byWord.get(w) ?? this.byWord.set(w, []).get(w)!).push(n);
    }
    return this.byWord.get(word) ?? [];
  }

  private byWord: Map<string, PersonName[]> | null = null;

  /**
   * The fullest way the document writes the person called `name` near `at`: among the written names
   * holding every word of `name`, the longest; when they are different people (Donald and Melania
   * Trump), the one written last before `at` (else first after it), of a gender that fits.
   */
  fullest(name: string, at: number, gender?: 'male' | 'female'): string | null {
    const wanted = nameWords(name);
    if (!wanted.length) return null;
    const fitting = gender ?? this.titledGender(wanted);
    const people = this.peopleHolding(wanted, fitting);
    if (!people.length) {
      // a surname the document writes with given names only of the other gender ("Mr. Obama", "Michelle Obama") stays as it is
      if (fitting && this.peopleHolding(wanted).length) return null;
      return wanted.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(name) ? this.firstNameBefore(name) : null;
    }
    let chosen = people[0];
    if (people.length > 1) {
      // several people: the one written last before `at` (binary search in each one's sorted starts)
      const lastBefore = (p: Person) => {
        let lo = 0;
        let hi = p.starts.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (p.starts[mid] <= at) lo = mid + 1;
          else hi = mid;
        }
        return lo > 0 ? p.starts[lo - 1] : -1;
      };
      chosen = people.reduce((a, b) => (lastBefore(b) > lastBefore(a) ? b : a));
      if (lastBefore(chosen) < 0) return null; // several people and none introduced before: ambiguous
    }
    return chosen.longest.name;
  }

  /**
   * The gender the document's titles give the name as written alone ("Mr. Obama" → male), when they all
   * agree; a document writing both "Mr. Trump" and "Mrs. Trump" gives none.
   */
  private titledGender(wanted: string[]): 'male' | 'female' | undefined {
    const key = wanted.join(' ');
    if (this.titledGenders.has(key)) return this.titledGenders.get(key);
    const genders = new Set(this.holding(wanted).filter((n) => n.words.length === wanted.length).map((n) => titleGender(n.title)).filter(Boolean));
    const gender = genders.size === 1 ? [...genders][0] : undefined;
    this.titledGenders.set(key, gender);
    return gender;
  }

  private readonly titledGenders = new Map<string, 'male' | 'female' | undefined>();

  /** The people whose written names hold `wanted` and more, each with its longest form; cached per name. */
  private peopleHolding(wanted: string[], gender?: 'male' | 'female'): Person[] {
    const key = `${wanted.join(' ')}|${gender ?? ''}`;
    const cached = this.peopleCache.get(key);
    if (cached) return cached;
    const fits = this.holding(wanted).filter((n) => n.words.length > wanted.length && (!gender || !n.gender || n.gender === gender));
    // two forms are one person when one's words hold the other's
    const people: Person[] = [];
    for (const n of fits) {
      const same = people.find((p) => p.forms.some((m) => m.words.every((w) => n.words.includes(w)) || n.words.every((w) => m.words.includes(w))));
      if (same) {
        if (!same.forms.some((m) => m.name === n.name)) same.forms.push(n);
        same.starts.push(n.start);
        if (n.words.length > same.longest.words.length) same.longest = n;
      } else people.push({ forms: [n], starts: [n.start], longest: n });
    }
    this.peopleCache.set(key, people);
    return people;
  }

  private readonly peopleCache = new Map<string, Person[]>();
  private readonly counts = new Map<string, number>();

  /**
   * The one person a definite description names by their title: "the prime minister" → the only
   * "Prime Minister X" in the document, "the senator" → the only "Sen. X". Null when none or several fit.
   */
  describedBy(description: string): PersonName | null {
    const written = description.split(/\s+/);
    // a title kept without its article ("“…,” the Congressman said" → "Congressman") describes as "the congressman"
    if (written[0].toLowerCase() !== 'the' && written.length <= 2 && isTitle(written[written.length - 1])) written.unshift('the');
    const words = written.map((w) => w.toLowerCase());
    if (words[0] !== 'the' || words.length < 2 || words.length > 4) return null;
    const head = OFFICE_OF[words[words.length - 1]] ?? words[words.length - 1];
    const qualifiers = words.slice(1, -1);
    const fits = new Map<string, PersonName>();
    for (const n of this.names) {
      if (!n.title || n.words.length < 2) continue;
      const titleWords = n.title.toLowerCase().replace(/\./g, '').split(/\s+/).map((w) => OFFICE_OF[w] ?? w);
      if (titleWords[titleWords.length - 1] !== head) continue;
      // "the prime minister" needs "Prime Minister"; "the French president" is any president
      if (qualifiers.some((q) => TITLE_QUALIFIERS.has(q) && !titleWords.includes(q))) continue;
      const full = this.fullest(n.name, n.start) ?? n.name;
      fits.set(nameWords(full).join(' '), { ...n, name: full });
    }
    return fits.size === 1 ? [...fits.values()][0] : null;
  }

  /**
   * The one organisation a definite description names by its kind: "the party" → "Thai Raksa Chart Party",
   * "the court" → "Court of Session". Null when the document writes none or several.
   */
  organizationDescribedBy(description: string): { name: string; start: number; end: number } | null {
    const words = description.toLowerCase().split(/\s+/);
    if (words[0] !== 'the' || words.length !== 2 || !ORGANIZATION_KINDS.has(words[1])) return null;
    const head = words[1][0].toUpperCase() + words[1].slice(1);
    const re = new RegExp(`(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,4}${head}(?:\\s+(?:of|for)(?:\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*){1,4})?`, 'gu');
    const found = new Map<string, { name: string; start: number; end: number }>();
    for (const m of this.text.matchAll(re)) {
      const name = m[0].replace(/^(?:The|A|An|In|On|At|By|For|And|But)\s+/, '');
      if (name === head || /\n/.test(name)) continue;
      const start = (m.index ?? 0) + m[0].length - name.length;
      found.set(name.toLowerCase(), { name, start, end: start + name.length });
    }
    return found.size === 1 ? [...found.values()][0] : null;
  }

  /** "Speaking to Martin Smith of PBS, he said": a name after a preposition is rarely the subject. */
  afterPreposition(n: PersonName): boolean {
    return PREPOSITION_BEFORE.test(this.text.slice(Math.max(0, n.start - 24), n.start));
  }

  /** Names written in [from, to), in order. */
  namesBetween(from: number, to: number): PersonName[] {
    let lo = 0;
    let hi = this.names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.names[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: PersonName[] = [];
    for (let i = lo; i < this.names.length && this.names[i].end <= to; i++) out.push(this.names[i]);
    return out;
  }

  /** How often the document names the person called `name` (any written form holding its words). */
  count(name: string): number {
    const wanted = nameWords(name);
    if (!wanted.length) return 0;
    // the written forms are subsets of the name: "Kidston" and "Jarrod Kidston" for "Jarrod Kidston"
    const key = wanted.join(' ');
    let n = this.counts.get(key);
    if (n === undefined) {
      n = 0;
      for (const m of this.byWordOf(wanted[wanted.length - 1])) if (m.words.every((w) => wanted.includes(w))) n++;
      this.counts.set(key, n);
    }
    return n;
  }

  /**
   * The member issuing a press release, named in its opening: after a member title ("Congressman X"),
   * before a district or party tag ("X (WA-09)", "X (D-FL)"), or as the subject of "issued the following
   * statement".
   */
  issuer(openingChars = 600): PersonName | null {
    const member = this.names.find((n) => {
      if (n.start >= openingChars) return false;
      if (n.title !== undefined && MEMBER_TITLE.test(n.title.split(/\s+/).pop() ?? '')) return true;
      const after = this.text.slice(n.end, n.end + 60);
      return MEMBER_TAG.test(after) || ISSUED_STATEMENT.test(after);
    });
    // by their fullest name: "Congressman Harold “Hal” Rogers (KY-05)" is not "Harold"
    return member ? { ...member, name: this.fullest(member.name, member.start) ?? member.name } : null;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
