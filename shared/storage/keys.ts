/**
 * Key builders and the text normalisation the index keys depend on. Writing and querying both go
 * through here, so a key format change is one edit.
 */

/** Lower case, accents stripped, anything but letters and digits turned into single spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const key = {
  doc: (docId: string) => `DOC#${docId}`,
  meta: 'META',
  quote: (quoteId: string) => `Q#${quoteId}`,
  claim: (claimId: string) => `C#${claimId}`,
  claimFingerprint: (fingerprint: string, claimId: string) => `CF#${fingerprint}#${claimId}`,
  docSpeaker: (speakerId: string) => `S#${speakerId}`,
  alias: (name: string, speakerId: string) => `A#${name}#${speakerId}`,
  flag: (speakerId: string) => `F#${speakerId}`,
  speaker: (speakerId: string) => `SPEAKER#${speakerId}`,
  hash: (hash: string) => `HASH#${hash}`,
  // GSI partitions
  docsMonth: (month: string) => `DOCS#${month}`,
  speakerQuotes: (speakerId: string) => `SPK#${speakerId}`,
  quoteMonth: (month: string) => `QDATE#${month}`,
  aliasLookup: (name: string) => `ALIAS#${name}`,
  namePrefix: (name: string) => `NAME#${[...name][0] ?? '_'}`,
  flags: (status: string) => `FLAGS#${status}`,
  claimsByFingerprint: (fingerprint: string) => `CLAIMFP#${fingerprint}`,
  claimRank: (month: string) => `CLAIMRANK#${month}`,
};

export const SHARDS_PK = 'SHARDS';
/**
 * The work list in the base table (never a GSI): one marker per document not yet finished, spread
 * over 16 partitions by the id's first hex digit. The recovery sweeper queries these.
 */
export const PENDING_SHARDS = [...'0123456789abcdef'].map((c) => `PENDING#${c}`);
export function pendingPartition(documentId: string): string {
  const c = documentId.charAt(1).toLowerCase();
  return /^[0-9a-f]$/.test(c) ? `PENDING#${c}` : 'PENDING#0';
}
export const KEEPAPART_PK = 'KEEPAPART';
export const DECISION_PK = 'DECISION';

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Sort-key upper bound for an inclusive "to" date ("2020-01-31" includes that whole day). */
export function upperBound(to: string): string {
  return `${to}\uffff`;
}

export function flagId(documentId: string, speakerId: string): string {
  return `${documentId}~${speakerId}`;
}

/** Sort key of a claim in its month's ranking: best score first in ascending order, then newest. */
export function claimRankKey(score: number, sortDate: string, documentId: string, claimId: string): string {
  const rank = String(9999 - Math.round(Math.min(1, Math.max(0, score)) * 9999)).padStart(4, '0');
  return `${rank}#${sortDate}#${documentId}#${claimId}`;
}

/** A claim's id across documents: "<documentId>~<claimId>". */
export function claimKey(documentId: string, claimId: string): string {
  return `${documentId}~${claimId}`;
}

export function parseClaimKey(id: string): { documentId: string; claimId: string } | null {
  const match = /^([A-Za-z0-9_-]{1,128})~(c\d{1,6})$/.exec(id);
  return match ? { documentId: match[1], claimId: match[2] } : null;
}

export function parseFlagId(id: string): { documentId: string; speakerId: string } | null {
  const match = /^([A-Za-z0-9_-]{1,128})~([A-Za-z0-9_-]{1,128})$/.exec(id);
  return match ? { documentId: match[1], speakerId: match[2] } : null;
}
