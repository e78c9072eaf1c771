/**
 * Opaque pagination cursors: base64url(JSON) + an HMAC over it and the query it belongs to, so a
 * tampered cursor, or one replayed against another query, is rejected with `InvalidCursorError`.
 * The key: in AWS read from Secrets Manager at cold start (`setCursorSecret`, see functions/api.ts);
 * else QUOTEDESK_CURSOR_SECRET; else a random key of this process (local runs: cursors then last as long
 * as the process). There is no public default, so no one can forge a cursor from the source code.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from './ports.ts';

const MAX_CURSOR_LENGTH = 4096;
let configured: string | undefined;
let generated: string | undefined;

/** Use this key from now on (the API sets the one it read from Secrets Manager). */
export function setCursorSecret(value: string): void {
  if (value.length < 16) throw new Error('the cursor secret must be at least 16 characters');
  configured = value;
}

function secret(): string {
  if (configured) return configured;
  const fromEnv = process.env.QUOTEDESK_CURSOR_SECRET;
  if (fromEnv) return fromEnv;
  // Behind API Gateway every container must share the key: refuse rather than sign with a local one.
  if (process.env.QUOTEDESK_AUTH === 'jwt-claims') throw new Error('no cursor secret: set QUOTEDESK_CURSOR_SECRET_ARN (or QUOTEDESK_CURSOR_SECRET)');
  generated ??= randomBytes(32).toString('base64url');
  return generated;
}

function sign(payload: string, scope: string): string {
  return createHmac('sha256', secret()).update(scope).update('\n').update(payload).digest('base64url').slice(0, 22);
}

export type CursorPosition = Record<string, unknown>;

/** The query a cursor belongs to, as the text its signature covers: the kind of list and its parameters, keys sorted. */
export function cursorScope(kind: string, params: Record<string, unknown>): string {
  return `${kind}:${JSON.stringify(params, Object.keys(params).sort())}`;
}

export function encodeCursor(position: CursorPosition, scope: string): string {
  const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
  return `${payload}.${sign(payload, scope)}`;
}

export function decodeCursor(cursor: string | null | undefined, scope: string): CursorPosition | null {
  if (cursor === undefined || cursor === null || cursor === '') return null;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH) throw new InvalidCursorError();
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0) throw new InvalidCursorError();
  const expected = Buffer.from(sign(payload, scope));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidCursorError();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!position || typeof position !== 'object' || Array.isArray(position)) throw new InvalidCursorError();
  return position as CursorPosition;
}

/** The position an offset cursor holds: 0 without a cursor. */
export function decodeOffset(cursor: string | null | undefined, scope: string): number {
  const offset = decodeCursor(cursor, scope)?.o ?? 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw new InvalidCursorError();
  return offset;
}

/** A page of a list read whole: `limit` items from `offset`, and the cursor to the rest (null at the end). */
export function offsetPage<T>(all: T[], offset: number, limit: number, scope: string): { items: T[]; cursor: string | null } {
  const end = offset + limit;
  return { items: all.slice(offset, end), cursor: end < all.length ? encodeCursor({ o: end }, scope) : null };
}

/** Page size: default 20, capped at 100; anything else is clamped, never an error. */
export function clampLimit(limit: number | undefined, max = 100, fallback = 20): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
