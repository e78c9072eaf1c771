/**
 * The storage ports the domain and the handlers use. The adapters on the AWS SDK live beside
 * them (`s3-documents.ts`, `dynamo-index.ts`); nothing outside `shared/storage/` imports the SDK.
 */
import type { Claim, NameEvidence, QuoteKind } from '../schema.ts';
import type { DateSource } from '../dates/publication.ts';
import type { ExportFilter } from '../filters.ts';
import type { CorpusPerson } from '../pipeline/corpus-match.ts';

/** Every list takes a page request and returns a page with an opaque cursor (see `cursor.ts`). */
export interface PageRequest {
  limit?: number;
  cursor?: string | null;
}
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export type DocumentStatus = 'queued' | 'processing' | 'done' | 'failed';

/** What the uploader says about a document; stored as S3 object metadata and copied into the index. */
export interface DocumentMetadata {
  title?: string;
  url?: string;
  source?: string;
  /** ISO 8601 date or date-time of publication. */
  publishedAt?: string;
  contentType?: string;
  filename?: string;
  uploader?: string;
  /** The caller's own id (e.g. the `id` of a JSONL line). */
  externalId?: string;
  /** A short name the researcher files the document under (`shared/filters.ts` says what a name may be). */
  collection?: string;
}

export interface DocumentCounts {
  speakers: number;
  quotes: number;
  claims: number;
  flags: number;
}

export interface DocumentRecord extends DocumentMetadata {
  id: string;
  status: DocumentStatus;
  /** Why processing failed, in words a user can act on. */
  reason?: string;
  counts?: DocumentCounts;
  contentHash?: string;
  /** S3 keys of the raw object(s) with this content. */
  rawKeys: string[];
  bytes?: number;
  format?: string;
  /** Where `publishedAt` was read (record, html, dateline, press-header); absent when undated. */
  dateSource?: DateSource;
  /** Sort date: publishedAt when known, else UNDATED (`keys.ts`), which sorts after every real date. */
  sortDate: string;
  receivedAt: string;
  updatedAt: string;
  extractorVersion?: string;
  /** The committed run: readers see only the derived items written by it (see `indexDocument`). */
  version?: string;
  /** The run working on the document, and until when its lease holds (ms since the epoch). */
  runId?: string;
  leaseUntil?: number;
  /** Runs started on this document (the sweeper gives up after a few). */
  attempts?: number;
}

/** A document not yet finished, as the work list in the base table records it. */
export interface PendingMarker {
  id: string;
  rawKey?: string;
  /** When it was first registered (ms since the epoch). */
  since: number;
  /** Times the sweeper re-drove it. */
  redrives: number;
}

export interface QuoteRecord {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  kind: QuoteKind;
  confidence: number;
  cue: string | null;
  /** Global speaker id (identity across documents), or null when unattributed. */
  speakerId: string | null;
  /** Canonical name of the speaker. */
  speaker: string | null;
  /** The spelling used at this quote's attribution in this document, when it differs. */
  spelling?: string;
  sortDate: string;
  publishedAt?: string;
  source?: string;
  collection?: string;
  documentTitle?: string;
}

export interface ClaimRecord extends Omit<Claim, 'speakerId'> {
  documentId: string;
  speakerId: string | null;
  sortDate?: string;
  publishedAt?: string;
  source?: string;
  collection?: string;
  documentTitle?: string;
}

/** A speaker's profile as the index keeps it. */
export interface SpeakerProfile {
  id: string;
  canonical: string;
  kind: string;
  title?: string;
  role?: string;
  organization?: string;
  /** Every spelling seen for this speaker, canonical included. */
  variants: string[];
}

export interface SpeakerRecord extends SpeakerProfile {
  quoteCount: number;
  documentCount?: number;
}

/** A speaker as one document has them: the profile's fields, this document's spellings and counts. */
export interface DocumentSpeakerRecord extends SpeakerRecord {
  documentId: string;
  mentions: number;
  /** How the speaker was matched to this person of the corpus when the document wrote only a surname. */
  matchedBy?: string;
}

