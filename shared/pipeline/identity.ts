/**
 * Identities derived from content: the document id is a prefix of the SHA-256 of the raw bytes, so
 * the same content uploaded twice (under any key) is one document; speaker ids are derived from the
 * normalised name, so one person named the same way in two documents is one speaker.
 */
import { createHash } from 'node:crypto';
import { normalizeName } from '../storage/keys.ts';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function documentIdFor(hash: string): string {
  return `d${hash.slice(0, 24)}`;
}

/** For objects too large to read: the id comes from the key (no content to hash). */
export function documentIdForKey(key: string): string {
  return `k${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export function speakerIdFor(kind: string, name: string, scope = ''): string {
  return `sp_${createHash('sha256').update(`${kind}|${scope}|${normalizeName(name)}`).digest('hex').slice(0, 16)}`;
}

/** Stable fingerprint of the keep-apart pairs in force, part of what makes a finished document current. */
export function pairsFingerprint(pairs: Array<[string, string]>): string {
  const canonical = pairs.map(([a, b]) => [a, b].sort().join('|')).sort().join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
