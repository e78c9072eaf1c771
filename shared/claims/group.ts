/**
 * Groups claims of many documents into "the same claim": candidates share a fingerprint (fingerprint.ts) and are
 * joined when compareClaims scores them at SAME_CLAIM_SCORE or more, the rule GET /claims/{key}/similar applies.
 * Groups are the connected pairs (union-find), so a claim worded two ways in three documents is one group.
 */
import { claimFingerprints, compareClaims, SAME_CLAIM_SCORE, type SimilarityEvidence } from './fingerprint.ts';
import type { Claim } from '../schema.ts';

export interface Groupable extends Pick<Claim, 'text' | 'figures'> {
  /** Unique across the input, e.g. "<documentId>~<claimId>". */
  key: string;
  documentId: string;
}

export interface ClaimLink {
  a: string;
  b: string;
  evidence: SimilarityEvidence;
}

/** Candidates compared per fingerprint at most: a very common figure ("$1 million") is not compared all pairs. */
const MAX_BUCKET = 200;

export function groupClaims(claims: Groupable[]): { groupOf: Map<string, number>; links: ClaimLink[] } {
  const parent = new Map<string, string>(claims.map((c) => [c.key, c.key]));
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const buckets = new Map<string, Groupable[]>();
  for (const c of claims) for (const fp of claimFingerprints(c)) (buckets.get(fp) ?? buckets.set(fp, []).get(fp)!).push(c);
  const links: ClaimLink[] = [];
  const compared = new Set<string>();
  for (const bucket of buckets.values()) {
    const group = bucket.slice(0, MAX_BUCKET);
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [x, y] = [group[i], group[j]];
        const pair = `${x.key}|${y.key}`;
        if (x.documentId === y.documentId || compared.has(pair)) continue; // across documents only
        compared.add(pair);
        const evidence = compareClaims(x, y);
        if (evidence.score < SAME_CLAIM_SCORE) continue;
        links.push({ a: x.key, b: y.key, evidence });
        parent.set(find(x.key), find(y.key));
      }
    }
  }
  // Group numbers in input order of each group's first claim; claims without a match get none.
  const linked = new Set(links.flatMap((l) => [l.a, l.b]));
  const numbers = new Map<string, number>();
  const groupOf = new Map<string, number>();
  for (const c of claims) {
    if (!linked.has(c.key)) continue;
    const root = find(c.key);
    if (!numbers.has(root)) numbers.set(root, numbers.size + 1);
    groupOf.set(c.key, numbers.get(root)!);
  }
  return { groupOf, links };
}
