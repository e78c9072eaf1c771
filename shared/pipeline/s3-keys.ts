/**
 * The document bucket's key scheme, written once: what lives under which prefix and how each key is
 * made. The pipeline, the crawler and the CLI build keys here; infra/wiring.ts grants IAM on the same
 * prefixes, so a function may write exactly where its keys go.
 *
 *   raw/<id>/<filename>              uploads through the API and the bulk CLI
 *   raw/uploads/<uuid>/<filename>    presigned uploads (the id comes from the bytes when processed)
 *   raw/crawl/<yyyy-mm-dd>/<hash>.…  articles the crawler stored
 *   raw/.redrive/<id>-<t>.json       the recovery sweeper's re-drive requests
 *   raw/.reprocess/<id>-<t>.json     the API's reprocess requests (after a rejected name flag)
 *   results/<id>.json                a document's extraction result
 */
import { randomUUID } from 'node:crypto';

export const RAW_PREFIX = 'raw/';
export const RESULTS_PREFIX = 'results/';
/** Where the crawler stores the articles it fetched (its only writable prefix). */
export const CRAWL_PREFIX = `${RAW_PREFIX}crawl/`;
/** Re-drive requests of the recovery sweeper: a prefix of their own, so IAM can tell them apart. */
export const REDRIVE_PREFIX = `${RAW_PREFIX}.redrive/`;
/** Reprocess requests, which only the API may write. */
export const REPROCESS_PREFIX = `${RAW_PREFIX}.reprocess/`;

/** A file name safe as the last part of a key: no directories, control characters or runs of spaces. */
export function safeFilename(name: string | undefined, fallback = 'document'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 120);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

/** A title for a document that has none: the name it was uploaded under, without its extension ("minutes.pdf" → "minutes"). */
export function titleOfFile(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const base = safeFilename(name, '');
  return base.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || undefined;
}

/** Where an upload of document `id` is stored. */
export function rawKeyFor(id: string, filename: string | undefined): string {
  return `${RAW_PREFIX}${id}/${safeFilename(filename, `${id}.txt`)}`;
}

/** Where a presigned upload goes (a fresh key each time). */
export function presignedUploadKey(filename: string): string {
  return `${RAW_PREFIX}uploads/${randomUUID()}/${safeFilename(filename)}`;
}

/** The stem of a crawled article's key (the crawler adds the extension of what it stored). */
export function crawlKeyStem(fetchedAt: Date, identityHash: string): string {
  return `${CRAWL_PREFIX}${fetchedAt.toISOString().slice(0, 10)}/${identityHash}`;
}

export function resultKeyFor(documentId: string): string {
  return `${RESULTS_PREFIX}${documentId}.json`;
}

export function redriveKey(documentId: string): string {
  return `${REDRIVE_PREFIX}${documentId}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.json`;
}

export function reprocessKey(documentId: string): string {
  return `${REPROCESS_PREFIX}${documentId}-${Date.now().toString(36)}.json`;
}

/** The document id a reprocess request key names, or null for any other key. */
export function documentIdOfReprocessKey(key: string): string | null {
  if (!key.startsWith(REPROCESS_PREFIX)) return null;
  const match = /^([A-Za-z0-9_]{1,64})-[a-z0-9]+\.json$/.exec(key.slice(REPROCESS_PREFIX.length));
  return match ? match[1] : null;
}

/** A re-drive or reprocess request rather than a document's bytes. */
export function isRequestKey(key: string): boolean {
  return key.startsWith(REDRIVE_PREFIX) || key.startsWith(REPROCESS_PREFIX);
}

/**
 * Object keys in S3 event notifications are URL-encoded the way HTML forms are: a space arrives
 * as `+`, a literal `+` as `%2B`. Decode them before use; the local stack encodes them the same way.
 */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}
