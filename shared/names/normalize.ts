/**
 * Turns a person's name as written into comparable tokens: titles and suffixes stripped,
 * "Smith, John" reordered, accents and Cyrillic/Greek/Georgian/Armenian folded to Latin, hyphenated and
 * double-barrelled names split (each part keeps its group), initials marked, Arabic
 * patronymics ("bin Salman") kept as one unit so that word order inside them still counts.
 */
import { PEERAGE_RANKS } from '../lexicon/peerage.ts';
import { FEMALE_TITLES, MALE_TITLES } from '../lexicon/titles.ts';
import { isDemonym, isPlaceName, placeKind } from '../lexicon/places.ts';
import { isKnownGivenName } from '../lexicon/given-names.ts';

export interface NameToken {
  /** Folded lower-case form used for comparison. */
  text: string;
  /** A single-letter initial ("J." / the letters of "JC"). */
  initial: boolean;
  /** Tokens written as one hyphenated or joined word share a group (Sanders-Gendreau, Jean-Claude). */
  group: number;
  /** "bin"/"ibn"/"ben" + name: the father's name, only comparable with another patronymic. */
  patronymic: boolean;
}

export interface ParsedName {
  /** The name as given, trimmed. */
  raw: string;
  /** The name without leading titles and trailing suffixes, original spelling and case. */
  display: string;
  tokens: NameToken[];
  /** Titles found before the name ("dr", "sen"), folded. */
  titles: string[];
  /** 'male' / 'female' when a title says so (Mr. / Mrs.), for telling relatives apart. */
  gender?: 'male' | 'female';
  /** The whole name is a place ("Turkey", "New York"): it matches a person's name only word for word. */
  place?: boolean;
}

const TITLES = new Set(
  `mr mrs ms miss mx dr doctor prime prof professor sen senator rep representative gov governor pres president
  prasident präsident vice vp sir dame lord lady rev reverend revd fr father sr sister br brother gen general col colonel
  capt captain cpt lt lieutenant sgt sergeant maj major adm admiral cmdr commander judge justice hon honorable
  honourable mayor minister chancellor king queen prince princess sheikh shaikh sheik rabbi imam pastor bishop
  cardinal pope councillor councilor councilman councilwoman commissioner secretary chairman chairwoman chair
  ceo cfo coo cto st saint former acting interim late deputy assistant associate supt superintendent insp inspector det detective officer amb ambassador premier
  atty attorney coach mme mlle herr frau hr dipl ing mag mgr haji hajji mullah mawlawi maulvi qari sayyid sayyed emir amir`
    .split(/\s+/)
    .filter(Boolean)
    .concat(PEERAGE_RANKS),
);
// Ambiguous words that are also common given names or surnames are titles only before another name word.
const TITLE_ONLY_IF_FOLLOWED = new Set(['prime', 'late', 'deputy', 'major', 'king', 'prince', 'judge', 'chair', 'coach', 'amir', 'emir', 'sayyid', 'sayyed', 'st', 'saint', 'father', 'brother', 'sister', 'justice', 'general', 'officer', 'haji', 'hajji', 'qari', 'earl', 'duke', 'baron', 'count', 'marquis', 'laird']);
const SUFFIXES = new Set(['jr', 'jnr', 'sr', 'snr', 'ii', 'iii', 'iv', 'v', 'phd', 'md', 'esq', 'dds', 'rn', 'qc', 'kc', 'mp', 'mep', 'obe', 'mbe', 'cbe', 'kbe', 'dbe', 'frs', 'jd', 'mba', 'cpa', 'ret', 'usn', 'na']);
/** Dropped from comparison: they are spelled inconsistently (al-/el-) or omitted freely (de, van). */
const PARTICLES = new Set(['al', 'el', 'ul', 'ud', 'ur', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'des', 'dos', 'das', 'do', 'van', 'von', 'vom', 'zu', 'la', 'le', 'lo', 'ter', 'ten']);
const PATRONYMIC_MARKERS = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'bar', 'ap']);
/** Prefixes that are part of a surname, not a separate word, when followed by a capital (McDonald, DeShawn). */
const JOINED_PREFIXES = new Set(['mc', 'mac', 'de', 'di', 'da', 'la', 'le', 'van', 'von', 'o', 'st', 'fitz', 'du', 'dal', 'del']);

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', ŋ: 'ng',
};
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '',
  ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r',
  σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const GEORGIAN: Record<string, string> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r',
  ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};
