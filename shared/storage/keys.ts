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

const STOPWORDS = new Set(
  ('a an and are as at be been but by for from had has have he her hers him his i if in into is it its me my no not of on or our ' +
    'she so than that the their them then there these they this those to too us was we were what when where which who will with ' +
    'would you your said says say').split(' '),
);

/** Words of a filter (`q` on listings and exports): normalised; stop words dropped unless nothing else is left. */
export function queryWords(q: string): string[] {
  const all = normalizeName(q).split(' ').filter((w) => w.length > 0);
  const kept = all.filter((w) => w.length >= 2 && !STOPWORDS.has(w));
  return [...new Set(kept.length ? kept : all)];
}

export const key = {
  doc: (docId: string) => `DOC#${docId}`,
  meta: 'META',
  /** A quote's position in its pack (cursors resume after it); packs themselves are `quotePack` items. */
  quote: (quoteId: string) => `Q#${ordered(quoteId)}`,
  quotePacks: 'Q#',
  /** Part `part` (from 1) of a run's quotes of a document by one speaker; `~` holds the unattributed ones. */
  quotePack: (version: string | undefined, speakerId: string | null, part: number) => `Q#${version ?? '-'}#${speakerId ?? '~'}#${String(part).padStart(3, '0')}`,
  docSpeaker: (speakerId: string) => `S#${speakerId}`,
  docSpeakers: 'S#',
  alias: (name: string, speakerId: string) => `A#${name}#${speakerId}`,
  aliases: 'A#',
  flag: (speakerId: string) => `F#${speakerId}`,
  merge: (fromSpeakerId: string) => `M#${fromSpeakerId}`,
  speaker: (speakerId: string) => `SPEAKER#${speakerId}`,
  hash: (hash: string) => `HASH#${hash}`,
  // GSI partitions
  docsMonth: (month: string) => `DOCS#${month}`,
  speakerQuotes: (speakerId: string) => `SPK#${speakerId}`,
  namePrefix: (name: string) => `NAME#${[...name][0] ?? '_'}`,
  flags: (status: string) => `FLAGS#${status}`,
  merges: (status: string) => `MERGES#${status}`,
};

export const SHARDS_PK = 'SHARDS';
/** The SHARDS item listing the months documents (and so their quotes) are listed under. */
export const DOCUMENT_SHARDS = 'DOCS';
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

/**
 * The sort date of a document with no known publication date: it sorts after every real date (newest
 * first) and lists under its own month shard, so a date-range search never finds it and `undated` does.
 */
export const UNDATED = '0000-00-00T00:00:00.000Z';
const FIRST_DATED = '0001';

/** The inclusive sort-key range of a date filter: `undated` alone, else real dates between from and to. */
export function dateRange(filter: { from?: string; to?: string; undated?: boolean }): { from?: string; to?: string } {
  if (filter.undated) return { from: UNDATED.slice(0, 10), to: upperBound(UNDATED.slice(0, 10)) };
  if (!filter.from && !filter.to) return {};
  return { from: filter.from ?? FIRST_DATED, to: filter.to ? upperBound(filter.to) : undefined };
}

/** Sort key of part `part` of a document's items in a newest-first listing: part 1 first. */
export function partSortKey(sortDate: string, documentId: string, part: number): string {
  return `${sortDate}#${documentId}#${String(999_999 - part).padStart(6, '0')}`;
}

/** The number of an extraction id ("q10" → 10), which orders it among its document's items. */
export function ordinalOf(id: string): number {
  const digits = /(\d+)$/.exec(id);
  return digits ? Math.min(999_999, Number(digits[1])) : 0;
}

/** An item id within its document's partition, zero-padded so keys sort in reading order ("q10" → "q000010"). */
function ordered(id: string): string {
  const match = /^(.*?)(\d+)$/.exec(id);
  return match ? `${match[1]}${match[2].padStart(6, '0')}` : id;
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** Sort-key upper bound for an inclusive "to" date ("2020-01-31" includes that whole day). */
export function upperBound(to: string): string {
  return `${to}\uffff`;
}

/** A person's decision that outlives the run that wrote the item: a rejected flag or merge stays, and shows. */
export function isKeptDecision(item: { sk?: unknown; status?: unknown }): boolean {
  return item.status === 'rejected' && /^[FM]#/.test(String(item.sk));
}

export function flagId(documentId: string, speakerId: string): string {
  return `${documentId}~${speakerId}`;
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
