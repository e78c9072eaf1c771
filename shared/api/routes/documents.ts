/** Uploading documents and reading one document, its status, text, quotes, claims and flags. */
import * as z from 'zod';
import { createRoute } from '../openapi-app.ts';
import { MAX_DOCUMENT_BYTES } from '#shared/limits.ts';
import type { DocumentMetadata } from '#shared/storage/ports.ts';
import { FILE_TYPES } from '#shared/pipeline/ingest-sources.ts';
import { resultKeyFor } from '#shared/pipeline/s3-keys.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { presentClaim, presentDocument, presentFlag, presentQuote } from '../present.ts';
import {
  AcceptedSchema,
  ClaimListQuerySchema,
  ClaimSchema,
  DocumentInputSchema,
  DocumentListQuerySchema,
  DocumentSchema,
  DocumentTextSchema,
  FlagSchema,
  IdParamSchema,
  IsoDateSchema,
  PageQuerySchema,
  QuoteSchema,
  UploadInputSchema,
  UploadSchema,
  pageOf,
} from '../schemas.ts';
import { CollectionSchema } from '#shared/filters.ts';
import { errorResponses, json, notFoundResponse, readerSecurity, searchOf, writerSecurity } from './common.ts';

const RawMetadataQuerySchema = z.object({
  title: z.string().max(500).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  source: z.string().max(2000).optional(),
  collection: CollectionSchema.optional(),
  publishedAt: IsoDateSchema.optional(),
  filename: z.string().max(200).optional().meta({ description: 'The uploaded file’s name: the document’s title when it has none.' }),
});

const postDocument = createRoute({
  method: 'post',
  path: '/documents',
  summary: 'Upload a document for extraction',
  description:
    'JSON `{text|html, title?, url?, source?, collection?, publishedAt?}`, or the raw file (text, Markdown, HTML, PDF or Word .docx) ' +
    'as the body with the metadata in the query. ' +
    'The same content uploaded again returns the existing id. Files larger than the body limit go through POST /uploads.',
  security: writerSecurity,
  request: {
    query: RawMetadataQuerySchema,
    // Not `required`: the JSON validator then runs only for JSON bodies, and raw text/plain or text/html pass through.
    body: {
      content: {
        'application/json': { schema: DocumentInputSchema },
        ...Object.fromEntries([...new Set(Object.values(FILE_TYPES))].map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
      },
    },
  },
  responses: {
    202: json(AcceptedSchema, 'Accepted: queued for extraction (or already known)'),
    ...errorResponses,
    413: { description: 'Body over the limit' },
    415: { description: 'Unsupported content type' },
  },
});

const postUpload = createRoute({
  method: 'post',
  path: '/uploads',
  summary: 'Get a presigned S3 PUT URL for a large file',
  description: 'PUT the file to `url` with `headers`; the pipeline picks it up from the raw prefix. Formats: text, Markdown, HTML, PDF, DOCX.',
  security: writerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: UploadInputSchema } } } },
  responses: { 201: json(UploadSchema, 'Presigned upload'), ...errorResponses },
});

const listDocuments = createRoute({
  method: 'get',
  path: '/documents',
  summary: 'Documents, newest first',
  security: readerSecurity,
  request: { query: DocumentListQuerySchema },
  responses: { 200: json(pageOf(DocumentSchema, 'DocumentPage'), 'A page of documents'), ...errorResponses },
});

const getDocument = createRoute({
  method: 'get',
  path: '/documents/{id}',
  summary: 'A document: metadata, status (with the failure reason), counts',
  security: readerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: json(DocumentSchema, 'The document'), ...errorResponses, ...notFoundResponse },
});

const getDocumentText = createRoute({
  method: 'get',
  path: '/documents/{id}/text',
  summary: 'The text the quote and claim offsets refer to',
  security: readerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: json(DocumentTextSchema, 'The extracted text'), ...errorResponses, ...notFoundResponse },
});

const childRoute = <T extends z.ZodType>(path: string, summary: string, item: T, name: string) =>
  createRoute({
    method: 'get',
    path,
    summary,
    security: readerSecurity,
    request: { params: IdParamSchema, query: PageQuerySchema },
    responses: { 200: json(pageOf(item, name), summary), ...errorResponses, ...notFoundResponse },
  });

const documentQuotes = childRoute('/documents/{id}/quotes', 'Quotes of a document, in text order', QuoteSchema, 'QuotePage');
const documentClaims = createRoute({
  method: 'get',
  path: '/documents/{id}/claims',
  summary: 'Check-worthy claims of a document',
  description: 'In reading order, or with `sort=score` most check-worthy first (the whole list in one page).',
  security: readerSecurity,
  request: { params: IdParamSchema, query: ClaimListQuerySchema },
  responses: { 200: json(pageOf(ClaimSchema, 'ClaimPage'), 'Check-worthy claims of a document'), ...errorResponses, ...notFoundResponse },
});
const documentFlags = childRoute('/documents/{id}/flags', 'Name-inconsistency flags of a document', FlagSchema, 'FlagPage');