const ARMENIAN: Record<string, string> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'e', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts', կ: 'k', հ: 'h', ձ: 'dz',
  ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r', ց: 'ts', ւ: 'v',
  փ: 'p', ք: 'k', օ: 'o', ֆ: 'f', և: 'ev',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Lower-case, accent-free, Latin-script form of a word (other scripts are kept as they are). */
const foldCache = new Map<string, string>();

export function foldWord(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const folded = foldUncached(word);
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

function foldUncached(word: string): string {
  const lower = word.toLowerCase();
  if (/^[a-z]*$/.test(lower)) return lower;
  let out = '';
  // Armenian "ու" is one vowel, u.
  for (const composed of lower.normalize('NFC').replace(/ու/gu, 'u')) {
    // Only Latin/Greek/Cyrillic letters lose their accents; Hangul syllables or Devanagari vowel signs are the word itself.
    const decomposed = /[\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff]/u.test(composed) ? composed.normalize('NFKD') : composed;
    for (const ch of decomposed) {
      if (/[\u0300-\u036f]/u.test(ch)) continue;
      out += SPECIAL_LETTERS[ch] ?? CYRILLIC[ch] ?? GREEK[ch] ?? GEORGIAN[ch] ?? ARMENIAN[ch] ?? ch;
    }
  }
  if (/\p{L}/u.test(out) && /[0-9@$]/.test(out)) out = out.replace(/[0-9@$]/g, (d) => LEET[d] ?? d);
  return out.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

function isSuffixWord(word: string): boolean {
  return SUFFIXES.has(foldWord(word));
}

/** "Smith, John" and "SMITH, John A." → "John Smith"; a comma before a suffix ("John Smith, Jr.") is not a reorder. */
const LOWERCASE_NAME_WORDS = new Set([...PARTICLES, ...PATRONYMIC_MARKERS]);

/** A part after a comma that holds ordinary lower-case words is a description ("Jane Smith, a pediatrician"). */
function isDescription(part: string): boolean {
  return part.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !LOWERCASE_NAME_WORDS.has(w.replace(/[.'’-]+$/u, '')));
}

/** "Smith, John" and "SMITH, John A." → "John Smith"; a comma before a suffix ("John Smith, Jr.") or a description is not a reorder. */
function reorderComma(name: string): string {
  const parts = name.split(',').map((p) => p.trim()).filter(Boolean);
  while (parts.length > 1 && parts[parts.length - 1].split(/\s+/).every(isSuffixWord)) parts.pop();
  const kept = parts.length > 1 && isDescription(parts[1]) ? parts.slice(0, 1) : parts;
  if (kept.length === 2) return `${kept[1]} ${kept[0]}`;
  return kept.join(' ');
}

const ORDINAL = '(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)';
/** ", 9th Earl Spencer", ", 5th Earl of Wexley", ", Baroness Thatcher": a peerage after the personal name. */
const PEERAGE_AFTER_COMMA = new RegExp(`,\\s*(?:the\\s+)?(?:${ORDINAL}\\s+)?(?:${PEERAGE_RANKS.join('|')})\\b.*$`, 'iu');
/** "Baroness Thatcher of Kesteven", "Lord Smith of Finsbury": the territorial designation after a peer's name. */
const RANK_WORD = PEERAGE_RANKS.map((r) => `[${r[0].toUpperCase()}${r[0]}]${r.slice(1)}`).join('|');
const TERRITORIAL = new RegExp(`^((?:${RANK_WORD})\\s+\\p{Lu}[\\p{L}'’-]*)\\s+of\\s+.*$`, 'u');

/** The personal name of a peer, without the rank and territorial designation (they read as an organisation's "of"). */
export function withoutPeerage(name: string): string {
  return name.replace(PEERAGE_AFTER_COMMA, '').replace(TERRITORIAL, '$1');
}

/**
 * "Turkey's Erdoğan", "Turkish President Recep Tayyip Erdoğan", "Georgia Gov. Brian Kemp": a place or
 * demonym before a title, or a place's possessive, says where the person is from; it is not their name.
 */
function dropLeadingPlace(name: string): string {
  const words = name.split(' ');
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const possessive = /['’]s$/u.test(head);
    const place = head.replace(/['’]s$/u, '');
    if (!isPlaceName(place) && !(n === 1 && isDemonym(place))) continue;
    const next = foldWord(words[n]);
    // An ambiguous title needs a name after it: "Saudi King Salman" drops "Saudi", the person "Georgia King" stays.
    const title = TITLES.has(next) && (!TITLE_ONLY_IF_FOLLOWED.has(next) || words.length > n + 2);
    if (possessive || title) return words.slice(n).join(' ');
  }
  return name;
}

/** Drops what surrounds a name in running text: "(D-Calif.)", a possessive "'s", a leading "the" or "U.S.", a peerage. */
export function cleanName(name: string): string {
  const cleaned = withoutPeerage(name)
    .replace(/[([{][^)\]}]*[)\]}]?/gu, ' ')
    .replace(/['’]s?(?=\s*(?:,|$))/u, '')
    .replace(/^\s*(?:the\s+)?(?:U\.\s?S\.|US)\s+(?=\p{L})/iu, '')
    .replace(/^\s*the\s+(?=\p{L})/iu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return dropLeadingPlace(cleaned);
}

/** Splits "VladimirPutin" → "Vladimir Putin" but keeps McDonald, DeShawn, LeBron. */
function splitCamelCase(name: string): string {
  return name.replace(/(\p{Ll}+)(?=\p{Lu}\p{Ll})/gu, (lower, _m, offset: number) => {
    const start = name.slice(0, offset).search(/[\p{L}']+$/u);
    const head = (start >= 0 ? name.slice(start, offset) : '') + lower;
    return JOINED_PREFIXES.has(head.toLowerCase()) || head.length < 3 ? lower : `${lower} `;
  });
}

interface Word {
  text: string;
  group: number;
  original: string;
}

function words(name: string): Word[] {
  const out: Word[] = [];
  let group = 0;
  const allCaps = !/\p{Ll}/u.test(name);
  for (const chunk of name.split(/[\s,;/()[\]{}"“”«»]+/u).filter(Boolean)) {
    // Apostrophes inside a word are spelling (O'Brien, Qa'ida); a leading one is dropped ('Abd).
    const cleaned = chunk.replace(/['’‘`ʼʻ´]/gu, '');
    for (const piece of cleaned.split(/[-‐‑–—_.·・]+/u)) {
      if (!piece) continue;
      // Upper-case runs of 2–3 letters in a mixed-case name are initials ("JC Juncker").
      if (!allCaps && /^\p{Lu}{2,3}$/u.test(piece) && !SUFFIXES.has(piece.toLowerCase())) {
        for (const letter of piece) out.push({ text: letter, group, original: letter });
      } else {
        out.push({ text: piece, group, original: piece });
      }
    }
    group++;
  }
  return out;
}

/** No real name is longer; the cap keeps word alignment (quadratic in words) cheap on hostile input. */
export const MAX_NAME_CHARS = 300;
export const MAX_NAME_WORDS = 16;

/** Parses a person's name; never throws (an empty name gives no tokens). */
export function parsePersonName(input: string): ParsedName {
  const raw = input.slice(0, MAX_NAME_CHARS * 4).replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_CHARS);
  const ordered = splitCamelCase(reorderComma(cleanName(raw)));
  let list = words(ordered);

  const titles: string[] = [];
  while (list.length > 1) {
    const folded = foldWord(list[0].text);
    if (!TITLES.has(folded)) break;
    if (TITLE_ONLY_IF_FOLLOWED.has(folded) && list.length < 3) break;
    titles.push(folded);
    list = list.slice(1);
  }
  while (list.length > 1 && isSuffixWord(list[list.length - 1].text) && list[list.length - 1].text.toLowerCase() !== 'v') list = list.slice(0, -1);

  const tokens: NameToken[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const folded = foldWord(list[i].text);
    if (!folded) continue;
    const next = list[i + 1];
    if (PATRONYMIC_MARKERS.has(folded) && next && tokens.length > 0) {
      const father = foldWord(next.text);
      if (father && !PARTICLES.has(father)) {
        const key = `bin ${father}`;
        if (!seen.has(key)) tokens.push({ text: father, initial: false, group: list[i].group, patronymic: true });
        seen.add(key);
        i++;
        continue;
      }
    }
    // "Le Pen", "de Blasio", "al-Assad": the particle is dropped when a name word follows, so "Le Pen" is a surname reference.
    // A leading "Al" written as a word of its own is the given name (Al Jenkins, Al Gore), not the Arabic article.
    const givenAl = folded === 'al' && tokens.length === 0 && next && next.group !== list[i].group && list[i].original.startsWith('A');
    if (!givenAl && PARTICLES.has(folded) && next && foldWord(next.text) && !PARTICLES.has(foldWord(next.text))) continue;
    // A word written twice in a row ("Sergey Sergey Shoigu") adds nothing; elsewhere a repeat is a real name word.
    const previous = tokens[tokens.length - 1];
    if (previous && !previous.patronymic && previous.text === folded) continue;
    tokens.push({ text: folded, initial: folded.length === 1 && /\p{L}/u.test(folded), group: list[i].group, patronymic: false });
  }

  tokens.splice(MAX_NAME_WORDS);
  const gender = titles.some((t) => FEMALE_TITLES.has(t)) ? 'female' : titles.some((t) => MALE_TITLES.has(t)) ? 'male' : undefined;
  const display = stripTitles(raw);
  return { raw, display, tokens, titles, gender, ...(isPlace(display) ? { place: true } : {}) };
}

/** A country or region; a city only when it is not also a given name (many are named after people: Cleveland, Austin). */
function isPlace(display: string): boolean {
  const kind = placeKind(display);
  return kind === 'country' || kind === 'region' || (kind === 'city' && !isKnownGivenName(display));
}

/** The name with leading titles and trailing suffixes removed, spelling and case kept ("Dr. Jane Smith-Jones" → "Jane Smith-Jones"). */
export function stripTitles(name: string): string {
  let rest = cleanName(name);
  const comma = rest.indexOf(',');
  if (comma > 0 && isDescription(rest.slice(comma + 1).trim())) rest = rest.slice(0, comma);
  for (;;) {
    const m = /^([\p{L}]+)\.?\s+(?=\S)/u.exec(rest);
    if (!m || !TITLES.has(foldWord(m[1]))) break;
    const remaining = rest.slice(m[0].length);
    if (TITLE_ONLY_IF_FOLLOWED.has(foldWord(m[1])) && !/\s/.test(remaining.trim())) break;
    rest = remaining;
  }
  for (;;) {
    const m = /,?\s+([\p{L}.]+)\.?$/u.exec(rest);
    if (!m || !isSuffixWord(m[1]) || m[1].toUpperCase() === 'V') break;
    rest = rest.slice(0, m.index);
  }
  return rest.trim();
}
