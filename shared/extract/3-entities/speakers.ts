/**
 * The speakers of one document: turns speaker phrases as written ("she", "Roe", "Dr. Jane Roe",
 * "an agency spokesperson") into speaker entries, resolving pronouns and surname-only references to
 * the full speaker they refer to. Spelling variants are merged later by the names clustering.
 */
import type { Mention, SpeakerKind } from '../../schema.ts';
import type { SpeakerPhrase } from '../2-mentions/speaker-phrase.ts';
import { tokenize } from '../1-tokens/tokens.ts';
import { titleGender, isCapitalisedWord, isDescriptionOfRole, isNationality, isOrgWord, isRoleWord, isTitle } from '../2-mentions/speaker-phrase.ts';
import { givenNameGender, isDictionaryWord, nameKind } from '../2-mentions/tagging.ts';
import type { DocumentPeople, PersonName } from './entities.ts';
import { DocumentOrganizations } from './organizations.ts';
import { LEGISLATION_WORDS, isHeaderWords } from '../../lexicon/boilerplate.ts';
import { isKnownGivenName } from '../../lexicon/given-names.ts';
import { isPlaceName } from '../../lexicon/places.ts';
import { cleanName } from '../../names/normalize.ts';

export interface SpeakerEntry {
  key: string;
  name: string;
  kind: SpeakerKind;
  title?: string;
  role?: string;
  organization?: string;
  gender?: 'male' | 'female';
  /** A joint speaker: the people it names ("Robert Dold and Larry Bucshon"). */
  members?: SpeakerEntry[];
  /** Offset of the first mention. */
  order: number;
  /** Mentions of the name as written (including short references). */
  mentions: Mention[];
}

const norm = (s: string) => s.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
const lastToken = (s: string) => norm(s).split(' ').pop() ?? '';


/** People who speak together, as a reader names them: "A and B", "A, B and C". */
const jointName = (names: string[]) => (names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(' and '));

/** An article (and a number or adjective) right before a word: "the Congressman", "the six Members". */
const ARTICLE_BEFORE = /\b(?:the|a|an)\s+(?:[a-z]+\s+)?$/i;


export class SpeakerRegistry {
  readonly entries: SpeakerEntry[] = [];
  private readonly byName = new Map<string, SpeakerEntry>();
  /** Speakers in the order they were attributed (for pronoun resolution). */
  private readonly history: Array<{ at: number; entry: SpeakerEntry }> = [];

  /** Quote spans (sorted, non-overlapping): names inside them are not antecedents of a pronoun. */
  private quoted: Array<{ start: number; end: number }> = [];

  /** The document's organisation names, read only when an organisation speaks. */
  private organizations?: DocumentOrganizations;

  constructor(
    private readonly text: string,
    private readonly people: DocumentPeople,
  ) {}

  setQuoted(spans: Array<{ start: number; end: number }>): void {
    this.quoted = spans;
  }

