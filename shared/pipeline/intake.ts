/**
 * How documents enter: the bytes go to S3 under the raw prefix first (the process function takes it
 * from there), then the document is registered as `queued`. The id is derived from the content, so
 * the same content submitted twice returns the existing document. Used by the API and the bulk CLI.
 *
 * Order matters for crashes: once the raw object is stored its object-created event processes it
 * (and registers it) even if we die before registering; a record is never written for bytes that
 * are not stored. A retry of an interrupted upload therefore either finds nothing and uploads, or
 * finds the stored object and is a true duplicate; a record whose object is missing (left by an
 * older version) gets its bytes on the retry.
 */
import type { DocumentMetadata, DocumentStatus, DocumentStore, IndexStore } from '../storage/ports.ts';
import { contentHash, documentIdFor } from './identity.ts';
import { presignedUploadKey, rawKeyFor, redriveKey, reprocessKey } from './s3-keys.ts';
import { queuedDate } from '../dates/publication.ts';
import { UNDATED } from '../storage/keys.ts';

export interface SubmitOutcome {
  id: string;
  status: DocumentStatus;
  duplicate: boolean;
  key?: string;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

export class DocumentIntakeService {
  constructor(
    private readonly documents: DocumentStore,
    private readonly index: IndexStore,
  ) {}

  async submit(body: Uint8Array, metadata: DocumentMetadata): Promise<SubmitOutcome> {
    const id = documentIdFor(contentHash(body));
    const existing = await this.index.getDocument(id);
    if (existing) {
      const stored = existing.rawKeys[0];
      if (stored && (await this.documents.headRaw(stored))) return { id, status: existing.status, duplicate: true, key: stored };
      // Registered without its bytes: store them now under the registered key; its event processes it.
      const key = stored ?? rawKeyFor(id, metadata.filename);
      await this.documents.putRaw(key, body, metadata);
      if (!stored) await this.index.addRawKey(id, key);
      return { id, status: existing.status, duplicate: false, key };
    }
    const key = rawKeyFor(id, metadata.filename);
    const now = new Date().toISOString();
    const publishedAt = isoOrUndefined(metadata.publishedAt);
    await this.documents.putRaw(key, body, metadata);
    // The conditional put decides which of two concurrent registrations (ours, or the process
    // function's from the object's event) creates the record; either way the bytes are stored.
    const { created, document } = await this.index.registerDocument({
      ...metadata,
      ...(publishedAt ? { publishedAt } : {}),
      id,
      status: 'queued',
      rawKeys: [key],
      sortDate: queuedDate(body, metadata) ?? UNDATED,
      receivedAt: now,
      updatedAt: now,
      bytes: body.byteLength,
    });
    // Lost the race to another upload of the same content (under another name): a duplicate; the
    // record created from this object's own event is not.
    const duplicate = !created && document.rawKeys[0] !== key;
    return { id, status: created ? 'queued' : document.status, duplicate, key: duplicate ? document.rawKeys[0] : key };
  }

  /** A presigned PUT under the raw prefix; the document gets its id when the process function reads it. */
  async presignUpload(request: { filename: string; contentType: string; bytes?: number; metadata: DocumentMetadata; expiresInSeconds?: number }) {
    if (!this.documents.presignPut) throw new Error('this document store cannot presign uploads');
    const key = presignedUploadKey(request.filename);
    const expiresInSeconds = request.expiresInSeconds ?? 900;
    const signed = await this.documents.presignPut(key, { ...request.metadata, filename: request.filename, contentType: request.contentType }, { expiresInSeconds, bytes: request.bytes });
    return { key, url: signed.url, headers: signed.headers, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
  }

  /** Ask the process function to run a stuck document again: a small request object under raw/.redrive/. */
  async redrive(documentId: string, rawKey: string | undefined): Promise<void> {
    const body = Buffer.from(JSON.stringify({ documentId, rawKey, requestedAt: new Date().toISOString() }));
    await this.documents.putRaw(redriveKey(documentId), body, { contentType: 'application/json' });
  }

  /**
   * Run extraction again for a document (e.g. after a flag was rejected). Writes a small request
   * object under raw/.reprocess/: its object-created event reaches the process function like any
   * upload, and the caller needs nothing beyond the PutObject on raw/ it already has.
   */
  async reprocess(documentId: string): Promise<void> {
    const doc = await this.index.getDocument(documentId);
    if (!doc) return;
    const body = Buffer.from(JSON.stringify({ documentId, requestedAt: new Date().toISOString() }));
    await this.documents.putRaw(reprocessKey(documentId), body, { contentType: 'application/json' });
  }
}
