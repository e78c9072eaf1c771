/**
 * Groups the name mentions of one document into people and organisations.
 *
 * 1. Mentions with the same spelling (titles aside) are one spelling entry.
 * 2. Full person names join an existing person only when they match EVERY full name already
 *    in it (complete linkage, so A~B~C chains cannot merge two people) and exactly one person fits.
 * 3. Short references (a surname or a given name alone, "Oyster", "Sanders-Jandro", "Kristin")
 *    join the one person they fit; when several fit (two Smiths) they stay apart.
 * 4. Organisations are clustered only with organisations.
 * Candidates are compared only within blocks (shared Double Metaphone code, first letters or
 * hypocorism group), so large inputs do not compare every pair. Output order is deterministic.
 */
import type { NameEvidence } from '../schema.ts';
import type { NameContext } from './types.ts';
import { alignTokens, comparePersons, differingCodes } from './compare.ts';
import { MAX_NAME_CHARS, parsePersonName, stripTitles, type NameToken, type ParsedName } from './normalize.ts';
import { compareOrganizations, looksLikeOrganization, organizationCore } from './organizations.ts';
import { compareTokens } from './tokens.ts';
import { phoneticCodes } from './metrics.ts';
import { nicknameKeys } from '../lexicon/given-names.ts';
import { jaroWinkler } from './metrics.ts';

/** key: the caller's id for the mention; order: its first offset (earlier = introduced first). */
export interface NameCandidate extends NameContext {
  key: string;
  name: string;
  order: number;
}

export interface NameCluster {
  keys: string[];
  canonical: string;
  variants: string[];
  evidence: NameEvidence[];
  confidence: number;
  /** Which candidate keys carry each variant spelling (so callers can list a variant's mentions). */
  variantKeys?: Record<string, string[]>;
  kind?: 'person' | 'organization';
}

export interface ClusterOptions {
  /** Pairs of spellings (or candidate keys) confirmed to be DIFFERENT people: never merged. */
  keepApart?: Array<[string, string]>;
}

interface Spelling {
  id: number;
  display: string;
  parsed: ParsedName;
  kind: 'person' | 'organization';
  short: boolean;
  keys: string[];
  order: number;
  role?: string;
  organization?: string;
  gender?: 'male' | 'female';
  kindGiven: boolean;
}

interface Group {
  members: Spelling[];
  confidence: number;
}

/** Largest number of members a new name is checked against in complete linkage (bounds the cost). */
const MAX_LINKAGE = 12;
/** Largest block consulted; beyond it a key is too common to be worth comparing everything in it. */
const MAX_BLOCK = 60;

function spellingKey(kind: string, display: string, parsed: ParsedName): string {
  if (kind === 'organization') return `o|${organizationCore(display).join(' ')}`;
  return `p|${parsed.tokens.map((t) => (t.patronymic ? `bin ${t.text}` : t.text)).join(' ')}|${display.toLowerCase()}`;
}

function isShortReference(parsed: ParsedName): boolean {
  const groups = new Set(parsed.tokens.map((t) => t.group));
  return groups.size === 1;
}

function blockKeys(tokens: NameToken[]): string[] {
  const keys: string[] = [];
  for (const t of tokens) {
    if (t.initial) continue;
    keys.push(`s:${t.text.slice(0, 3)}`);
    for (const code of phoneticCodes(t.text)) keys.push(`c:${code.slice(0, 4)}`);
    for (const k of nicknameKeys(t.text)) keys.push(`n:${k}`);
    // O'Flynn / Flynn: also block on the word without its prefix.
    const stripped = t.text.replace(/^(o|mc|mac)(?=[a-z]{3})/, '');
    if (stripped !== t.text) keys.push(`s:${stripped.slice(0, 3)}`);
  }
  return keys;
}

function orgBlockKeys(display: string): string[] {
  const core = organizationCore(display);
  return [...core.map((w) => `w:${w.slice(0, 4)}`), `a:${core.map((w) => w[0]).join('')}`, `j:${core.join('').slice(0, 4)}`];
}

