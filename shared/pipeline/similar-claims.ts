/**
 * The same claim in other documents: candidates come from the search projection by fingerprint (same figure, or same
 * superlative about the same thing), and each is kept when compareClaims finds enough in common, with the evidence.
 */
import { claimFingerprints, compareClaims, SAME_CLAIM_SCORE, type SimilarityEvidence } from '../claims/fingerprint.ts';
import type { ClaimRecord } from '../storage/ports.ts';
import type { ClaimSearch } from '../search/claims.ts';

/** Candidates read per fingerprint: the newest first. */
const PER_FINGERPRINT = 100;

export interface SimilarClaim {
  claim: ClaimRecord;
  evidence: SimilarityEvidence;
}

export async function similarClaims(
  claims: Pick<ClaimSearch, 'get' | 'withFingerprint'>,
  documentId: string,
  claimId: string,
  limit = 20,
): Promise<{ claim: ClaimRecord; similar: SimilarClaim[] } | null> {
  const claim = await claims.get(documentId, claimId);
  if (!claim) return null;
  const seen = new Set<string>();
  const similar: SimilarClaim[] = [];
  for (const fingerprint of claimFingerprints(claim)) {
    for (const other of await claims.withFingerprint(fingerprint, PER_FINGERPRINT)) {
      const id = `${other.documentId}~${other.id}`;
      // Other documents only: who else said it, and when.
      if (other.documentId === documentId || seen.has(id)) continue;
      seen.add(id);
      const evidence = compareClaims(claim, other);
      if (evidence.score >= SAME_CLAIM_SCORE) similar.push({ claim: other, evidence });
    }
  }
  similar.sort((a, b) => b.evidence.score - a.evidence.score || String(b.claim.sortDate ?? '').localeCompare(String(a.claim.sortDate ?? '')));
  return { claim, similar: similar.slice(0, limit) };
}
