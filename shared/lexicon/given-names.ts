/**
 * Given names: their gender and their familiar forms, read from the lexicon's data files.
 * The tables are built on first use, so importing this module costs nothing until a name is looked up.
 */
import { FEMALE, MALE, UNISEX } from './data/given-name-genders.generated.ts';
import { NICKNAME_ROWS } from './data/nicknames.generated.ts';
import { HYPOCORISM_GROUPS } from './hypocorisms.ts';

export type GivenNameGender = 'female' | 'male' | 'unisex';

/** Lower-case, accent-free (José → jose), letters only. */
function fold(name: string): string {
  return name.trim().toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '');
}

let genders: Map<string, GivenNameGender> | undefined;

function genderTable(): Map<string, GivenNameGender> {
  if (!genders) {
    genders = new Map();
    for (const [gender, list] of [['female', FEMALE], ['male', MALE], ['unisex', UNISEX]] as const) {
      for (const name of list.split(/\s+/)) if (name) genders.set(name, gender);
    }
  }
  return genders;
}

/** 'female' / 'male' for a given name mostly given to one sex; undefined for unisex or unknown names. */
export function givenNameGender(name: string): 'female' | 'male' | undefined {
  const gender = genderTable().get(fold(name));
  return gender === 'unisex' ? undefined : gender;
}

/** The gender class of a listed given name ('unisex' included); undefined when the name is not listed. */
export function givenNameClass(name: string): GivenNameGender | undefined {
  return genderTable().get(fold(name));
}

/** True when the word is a listed given name (or a listed familiar form). */
export function isKnownGivenName(name: string): boolean {
  const folded = fold(name);
  return genderTable().has(folded) || nicknameTable().has(nicknameKey(folded));
}

/** Pet forms are spelled freely (Tommy / Tommie / Tommi, Debbie / Debby): one key for all of them. */
function nicknameKey(name: string): string {
  return name.replace(/(.)\1+/g, '$1').replace(/(ie|ey|ee|i)$/, 'y');
}

let related: Map<string, Set<string>> | undefined;
/** Nickname key → the names written with it (Tommy, Tommie → "tomy"). */
const spellings = new Map<string, Set<string>>();

function nicknameTable(): Map<string, Set<string>> {
  if (related) return related;
  const table = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const [x, y] = [nicknameKey(a), nicknameKey(b)];
    for (const [key, name] of [[x, a], [y, b]]) {
      if (!spellings.has(key)) spellings.set(key, new Set());
      spellings.get(key)!.add(name);
    }
    if (x === y) return;
    for (const [from, to] of [[x, y], [y, x]]) {
      if (!table.has(from)) table.set(from, new Set());
      table.get(from)!.add(to);
    }
  };
  // Our own groups: every name of a line is a form of every other.
  for (const line of HYPOCORISM_GROUPS.trim().split('\n')) {
    const names = line.trim().split(/\s+/);
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) link(names[i], names[j]);
  }
  // The public list relates only a row's first name to each of the others: two nicknames of one name
  // are not always one person's (Tony for Anthony and for Antoinette).
  for (const line of NICKNAME_ROWS.trim().split('\n')) {
    const [head, ...rest] = line.trim().split(/\s+/);
    for (const other of rest) link(head, other);
  }
  return (related = table);
}

/** True when one given name is a listed familiar form of the other (Bill / William, Eddie / Edgar). */
export function areNicknames(a: string, b: string): boolean {
  const x = nicknameKey(fold(a));
  const y = nicknameKey(fold(b));
  if (x === y) return fold(a) !== fold(b) && nicknameTable().has(x);
  return Boolean(nicknameTable().get(x)?.has(y));
}

/**
 * Keys for blocking candidate pairs: a name's own key and those of its familiar forms, so two
 * related names always share a key.
 */
export function nicknameKeys(name: string): string[] {
  const key = nicknameKey(fold(name));
  const forms = nicknameTable().get(key);
  return forms ? [key, ...forms] : [];
}

/** The listed familiar (or formal) forms of a given name, as written (Edgar → ed, eddie, eddy). */
export function nicknameForms(name: string): string[] {
  const forms = nicknameTable().get(nicknameKey(fold(name)));
  return forms ? [...forms].flatMap((key) => [...(spellings.get(key) ?? [])]) : [];
}