class BlockIndex {
  private readonly index = new Map<string, Set<number>>();
  add(keys: string[], group: number): void {
    for (const key of keys) {
      let set = this.index.get(key);
      if (!set) this.index.set(key, (set = new Set()));
      set.add(group);
    }
  }
  /** Groups sharing a key; keys shared by very many groups are skipped (others still find the match) to bound the work. */
  candidates(keys: string[]): number[] {
    const out = new Set<number>();
    const sets = keys.map((key) => this.index.get(key)).filter((set): set is Set<number> => Boolean(set?.size));
    const usable = sets.filter((set) => set.size <= MAX_BLOCK);
    const chosen = usable.length ? usable : sets.sort((x, y) => x.size - y.size).slice(0, 1);
    for (const set of chosen) for (const g of set) out.add(g);
    return [...out].sort((x, y) => x - y);
  }
}

function normalisedPair(a: string, b: string): string {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

export function clusterNames(candidates: NameCandidate[], options: ClusterOptions = {}): NameCluster[] {
  // Bad entries (no name, no usable order) are skipped or put last rather than breaking the sort.
  const sorted = candidates
    .filter((c) => c && typeof c.name === 'string' && c.name.trim() && c.key !== undefined && c.key !== null)
    .map((c) => ({ ...c, key: String(c.key), order: Number.isFinite(c.order) ? c.order : Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.order - y.order || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const apart = new Set<string>();
  for (const [x, y] of options.keepApart ?? []) {
    apart.add(normalisedPair(x, y));
    apart.add(normalisedPair(stripTitles(x), stripTitles(y)));
  }

  // 1. One entry per spelling.
  const spellings: Spelling[] = [];
  const byKey = new Map<string, Spelling>();
  const parsedNames = new Map<string, { display: string; guessedKind: 'person' | 'organization'; parsed: ParsedName }>();
  for (const c of sorted) {
    let known = parsedNames.get(c.name);
    if (!known) {
      const name = c.name.slice(0, MAX_NAME_CHARS);
      const display = stripTitles(name) || name.trim();
      known = { display, guessedKind: looksLikeOrganization(display) ? 'organization' : 'person', parsed: parsePersonName(name) };
      parsedNames.set(c.name, known);
    }
    const { display, parsed } = known;
    const kind = c.kind ?? known.guessedKind;
    if (kind === 'person' && !parsed.tokens.length) continue;
    const key = spellingKey(kind, display, parsed);
    let s = byKey.get(key);
    if (!s) {
      s = { id: spellings.length, display, parsed, kind, short: kind === 'person' && isShortReference(parsed), keys: [], order: c.order, role: c.role, organization: c.organization, gender: parsed.gender, kindGiven: Boolean(c.kind) };
      byKey.set(key, s);
      spellings.push(s);
    }
    s.keys.push(c.key);
    s.role ??= c.role;
    s.organization ??= c.organization;
    s.gender ??= parsed.gender ?? (c.title ? parsePersonName(`${c.title} X Y`).gender : undefined);
    s.kindGiven ||= Boolean(c.kind);
  }

  const keptApart = (x: Spelling, y: Spelling): boolean => {
    if (!apart.size) return false;
    if (apart.has(normalisedPair(x.display, y.display))) return true;
    for (const kx of x.keys) for (const ky of y.keys) if (apart.has(normalisedPair(kx, ky))) return true;
    return false;
  };

  const groups: Group[] = [];
  const personIndex = new BlockIndex();
  const shortIndex = new BlockIndex();
  const orgIndex = new BlockIndex();

  const personCache = new Map<number, ReturnType<typeof comparePersons>>();
  /** Memoised per run: complete linkage asks for the same pairs again and again. */
  const persons = (x: Spelling, y: Spelling) => {
    const key = x.id < y.id ? x.id * 1_000_003 + y.id : y.id * 1_000_003 + x.id;
    let result = personCache.get(key);
    if (!result) personCache.set(key, (result = comparePersons(x.parsed, y.parsed)));
    return result;
  };

  const contextPenalty = (x: Spelling, y: Spelling): number => {
    if (x.organization && y.organization) return compareOrganizations(x.organization, y.organization).same ? 0.08 : -0.15;
    return 0;
  };

  /** Compares a full name with every full name of a group (complete linkage); null when any disagrees. */
  const linkToGroup = (s: Spelling, group: Group): number | null => {
    let worst = 1;
    const fulls = group.members.filter((m) => !m.short).slice(0, MAX_LINKAGE);
    for (const m of group.members) if (keptApart(s, m)) return null;
    if (s.gender && group.members.some((m) => m.gender && m.gender !== s.gender)) return null;
    for (const m of fulls) {
      const result = persons(s, m);
      const confidence = result.confidence + contextPenalty(s, m);
      if (!result.same || confidence < 0.6) return null;
      worst = Math.min(worst, confidence);
    }
    return fulls.length ? worst : null;
  };

  const givenIndex = new BlockIndex();
  /** Groups are found by their surnames (which must agree for a match) and, for lone given names, by their first name. */
  const indexGroup = (s: Spelling, g: number) => {
    const tokens = s.parsed.tokens;
    const lastGroup = tokens[tokens.length - 1].group;
    personIndex.add(blockKeys(tokens.filter((t) => t.group === lastGroup)), g);
    const first = tokens.find((t) => t.group !== lastGroup && !t.initial && !t.patronymic);
    if (first) givenIndex.add(blockKeys([first]), g);
  };

  // 2. Full person names, in order of appearance.
  for (const s of spellings) {
    if (s.kind !== 'person' || s.short) continue;
    const keys = blockKeys(s.parsed.tokens);
    const fits: Array<{ group: number; confidence: number }> = [];
    for (const g of personIndex.candidates(keys)) {
      const confidence = linkToGroup(s, groups[g]);
      if (confidence !== null) fits.push({ group: g, confidence });
    }
    if (fits.length === 1) {
      const group = groups[fits[0].group];
      group.members.push(s);
      group.confidence = Math.min(group.confidence, fits[0].confidence);
      indexGroup(s, fits[0].group);
    } else {
      groups.push({ members: [s], confidence: 1 });
      indexGroup(s, groups.length - 1);
    }
  }

  // 3. Organisations with organisations.
  for (const s of spellings) {
    if (s.kind !== 'organization') continue;
    const keys = orgBlockKeys(s.display);
    let joined = false;
    for (const g of orgIndex.candidates(keys)) {
      const group = groups[g];
      if (group.members.some((m) => keptApart(s, m))) continue;
      const results = group.members.slice(0, MAX_LINKAGE).map((m) => compareOrganizations(s.display, m.display));
      if (results.every((r) => r.same)) {
        group.members.push(s);
        group.confidence = Math.min(group.confidence, ...results.map((r) => r.score));
        orgIndex.add(keys, g);
        joined = true;
        break;
      }
    }
    if (!joined) {
      groups.push({ members: [s], confidence: 1 });
      orgIndex.add(keys, groups.length - 1);
    }
  }

  // 4. Short references join the one person they fit (or, with no stated kind, the one organisation they name).
  const fullGroupCount = groups.length;
  for (const s of spellings) {
    if (s.kind !== 'person' || !s.short) continue;
    const keys = blockKeys(s.parsed.tokens);
    const fits: Array<{ group: number; confidence: number; exact: boolean }> = [];
    const candidateGroups = [...new Set([...personIndex.candidates(keys), ...givenIndex.candidates(keys)])].sort((x, y) => x - y);
    for (const g of candidateGroups) {
      if (g >= fullGroupCount) continue;
      const fit = fitShortReference(s, groups[g]);
      if (fit && !groups[g].members.some((m) => keptApart(s, m))) fits.push({ group: g, ...fit });
    }
    const exact = fits.filter((f) => f.exact);
    let chosen = exact.length === 1 ? exact[0] : exact.length === 0 && fits.length === 1 ? fits[0] : undefined;
    if (!chosen && fits.length > 1) chosen = disambiguateByContext(s, exact.length ? exact : fits, groups);
    if (!chosen && !fits.length && !s.kindGiven) {
      // "Allina" after "Allina Health": a lone word naming exactly one organisation of the document.
      const word = s.parsed.tokens.map((t) => t.text).join('');
      const orgs = orgIndex.candidates([`w:${word.slice(0, 4)}`]).filter((g) => groups[g].members.some((m) => organizationCore(m.display)[0] === word) && !groups[g].members.some((m) => keptApart(s, m)));
      // Several ("Allina Health", "Allina Health Maplewood Clinic"): the shortest name is the organisation itself.
      const size = (g: number) => Math.min(...groups[g].members.map((m) => organizationCore(m.display).length));
      const smallest = orgs.length ? Math.min(...orgs.map(size)) : 0;
      const best = orgs.filter((g) => size(g) === smallest);
      if (best.length === 1) chosen = { group: best[0], confidence: 0.7, exact: true };
    }
    if (chosen) {
      groups[chosen.group].members.push(s);
      groups[chosen.group].confidence = Math.min(groups[chosen.group].confidence, chosen.confidence);
      continue;
    }
    if (fits.length > 1) {
      // Ambiguous (two Smiths): the bare reference stays on its own.
      groups.push({ members: [s], confidence: 1 });
      continue;
    }
    // No full name fits: group it with other lone references spelled alike ("Saunders-Jandro" / "Sanders-Jandro").
    let joined = false;
    for (const g of shortIndex.candidates(keys)) {
      const group = groups[g];
      if (group.members.some((m) => keptApart(s, m))) continue;
      const results = group.members.map((m) => persons(s, m));
      if (results.every((r) => r.same)) {
        group.members.push(s);
        group.confidence = Math.min(group.confidence, ...results.map((r) => r.confidence));
        joined = true;
        break;
      }
    }
    if (!joined) {
      groups.push({ members: [s], confidence: 1 });
      shortIndex.add(keys, groups.length - 1);
    }
  }

  const keyOrder = new Map(sorted.map((c) => [c.key, c.order]));
  return groups
    .map((g) => describeGroup(g, keyOrder))
    .sort((x, y) => x.order - y.order)
    .map(({ order: _order, ...cluster }) => cluster);
}

/** Two Smiths and a bare "Smith": the one whose organisation or role the mention shares, if exactly one. */
function disambiguateByContext<T extends { group: number }>(s: Spelling, fits: T[], groups: Group[]): T | undefined {
  if (!s.organization && !s.role) return undefined;
  const agree = fits.filter((f) =>
    groups[f.group].members.some(
      (m) =>
        (s.organization && m.organization && compareOrganizations(s.organization, m.organization).same) ||
        (s.role && m.role && s.role.trim().toLowerCase() === m.role.trim().toLowerCase()),
    ),
  );
  return agree.length === 1 ? agree[0] : undefined;
}

/** Does a lone surname / given name fit this person? */
function fitShortReference(s: Spelling, group: Group): { confidence: number; exact: boolean } | null {
  if (s.gender && group.members.some((m) => m.gender && m.gender !== s.gender)) return null;
  let best: { confidence: number; exact: boolean } | null = null;
  for (const full of group.members) {
    if (full.short) continue;
    const tokens = full.parsed.tokens;
    const lastGroup = tokens[tokens.length - 1].group;
    const surname = tokens.filter((t) => t.group === lastGroup && !t.patronymic);
    // The first given name, with all its parts when hyphenated ("Jean-Claude").
    const firstGroup = tokens[0].group;
    const given = firstGroup === lastGroup ? [] : tokens.filter((t) => t.group === firstGroup && !t.initial && !t.patronymic);
    let fit = fitTokens(s.parsed.tokens, surname, 'surname') ?? (given.length && s.parsed.tokens.length === given.length ? fitTokens(s.parsed.tokens, given, 'given') : null);
    // A place ("China") joins a person only by the very word (London / Jack London), never by resemblance (Chin).
    if (fit && s.parsed.place && !fit.exact) fit = null;
    if (fit && (!best || fit.confidence > best.confidence)) best = fit;
  }
  return best;
}

function fitTokens(short: NameToken[], target: NameToken[], role: 'surname' | 'given'): { confidence: number; exact: boolean } | null {
  if (!target.length || short.length > target.length || short.some((t) => t.initial)) return null;
  const used = new Set<number>();
  let total = 0;
  let exact = true;
  for (const t of short) {
    let bestIndex = -1;
    let bestScore = 0;
    target.forEach((u, i) => {
      if (used.has(i)) return;
      const m = compareTokens(t.text, u.text, role);
      if (m && m.reason !== 'initial' && m.reason !== 'short form' && m.score > bestScore) {
        bestScore = m.score;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) return null;
    used.add(bestIndex);
    total += bestScore;
    if (bestScore < 1) exact = false;
  }
  return { confidence: total / short.length, exact };
}

function lightWords(display: string): string[] {
  return display
    .toLowerCase()
    .split(/[\s\-‐–—.,'’]+/u)
    .filter(Boolean);
}

/** A spelling is a variant unless all its words appear, spelled identically, in the canonical form. */
function isVariant(spelling: Spelling, canonical: Spelling): boolean {
  if (spelling.display.toLowerCase() === canonical.display.toLowerCase()) return false;
  const words = new Set(lightWords(canonical.display));
  return !lightWords(spelling.display).every((w) => words.has(w) || (w.length === 1 && [...words].some((c) => c.startsWith(w))));
}

function evidenceFor(variant: Spelling, canonical: Spelling): NameEvidence {
  if (variant.kind === 'organization') {
    const org = compareOrganizations(variant.display, canonical.display);
    return { variant: variant.display, canonical: canonical.display, reasons: org.reasons, similarity: Number(org.similarity.toFixed(3)) };
  }
  const pairs = alignTokens(variant.parsed.tokens, canonical.parsed.tokens);
  const reasons = [...new Set(pairs.filter((p) => p.match.reason !== 'identical').map((p) => {
    const v = variant.parsed.tokens[p.a].text;
    const c = canonical.parsed.tokens[p.b].text;
    return `${p.match.reason}: ${v} ~ ${c}`;
  }))];
  if (!reasons.length) reasons.push(comparePersons(variant.parsed, canonical.parsed).reasons[0] ?? 'same words');
  const differing = pairs.filter((p) => p.match.reason !== 'identical');
  const similarity = differing.length ? differing.reduce((sum, p) => sum + p.match.similarity, 0) / differing.length : jaroWinkler(variant.display.toLowerCase(), canonical.display.toLowerCase());
  const codes = differingCodes(variant.parsed, canonical.parsed, pairs);
  return {
    variant: variant.display,
    canonical: canonical.display,
    reasons,
    similarity: Number(Math.max(0, Math.min(1, similarity)).toFixed(3)),
    ...(Object.keys(codes).length ? { codes } : {}),
  };
}

function fullness(s: Spelling): number {
  if (s.kind === 'organization') return organizationCore(s.display).length;
  return s.parsed.tokens.filter((t) => !t.initial).length * 2 + s.parsed.tokens.length;
}

function describeGroup(group: Group, keyOrder: Map<string, number>): NameCluster & { order: number } {
  const members = [...group.members].sort((x, y) => x.order - y.order);
  // The founding spelling decides the kind; a lone word that joined an organisation never becomes its name.
  const kind = group.members[0].kind;
  const sameKind = members.filter((m) => m.kind === kind);
  const canonical = sameKind.reduce((best, s) => (fullness(s) > fullness(best) ? s : best), sameKind[0]);
  const variants: Spelling[] = [];
  const seen = new Set<string>([canonical.display.toLowerCase()]);
  for (const s of members) {
    const key = s.display.toLowerCase();
    if (seen.has(key) || !isVariant(s, canonical)) continue;
    seen.add(key);
    variants.push(s);
  }
  const variantKeys: Record<string, string[]> = {};
  for (const v of variants) {
    variantKeys[v.display] = members.filter((m) => m.display.toLowerCase() === v.display.toLowerCase()).flatMap((m) => m.keys);
  }
  const keys = [...new Set(members.flatMap((m) => m.keys))].sort((x, y) => keyOrder.get(x)! - keyOrder.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  return {
    keys,
    canonical: canonical.display,
    variants: variants.map((v) => v.display),
    evidence: variants.map((v) => evidenceFor(v, canonical)),
    confidence: Number(Math.max(0, Math.min(1, group.confidence)).toFixed(3)),
    ...(variants.length ? { variantKeys } : {}),
    kind: canonical.kind,
    order: keyOrder.get(keys[0])!,
  };
}
