/**
 * GET /export: one table as CSV, JSONL or Parquet, streamed (the parameters and checks are those of
 * `quotedesk export`). Behind API Gateway the Lambda integration buffers the response (6 MB at most);
 * large exports go through the CLI, which reads the index directly.
 */
import { createRoute } from '../openapi-app.ts';
import { ExportFieldsSchema, ExportRequestSchema, exportStream, fileNameFor } from '#shared/export/export.ts';
import { IndexExportReader } from '#shared/export/index-reader.ts';
import { CONTENT_TYPES } from '#shared/export/formats.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { errorResponses, readerSecurity } from './common.ts';

const exportRoute = createRoute({
  method: 'get',
  path: '/export',
  summary: 'Export quotes, claims, speakers, flags or documents as CSV, JSONL or Parquet',
  description:
    'Filters as the quote search (speaker, q, from, to, undated, collection, kind). Every row carries its document’s ' +
    'metadata: documentId, recordId, title, url, source, collection, publishedAt, dateSource (see the README’s codebook).',
  security: readerSecurity,
  request: { query: ExportFieldsSchema },
  responses: {
    200: {
      description: 'The table, streamed',
      content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } }, 'application/vnd.apache.parquet': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses,
  },
});

export function registerExportRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(exportRoute, async (c) => {
    const checked = ExportRequestSchema.safeParse(c.req.valid('query'));
    if (!checked.success) throw new ApiError(400, checked.error.issues.map((issue) => issue.message).join('; '));
    const request = checked.data;
    const chunks = exportStream(new IndexExportReader(deps.index), request);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return c.body(body, 200, {
      'content-type': CONTENT_TYPES[request.format],
      'content-disposition': `attachment; filename="${fileNameFor(request)}"`,
      'cache-control': 'no-store',
    });
  });
}
