/**
 * The process use case: one raw object in S3 → text → extraction → result JSON beside the raw
 * object → index items, with the document status queued → processing → done | failed (with a reason).
 *
 * Idempotent by content: the document id is derived from the bytes, the index is replaced as a
 * whole per document, and a finished document with the same content, extractor version and
 * keep-apart decisions is not processed again. Bad input never throws: it ends `failed` with a
 * reason and the raw object untouched. Infrastructure errors do throw, so the queue retries them.
 */
import { ExtractionSchema, type Extraction } from '../schema.ts';
import type { DocumentMetadata, DocumentRecord, DocumentStore, IndexStore, IndexWriteStats, MergeRecord } from '../storage/ports.ts';
import { ObjectTooLargeError } from '../storage/s3-documents.ts';
import { distinctiveSurname, matchSurname, matchVariantSpelling, type CorpusMatch } from './corpus-match.ts';
import { INTERNAL_ERROR_PREFIX, newRunId } from './runs.ts';
import { contentHash, documentIdFor, documentIdForKey, pairsFingerprint, speakerIdFor } from './identity.ts';
import { toIndexEntry } from './records.ts';
import { RAW_PREFIX, REDRIVE_PREFIX, REPROCESS_PREFIX, documentIdOfReprocessKey, isRequestKey, resultKeyFor } from './s3-keys.ts';
import { titleOfFile } from './s3-keys.ts';
import { MAX_DOCUMENT_BYTES } from '../limits.ts';
import { UNDATED, normalizeName } from '../storage/keys.ts';
import { publicationDate, queuedDate } from '../dates/publication.ts';
import { parseDateValue } from '../dates/parse.ts';
import type { SearchProjection } from '../search/projection.ts';
import { catchUpProjection } from '../search/rebuild.ts';

/** How long a container reuses the keep-apart decisions it read. */
export const KEEP_APART_TTL_MS = 30_000;
/** How long a container reuses the ids it read for a full name, and how many names it keeps. */
export const NAME_LOOKUP_TTL_MS = 30_000;
const MAX_KNOWN_NAMES = 5_000;
/** Bump (or set QUOTEDESK_EXTRACTOR_VERSION) when extraction changes: documents then reindex on their next event. */
export const EXTRACTOR_VERSION = process.env.QUOTEDESK_EXTRACTOR_VERSION ?? '2';

export interface DocumentTextLike {
  text: string;
  title?: string;
  publishedAt?: string;
  canonicalUrl?: string;
  format: string;
}

export type ToText = (bytes: Uint8Array, hint: { contentType?: string; filename?: string; maxBytes?: number; url?: string }) => Promise<DocumentTextLike>;
export type Extract = (text: string, options: { id?: string; includeText?: boolean; keepApart?: Array<[string, string]> }) => Extraction | Promise<Extraction>;

export interface PipelineDeps {
  documents: DocumentStore;
  index: IndexStore;
  toText: ToText;
  extract: Extract;
  maxBytes?: number;
  extractorVersion?: string;
  /** How long a run holds a document before the sweeper may re-drive it (default: 150 s, past the function timeout). */
  leaseMs?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
  /** The search projection, written after each commit (null or absent: no search database). */
  search?: () => Promise<SearchProjection | null>;
}

export type ProcessOutcome =
  | { status: 'done'; documentId: string; stats: IndexWriteStats; counts: NonNullable<DocumentRecord['counts']> }
  | { status: 'failed'; documentId: string; reason: string }
  | { status: 'skipped'; documentId?: string; reason: string };

/**
 * Another live run holds the document. Thrown (not returned) so the message is retried later and no
 * record keeps this answer.
 */
export class RunConflictError extends Error {
  constructor(readonly documentId: string, what: string) {
    super(`document ${documentId}: ${what}`);
    this.name = 'RunConflictError';
  }
}

