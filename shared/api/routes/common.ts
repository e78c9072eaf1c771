/** Shared pieces of route declarations: the error responses every route may give, and security. */
import type { RouteConfig } from '../openapi-app.ts';
import { ProblemSchema } from '../schemas.ts';

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