  insideQuote(offset: number): boolean {
    let lo = 0;
    let hi = this.quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.quoted[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.quoted.length && this.quoted[lo].start <= offset;
  }

  private add(entry: SpeakerEntry): SpeakerEntry {
    this.entries.push(entry);
    this.byName.set(`${entry.kind}:${norm(entry.name)}`, entry);
    return entry;
  }

  private readonly mentionStarts = new Map<SpeakerEntry, Set<number>>();

  private addMention(entry: SpeakerEntry, start: number, end: number): void {
    let starts = this.mentionStarts.get(entry);
    if (!starts) this.mentionStarts.set(entry, (starts = new Set()));
    if (starts.has(start)) return;
    starts.add(start);
    entry.mentions.push({ start, end, text: this.text.slice(start, end) });
    if (start < entry.order) entry.order = start;
  }

  /** Records that `entry` spoke at offset `at` (for later pronoun resolution). */
  spoke(entry: SpeakerEntry, at: number): void {
    this.history.push({ at, entry });
  }

  /** The most recent speaker before `at` that fits a pronoun. */
  lastSpeaker(at: number, fits: (e: SpeakerEntry) => boolean = () => true): SpeakerEntry | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i];
      if (h.at <= at && fits(h.entry)) return h.entry;
    }
    return null;
  }

  /**
   * Gives each person entry the fullest form of its name the document writes ("Blumenauer" →
   * "Earl Blumenauer"; "State Department" → "United States Department of State"); an entry whose fullest form is another entry's name is merged into it.
   * Returns entry → the entry it became.
   */
  adoptFullNames(people: DocumentPeople): Map<SpeakerEntry, SpeakerEntry> {
    const became = new Map<SpeakerEntry, SpeakerEntry>();
    for (const entry of [...this.entries]) {
      if ((entry.kind !== 'person' && entry.kind !== 'organization') || entry.members) continue;
      const full = entry.kind === 'person' ? people.fullest(entry.name, entry.order, entry.gender) : (this.organizations ??= new DocumentOrganizations(this.text)).fullest(entry.name);
      if (!full || full === entry.name) continue;
      const key = `${entry.kind}:${norm(full)}`;
      const existing = this.byName.get(key);
      if (existing && existing !== entry) {
        for (const m of entry.mentions) this.addMention(existing, m.start, m.end);
        existing.title ??= entry.title;
        existing.role ??= entry.role;
        existing.organization ??= entry.organization;
        existing.gender ??= entry.gender;
        this.entries.splice(this.entries.indexOf(entry), 1);
        this.byName.delete(entry.key);
        became.set(entry, existing);
        for (const h of this.history) if (h.entry === entry) h.entry = existing;
      } else {
        this.byName.delete(entry.key);
        entry.name = full;
        entry.key = key;
        this.byName.set(key, entry);
        if (entry.kind === 'person') entry.gender ??= givenNameGender(full.split(/\s+/)[0]);
      }
    }
    for (const entry of this.entries) {
      if (entry.members) entry.name = jointName(entry.members.map((m) => became.get(m)?.name ?? m.name));
    }
    return became;
  }

  /**
   * Gives a definite description the person it names ("the prime minister" → Boris Johnson) when the
   * document has exactly one person with that title. Returns entry → the entry it became.
   */
  resolveDescriptions(people: DocumentPeople): Map<SpeakerEntry, SpeakerEntry> {
    const became = new Map<SpeakerEntry, SpeakerEntry>();
    for (const entry of [...this.entries]) {
      if (entry.kind !== 'role') continue;
      const organization = people.organizationDescribedBy(entry.name);
      if (organization) {
        const target = this.simple({ kind: 'organization', start: organization.start, end: organization.end, name: organization.name, nameStart: organization.start, nameEnd: organization.end }, 'organization');
        this.fold(entry, target, became);
        continue;
      }
      const person = people.describedBy(entry.name);
      if (!person) continue;
      const target = this.resolvePerson({ kind: 'person', start: person.start, end: person.end, name: person.name, nameStart: person.start, nameEnd: person.end, title: person.title });
      target.role ??= entry.role ?? entry.name.replace(/^the\s+/i, '');
      this.fold(entry, target, became);
    }
    return became;
  }

  /** Merges a description's entry into the entry it names. */
  private fold(entry: SpeakerEntry, target: SpeakerEntry, became: Map<SpeakerEntry, SpeakerEntry>): void {
    for (const m of entry.mentions) this.addMention(target, m.start, m.end);
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.byName.delete(entry.key);
    for (const h of this.history) if (h.entry === entry) h.entry = target;
    became.set(entry, target);
  }

  /** Resolves a phrase to a speaker entry (creating it when new); null when it cannot be resolved. */
  /** A nationality that utters nothing ("Syrian state media"), unless it is the surname of someone named in full ("Mark Cuban"). */
  isNationalityOnly(phrase: SpeakerPhrase): boolean {
    return isNationality(phrase) && !this.people.fullest(phrase.name, phrase.start);
  }

  resolve(written: SpeakerPhrase, at: number): SpeakerEntry | null {
    const phrase = withinOneParagraph(this.text, written);
    if (!phrase || isHeaderWords(norm(phrase.name))) return null; // "FOR IMMEDIATE RELEASE", "Immediate Release Contact"
    if (phrase.kind !== 'role' && LEGISLATION_WORDS.has(lastToken(phrase.name))) return null; // "the ATTIRE Act"
    if (phrase.members) return this.resolveJoint(phrase);
    switch (phrase.kind) {
      case 'pronoun':
        return this.resolvePronoun(phrase, at);
      case 'person':
        // a title or a common noun alone, written with an article ("“…,” the Congressman said", "the six Members
        // wrote") is a description (of the one person holding the title); not a surname that is a title word: "Bishop added"
        return ARTICLE_BEFORE.test(this.text.slice(Math.max(0, phrase.nameStart - 20), phrase.nameStart)) && !phrase.name.includes(' ') && (isTitle(phrase.name) || isRoleWord(phrase.name) || isDictionaryWord(phrase.name.toLowerCase()))
          ? this.simple({ ...phrase, kind: 'role' }, 'role')
          : this.resolvePerson(phrase);
      case 'organization': {
        const kind = nameKind(phrase.name);
        if (kind === 'person' && phrase.name.includes(' ')) return this.resolvePerson({ ...phrase, kind: 'person' });
        return this.simple(phrase, 'organization');
      }
      case 'role':
        return this.simple(phrase, 'role');
    }
  }

  /** One entry for people who speak together, named after each of them (their entries are kept too). */
  private resolveJoint(phrase: SpeakerPhrase): SpeakerEntry {
    const members = (phrase.members ?? []).map((m) => this.resolvePerson(m));
    const name = jointName(members.map((m) => m.name));
    const key = `joint:${norm(name)}`;
    const entry = this.byName.get(key) ?? this.add({ key, name, kind: 'person', order: phrase.nameStart, mentions: [], members });
    this.addMention(entry, phrase.nameStart, phrase.nameEnd);
    return entry;
  }

  private simple(phrase: SpeakerPhrase, kind: SpeakerKind): SpeakerEntry {
    const existing = this.byName.get(`${kind}:${norm(phrase.name)}`);
    const entry =
      existing ??
      this.add({ key: `${kind}:${norm(phrase.name)}`, name: phrase.name, kind, order: phrase.nameStart, mentions: [], role: phrase.role, organization: phrase.organization });
    this.addMention(entry, phrase.nameStart, phrase.nameEnd);
    return entry;
  }

  private resolvePronoun(phrase: SpeakerPhrase, at: number): SpeakerEntry | null {
    const lower = phrase.name.toLowerCase();
    if (lower === 'he' || lower === 'she') {
      const gender = lower === 'he' ? 'male' : 'female';
      const fits = (e: SpeakerEntry) => e.kind === 'person' && (e.gender === undefined || e.gender === gender);
      const recent = this.lastSpeaker(at, fits);
      // A person named since the last quote is the likelier antecedent ("Roe is a farmer. … she said").
      // (bounded look-back, so a long document with many pronouns stays linear)
      const from = Math.max(recent ? this.lastAttributionAt(recent) : 0, at - 1500);
      // a person named after a preposition ("spoke with Anne Kell as a suspect. She …") only when no one else fits
      return this.lastNamedPerson(from, at, gender) ?? recent ?? this.lastNamedPerson(from, at, gender, true);
    }
    if (lower === 'they' || lower === 'it' || lower === 'we') {
      return this.lastSpeaker(at, (e) => e.kind !== 'person') ?? (lower === 'it' ? this.organizationJustNamed(at) : null);
    }
    if (lower === 'i') return this.lastSpeaker(at);
    return null;
  }

  /**
   * The organisation opening the sentence before `at`: "The Georgian Tennis Federation (GTF) released a statement …
   * It read, “…”" (a name of capitalised words holding an organisation word, at the sentence's start).
   */
  private organizationJustNamed(at: number): SpeakerEntry | null {
    const from = Math.max(0, at - 400);
    const before = this.text.slice(from, at).trimEnd();
    const sentences = before.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
    // ("It read" opens its sentence: the one before ends the text before it; else it is the one before that)
    const previous = /[.!?]$/.test(before) ? sentences[sentences.length - 1] : sentences.length >= 2 ? sentences[sentences.length - 2] : null;
    const m = previous && /^(?:The\s+)?((?:\p{Lu}[\p{L}&'’.-]*\s+(?:(?:of|for|and|the)\s+)*){0,6}\p{Lu}[\p{L}&'’.-]*)/u.exec(previous);
    if (!m || !m[1].split(/\s+/).some((w) => isOrgWord(w))) return null;
    const start = from + before.lastIndexOf(previous as string) + m[0].length - m[1].length;
    return this.simple({ kind: 'organization', start, end: start + m[1].length, name: m[1], nameStart: start, nameEnd: start + m[1].length }, 'organization');
  }

  private lastAttributionAt(entry: SpeakerEntry): number {
    for (let i = this.history.length - 1; i >= 0; i--) if (this.history[i].entry === entry) return this.history[i].at;
    return 0;
  }

  /**
   * The last person named between `from` and `at` (outside quotes, not the object of a preposition:
   * "Speaking to Martin Smith, he said") whose gender does not contradict; only names known to be people.
   * With `objects`, only objects of a preposition whose gender is known to agree.
   */
  private lastNamedPerson(from: number, at: number, gender: 'male' | 'female', objects = false): SpeakerEntry | null {
    if (at <= from) return null;
    const names = this.people.namesBetween(from, at);
    const fullName = (n: PersonName) => this.people.fullest(n.name, n.start, n.gender) ?? n.name;
    const fits = (n: PersonName) =>
      !this.insideQuote(n.start) &&
      this.people.afterPreposition(n) === objects &&
      (!objects || n.gender === gender) &&
      (!n.gender || n.gender === gender) &&
      // (a name of unknown gender counts when the document writes it in full: "Sudesh Amman, 20, … He told her")
      (!!n.gender || !!n.title || fullName(n).includes(' '));
    for (let i = names.length - 1; i >= 0; i--) {
      if (!fits(names[i])) continue;
      // the sentence's subject before its object: "Bloomberg endorsed his rival, Joe Biden. “…,” he said"
      let n = names[i];
      // (the tokenizer keeps a title's or an initial's period on its word: a lone one ends a sentence, "Gov. Lee" does not)
      const sentenceEnd = (from: number, to: number) => tokenize(this.text, from, to).some((t) => /^[.!?]$/.test(t.text));
      for (let j = i - 1; j >= 0 && !sentenceEnd(names[j].end, names[j + 1].start); j--) if (fits(names[j])) n = names[j];
      return this.resolvePerson({ kind: 'person', start: n.start, end: n.end, name: fullName(n), nameStart: n.start, nameEnd: n.end, title: n.title });
    }
    return null;
  }

  private resolvePerson(mention: SpeakerPhrase): SpeakerEntry {
    const phrase = { ...mention, name: personName(mention.name) };
    const tokens = phrase.name.split(/\s+/);
    const key = `person:${norm(phrase.name)}`;
    let entry = this.byName.get(key);
    if (!entry && tokens.length === 1) {
      // Surname-only (or given-name-only) reference: the one earlier full name it fits.
      const word = norm(tokens[0]);
      const candidates = this.entries.filter((e) => e.kind === 'person' && norm(e.name).split(' ').includes(word) && e.name.includes(' '));
      if (candidates.length === 1) entry = candidates[0];
      else if (!candidates.length) entry = this.introducedEarlier(tokens[0], phrase.nameStart) ?? undefined;
    }
    if (!entry && tokens.length > 1) {
      // A full name for an earlier surname-only entry: upgrade it.
      const short = this.byName.get(`person:${lastToken(phrase.name)}`);
      if (short && !short.name.includes(' ')) {
        this.byName.delete(short.key);
        short.name = phrase.name;
        short.key = key;
        this.byName.set(key, short);
        entry = short;
      }
    }
    if (!entry) {
      entry = this.add({ key, name: phrase.name, kind: 'person', order: phrase.nameStart, mentions: [] });
    }
    if (phrase.title && !entry.title) entry.title = phrase.title;
    if (phrase.role && !entry.role && isDescriptionOfRole(phrase.role.split(/\s+/).map((text) => ({ text })))) entry.role = phrase.role;
    if (phrase.organization && !entry.organization) entry.organization = phrase.organization;
    if (!entry.gender) entry.gender = phrase.gender ?? titleGender(phrase.title) ?? titleGender(entry.title) ?? (entry.name.includes(' ') ? givenNameGender(entry.name.split(/\s+/)[0]) : undefined);
    this.addMention(entry, phrase.nameStart, phrase.nameEnd);
    return entry;
  }

  /** A full name ending in `surname` written before `at` ("pediatric nurse practitioner Beth Gunhus"). */
  private introducedEarlier(surname: string, at: number): SpeakerEntry | null {
    // the last occurrence of the surname before `at` that follows capitalised words
    let last: { index: number; 0: string } | null = null;
    for (let pos = this.text.lastIndexOf(surname, at - 1); pos > 0; pos = this.text.lastIndexOf(surname, pos - 1)) {
      if (isNameChar(this.text[pos + surname.length])) continue;
      const before = PRECEDING_CAPITALS.exec(this.text.slice(Math.max(0, pos - 60), pos));
      if (!before) continue;
      last = { index: pos - before[0].length, 0: before[0] + surname };
      break;
    }
    if (!last) return null;
    const words = last[0].split(/\s+/);
    // drop leading words that are titles or sentence openers
    let i = 0;
    const titleWords: string[] = [];
    while (i < words.length - 1 && (isTitle(words[i]) || !isCapitalisedWord(words[i]) || ['The', 'A', 'An', 'And', 'But', 'In', 'On', 'At'].includes(words[i]))) {
      if (isTitle(words[i])) titleWords.push(words[i]);
      i++;
    }
    // a title inside the run starts the name after it: "Today Rep. Okafor"
    for (let k = words.length - 2; k > i; k--) {
      if (!isTitle(words[k])) continue;
      titleWords.splice(0, titleWords.length, words[k]);
      i = k + 1;
      break;
    }
    // an office or a place before a known given name is no part of the name: "House Republican Whip Roy Blunt",
    // "Speaker of the House Paul Ryan" (initials and a second given name stay: "C.A. Dutch Ruppersberger")
    const given = words.slice(i, -1).findIndex((w) => givenNameGender(w) !== undefined);
    const office = words.slice(i, i + Math.max(0, given));
    if (given > 0 && office.some((w) => isRoleWord(w) || isOrgWord(w) || isTitle(w)) && !office.some((w) => givenNameGender(w) !== undefined || /^(?:[A-Z]\.)+$/.test(w))) i += given;
    if (i >= words.length - 1) return null;
    const name = words.slice(i).join(' ');
    if (givenNameGender(words[i]) === undefined && !titleWords.length && nameKind(name) !== 'person') return null;
    const start = last.index + last[0].length - name.length;
    return this.resolvePerson({ kind: 'person', start, end: start + name.length, name, nameStart: start, nameEnd: start + name.length, title: titleWords.join(' ') || undefined });
  }

  /** Start offsets of capitalised words, by word: built once, so finding every name costs one pass. */
  private wordIndex: Map<string, number[]> | null = null;

  /** Offsets where `form` occurs (capitalised forms through the word index, others by search). */
  private occurrences(form: string): number[] {
    const first = /^[\p{L}\p{N}'’.]+/u.exec(form)?.[0];
    if (!first || !/^\p{Lu}/u.test(first)) {
      const out: number[] = [];
      for (let at = this.text.indexOf(form); at >= 0; at = this.text.indexOf(form, at + form.length)) out.push(at);
      return out;
    }
    if (!this.wordIndex) {
      this.wordIndex = new Map();
      const re = /\p{Lu}[\p{L}\p{N}'’.]*/gu;
      for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
        if (m.index > 0 && /[\p{L}\p{N}]/u.test(this.text[m.index - 1])) continue;
        const list = this.wordIndex.get(m[0]);
        if (list) list.push(m.index);
        else this.wordIndex.set(m[0], [m.index]);
      }
    }
    // the indexed word may carry a trailing period or possessive that the form lacks: try prefixes
    const out: number[] = [];
    for (const positions of this.candidatesFor(first)) {
      for (const at of positions) if (this.text.startsWith(form, at)) out.push(at);
    }
    return out.sort((a, b) => a - b);
  }

  private candidatesFor(first: string): number[][] {
    const index = this.wordIndex as Map<string, number[]>;
    const out: number[][] = [];
    for (const variant of [first, `${first}.`, `${first}'s`, `${first}’s`, `${first}'`, `${first}’`]) {
      const positions = index.get(variant);
      if (positions) out.push(positions);
    }
    return out;
  }

  /**
   * Adds every further occurrence of each speaker's name (and its surname) as a mention. Mentions never
   * overlap: "Ruiz" inside "Ann Ruiz" is not a second mention, and "Clinton" in "Chelsea Clinton" or
   * "Tidewater" in "Tidewater Health" is not a mention of "Hillary Clinton" or "Tidewater".
   */
  collectMentions(): void {
    type Found = { entry: SpeakerEntry; start: number; end: number; known: boolean };
    const found: Found[] = [];
    for (const entry of this.entries) {
      for (const m of entry.mentions) found.push({ entry, start: m.start, end: m.end, known: true });
      if (entry.kind === 'role') continue;
      const forms = new Set<string>([entry.name]);
      for (const m of entry.mentions) forms.add(m.text);
      if (entry.kind === 'person' && entry.name.includes(' ')) {
        const surname = entry.name.split(/\s+/).pop() as string;
        const shared = this.entries.some((e) => e !== entry && e.kind === 'person' && lastToken(e.name) === norm(surname));
        if (!shared) forms.add(surname);
      }
      for (const form of forms) {
        if (form.length < 2) continue;
        const single = !/\s/.test(form);
        for (const at of this.occurrences(form)) {
          const end = at + form.length;
          if (isNameChar(this.text[at - 1]) || isNameChar(this.text[end])) continue;
          if (single && (FOLLOWING_CAPITAL.test(this.text.slice(end, end + 3)) || precededByName(this.text, at))) continue;
          found.push({ entry, start: at, end, known: false });
        }
      }
    }
    // known mentions first at a position, then the longest; overlapping ones are dropped
    found.sort((a, b) => a.start - b.start || Number(b.known) - Number(a.known) || b.end - a.end);
    for (const entry of this.entries) entry.mentions = [];
    let lastEnd = -1;
    for (const f of found) {
      if (f.start < lastEnd) continue;
      f.entry.mentions.push({ start: f.start, end: f.end, text: this.text.slice(f.start, f.end) });
      lastEnd = f.end;
    }
    for (const entry of this.entries) if (entry.mentions.length) entry.order = Math.min(entry.order, entry.mentions[0].start);
  }
}

/** A speaker string never runs across a line break ("Sherlock Holmes\n\nMr"): the name is the part after it. */
function withinOneParagraph(text: string, phrase: SpeakerPhrase): SpeakerPhrase | null {
  if (!/[\n\r]/.test(phrase.name)) return phrase;
  const cut = text.slice(phrase.nameStart, phrase.nameEnd).search(/[^\n\r]*$/);
  const nameStart = phrase.nameStart + cut;
  const name = text.slice(nameStart, phrase.nameEnd).trim();
  if (!name) return null;
  return { ...phrase, name, nameStart: phrase.nameEnd - name.length, start: Math.max(phrase.start, nameStart) };
}

const FOLLOWING_CAPITAL = /^[ \u00a0][A-Z]/;
/** "Chelsea Clinton": a capitalised word (not a title) right before a surname makes it another person's name. */
function precededByName(text: string, at: number): boolean {
  const before = /([A-Z][\p{L}'’.-]*)[ \u00a0]$/u.exec(text.slice(Math.max(0, at - 30), at));
  if (before === null || (before[1].endsWith('.') && !/^[A-Z]\.$/.test(before[1]))) return false; // a sentence end
  return !isTitle(before[1]) && !isTitle(`${before[1]}.`) && !/^(?:The|A|An|But|And|When|As|If|In|On|At|For)$/.test(before[1]);
}

// (a capitalised word with a period is an initial or a title, never a sentence end: "Johnson. Cherry")
const PRECEDING_CAPITALS = /(?:(?:[A-Z][\p{L}'’]*|(?:[A-Z]\.)+|(?:Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Prof|Gen|Lt|Col|Capt|Rev|Hon|Jr|Sr)\.)\s+)+$/u;
const NAME_CHAR = /[\p{L}\p{N}-]/u;
function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

/**
 * A person's name as a reader would write it: without a possessive ("Donald Trump's"), a leading "the" or
 * parenthetical, or the place left in front of a given name when a title inside it was read as the title
 * ("United States President Donald Trump" → "Donald Trump", "Vermont Senator Bernie Sanders" → "Bernie Sanders").
 */
export function personName(name: string): string {
  const cleaned = cleanName(name) || name;
  const words = cleaned.split(' ');
  for (let n = Math.min(3, words.length - 2); n >= 1; n--) {
    if (isPlaceName(words.slice(0, n).join(' ')) && isKnownGivenName(words[n])) return words.slice(n).join(' ');
  }
  return cleaned;
}
