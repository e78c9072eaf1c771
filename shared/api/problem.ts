/**
 * Errors as RFC 9457 `application/problem+json`: a clear title and detail, never a stack trace.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InvalidCursorError, NotFoundError } from '../storage/ports.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error a handler throws on purpose; its detail is safe to show to the caller. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export function problem(status: number, detail: string): Problem {
  return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
}

export function problemResponse(c: Context, status: ContentfulStatusCode, detail: string, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(problem(status, detail)), status, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}

/** Maps any thrown value to a problem response; unexpected errors are logged, not shown. */
export function errorToResponse(error: unknown, c: Context, log: (message: string, error: unknown) => void): Response {
  if (error instanceof ApiError) return problemResponse(c, error.status, error.detail, error.headers);
  if (error instanceof InvalidCursorError) {
    return problemResponse(c, 400, 'The cursor is invalid or was altered: pass the `cursor` of the previous page unchanged, with the same filters.');
  }
  if (error instanceof NotFoundError) return problemResponse(c, 404, error.message);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 415) {
      const type = c.req.header('content-type') ?? 'none';
      return problemResponse(c, 415, `Content type "${type}" is not accepted here; see /openapi.json for the accepted types.`);
    }
    const headers: Record<string, string> = {};
    const auth = error.res?.headers.get('www-authenticate');
    if (auth) headers['www-authenticate'] = auth;
    return problemResponse(c, status, error.message || TITLES[status] || 'Request failed', headers);
  }
  log('unhandled error', error);
  return problemResponse(c, 500, 'The server could not complete the request. It has been logged; try again later.');
}
