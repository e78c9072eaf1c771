/**
 * The people a document names, found in one pass over the whole text (not only near quotes), so a
 * speaker attributed as "Blumenauer" or "Wanda Vázquez" can be given the fullest form of their name
 * that the document writes anywhere ("Earl Blumenauer", "Wanda Vázquez Garced"), and a press release's
 * issuing member is known before its first quote.
 */
import { isTitle, readNameForward, titleGender, tokenize, isOrgWord } from './speaker-phrase.ts';
import { givenNameGender, isGivenName } from './tagging.ts';

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

export class DocumentPeople {
  readonly names: PersonName[] = [];

  constructor(private readonly text: string) {
    const tokens = tokenize(text, 0, text.length);
    for (let i = 0; i < tokens.length; i++) {
      const run = readNameForward(tokens, i);
      if (!run) continue;
      i = Math.max(i, run.to - 1);
      const words = tokens.slice(run.from, run.to);
      if (words.some((t) => isOrgWord(t.text))) continue;
      const titleWords = tokens.slice(run.titleFrom, run.from).filter((t) => isTitle(t.text));
      const title = titleWords.length ? text.slice(titleWords[0].start, titleWords[titleWords.length - 1].end) : undefined;
      // only runs known to be people: a title before them, or a known given name first
      if (!title && !(words.length >= 2 && isGivenName(words[0].text))) continue;
      const start = words[0].start;
      const end = words[words.length - 1].end;
      const name = text.slice(start, end);
      const folded = nameWords(name);
      if (!folded.length || folded.length > 4 || /\n/.test(name) || inTitleCaseLine(text, start)) continue;
      this.names.push({ name, start, end, title, gender: titleGender(title) ?? givenNameGender(words[0].text), words: folded });
    }
  }

  /**
   * The fullest way the document writes the person called `name` near `at`: among the written names
   * holding every word of `name`, the longest; when they are different people (Donald and Melania
   * Trump), the one written last before `at` (else first after it), of a gender that fits.
   */
  fullest(name: string, at: number, gender?: 'male' | 'female'): string | null {
    const wanted = nameWords(name);
    if (!wanted.length) return null;
    const fits = this.names.filter((n) => wanted.every((w) => n.words.includes(w)) && n.words.length > wanted.length && (!gender || !n.gender || n.gender === gender));
    if (!fits.length) return null;
    // group into people: two forms are one person when one's words hold the other's
    const people: PersonName[][] = [];
    for (const n of fits) {
      const same = people.find((p) => p.some((m) => m.words.every((w) => n.words.includes(w)) || n.words.every((w) => m.words.includes(w))));
      if (same) same.push(n);
      else people.push([n]);
    }
    let chosen = people[0];
    if (people.length > 1) {
      const before = (p: PersonName[]) => Math.max(-1, ...p.filter((n) => n.start <= at).map((n) => n.start));
      chosen = [...people].sort((a, b) => before(b) - before(a))[0];
      if (before(chosen) < 0) return null; // several people and none introduced before: ambiguous
    }
    const longest = chosen.reduce((a, b) => (b.words.length > a.words.length ? b : a));
    return longest.name;
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
    let n = 0;
    for (const m of this.names) if (m.words.length >= 1 && m.words.every((w) => wanted.includes(w))) n++;
    return n;
  }

  /**
   * The member issuing a press release, named in its opening: after a member title ("Congressman X"),
   * before a district or party tag ("X (WA-09)", "X (D-FL)"), or as the subject of "issued the following
   * statement".
   */
  issuer(openingChars = 600): PersonName | null {
    return (
      this.names.find((n) => {
        if (n.start >= openingChars) return false;
        if (n.title !== undefined && MEMBER_TITLE.test(n.title.split(/\s+/).pop() ?? '')) return true;
        const after = this.text.slice(n.end, n.end + 60);
        return MEMBER_TAG.test(after) || ISSUED_STATEMENT.test(after);
      }) ?? null
    );
  }
}