export type FlagStatus = 'open' | 'confirmed' | 'rejected';

export interface FlagRecord {
  /** Opaque flag id: `<documentId>~<speakerId>`. */
  id: string;
  documentId: string;
  documentTitle?: string;
  speakerId: string;
  canonical: string;
  /** Each spelling with its mentions; `sentence` is the sentence the mention was written in (`start`: its offset). */
  variants: Array<{ name: string; mentions: Array<{ start: number; end: number; text: string; sentence?: { start: number; text: string } }> }>;
  evidence: NameEvidence[];
  confidence: number;
  status: FlagStatus;
  sortDate: string;
  decidedAt?: string;
}

/**
 * A cross-document merge: a document's surname-only speaker credited to a person of the corpus
 * (shared/pipeline/corpus-match.ts). `auto`: confident, applied; `open`: applied but uncertain, in the review queue;
 * `confirmed`: a person agreed; `rejected`: a person undid it, and the document keeps the speaker apart from then on.
 */
export type MergeStatus = 'auto' | 'open' | 'confirmed' | 'rejected';

export interface MergeRecord {
  /** Opaque merge id: `<documentId>~<the surname speaker's own id>`. */
  id: string;
  documentId: string;
  documentTitle?: string;
  /** The name as the document wrote it ("Marwick") and the speaker id it has on its own. */
  name: string;
  fromSpeakerId: string;
  /** The person it was credited to. */
  speakerId: string;
  canonical: string;
  evidence: string[];
  confidence: number;
  status: MergeStatus;
  sortDate: string;
  decidedAt?: string;
}

export interface QuoteQuery extends PageRequest {
  /** A speaker id or any spelling of a name (aliases and flagged variants resolve to one speaker). */
  speaker?: string;
  /** Words that must all appear in the quote (case-insensitive, whole words): a filter of what the speaker or date reads; full-text search is the search projection's. */
  q?: string;
  /** Inclusive publication-date bounds, ISO dates. */
  from?: string;
  to?: string;
  source?: string;
  collection?: string;
  /** Only documents without a publication date (from/to are then ignored). */
  undated?: boolean;
  kind?: QuoteKind;
}

export interface ClaimQuery extends PageRequest {
  /** A speaker id or any spelling of a name, as in QuoteQuery. */
  speaker?: string;
  /** Words that must all appear in the claim (case-insensitive, whole words). */
  q?: string;
  /** Inclusive publication-date bounds, ISO dates; `month` (YYYY-MM) is the same as that month's bounds. */
  from?: string;
  to?: string;
  month?: string;
  /** Only claims of documents with no known publication date. */
  undated?: boolean;
  collection?: string;
  /** One of the claim's kinds (`number`, `comparison`, `prediction`…). */
  kind?: string;
  /** Lowest check-worthiness score listed, in [0, 1]. */
  minScore?: number;
}

/** Raw documents and extraction results in S3. */
export interface DocumentStore {
  putRaw(key: string, body: Uint8Array, metadata: DocumentMetadata): Promise<void>;
  getRaw(key: string, maxBytes?: number): Promise<{ body: Uint8Array; metadata: DocumentMetadata; size: number }>;
  headRaw(key: string): Promise<{ size: number; metadata: DocumentMetadata } | null>;
  putResult(key: string, result: unknown): Promise<void>;
  getResult(key: string): Promise<unknown | null>;
  /** Keys under a prefix (used by the bench and status checks). */
  listKeys(prefix: string): AsyncIterable<{ key: string; size: number }>;
  /** A presigned PUT for a direct upload of a large file. */
  presignPut?(key: string, metadata: DocumentMetadata, options: { expiresInSeconds: number; bytes?: number }): Promise<{ url: string; headers: Record<string, string> }>;
}

