/** Shared pieces of route declarations: the error responses every route may give, and security. */
import type { RouteConfig } from '../openapi-app.ts';
import { ProblemSchema } from '../schemas.ts';
import type { Search } from '../../search/index.ts';
import type { ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

export const errorResponses = {
  400: { description: 'Invalid request (the detail says what to fix)', content: problemContent },
  401: { description: 'Missing or invalid credentials', content: problemContent },
  403: { description: 'The caller’s role does not allow this', content: problemContent },
} satisfies RouteConfig['responses'];

export const notFoundResponse = {
  404: { description: 'No such item', content: problemContent },
} satisfies RouteConfig['responses'];

export const readerSecurity = [{ bearer: [] }];
export const writerSecurity = [{ bearer: [] }];

export function json<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** The search database (quote search, claims, analytics), or 503 where none is configured. */
export async function searchOf(deps: ApiDeps): Promise<Search> {
  const search = deps.search ? await deps.search() : null;
  if (!search) throw new ApiError(503, 'Search is not configured on this server (no search database).');
  return search;
}

/** A search of common words only ("the of") answers 400 with the reason; matched by name, the search code being a lazy chunk. */
export async function withQueryWords<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Error && error.name === 'EmptyQueryError') throw new ApiError(400, error.message);
    throw error;
  }
}
