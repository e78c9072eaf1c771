/**
 * /openapi.json is rendered at build time (scripts/build-openapi.ts) from the route declarations; the
 * committed file must be what the declarations give now, and it must describe every route the app serves.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE, renderOpenApi } from '#scripts/build-openapi.ts';
import { createApp } from '#shared/api/app.ts';

const app = createApp({ index: {} as never, documents: {} as never, intake: {} as never, auth: { mode: 'jwt-claims' } });

describe('the prebuilt OpenAPI document', () => {
  it('is what the route declarations render (else: npm run build:openapi)', () => {
    expect(fs.readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });

  it('lists every declared route with its method, and the bearer scheme', () => {
    const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));
    for (const route of app.declarations) expect(document.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    expect(app.declarations.length).toBeGreaterThanOrEqual(17);
    expect(document.components.securitySchemes.bearer.scheme).toBe('bearer');
    expect(document.paths['/quotes'].get.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ type: 'integer', maximum: 100 });
  });
});
