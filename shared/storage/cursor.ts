/**
 * Opaque pagination cursors: base64url(JSON) + an HMAC over it and the query it belongs to, so a
 * tampered cursor, or one replayed against another query, is rejected with `InvalidCursorError`.
 * The secret comes from QUOTEDESK_CURSOR_SECRET (set it in AWS); cursors carry only key positions.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidCursorError } from './ports.ts';

const DEV_SECRET = 'quotedesk-local-cursor-secret';
const MAX_CURSOR_LENGTH = 4096;

function secret(): string {
  return process.env.QUOTEDESK_CURSOR_SECRET || DEV_SECRET;
}

function sign(payload: string, scope: string): string {
  return createHmac('sha256', secret()).update(scope).update('\n').update(payload).digest('base64url').slice(0, 22);
}

export type CursorPosition = Record<string, unknown>;

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

/** Page size: default 20, capped at 100; anything else is clamped, never an error. */
export function clampLimit(limit: number | undefined, max = 100, fallback = 20): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(max, Math.floor(limit)));
}