/** Everything `indexDocument` writes for one document, already mapped to records. */
export interface DocumentIndexEntry {
  document: DocumentRecord;
  quotes: QuoteRecord[];
  claims: ClaimRecord[];
  speakers: Array<SpeakerRecord & { mentions: number }>;
  flags: FlagRecord[];
  merges?: MergeRecord[];
}

export interface IndexWriteStats {
  itemsWritten: number;
  itemsDeleted: number;
  /** Write capacity units as DynamoDB bills them (table + each GSI the item is projected into). */
  writeUnits: number;
  /** Items in the document partition after the write (table items only). */
  itemCount: number;
}

/** The DynamoDB index. */
export interface IndexStore {
  // documents and status
  getDocument(id: string): Promise<DocumentRecord | null>;
  /** Several documents in one read (BatchGet); missing ids are left out. */
  getDocuments(ids: string[]): Promise<DocumentRecord[]>;
  /** Create the record as `queued` unless it exists; returns the existing record if it does. */
  registerDocument(doc: DocumentRecord): Promise<{ created: boolean; document: DocumentRecord }>;
  setStatus(id: string, status: DocumentStatus, extra?: Partial<DocumentRecord>): Promise<void>;
  /** Remember another raw key with the same content (leaves the status alone). */
  addRawKey(id: string, key: string): Promise<void>;
  listDocuments(page: PageRequest & { status?: DocumentStatus }): Promise<Page<DocumentRecord>>;
  countByStatus(): Promise<Record<DocumentStatus, number>>;
  /** Documents with no known publication date (they sort as UNDATED). */
  countUndated(): Promise<number>;
  /** Content hash → document id, for dedupe of uploads of the same bytes. */
  findByContentHash(hash: string): Promise<string | null>;
  claimContentHash(hash: string, documentId: string): Promise<string>;

  // runs: conditional status transitions, so a stale worker cannot overwrite a newer state
  /**
   * queued|failed|done|processing-with-an-expired-lease → processing under `runId`; null when
   * another run holds a live lease (or the document does not exist).
   */
  beginRun(id: string, runId: string, leaseUntil: number, options?: { onWorkList?: boolean }): Promise<DocumentRecord | null>;
  /**
   * queued (its upload registered it, under raw key `rawKey`, and put it on the work list) → processing under
   * `runId`, in one conditional write with no read first; null when the document is in any other state.
   */
  beginQueuedRun(id: string, rawKey: string, runId: string, leaseUntil: number): Promise<DocumentRecord | null>;
  /**
   * End `runId`: done (the document's `version` pointer flips to `runId`) or failed. False when the
   * run no longer owns the document (a newer run took over): nothing is written then.
   */
  commitRun(id: string, runId: string, status: 'done' | 'failed', extra?: Partial<DocumentRecord>, options?: { dropVersion?: boolean }): Promise<boolean>;
  /** Expire a run's lease (its worker is known to be dead, e.g. on a local restart). */
  releaseRun(id: string, runId: string): Promise<void>;
  /** Documents in the base-table work list (registered and not yet finished). */
  pendingDocuments(): AsyncIterable<PendingMarker>;
  markPending(id: string, fields: { rawKey?: string; redrives?: number }): Promise<void>;
  clearPending(id: string): Promise<void>;

  // the derived items of one document
  /**
   * With `version`: items are written tagged with it and stay invisible until `commitRun` flips the
   * document's pointer; `removeStaleItems` deletes the rest afterwards. Without: replaced in place.
   */
  indexDocument(entry: DocumentIndexEntry, version?: string, options?: { firstRun?: boolean }): Promise<IndexWriteStats>;
  /** Delete the document's derived items of any version but `version`; returns how many. */
  removeStaleItems(id: string, version: string | undefined): Promise<number>;
  /** Remove every derived item of a document (keeps its META record). */
  clearDocument(id: string): Promise<number>;

