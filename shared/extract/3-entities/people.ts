/**
 * Merges the speaker entries of one document that name the same person or organisation with
 * different spellings ("Sanders-Gendreau" / "Saunders-Jandro"), using the names clustering, and
 * builds one name flag per person written more than one way.
 */
import { clusterNames, type NameCandidate } from '../../names/index.ts';
import type { Mention, NameEvidence } from '../../schema.ts';
import type { SpeakerEntry } from './speakers.ts';

export interface PersonGroup {
  /** The entry kept (its name becomes the canonical spelling). */
  entry: SpeakerEntry;
  /** Distinct spellings other than the canonical, each with its mentions. */
  variants: Array<{ name: string; mentions: Mention[] }>;
  evidence: NameEvidence[];
  confidence: number;
}

export interface MergeResult {
  /** Entry → the entry it was merged into (itself when kept). */
  alias: Map<SpeakerEntry, SpeakerEntry>;
  groups: PersonGroup[];
}

export function mergeSpellings(entries: SpeakerEntry[], keepApart?: Array<[string, string]>): MergeResult {
  const alias = new Map<SpeakerEntry, SpeakerEntry>(entries.map((e) => [e, e]));
  // (a joint speaker is no spelling of either person it names)
  const named = entries.filter((e) => (e.kind === 'person' && !e.members) || e.kind === 'organization');
  const byKey = new Map(named.map((e) => [e.key, e]));
  const candidates: NameCandidate[] = named.map((e) => {
    const c: NameCandidate = { key: e.key, name: e.name, order: e.order, kind: e.kind as 'person' | 'organization' };
    if (e.title) c.title = e.title;
    if (e.role) c.role = e.role;
    if (e.organization) c.organization = e.organization;
    return c;
  });
  const groups: PersonGroup[] = [];
  if (candidates.length < 2) return { alias, groups };

  for (const cluster of clusterNames(candidates, keepApart ? { keepApart } : {})) {
    const members = cluster.keys.map((k) => byKey.get(k)).filter((e): e is SpeakerEntry => e !== undefined);
    if (members.length < 2) continue;
    members.sort((a, b) => a.order - b.order);
    // keep the entry already carrying the canonical spelling, else the first introduced
    const keep = members.find((m) => m.name === cluster.canonical) ?? members[0];
    const variantMentions = new Map<string, Mention[]>();
    for (const m of members) {
      if (m === keep) continue;
      alias.set(m, keep);
      for (const mention of m.mentions) {
        if (!keep.mentions.some((x) => x.start === mention.start)) keep.mentions.push(mention);
      }
      keep.title ??= m.title;
      keep.role ??= m.role;
      keep.organization ??= m.organization;
      keep.gender ??= m.gender;
      keep.order = Math.min(keep.order, m.order);
    }
    keep.mentions.sort((a, b) => a.start - b.start);
    if (cluster.canonical && keep.name !== cluster.canonical) keep.name = cluster.canonical;
    for (const variant of cluster.variants) {
      const keys = cluster.variantKeys?.[variant];
      const owners = keys ? keys.map((k) => byKey.get(k)).filter((e): e is SpeakerEntry => e !== undefined) : members.filter((m) => m.name === variant);
      const mentions = keep.mentions.filter((x) => x.text === variant || owners.some((o) => o.mentions.includes(x) && x.text !== keep.name));
      variantMentions.set(variant, mentions);
    }
    groups.push({
      entry: keep,
      variants: cluster.variants.map((name) => ({ name, mentions: variantMentions.get(name) ?? [] })),
      evidence: cluster.evidence,
      confidence: cluster.confidence,
    });
  }
  return { alias, groups };
}
