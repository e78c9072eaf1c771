/**
 * New documents from the API: the raw bytes go under the raw prefix (the pipeline takes them from there), then the
 * document is registered as `queued`, so its status is visible at once. The id is derived from the content, so
 * the same content uploaded again answers with the existing document.
 */
import { randomUUID } from 'node:crypto';
import { RAW_PREFIX } from '../../infra/wiring.ts';
import { contentHash, documentIdFor } from '../pipeline/identity.ts';
import type { DocumentMetadata, DocumentStore, IndexStore } from '../storage/ports.ts';
import type { DocumentIntake, PresignedUpload, SubmitResult } from './deps.ts';

const EXTENSIONS: Record<string, string> = { 'text/html': '.html', 'text/markdown': '.md', 'text/plain': '.txt' };

function extensionFor(contentType: string | undefined): string {
  return EXTENSIONS[(contentType ?? '').split(';')[0].trim().toLowerCase()] ?? '';
}

/** A file name made safe for an object key: letters, digits, dot, dash and underscore only. */
export function safeFilename(filename: string): string {
  const cleaned = filename.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return cleaned.slice(-120) || 'upload';
}

export interface IntakeOptions {
  index: IndexStore;
  documents: DocumentStore;
  presign: (key: string, contentType: string, metadata: DocumentMetadata) => Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  reprocess?: (documentId: string) => Promise<void>;
}

export function createIntake(options: IntakeOptions): DocumentIntake {
  const { index, documents } = options;
  return {
    async submit(body: Uint8Array, metadata: DocumentMetadata): Promise<SubmitResult> {
      const hash = contentHash(body);
      const knownId = await index.findByContentHash(hash);
      const id = knownId ?? documentIdFor(hash);
      const known = await index.getDocument(id);
      if (known) return { id: known.id, status: known.status, duplicate: true };

      const key = `${RAW_PREFIX}${id}${extensionFor(metadata.contentType)}`;
      const now = new Date().toISOString();
      // The raw object first: if storing it fails, nothing points at a document that does not exist.
      await documents.putRaw(key, body, metadata);
      const registered = await index.registerDocument({
        ...metadata,
        id,
        status: 'queued',
        contentHash: hash,
        rawKeys: [key],
        bytes: body.byteLength,
        sortDate: metadata.publishedAt ?? now,
        receivedAt: now,
        updatedAt: now,
      });
      await index.claimContentHash(hash, id);
      // Processing may already have picked the object up and moved the status on.
      if (!registered.created) return { id, status: registered.document.status, duplicate: false };
      return { id, status: 'queued', duplicate: false };
    },

    async presignUpload({ filename, contentType, metadata }): Promise<PresignedUpload> {
      // A fresh key per upload; the pipeline derives the document id from the content once it arrives.
      const key = `${RAW_PREFIX}uploads/${randomUUID()}/${safeFilename(filename)}`;
      const signed = await options.presign(key, contentType, metadata);
      return { key, ...signed };
    },

    reprocess: options.reprocess,
  };
}
