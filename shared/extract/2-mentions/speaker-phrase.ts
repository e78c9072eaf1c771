/**
 * Reads speaker phrases in the short windows around a quote: names with titles, hyphens and particles
 * ("Dr. Kristin Sanders-Gendreau", "Ludwig van Beethoven", "Sean O'Brien Jr."), pre-modifiers
 * ("Allina Health Maplewood Clinic pediatrician Dr. …"), appositives ("Hugh Hill, a doctor at X,"),
 * unnamed sources ("an Allina Health spokesperson", "a spokesman for the campaign") and pronouns.
 * Token-based and regex-driven: compromise's people() cuts hyphenated surnames and misses unknown
 * names, so it is only consulted (see ./tagging.ts) to tell people from organisations.
 */

import { givenNameGender, isDictionaryWord, isGivenName } from './tagging.ts';
import { makeToken, type Token } from '../1-tokens/tokens.ts';
import { isDemonym, isPlaceName } from '../../lexicon/places.ts';
import { AFTER_HEARER, BETWEEN_SUBJECT_AND_CUE, CLAUSE_OPENERS, DETERMINERS, NOT_NAME, PARTICLES, PRONOUNS, SUFFIXES, PERSON_ORGANIZATION_LINKS, TITLE_MINOR_WORDS } from '../../lexicon/function-words.ts';
import { ORG_DESCRIPTORS, ORG_WORDS } from '../../lexicon/organizations.ts';
import { DESCRIPTION_OPENERS, ROLE_ENDINGS, ROLE_WORDS } from '../../lexicon/roles.ts';
import { TITLE_WORDS, titleGender } from '../../lexicon/titles.ts';

export { PRONOUNS, titleGender };

export { tokenize, type Token } from '../1-tokens/tokens.ts';

const CAPITALISED = /^[\p{Lu}][\p{L}\p{M}'’\-.]*$|^(?:Mc|Mac|O['’]|D['’])[\p{Lu}][\p{L}'’\-]*$/u;
const INITIAL = /^[A-Z]\.$/;

export function isCapitalisedWord(word: string): boolean {
  return CAPITALISED.test(word) && /\p{L}/u.test(word);
}

export function isTitle(word: string): boolean {
  return TITLE_WORDS.has(word);
}

export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word.toLowerCase());
}

export function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(word);
}

export interface SpeakerPhrase {
  kind: 'person' | 'organization' | 'role' | 'pronoun';
  /** The whole phrase as written. */
  start: number;
  end: number;
  /** The name (person/organisation) or the head noun phrase (role) without title; the pronoun itself for pronouns. */
  name: string;
  nameStart: number;
  nameEnd: number;
  title?: string;
  role?: string;
  organization?: string;
  gender?: 'male' | 'female';
  /** A joint speaker ("Reps. Dold and Bucshon"): the people it names. */
  members?: SpeakerPhrase[];
}

/** Titles that name several people: their title goes to each name after them. */
const PLURAL_TITLE = /^(?:Reps\.|Sens\.|Govs\.|Drs\.|Senators|Representatives|Congressmen|Governors)$/;

/** "Cummings and Conyers", "Reps. Dold and Bucshon": two people named as one speaker. */
function jointSpeaker(text: string, tokens: Token[]): SpeakerPhrase | null {
  const and = tokens.findIndex((t) => t.text === 'and');
  if (and <= 0 || and === tokens.length - 1 || tokens.indexOf(tokens.find((t, i) => i > and && t.text === 'and') as Token) > 0) return null;
  const left = parseSpeakerPhrase(text, tokens.slice(0, and));
  const right = parseSpeakerPhrase(text, tokens.slice(and + 1));
  if (left?.kind !== 'person' || right?.kind !== 'person') return null;
  // each part must read as a person: a title, a known given name, or no ordinary word ("Research and
  // Education", "Job Creation and Economic Growth" are no pair of people)
  const person = (p: SpeakerPhrase) => !!p.title || isGivenName(p.name.split(/\s+/)[0]) || !p.name.split(/\s+/).some((w) => isDictionaryWord(w));
  if (![left, right].every(person)) return null;
  if (!PLURAL_TITLE.test(left.title ?? '') && !isCapitalisedWord(tokens[0].text)) return null;
  if (left.title && PLURAL_TITLE.test(left.title)) right.title ??= left.title;
  return {
    kind: 'person',
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    name: `${left.name} and ${right.name}`,
    nameStart: left.nameStart,
    nameEnd: right.nameEnd,
    members: [left, right],
  };
}

