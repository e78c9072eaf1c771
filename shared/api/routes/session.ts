/** Who the caller is: the page checks a token at sign-in with this, and shows only the actions the role allows. */
import * as z from 'zod';
import { createRoute } from '../openapi-app.ts';
import type { ApiApp } from '../deps.ts';
import { errorResponses, json, readerSecurity } from './common.ts';

const SessionSchema = z.object({ role: z.enum(['reader', 'writer']) }).meta({ id: 'Session' });

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The caller’s role (401 for a token that is not valid)',
  security: readerSecurity,
  responses: { 200: json(SessionSchema, 'The role the token carries'), ...errorResponses },
});

export function registerSessionRoutes(app: ApiApp): void {
  app.openapi(me, (c) => c.json({ role: c.get('role') }, 200));
}
