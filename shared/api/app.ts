/**
 * The quotedesk HTTP API: one Hono app, run unchanged by API Gateway + Lambda (functions/api.ts) and by Node locally
 * (shared/api/serve.ts). Routes are declared with zod schemas, which validate requests; /openapi.json is rendered from
 * the same declarations at build time (`npm run build:openapi`) and served as it is.
 */
import { bodyLimit } from 'hono/body-limit';
import type { ZodError } from 'zod';
import { authenticate, requireRole, type AuthEnv } from './auth.ts';
import type { ApiApp, ApiBaseDeps, ApiDeps, ExportDeps } from './deps.ts';
import { securityHeaders } from './headers.ts';
import { ApiError, errorToResponse, problemResponse } from './problem.ts';
import { registerClaimRoutes } from './routes/claims.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerExportRoutes } from './routes/export.ts';
import { registerFeedRoutes } from './routes/feeds.ts';
import { PUBLIC_PATHS, registerPageRoutes } from './routes/page.ts';
import { registerQueryRoutes } from './routes/query.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { HealthSchema } from './schemas.ts';
import { json } from './routes/common.ts';
import { OpenApiApp, createRoute } from './openapi-app.ts';

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

/** "query.limit: Too big: expected number to be <=100; json.url: Invalid URL" */
export function describeValidationError(target: string, error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [target, ...issue.path.map(String)].join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness check (no authentication)',
  security: [],
  responses: { 200: json(HealthSchema, 'The API is up') },
});

/** What every flavour of the app shares: problem+json errors, security headers, auth on all but the public paths, health. */
function baseApp(deps: ApiBaseDeps): { app: ApiApp; log: NonNullable<ApiDeps['log']> } {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(JSON.stringify({ level: 'ERROR', message, error: String(error) })));
  const app = new OpenApiApp<AuthEnv>((result, c) => {
    if (!result.success) return problemResponse(c, 400, describeValidationError(result.target, result.error));
  });

  app.onError((error, c) => errorToResponse(error, c, log));
  app.notFound((c) => problemResponse(c, 404, `No route for ${c.req.method} ${c.req.path}.`));
  app.use('*', securityHeaders(deps.uploadOrigin));

  // Every route but the public ones needs a caller with a role; reading needs `reader`, anything else `writer`.
  const authn = authenticate(deps.auth);
  const readers = requireRole('reader');
  const writers = requireRole('writer');
  const publicPaths = new Set<string>(PUBLIC_PATHS);
  app.use('*', async (c, next) => {
    if (publicPaths.has(c.req.path) && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
    return authn(c, async () => {
      const reading = c.req.method === 'GET' || c.req.method === 'HEAD';
      await (reading ? readers : writers)(c, next);
    });
  });
  app.openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
  return { app, log };
}

/**
 * GET /export (and /health) alone, streamed: what the export function serves from its Lambda function URL in AWS,
 * where API Gateway's buffering does not apply. The other routes stay behind API Gateway.
 */
export function createExportApp(deps: ExportDeps): ApiApp {
  const { app, log } = baseApp(deps);
  registerExportRoutes(app, { ...deps, log });
  return app;
}

export function createApp(deps: ApiDeps): ApiApp {
  const { app, log } = baseApp(deps);

  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    '/documents',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, `The body is over ${maxBodyBytes} bytes; upload large files through POST /uploads.`);
      },
    }),
  );
  app.use('/uploads', bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ApiError(413, 'The upload request is too large.'); } }));
  app.use('/flags/*', bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ApiError(413, 'The decision body is too large.'); } }));
  app.use('/feeds', bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new ApiError(413, 'The feed body is too large.'); } }));

  const withLog: ApiDeps = { ...deps, log };
  registerDocumentRoutes(app, withLog);
  registerClaimRoutes(app, withLog);
  registerQueryRoutes(app, withLog);
  registerSearchRoutes(app, withLog);
  registerExportRoutes(app, withLog);
  registerFeedRoutes(app, withLog);
  registerSessionRoutes(app, { maxBodyBytes, maxUploadBytes: deps.maxUploadBytes });
  registerPageRoutes(app);

  // (loaded on the first request for it: the 57 KB document stays out of the cold start)
  app.get('/openapi.json', async (c) => c.json((await import('./openapi.json', { with: { type: 'json' } })).default));
  return app;
}