/**
 * A list of people who speak together: "Reps. Don Beyer (D-VA), Ted Lieu (D-CA), and Peter Welch (D-VT)" (district
 * tags dropped, a plural title shared). Each item must read as a person (a title or a known given name); null otherwise.
 */
export function listedPeople(text: string, allTokens: Token[]): SpeakerPhrase | null {
  const tokens = dropParentheticals(allTokens);
  const items: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ',' || t.text === 'and') {
      if (items[items.length - 1].length) items.push([]);
    } else items[items.length - 1].push(t);
  }
  const parts = items.filter((item) => item.length);
  if (parts.length < 3) return null; // two are read by jointSpeaker
  const shared = PLURAL_TITLE.test(parts[0][0].text) ? parts[0][0].text : undefined;
  const members = parts.map((item, i) => parseSpeakerPhrase(text, i === 0 && shared ? item.slice(1) : item));
  if (!members.every((m) => m?.kind === 'person' && m.name.includes(' ') && (m.title || shared || isGivenName(m.name.split(/\s+/)[0])))) return null;
  const people = members as SpeakerPhrase[];
  if (shared) for (const m of people) m.title ??= shared;
  return {
    kind: 'person',
    start: tokens[0].start,
    end: tokens[tokens.length - 1].end,
    name: people.map((m) => m.name).join(', '), // (the registry names the joint speaker from its members)
    nameStart: people[0].nameStart,
    nameEnd: people[people.length - 1].nameEnd,
    members: people,
  };
}

/** True for a token that can sit inside a name run. */
function nameToken(t: Token, next: Token | undefined): boolean {
  if (SUFFIXES.has(t.text)) return true;
  if (INITIAL.test(t.text)) return true;
  if (PARTICLES.has(t.text) && next !== undefined && isCapitalisedWord(next.text)) return true;
  return isCapitalisedWord(t.text) && !NOT_NAME.has(t.text);
}

/**
 * Reads a name run forwards from token i: [title] Name Name… [suffix]. Returns the index after it.
 */
export function readNameForward(tokens: Token[], i: number): { titleFrom: number; from: number; to: number } | null {
  let j = i;
  let titleFrom = j;
  while (j < tokens.length && isTitle(tokens[j].text) && j + 1 < tokens.length && isCapitalisedWord(tokens[j + 1].text)) j++;
  let from = j;
  while (j < tokens.length && nameToken(tokens[j], tokens[j + 1])) {
    // a title inside the run starts the name after it: "NYPD Commissioner James O’Neill"; before a
    // suffix it is a surname: "Sanford D. Bishop Jr."
    if (isTitle(tokens[j].text) && j + 1 < tokens.length && isCapitalisedWord(tokens[j + 1].text) && !SUFFIXES.has(tokens[j + 1].text) && j > from) from = j + 1;
    j++;
  }
  // a sentence-initial adjective or group before a known given name is not part of the name: "Rival Hillary Clinton"
  if (j - from >= 3) {
    const given = tokens.slice(from, j - 1).findIndex((t) => givenNameGender(t.text) !== undefined);
    // (initials such as "C.A." stay: "C.A. Dutch Ruppersberger", and one without its period: "B Shiva Parvathi",
    // never "A" or "I"; a place abbreviation goes: "U.S. Donald Trump") (the dropped words are no title either)
    const initial = (word: string) => (/^(?:[A-Z]\.)+$/.test(word) && !isPlaceName(word)) || /^[B-HJ-Z]$/.test(word);
    if (given > 0 && !tokens.slice(from, from + given).some((t) => givenNameGender(t.text) !== undefined || initial(t.text))) {
      from += given;
      titleFrom = from;
    }
  }
  // a trailing particle or title is not part of the name: "Marco Rubio Miss…"; after a lone given name (and
  // initials) it is the surname: "Rep. Rob Bishop (UT-01)", "Sen. Angus King", "Sanford D. Bishop, Jr."
  const surnameTitle =
    j - from >= 2 && isTitle(tokens[j - 1].text) && givenNameGender(tokens[from].text) !== undefined && tokens.slice(from + 1, j - 1).every((t) => /^(?:[A-Z]\.)+$/.test(t.text));
  while (!surnameTitle && j > from + 1 && (PARTICLES.has(tokens[j - 1].text) || isTitle(tokens[j - 1].text))) j--;
  while (j > from && PARTICLES.has(tokens[j - 1].text)) j--;
  if (j === from) return null;
  return { titleFrom, from, to: j };
}

