/** Who the caller is: the page checks a token at sign-in with this, and shows only the actions the role allows. */
import * as z from 'zod';
import { createRoute } from '../openapi-app.ts';
import type { ApiApp } from '../deps.ts';
import { MAX_DOCUMENT_BYTES } from '../../limits.ts';
import { errorResponses, json, readerSecurity } from './common.ts';

const SessionSchema = z
  .object({
    role: z.enum(['reader', 'writer']),
    maxBodyBytes: z.number().int().meta({ description: 'The largest file POST /documents takes as its body; larger ones go through POST /uploads.' }),
    maxUploadBytes: z.number().int().meta({ description: 'The largest file POST /uploads presigns for.' }),
  })
  .meta({ id: 'Session' });

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The caller’s role and upload limits (401 for a token that is not valid)',
  security: readerSecurity,
  responses: { 200: json(SessionSchema, 'The role the token carries'), ...errorResponses },
});

/** The limits are the page's to choose how each file goes up: as the body, or to S3 by a presigned PUT. */
export function registerSessionRoutes(app: ApiApp, limits: { maxBodyBytes: number; maxUploadBytes?: number }): void {
  app.openapi(me, (c) => c.json({ role: c.get('role'), maxBodyBytes: limits.maxBodyBytes, maxUploadBytes: limits.maxUploadBytes ?? MAX_DOCUMENT_BYTES }, 200));
}
