/**
 * Renders the API's OpenAPI 3.1 document from the route declarations (zod schemas with `.meta()`) into
 * shared/api/openapi.json, which the API serves as it is: the generator and zod's JSON-schema conversion
 * run here, at build time, never in the function.
 *
 *   npm run build:openapi              # rewrite shared/api/openapi.json
 *   npm run build:openapi -- --check   # exit 1 when the file is not what the declarations give
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { createApp } from '../shared/api/app.ts';

export const OPENAPI_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'api', 'openapi.json');

const INFO = {
  title: 'quotedesk API',
  version: '1.0.0',
  description: 'Query extracted quotes, speakers, claims and name flags; upload documents. Errors are application/problem+json.',
};

const BEARER = {
  type: 'http' as const,
  scheme: 'bearer',
  description:
    'Locally: QUOTEDESK_WRITER_TOKEN or QUOTEDESK_READER_TOKEN. In AWS: a Cognito access or ID token; the role is the ' +
    'user’s group (`reader` or `writer`).',
};

/** The document, as the text written to the file. */
export function renderOpenApi(): string {
  // Only the declarations are read: no request reaches these dependencies.
  const app = createApp({ index: {} as never, documents: {} as never, intake: {} as never, auth: { mode: 'jwt-claims' } });
  const registry = new OpenAPIRegistry();
  for (const route of app.declarations) registry.registerPath(route);
  registry.registerComponent('securitySchemes', 'bearer', BEARER);
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({ openapi: '3.1.0', info: INFO, security: [{ bearer: [] }] });
  return `${JSON.stringify(document, null, 2)}\n`;
}

function main(argv: string[]): number {
  const text = renderOpenApi();
  const current = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
  if (argv.includes('--check')) {
    if (current === text) return 0;
    console.error(`${path.relative(process.cwd(), OPENAPI_FILE)} is out of date: run npm run build:openapi`);
    return 1;
  }
  if (current !== text) fs.writeFileSync(OPENAPI_FILE, text);
  console.log(`${path.relative(process.cwd(), OPENAPI_FILE)}: ${Object.keys(JSON.parse(text).paths).length} paths, ${text.length} bytes${current === text ? ' (unchanged)' : ''}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main(process.argv.slice(2)));