/** The name a phrase gives, written from token `first` to token `last`. */
function nameOver(text: string, first: Token, last: Token): Pick<SpeakerPhrase, 'name' | 'nameStart' | 'nameEnd'> {
  return { name: text.slice(first.start, last.end), nameStart: first.start, nameEnd: last.end };
}

/** Words that make a lower-case word sequence a noun phrase about a source: "a spokesman for the campaign". */
const NP_LINKS = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'to', 'and', 'the', 'a', 'an', "'s", '’s']);

/** A day's possessive is no owner: "Today’s job numbers reveal …" has no speaker. */
const DAY_POSSESSIVE = /^(?:today|yesterday|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)['’]s$/i;

/**
 * Parses a whole phrase known to name the speaker (e.g. the subject before a cue, or what follows an
 * inverted cue), already trimmed to the phrase. Returns null when it does not look like a speaker.
 */
export function parseSpeakerPhrase(text: string, allTokens: Token[], lenient = false): SpeakerPhrase | null {
  const tokens = trimAdverbials(dropParentheticals(allTokens));
  if (!tokens.length || DAY_POSSESSIVE.test(tokens[0].text)) return null;
  const start = tokens[0].start;
  const end = tokens[tokens.length - 1].end;
  if (tokens.length === 1 && PRONOUNS.has(tokens[0].text.toLowerCase())) {
    const word = tokens[0].text;
    const lower = word.toLowerCase();
    return { kind: 'pronoun', start, end, name: word, nameStart: start, nameEnd: end, gender: lower === 'he' ? 'male' : lower === 'she' ? 'female' : undefined };
  }
  const joint = tokens.some((t) => t.text === 'and') && !tokens.some((t) => t.text === ',') ? jointSpeaker(text, tokens) : null;
  if (joint) return joint;
  // Appositive: "NAME, a doctor at X" → split at the first comma.
  const comma = tokens.findIndex((t) => t.text === ',');
  const head = comma > 0 ? tokens.slice(0, comma) : tokens;
  const apposition = comma > 0 ? tokens.slice(comma + 1).filter((t) => t.text !== ',') : [];
  // "The prime minister, Boris Johnson," / "Texas Republican, Kevin Brady": a description, then the name
  const named = nameAfterDescription(text, head, apposition);
  if (named) return named;

  const ofOrganization = personOfOrganization(text, head);
  if (ofOrganization) return ofOrganization;

  // Find the last name run in the head (the name usually closes the head: "Clinic pediatrician Dr. Jane Roe").
  let best: { titleFrom: number; from: number; to: number } | null = null;
  for (let i = 0; i < head.length; i++) {
    const run = readNameForward(head, i);
    if (run) {
      best = run;
      i = run.to - 1;
    }
  }
  const possessive = best && best.to < head.length && /^['’]s?$/.test(head[best.to].text);
  const headEndsWithName = best !== null && best.to === head.length;

  // "the Department of Justice", "Bank of America": an organisation's name runs over its link words
  while (best && best.titleFrom === best.from && best.from >= 2 && ORG_NAME_LINKS.has(head[best.from - 1].text)) {
    let k = best.from - 2;
    while (k > 0 && isCapitalisedWord(head[k - 1].text)) k--;
    if (!head.slice(k, best.from - 1).every((t) => isCapitalisedWord(t.text)) || !head.slice(k, best.from - 1).some((t) => ORG_WORDS.has(t.text))) break;
    best = { titleFrom: k, from: k, to: best.to };
  }
  // "a longtime adviser to Trump", "a spokesman for Sen. Roe", "a spokesman for the Department of Justice":
  // the role speaks, not the person or organisation it serves
  const linkAt = best ? best.titleFrom - 1 - (head[best.titleFrom - 1]?.text.toLowerCase() === 'the' ? 1 : 0) : -1;
  const servant = best && headEndsWithName && linkAt >= 1 && ['to', 'for', 'of', 'at', 'with'].includes(head[linkAt].text) ? head[linkAt - 1] : null;
  if (best && servant && (/^[a-z]/.test(servant.text) || servant === head[0]) && isRoleWord(servant.text)) {
    return {
      kind: 'role',
      start,
      end,
      ...nameOver(text, head[0], head[head.length - 1]),
      role: servant.text,
      organization: text.slice(head[best.from].start, head[best.to - 1].end),
    };
  }
  if (best && headEndsWithName) {
    const nameTokens = head.slice(best.from, best.to);
    const title = best.titleFrom < best.from ? text.slice(head[best.titleFrom].start, head[best.from - 1].end) : undefined;
    const pre = head.slice(0, best.titleFrom).filter((t) => !DETERMINERS.has(t.text.toLowerCase()));
    // "newspaper The Hindu", "broadcaster NHK": a descriptor says the name is an organisation's, with its "The".
    const article = head[best.titleFrom - 1]?.text === 'The' ? head[best.titleFrom - 1] : undefined;
    const before = head[best.titleFrom - (article ? 2 : 1)];
    const described = !title && before !== undefined && ORG_DESCRIPTORS.has(before.text);
    const isOrg = described || nameTokens.some((t) => ORG_WORDS.has(t.text)) || (nameTokens.length === 1 && /^[A-Z]{2,}$/.test(nameTokens[0].text) && !title);
    const phrase: SpeakerPhrase = {
      kind: isOrg ? 'organization' : 'person',
      start,
      end,
      ...nameOver(text, described && article ? article : nameTokens[0], nameTokens[nameTokens.length - 1]),
    };
    if (title) {
      phrase.title = title;
      phrase.gender = titleGender(title);
    }
    // Pre-modifier: "Allina Health Maplewood Clinic pediatrician" → organisation + role.
    if (pre.length) {
      const roleAt = findLastIndex(pre, (t) => isRoleWord(t.text) || /^[a-z]/.test(t.text));
      if (roleAt >= 0 && isDescriptionOfRole(pre.slice(firstOfLowerRun(pre, roleAt), roleAt + 1))) {
        const roleStartAt = firstOfLowerRun(pre, roleAt);
        phrase.role = text.slice(pre[roleStartAt].start, pre[roleAt].end);
        if (roleStartAt > 0) phrase.organization = text.slice(pre[0].start, pre[roleStartAt - 1].end);
      } else if (!phrase.title && pre.every((t) => isCapitalisedWord(t.text))) {
        phrase.organization = text.slice(pre[0].start, pre[pre.length - 1].end);
      }
    }
    if (apposition.length) describeApposition(text, apposition, phrase);
    return phrase;
  }

  // Unnamed source: "an Allina Health spokesperson", "a spokesman for the Clinton campaign", "the president".
  const roleAt = findLastIndex(head, (t) => isRoleWord(t.text));
  if (roleAt >= 0 && !possessive) {
    const headTokens = head.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
    if (headTokens.length > 12) return null;
    const firstContent = DETERMINERS.has(head[0].text.toLowerCase()) ? 1 : 0;
    const pre = head.slice(firstContent, roleAt);
    const capsPre = pre.filter((t) => isCapitalisedWord(t.text));
    const phrase: SpeakerPhrase = {
      kind: 'role',
      start,
      end,
      ...nameOver(text, head[0], head[head.length - 1]),
      role: head[roleAt].text,
    };
    if (capsPre.length) phrase.organization = text.slice(capsPre[0].start, capsPre[capsPre.length - 1].end);
    const after = head.slice(roleAt + 1);
    if (after.length >= 2 && NP_LINKS.has(after[0].text.toLowerCase())) {
      const org = after.slice(1).filter((t) => !DETERMINERS.has(t.text.toLowerCase()));
      if (org.length) phrase.organization = text.slice(org[0].start, org[org.length - 1].end);
    }
    return phrase;
  }
  // Where the position says it is the source ("according to the transit authority"), any short
  // determiner phrase is an unnamed source.
  if (lenient && DETERMINERS.has(head[0].text.toLowerCase()) && head.length >= 2 && head.length <= 8 && !best) {
    const last = head[head.length - 1];
    if (/^[\p{L}]/u.test(last.text)) {
      return { kind: 'role', start, end, ...nameOver(text, head[0], last), role: last.text };
    }
  }
  // An organisation or group written with a determiner: "The New York Post", "the Clinton campaign".
  if (best && !possessive) {
    // only the name run: "Kasich resisted" / "Phil Musser of" are a name and a stray word
    const nameTokens = head.slice(best.from, best.to);
    return {
      kind: 'organization',
      start,
      end,
      ...nameOver(text, nameTokens[0], nameTokens[nameTokens.length - 1]),
    };
  }
  return null;
}

/**
 * "Cameron Easley for Morning Consult", "Ted Cruz of Texas": a person's name (a known given name or a
 * title before it), a link word, then capitalised words; the speaker is the person, not what follows.
 */
function personOfOrganization(text: string, head: Token[]): SpeakerPhrase | null {
  let at = DETERMINERS.has(head[0].text.toLowerCase()) ? 1 : 0;
  // a description in lower case before the name: "lead author Professor Dana Roe of …"
  const described = at;
  while (at < head.length - 1 && /^[a-z]/.test(head[at].text) && !PERSON_ORGANIZATION_LINKS.has(head[at].text)) at++;
  const role = at > described && isDescriptionOfRole(head.slice(described, at)) ? text.slice(head[described].start, head[at - 1].end) : undefined;
  if (at > described && !role) return null;
  const run = readNameForward(head, at);
  if (!run || run.to >= head.length - 1 || !PERSON_ORGANIZATION_LINKS.has(head[run.to].text)) return null;
  const titled = run.titleFrom < run.from;
  if (!titled && !(run.to - run.from >= 2 && isGivenName(head[run.from].text))) return null;
  let rest = head.slice(run.to + 1).filter((t) => !DETERMINERS.has(t.text.toLowerCase()));
  // "of the University of Leeds's medical school": the organisation is the possessor; its department is lower case
  const owner = rest.findIndex((t) => /\p{L}['’]s$/u.test(t.text));
  if (owner > 0 && rest.slice(owner + 1).every((t) => /^[a-z]/.test(t.text))) {
    const last = rest[owner];
    rest = [...rest.slice(0, owner), makeToken(last.text.replace(/['’]s$/, ''), last.start, last.end - 2)];
  }
  if (!rest.length || !rest.every((t) => isCapitalisedWord(t.text) || ['of', 'for', '&', 'and'].includes(t.text))) return null;
  const nameTokens = head.slice(run.from, run.to);
  if (nameTokens.some((t) => ORG_WORDS.has(t.text))) return null;
  const phrase: SpeakerPhrase = {
    kind: 'person',
    start: head[0].start,
    end: head[head.length - 1].end,
    ...nameOver(text, nameTokens[0], nameTokens[nameTokens.length - 1]),
    organization: text.slice(rest[0].start, rest[rest.length - 1].end),
  };
  if (titled) {
    phrase.title = text.slice(head[run.titleFrom].start, head[run.from - 1].end);
    phrase.gender = titleGender(phrase.title);
  }
  if (role) phrase.role = role;
  return phrase;
}

/**
 * The person an apposition names after a description of them: the apposition is a whole name run of
 * two or more words, and the head is no person's name (it has lower-case words, a role, or no title or
 * known given name).
 */
function nameAfterDescription(text: string, head: Token[], apposition: Token[]): SpeakerPhrase | null {
  if (apposition.length < 2 || !head.length) return null;
  const run = readNameForward(apposition, 0);
  if (!run || run.to !== apposition.length || run.to - run.from < 2) return null;
  const nameTokens = apposition.slice(run.from, run.to);
  if (nameTokens.some((t) => ORG_WORDS.has(t.text))) return null;
  const headRun = readNameForward(head, 0);
  const headIsName = headRun !== null && headRun.to === head.length && (headRun.titleFrom < headRun.from || isGivenName(head[headRun.from].text));
  const descriptive = head.some((t) => /^[a-z]/.test(t.text) || isRoleWord(t.text));
  if (headIsName || (!descriptive && !isGivenName(nameTokens[0].text))) return null;
  const title = run.titleFrom < run.from ? text.slice(apposition[run.titleFrom].start, apposition[run.from - 1].end) : undefined;
  const phrase: SpeakerPhrase = {
    kind: 'person',
    start: head[0].start,
    end: nameTokens[nameTokens.length - 1].end,
    ...nameOver(text, nameTokens[0], nameTokens[nameTokens.length - 1]),
    role: text.slice(head[DETERMINERS.has(head[0].text.toLowerCase()) && head.length > 1 ? 1 : 0].start, head[head.length - 1].end),
  };
  if (title) {
    phrase.title = title;
    phrase.gender = titleGender(title);
  }
  return phrase;
}

const TIME_WORDS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|\d{1,4})$/;

/** Drops trailing adverbs and time phrases: "The Sanders campaign on Monday also" → "The Sanders campaign". */
function trimAdverbials(tokens: Token[]): Token[] {
  let end = tokens.length;
  for (;;) {
    const last = tokens[end - 1]?.text;
    if (last === undefined) break;
    if (/^(?:also|however|then|later|again|too|once|still|now|further|meanwhile|previously|recently|earlier|first|instead)$/.test(last) || /^[a-z]+ly$/.test(last) || last === ',') {
      end--;
      continue;
    }
    if (TIME_WORDS.test(last) && end >= 2) {
      let k = end - 1;
      while (k > 0 && TIME_WORDS.test(tokens[k - 1].text)) k--;
      if (k > 0 && /^(?:on|in|at|last|this|early|late)$/.test(tokens[k - 1].text)) {
        end = k - 1;
        continue;
      }
    }
    break;
  }
  return end === tokens.length ? tokens : tokens.slice(0, end);
}

/** Removes "(D-N.C.)"-style parentheticals: party and state tags, ages, acronyms. */
export function dropParentheticals(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.text === '(')) return tokens;
  const out: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')' && depth > 0) depth--;
    else if (depth === 0) out.push(t);
  }
  return out;
}

/** "a doctor at Allina Health" → role "doctor", organisation "Allina Health". */
function describeApposition(text: string, tokens: Token[], phrase: SpeakerPhrase): void {
  const words = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
  if (!words.length || words.length > 40) return;
  const first = words[0].text.toLowerCase();
  if (!DETERMINERS.has(first) && !isRoleWord(first) && !/^[a-z]/.test(words[0].text)) return;
  const linkAt = words.findIndex((t, i) => i > 0 && ['at', 'of', 'for', 'with', 'from'].includes(t.text.toLowerCase()));
  const roleWords = words.slice(DETERMINERS.has(first) ? 1 : 0, linkAt > 0 ? linkAt : Math.min(words.length, 6));
  // stop the role at a conjunction or relative word
  const cut = roleWords.findIndex((t) => ['and', 'who', 'which', 'that'].includes(t.text.toLowerCase()));
  const role = cut >= 0 ? roleWords.slice(0, cut) : [...roleWords];
  while (role.length > 1 && REFLEXIVES.test(role[role.length - 1].text.toLowerCase())) role.pop(); // "a former player himself"
  if (role.length && !phrase.role && isDescriptionOfRole(role)) phrase.role = text.slice(role[0].start, role[role.length - 1].end);
  if (linkAt > 0) {
    const orgTokens: Token[] = [];
    for (let i = linkAt + 1; i < words.length; i++) {
      const t = words[i];
      if (isCapitalisedWord(t.text) || (orgTokens.length && ['of', 'for', '&', 'and'].includes(t.text) && words[i + 1] && isCapitalisedWord(words[i + 1].text)) || /^\d/.test(t.text)) orgTokens.push(t);
      else if (orgTokens.length || !DETERMINERS.has(t.text.toLowerCase())) break;
    }
    while (orgTokens.length && !isCapitalisedWord(orgTokens[orgTokens.length - 1].text) && !/^\d/.test(orgTokens[orgTokens.length - 1].text)) orgTokens.pop();
    if (orgTokens.length && !phrase.organization) phrase.organization = text.slice(orgTokens[0].start, orgTokens[orgTokens.length - 1].end);
  }
}

/**
 * Words after a name that say what the person is ("pediatrician", "senior adviser", "bill’s sponsor"), not the
 * clause or phrase that follows it ("because …", "by", "victory for", "of CNN, one", "during his conference").
 */
const REFLEXIVES = /^(?:him|her|them|it|your|my|our)sel(?:f|ves)$/;

export function isDescriptionOfRole(words: ReadonlyArray<{ text: string }>): boolean {
  if (words.length === 0) return false;
  const first = words[0].text.toLowerCase();
  const last = words[words.length - 1].text.toLowerCase().replace(/['’]s$/, '');
  if (CLAUSE_OPENERS.has(first) || BETWEEN_SUBJECT_AND_CUE.has(first) || TITLE_MINOR_WORDS.has(first) || first === 'according') return false;
  if (TITLE_MINOR_WORDS.has(last) || AFTER_HEARER.has(last) || DESCRIPTION_OPENERS.has(last) || REFLEXIVES.test(last)) return false;
  return words.some((w) => isRoleWord(w.text) || isRoleWord(w.text.replace(/s$/, ''))) || ROLE_ENDINGS.test(last);
}

/** Words inside an organisation's name: "Department of Justice", "Bank of America", "Procter & Gamble". */
const ORG_NAME_LINKS = new Set(['of', 'for', '&']);

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

function firstOfLowerRun(tokens: Token[], at: number): number {
  let i = at;
  while (i > 0 && /^[a-z]/.test(tokens[i - 1].text) && !DETERMINERS.has(tokens[i - 1].text)) i--;
  return i;
}

/**
 * A nationality ("Syrian" from "Syrian state media", "Turkish" from "The Turkish statement") utters nothing.
 * (A place stays a speaker: news writes "Iran said" for its government, and a place is often the rest of
 * "the Maryland Democrat", which the ranking can still weigh against the people named nearby.)
 */
export function isNationality(phrase: SpeakerPhrase): boolean {
  return phrase.kind !== 'pronoun' && phrase.kind !== 'role' && !phrase.title && isDemonym(phrase.name);
}
