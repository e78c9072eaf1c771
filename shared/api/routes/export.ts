/**
 * GET /export: one table as CSV, JSONL or Parquet, streamed (the parameters and checks are those of
 * `quotedesk export`). Locally and from the export function's URL in AWS (Lambda response streaming) it streams.
 * Behind API Gateway the Lambda integration buffers the response (6 MB at most): there the export is gathered
 * up to BUFFERED_EXPORT_BYTES and refused with 413 past it, never cut short, with a pointer to the streamed URL.
 */
import { createRoute } from '../openapi-app.ts';
import { ExportFieldsSchema, ExportRequestSchema, exportStream, fileNameFor } from '#shared/export/export.ts';
import { exportReader } from '#shared/export/search-reader.ts';
import { CLAIMS_NEED_SEARCH } from '#shared/export/index-reader.ts';
import { CONTENT_TYPES } from '#shared/export/formats.ts';
import type { ApiApp, ExportDeps } from '../deps.ts';
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

/** The whole export as one body, or a 413 that says where larger exports go once it passes `limit` bytes. */
async function gathered(chunks: AsyncGenerator<Uint8Array>, limit: number, streamedAt: string | undefined): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    if (bytes > limit) {
      await chunks.return(undefined);
      const streamed = streamedAt ? `send the same request to the streamed export, ${streamedAt}, ` : '';
      throw new ApiError(413, `This export is larger than this API answers (${(limit / 1e6).toFixed(1)} MB, the size API Gateway and Lambda buffer): ${streamed}narrow it with filters (from, to, collection, speaker) or run \`quotedesk export\`; none of these has that limit.`);
    }
    parts.push(chunk);
  }
  return new Uint8Array(Buffer.concat(parts));
}

export function registerExportRoutes(app: ApiApp, deps: ExportDeps): void {
  app.openapi(exportRoute, async (c) => {
    const checked = ExportRequestSchema.safeParse(c.req.valid('query'));
    if (!checked.success) throw new ApiError(400, checked.error.issues.map((issue) => issue.message).join('; '));
    const request = checked.data;
    const search = deps.search ? await deps.search() : null;
    if (request.table === 'claims' && !search) throw new ApiError(503, CLAIMS_NEED_SEARCH);
    const chunks = exportStream(exportReader(deps.index, search), request);
    const headers = {
      'content-type': CONTENT_TYPES[request.format],
      'content-disposition': `attachment; filename="${fileNameFor(request)}"`,
      'cache-control': 'no-store',
    };
    if (deps.bufferedExportBytes) return c.body(await gathered(chunks, deps.bufferedExportBytes, deps.streamedExportUrl), 200, headers);
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
    return c.body(body, 200, headers);
  });
}