function metadataOf(body: { title?: string; url?: string; source?: string; collection?: string; publishedAt?: string; filename?: string }, contentType: string): DocumentMetadata {
  return { title: body.title, url: body.url, source: body.source, collection: body.collection, publishedAt: body.publishedAt, filename: body.filename, contentType, uploader: 'api' };
}

export function registerDocumentRoutes(app: ApiApp, deps: ApiDeps): void {
  const maxUploadBytes = deps.maxUploadBytes ?? MAX_DOCUMENT_BYTES;

  async function existing(id: string) {
    const doc = await deps.index.getDocument(id);
    if (!doc) throw new ApiError(404, `No document with id "${id}".`);
    return doc;
  }

  app.openapi(postDocument, async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    let bytes: Uint8Array;
    let metadata: DocumentMetadata;
    if (type === 'application/json') {
      // Only the JSON media type is validated (into DocumentInput); the string schemas of the raw types just document them.
      const body = c.req.valid('json') as z.infer<typeof DocumentInputSchema>;
      const html = Boolean(body.html);
      bytes = new TextEncoder().encode(body.html ?? body.text ?? '');
      metadata = metadataOf(body, html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
    } else {
      bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new ApiError(400, 'The body is empty: send the document text.');
      metadata = metadataOf(c.req.valid('query'), c.req.header('content-type') ?? type);
    }
    const { id, status, duplicate } = await deps.intake.submit(bytes, metadata);
    return c.json({ id, status, duplicate }, 202);
  });

  app.openapi(postUpload, async (c) => {
    const body = c.req.valid('json');
    if (body.bytes !== undefined && body.bytes > maxUploadBytes) {
      throw new ApiError(400, `The file is ${body.bytes} bytes; the limit is ${maxUploadBytes} bytes.`);
    }
    const upload = await deps.intake.presignUpload({
      filename: body.filename,
      contentType: body.contentType,
      bytes: body.bytes,
      metadata: { ...metadataOf(body, body.contentType), filename: body.filename },
    });
    return c.json({ ...upload, method: 'PUT' as const }, 201);
  });

  app.openapi(listDocuments, async (c) => {
    const { limit, cursor, status } = c.req.valid('query');
    const page = await deps.index.listDocuments({ limit, cursor, status });
    return c.json({ items: page.items.map(presentDocument), cursor: page.cursor }, 200);
  });

  app.openapi(getDocument, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(presentDocument(await existing(id)), 200);
  });

  app.openapi(getDocumentText, async (c) => {
    const { id } = c.req.valid('param');
    const doc = await existing(id);
    // A done document (or one reprocessing over a committed version) has its result under a key its id gives.
    if (doc.status !== 'done' && !doc.version) throw new ApiError(404, `Document "${id}" has no extracted text yet (status: ${doc.status}).`);
    const result = (await deps.documents.getResult(resultKeyFor(id))) as { text?: unknown } | null;
    if (!result || typeof result.text !== 'string') throw new ApiError(404, `The extraction result of document "${id}" is missing.`);
    return c.json({ id, text: result.text }, 200);
  });

  app.openapi(documentQuotes, async (c) => {
    const { id } = c.req.valid('param');
    await existing(id);
    const page = await deps.index.quotesOfDocument(id, c.req.valid('query'));
    return c.json({ items: page.items.map(presentQuote), cursor: page.cursor }, 200);
  });

  app.openapi(documentClaims, async (c) => {
    const { id } = c.req.valid('param');
    await existing(id);
    const { sort, ...query } = c.req.valid('query');
    const claims = (await searchOf(deps)).claims;
    if (sort === 'score') {
      // Ranked: every claim of the document (a few dozen at most), best first.
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await claims.ofDocument(id, { limit: 100, cursor });
        all.push(...page.items);
        cursor = page.cursor ?? undefined;
      } while (cursor && all.length < 2000);
      all.sort((a, b) => b.score - a.score || a.start - b.start);
      return c.json({ items: all.map(presentClaim), cursor: null }, 200);
    }
    const page = await claims.ofDocument(id, query);
    return c.json({ items: page.items.map(presentClaim), cursor: page.cursor }, 200);
  });

  app.openapi(documentFlags, async (c) => {
    const { id } = c.req.valid('param');
    await existing(id);
    const page = await deps.index.flagsOfDocument(id, c.req.valid('query'));
    return c.json({ items: page.items.map(presentFlag), cursor: page.cursor }, 200);
  });
}