/** The document is done, but its search projection could not be written (retried through the event). */
export class ProjectionWriteError extends Error {
  constructor(readonly documentId: string, cause: unknown) {
    super(`document ${documentId} is done; writing its search projection failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ProjectionWriteError';
  }
}


/** A user-facing reason for bad input (as opposed to an infrastructure error, which is retried). */
export class BadInputError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BadInputError';
  }
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? new Date(time).toISOString() : undefined;
}

function filenameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}


export class DocumentPipeline {
  private readonly maxBytes: number;
  private readonly version: string;
  private readonly leaseMs: number;

  constructor(private readonly deps: PipelineDeps) {
    this.maxBytes = deps.maxBytes ?? MAX_DOCUMENT_BYTES;
    this.leaseMs = deps.leaseMs ?? 150_000;
    this.version = deps.extractorVersion ?? EXTRACTOR_VERSION;
  }

  private log(level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) {
    this.deps.log?.(level, message, detail);
  }

  /** Process one object-created event for `key` (already URL-decoded). */
  async processObject(key: string, eventTime?: string): Promise<ProcessOutcome> {
    if (!key.startsWith(RAW_PREFIX)) return { status: 'skipped', reason: `key ${key} is outside ${RAW_PREFIX}` };
    if (key.startsWith(REPROCESS_PREFIX)) {
      const documentId = documentIdOfReprocessKey(key);
      return documentId ? this.reprocess(documentId) : { status: 'skipped', reason: `malformed reprocess request ${key}` };
    }
    if (key.startsWith(REDRIVE_PREFIX)) return this.redriven(key, eventTime);
    const receivedAt = isoDate(eventTime) ?? new Date().toISOString();

    let raw: { body: Uint8Array; metadata: DocumentMetadata; size: number };
    try {
      raw = await this.deps.documents.getRaw(key, this.maxBytes);
    } catch (error) {
      if (!(error instanceof ObjectTooLargeError)) throw error;
      const head = await this.deps.documents.headRaw(key);
      const id = documentIdForKey(key);
      const reason = `document too large: ${error.size} bytes, the limit is ${this.maxBytes} bytes`;
      await this.register(id, key, head?.metadata ?? {}, new Uint8Array(), receivedAt, { bytes: error.size });
      await this.failOutright(id, reason);
      this.log('warn', 'document failed', { documentId: id, key, reason });
      return { status: 'failed', documentId: id, reason };
    }

    const hash = contentHash(raw.body);
    const id = documentIdFor(hash);
    const metadata: DocumentMetadata = { filename: filenameOf(key), ...raw.metadata };
    const keepApart = await this.keepApartPairs();
    const identity = { hash, version: this.version, keepApart: pairsFingerprint(keepApart) };
    // Most documents arrive queued by their upload (registered under this key, on the work list): begin the run
    // in one conditional write, with no read of the record first. Any other state takes the path below.
    const started = await this.deps.index.beginQueuedRun(id, key, newRunId(), Date.now() + this.leaseMs);
    if (started) return this.run(id, key, raw, metadata, keepApart, identity, { started });
    const existing = await this.register(id, key, metadata, raw.body, receivedAt, { bytes: raw.size, contentHash: hash });
    if (
      existing &&
      existing.status === 'done' &&
      existing.contentHash === hash &&
      existing.extractorVersion === this.version &&
      (existing as { keepApart?: string }).keepApart === identity.keepApart
    ) {
      // A run whose projection write failed after its commit is retried as this event: catch it up.
      await this.catchUpProjection(existing);
      return { status: 'skipped', documentId: id, reason: 'already processed (same content, extractor and decisions)' };
    }
    // One run at a time per document: the lease `beginRun` takes (no separate idempotency record).
    // A queued document (or one registered just now) is on the work list since its registration.
    return this.run(id, key, raw, metadata, keepApart, identity, { onWorkList: !existing || existing.status === 'queued' });
  }

  /**
   * A re-drive request from the recovery sweeper: process the document's raw object again through
   * the normal path (a document already done with the same content and extractor is skipped).
   */
  private async redriven(key: string, eventTime?: string): Promise<ProcessOutcome> {
    let request: { documentId?: unknown; rawKey?: unknown };
    try {
      request = JSON.parse(Buffer.from((await this.deps.documents.getRaw(key, 64 * 1024)).body).toString('utf8')) as typeof request;
    } catch (error) {
      if (error instanceof SyntaxError) return { status: 'skipped', reason: `malformed re-drive request ${key}` };
      throw error;
    }
    const documentId = typeof request.documentId === 'string' ? request.documentId : undefined;
    const doc = documentId ? await this.deps.index.getDocument(documentId) : null;
    const rawKey = doc?.rawKeys[0] ?? (typeof request.rawKey === 'string' ? request.rawKey : undefined);
    if (!rawKey || !rawKey.startsWith(RAW_PREFIX) || isRequestKey(rawKey)) {
      return { status: 'skipped', documentId, reason: 'nothing to re-drive' };
    }
    return this.processObject(rawKey, eventTime);
  }

  /** End a document `failed` without running it (e.g. too large to read), through a run of its own. */
  async failOutright(id: string, reason: string): Promise<boolean> {
    const runId = newRunId();
    if (!(await this.deps.index.beginRun(id, runId, Date.now() + this.leaseMs))) throw new RunConflictError(id, 'another run holds it');
    const committed = await this.deps.index.commitRun(id, runId, 'failed', { reason }, { dropVersion: true });
    if (committed) {
      await this.unproject(id, runId);
      await this.deps.index.clearDocument(id);
      await this.deps.index.clearPending(id);
    }
    return committed;
  }

  /**
   * Show a committed version in search (after the DynamoDB commit, never before). A failure leaves
   * the document done and is thrown, so the queue retries the event, which catches the projection up.
   */
  private async project(entry: ReturnType<typeof toIndexEntry>, runId: string): Promise<void> {
    try {
      const projection = await this.deps.search?.();
      if (projection) await projection.apply({ document: entry.document, quotes: entry.quotes, claims: entry.claims }, runId);
    } catch (error) {
      throw new ProjectionWriteError(entry.document.id, error);
    }
  }

  /** A document that failed shows nothing in search (an older run's rows cannot come back: versions only move forward). */
  private async unproject(id: string, runId: string): Promise<void> {
    const projection = await this.deps.search?.();
    const document = projection ? await this.deps.index.getDocument(id) : null;
    if (projection && document) await projection.remove(document, runId);
  }

  private async catchUpProjection(document: DocumentRecord): Promise<void> {
    const projection = await this.deps.search?.();
    if (!projection || !(await catchUpProjection(document, this.deps.documents, projection))) return;
    await this.deps.index.clearPending(document.id);
    this.log('info', 'search projection caught up', { documentId: document.id });
  }

  /** Re-run a document from its raw object (after a flag was rejected, or an extractor upgrade). */
  async reprocess(documentId: string): Promise<ProcessOutcome> {
    const doc = await this.deps.index.getDocument(documentId);
    if (!doc || doc.rawKeys.length === 0) return { status: 'skipped', documentId, reason: 'no such document' };
    const key = doc.rawKeys[0];
    const raw = await this.deps.documents.getRaw(key, this.maxBytes);
    // A reprocess follows a person's decision: it reads the decisions afresh.
    const keepApart = await this.keepApartPairs(true);
    const hash = contentHash(raw.body);
    const identity = { hash, version: this.version, keepApart: pairsFingerprint(keepApart) };
    return this.run(documentId, key, raw, { filename: filenameOf(key), ...raw.metadata }, keepApart, identity, { fresh: true });
  }

  private keepApart: { pairs: Array<[string, string]>; until: number } | undefined;
  /** Speaker ids already indexed under a name, read once per NAME_LOOKUP_TTL_MS per container (names repeat). */
  private readonly knownIds = new Map<string, { ids: string[]; until: number }>();

  /**
   * The ids the corpus already gives `name`. A full name found keeps its id while the answer lives. A name not found
   * is asked again next time (another document may have indexed it since: a stale "nobody" would send it looking for
   * a variant spelling of itself), and so is a one-word name (who "Trump" can mean changes as people join the
   * corpus), as in a decision's reprocess.
   */
  private async idsOfName(name: string, fresh: boolean): Promise<string[]> {
    const cacheable = !fresh && name.trim().includes(' ');
    const cached = cacheable ? this.knownIds.get(name) : undefined;
    if (cached && cached.until >= Date.now()) return cached.ids;
    const ids = await this.deps.index.resolveSpeaker(name);
    if (!cacheable || !ids.length) return ids;
    if (this.knownIds.size >= MAX_KNOWN_NAMES) this.knownIds.clear();
    this.knownIds.set(name, { ids, until: Date.now() + NAME_LOOKUP_TTL_MS });
    return ids;
  }

  /**
   * The spellings people split apart, read once per KEEP_APART_TTL_MS per container rather than on
   * every document (a decision also reprocesses its own document, which reads them afresh).
   */
  private async keepApartPairs(fresh = false): Promise<Array<[string, string]>> {
    if (fresh || !this.keepApart || this.keepApart.until < Date.now()) {
      this.keepApart = { pairs: await this.deps.index.keepApartPairs(), until: Date.now() + KEEP_APART_TTL_MS };
    }
    return this.keepApart.pairs;
  }

  /** Create the document record (queued) or attach another raw key to it. */
  private async register(
    id: string,
    key: string,
    metadata: DocumentMetadata,
    body: Uint8Array,
    receivedAt: string,
    extra: Partial<DocumentRecord>,
  ): Promise<DocumentRecord | null> {
    // Until the text is read only the record's own date is known (listed meanwhile under the date a plain text's
    // opening gives); undated documents are not given today's date.
    const { publishedAt: _unparsed, ...rest } = metadata;
    const publishedAt = parseDateValue(metadata.publishedAt);
    const record: DocumentRecord = {
      ...rest,
      ...extra,
      id,
      status: 'queued',
      rawKeys: [key],
      sortDate: queuedDate(body, metadata) ?? UNDATED,
      receivedAt,
      updatedAt: new Date().toISOString(),
      ...(publishedAt ? { publishedAt, dateSource: 'record' as const } : {}),
    };
    // Most documents were registered by the upload: read first, so no conditional put fails on every one.
    const known = await this.deps.index.getDocument(id);
    const { created, document } = known ? { created: false, document: known } : await this.deps.index.registerDocument(record);
    if (created) return null;
    if (!document.rawKeys.includes(key)) {
      await this.deps.index.addRawKey(id, key);
      document.rawKeys = [...document.rawKeys, key];
    }
    return document;
  }

  private async run(
    id: string,
    key: string,
    raw: { body: Uint8Array; metadata: DocumentMetadata; size: number },
    metadata: DocumentMetadata,
    keepApart: Array<[string, string]>,
    identity: { hash: string; version: string; keepApart: string },
    options: { onWorkList?: boolean; started?: DocumentRecord; fresh?: boolean } = {},
  ): Promise<ProcessOutcome> {
    const index = this.deps.index;
    // Every state change of this run is conditional on owning it: a stale worker (one whose lease
    // expired and whose document was re-driven) can write nothing visible.
    const started = options.started ?? (await index.beginRun(id, newRunId(), Date.now() + this.leaseMs, options));
    if (!started?.runId) throw new RunConflictError(id, 'another run holds it (live lease)');
    const runId = started.runId;
    // No earlier run (not even one that died) has written anything into the document's partition.
    const firstRun = started.attempts === 1 && started.version === undefined;
    try {
      const { text, extraction, converted } = await this.convertAndExtract(id, raw.body, metadata, keepApart);
      // Another run can take the document only once this run's lease has run out (beginRun refuses a live one),
      // so the clock tells whether it may still be superseded, with no read of the record.
      if (Date.now() >= (started.leaseUntil ?? 0)) throw new RunConflictError(id, 'its lease ran out before it wrote anything');
      const dated = publicationDate({ record: metadata.publishedAt, html: converted.publishedAt, text });
      const document: DocumentRecord = {
        ...started,
        // An uploaded file with no title of its own is named after the file it was uploaded as.
        title: started.title ?? converted.title ?? titleOfFile(raw.metadata.filename),
        url: started.url ?? converted.canonicalUrl,
        publishedAt: dated?.publishedAt,
        dateSource: dated?.dateSource,
        sortDate: dated?.publishedAt ?? UNDATED,
        format: converted.format,
      };
      // A merge someone rejected is not made again (none can exist before the first run).
      const rejected = firstRun ? [] : await index.rejectedMerges(id);
      const { ids: globalIds, matches } = await this.speakerIdentities(id, extraction, keepApart, rejected, options.fresh);
      const entry = toIndexEntry(document, extraction, globalIds, text, matches);
      const resultKey = resultKeyFor(id);
      await this.deps.documents.putResult(resultKey, {
        ...extraction,
        id,
        text,
        document: { id, externalId: document.externalId, title: document.title, url: document.url, source: document.source, collection: document.collection, publishedAt: document.publishedAt, dateSource: document.dateSource, format: converted.format, rawKey: key },
        speakerIds: Object.fromEntries(globalIds),
        corpusMatches: matches,
        extractorVersion: this.version,
        version: runId,
      });
      // The new items are written under this run's version and stay invisible until the pointer flips.
      const stats = await index.indexDocument(entry, runId, { firstRun });
      const counts = { speakers: entry.speakers.length, quotes: entry.quotes.length, claims: entry.claims.length, flags: entry.flags.length };
      const committed = await index.commitRun(id, runId, 'done', {
        counts,
        contentHash: identity.hash,
        extractorVersion: this.version,
        format: converted.format,
        title: document.title,
        url: document.url,
        publishedAt: document.publishedAt,
        dateSource: document.dateSource,
        // Moved under another month only when the date changed: an unchanged date leaves the month listing unwritten.
        ...(document.sortDate !== started.sortDate ? { sortDate: document.sortDate } : {}),
        ...({ keepApart: identity.keepApart } as Partial<DocumentRecord>),
      });
      if (!committed) throw new RunConflictError(id, 'superseded by a newer run before it committed');
      stats.itemsDeleted = firstRun ? 0 : await index.removeStaleItems(id, runId);
      await this.project(entry, runId);
      // Off the work list only once search shows it: a crash before leaves the marker, and the sweeper catches up.
      await index.clearPending(id);
      this.log('info', 'document done', { documentId: id, key, ...counts, writeUnits: stats.writeUnits });
      return { status: 'done', documentId: id, stats, counts };
    } catch (error) {
      if (error instanceof RunConflictError || error instanceof ProjectionWriteError) throw error;
      if (error instanceof BadInputError) {
        // No version is committed for a failed document, so none of its items show; then they go.
        if (await index.commitRun(id, runId, 'failed', { reason: error.reason }, { dropVersion: true })) {
          await this.unproject(id, runId);
          await index.clearDocument(id);
          await index.clearPending(id);
        }
        this.log('warn', 'document failed', { documentId: id, key, reason: error.reason });
        return { status: 'failed', documentId: id, reason: error.reason };
      }
      // Transient (S3/DynamoDB): record it, keep it on the work list, and let the queue retry the
      // message (the sweeper re-drives it if the retries run out).
      const message = error instanceof Error ? error.message : String(error);
      await index.commitRun(id, runId, 'failed', { reason: `${INTERNAL_ERROR_PREFIX} (will be retried): ${message}` }).catch(() => undefined);
      throw error;
    }
  }

  private async convertAndExtract(id: string, body: Uint8Array, metadata: DocumentMetadata, keepApart: Array<[string, string]>) {
    let converted: DocumentTextLike;
    try {
      converted = await this.deps.toText(body, { contentType: metadata.contentType, filename: metadata.filename, maxBytes: this.maxBytes, url: metadata.url });
    } catch (error) {
      const reason = (error as { reason?: unknown }).reason;
      if (error instanceof Error && typeof reason === 'string') throw new BadInputError(reason);
      throw new BadInputError(`could not read the document: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = converted.text;
    if (!text.trim()) throw new BadInputError('the document has no text');
    // A small archive can unpack to far more text than any upload may hold (a zip bomb under the
    // Word size check): the text gets the same limit as the raw bytes.
    if (text.length > this.maxBytes) throw new BadInputError(`the document's text is ${text.length} characters, over the ${this.maxBytes}-character limit`);
    let extraction: Extraction;
    try {
      extraction = await this.deps.extract(text, { id, includeText: false, keepApart });
    } catch (error) {
      throw new BadInputError(`the extractor failed on this document: ${error instanceof Error ? error.message : String(error)}`);
    }
    const checked = ExtractionSchema.safeParse(extraction);
    if (!checked.success) throw new BadInputError(`the extractor produced an invalid result: ${checked.error.issues[0]?.message ?? 'schema mismatch'}`);
    for (const span of [...extraction.quotes, ...extraction.claims]) {
      if (span.end > text.length || span.start > span.end) throw new BadInputError('the extractor produced offsets outside the text');
    }
    return { text, extraction: checked.data, converted };
  }

  /**
   * Global speaker ids: a person or organisation whose full name (or, for a one-word name, the
   * only speaker it refers to) is already known keeps that id; otherwise the id is derived from
   * the name. A person written by surname alone is matched to one of the corpus's people when the
   * evidence says which (corpus-match.ts), and the match is kept with its evidence. Unnamed speakers ("a spokesperson") are scoped to their document.
   */
  private async speakerIdentities(
    documentId: string,
    extraction: Extraction,
    keepApart: Array<[string, string]>,
    rejected: Array<Pick<MergeRecord, 'fromSpeakerId' | 'speakerId'>> = [],
    fresh = false,
  ): Promise<{ ids: Map<string, string>; matches: Record<string, CorpusMatch> }> {
    const ids = new Map<string, string>();
    const matches: Record<string, CorpusMatch> = {};
    const rejectedFor = (derived: string) => new Set(rejected.filter((m) => m.fromSpeakerId === derived).map((m) => m.speakerId));
    // A spelling someone split off must not be folded back into the person it was split from.
    const splitNames = new Set(keepApart.flat().map(normalizeName));
    await Promise.all(
      extraction.speakers.map(async (speaker) => {
        if (speaker.kind !== 'person' && speaker.kind !== 'organization') {
          ids.set(speaker.id, speakerIdFor(speaker.kind, speaker.name, documentId));
          return;
        }
        const derived = speakerIdFor(speaker.kind, speaker.name);
        if (speaker.variants.some((v) => splitNames.has(normalizeName(v))) || splitNames.has(normalizeName(speaker.name))) {
          ids.set(speaker.id, derived);
          return;
        }
        const notThese = rejectedFor(derived);
        const multiWord = speaker.name.trim().includes(' ');
        // A person written by one name: the people the name stands for, read once with their profiles, give both
        // the ids and the surname match.
        const candidates = !multiWord && speaker.kind === 'person' ? (await this.deps.index.speakerCandidates(speaker.name)).filter((c) => !notThese.has(c.id)) : undefined;
        const known = candidates ? candidates.map((c) => c.id) : (await this.idsOfName(speaker.name, fresh)).filter((id) => !notThese.has(id));
        let reuse = known.includes(derived) ? derived : multiWord ? known[0] : known.length === 1 ? known[0] : undefined;
        // (one candidate too: the quote then carries the full name, and the match its evidence)
        let match: CorpusMatch | null = null;
        if (candidates && candidates.length > 0) {
          match = matchSurname(speaker, candidates);
        } else if (known.length === 0 && speaker.kind === 'person' && distinctiveSurname(speaker.name)) {
          // A name no other document writes: maybe another spelling of someone's ("Saunders-Jandro").
          match = matchVariantSpelling(speaker, (await this.deps.index.surnameNeighbours(speaker.name)).filter((c) => !notThese.has(c.id)));
        }
        // (the profile its own name derives, indexed meanwhile by a document processed beside this one, is no variant)
        if (match && match.speakerId !== derived) {
          matches[speaker.id] = match;
          reuse = match.speakerId;
        }
        ids.set(speaker.id, reuse ?? derived);
      }),
    );
    // Two speakers of one document are two people: when both resolved to one corpus profile, the first
    // (in document order) keeps it and the other its own derived id.
    const taken = new Set<string>();
    for (const speaker of extraction.speakers) {
      const id = ids.get(speaker.id) as string;
      if (taken.has(id)) ids.set(speaker.id, speakerIdFor(speaker.kind, speaker.name, taken.has(speakerIdFor(speaker.kind, speaker.name)) ? documentId : ''));
      taken.add(ids.get(speaker.id) as string);
      if (matches[speaker.id] && matches[speaker.id].speakerId !== ids.get(speaker.id)) delete matches[speaker.id];
    }
    return { ids, matches };
  }
}
