/**
 * Who is calling, and may they? Two roles: `reader` (query) and `writer` (upload, feeds, flags; may also read).
 *
 * - `tokens` (local): `Authorization: Bearer …` compared in constant time with QUOTEDESK_WRITER_TOKEN / QUOTEDESK_READER_TOKEN.
 * - `jwt-claims` (AWS): API Gateway's JWT authorizer has already verified a Cognito token; the role comes from the verified
 *   claims API Gateway puts in the Lambda event (`requestContext.authorizer.jwt.claims['cognito:groups']`), never from a header.
 * - `jwt-verify` (AWS, the streamed export behind a function URL, where no authorizer runs): the app verifies the same
 *   Cognito token itself (`verify`, signature, issuer, client and expiry) and reads the role from its groups.
 *
 * Fails closed: with no token configured, or no verified claims, every protected request is a 401.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './problem.ts';

export type Role = 'reader' | 'writer';

export type AuthConfig =
  | { mode: 'tokens'; writerToken?: string; readerToken?: string }
  | { mode: 'jwt-claims' }
  /** Resolves to the token's verified claims, or rejects when the token is not valid. */
  | { mode: 'jwt-verify'; verify: (token: string) => Promise<Record<string, unknown>> };

export type AuthEnv = { Variables: { role: Role } };

const MIN_TOKEN_LENGTH = 16;

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const mode = env.QUOTEDESK_AUTH ?? 'tokens';
  if (mode === 'jwt-claims') return { mode };
  if (mode !== 'tokens') throw new Error(`QUOTEDESK_AUTH must be "tokens" or "jwt-claims", not "${mode}"`);
  const writerToken = env.QUOTEDESK_WRITER_TOKEN || undefined;
  const readerToken = env.QUOTEDESK_READER_TOKEN || undefined;
  for (const [name, token] of [['QUOTEDESK_WRITER_TOKEN', writerToken], ['QUOTEDESK_READER_TOKEN', readerToken]] as const) {
    if (token !== undefined && token.length < MIN_TOKEN_LENGTH) throw new Error(`${name} must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  if (writerToken && writerToken === readerToken) throw new Error('QUOTEDESK_WRITER_TOKEN and QUOTEDESK_READER_TOKEN must differ');
  return { mode: 'tokens', writerToken, readerToken };
}

// Hash both sides first so the comparison takes the same time whatever the lengths.
function sameSecret(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function roleForToken(token: string, config: Extract<AuthConfig, { mode: 'tokens' }>): Role | null {
  // Check both, always, so timing does not say which token matched.
  const writer = sameSecret(token, config.writerToken);
  const reader = sameSecret(token, config.readerToken);
  if (writer) return 'writer';
  if (reader) return 'reader';
  return null;
}

/** `cognito:groups` reaches the event as an array, a JSON array string, or API Gateway's "[a b]" rendering. */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.includes('"')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // fall through to the bracketed form
    }
  }
  return trimmed
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function roleForGroups(groups: string[]): Role | null {
  if (groups.includes('writer')) return 'writer';
  if (groups.includes('reader')) return 'reader';
  return null;
}

function roleFromClaims(claims: Record<string, unknown>): Role {
  const role = roleForGroups(parseGroups(claims['cognito:groups']));
  if (!role) throw new ApiError(403, 'Your account is in neither the "reader" nor the "writer" group.');
  return role;
}

interface LambdaBindings {
  event?: { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } };
}


const UNAUTHORIZED = { 'www-authenticate': 'Bearer realm="quotedesk"' };

class AuthError extends ApiError {
  constructor(detail: string) {
    super(401, detail, UNAUTHORIZED);
  }
}

/** The token of an `Authorization: Bearer <token>` header, or a 401 that says how to send one. */
function requiredBearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new AuthError('Missing bearer token: send "Authorization: Bearer <token>".');
  return match[1];
}

/** Resolves the caller's role (or throws 401) and stores it on the context. */
export function authenticate(config: AuthConfig): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    let role: Role | null;
    if (config.mode === 'tokens') {
      role = roleForToken(requiredBearer(c.req.header('authorization')), config);
      if (!role) throw new AuthError('The bearer token is not valid.');
    } else if (config.mode === 'jwt-verify') {
      const claims = await config.verify(requiredBearer(c.req.header('authorization'))).catch(() => null);
      if (!claims) throw new AuthError('The bearer token is not valid.');
      role = roleFromClaims(claims);
    } else {
      const claims = (c.env as LambdaBindings | undefined)?.event?.requestContext?.authorizer?.jwt?.claims;
      if (!claims) throw new AuthError('No verified identity: the request did not pass the JWT authorizer.');
      role = roleFromClaims(claims);
    }
    c.set('role', role);
    await next();
  };
}

/** 403 unless the caller has `needed` (a writer may do everything a reader may). */
export function requireRole(needed: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const role = c.get('role');
    if (needed === 'writer' && role !== 'writer') {
      throw new ApiError(403, 'This action needs the "writer" role; your token only allows reading.');
    }
    await next();
  };
}