  quotesOfDocument(id: string, page: PageRequest): Promise<Page<QuoteRecord>>;
  flagsOfDocument(id: string, page: PageRequest): Promise<Page<FlagRecord>>;
  speakersOfDocument(id: string, page: PageRequest): Promise<Page<DocumentSpeakerRecord>>;
  // cross-document patterns
  /**
   * Speaker ids a name (any spelling, full or surname) or id refers to. `anyForm` (searches): also the name
   * without titles and middle initials ("Dr. Sanders-Gendreau", "Donald J. Trump").
   */
  resolveSpeaker(nameOrId: string, options?: { anyForm?: boolean }): Promise<string[]>;
  /** The profiles a (surname) name is written for, with how many documents write it: for matching a surname to a person. */
  speakerCandidates(name: string): Promise<CorpusPerson[]>;
  /** The people written with a one-word spelling (a surname) that starts as the name's surname does (a bounded read). */
  surnameNeighbours(name: string): Promise<CorpusPerson[]>;
  /** A page of quotes, newest first (documents), in reading order within a document; `limit` up to 1000. */
  listQuotes(query: QuoteQuery): Promise<Page<QuoteRecord>>;
  speakersByPrefix(prefix: string, page: PageRequest): Promise<Page<SpeakerRecord>>;
  getSpeaker(id: string): Promise<SpeakerRecord | null>;
  /** Several profiles in one read (BatchGet), without counts; missing ids are left out. */
  speakerProfiles(ids: string[]): Promise<Map<string, SpeakerProfile>>;
  listFlags(page: PageRequest & { status?: FlagStatus }): Promise<Page<FlagRecord>>;
  getFlag(id: string): Promise<FlagRecord | null>;
  // Flag decisions: plain writes; the rules are the use case's (shared/pipeline/flag-decision.ts).
  /** Sets the flag's status and records the speaker's decision, which later indexing keeps. */
  recordFlagDecision(flag: FlagRecord, status: FlagStatus, decidedAt: string): Promise<void>;
  /** Remembers pairs of names that are different people (`keepApartPairs` reads them back). */
  addKeepApartPairs(pairs: Array<[string, string]>, origin: { flagId: string; decidedAt: string }): Promise<void>;
  // Cross-document merges, listed by status like flags; decisions are plain writes (shared/pipeline/merge-decision.ts).
  listMerges(page: PageRequest & { status?: MergeStatus }): Promise<Page<MergeRecord>>;
  getMerge(id: string): Promise<MergeRecord | null>;
  /** Sets the merge's status; later indexing of the document keeps it. */
  recordMergeDecision(merge: MergeRecord, status: MergeStatus, decidedAt: string): Promise<void>;
  /** The merges of a document a person rejected: its next extraction must not make them again. */
  rejectedMerges(documentId: string): Promise<MergeRecord[]>;
  keepApartPairs(): Promise<Array<[string, string]>>;
  /** Takes spellings off a speaker's profile. */
  removeSpeakerVariants(speakerId: string, names: string[]): Promise<void>;
}

/**
 * What an export reads: every matching record of one table, streamed (never a whole result in memory),
 * and the documents they belong to. The index store serves it today (`storage/index-export.ts`); a search
 * projection can serve it the same way.
 */
export interface ExportReader {
  quotes(filter: ExportFilter): AsyncIterable<QuoteRecord>;
  claims(filter: ExportFilter): AsyncIterable<ClaimRecord>;
  speakers(filter: ExportFilter): AsyncIterable<DocumentSpeakerRecord>;
  flags(filter: ExportFilter): AsyncIterable<FlagRecord>;
  documents(filter: ExportFilter): AsyncIterable<DocumentRecord>;
  /** The documents with these ids (those that exist), for the rows of a stretch of the stream. */
  documentsById(ids: string[]): Promise<Map<string, DocumentRecord>>;
}

/** Typed error for an invalid or tampered cursor: the API maps it to 400. */
export class InvalidCursorError extends Error {
  constructor(message = 'invalid or tampered pagination cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
