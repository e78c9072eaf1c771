/**
 * `quotedesk export` and `GET /export`: one table of the index, filtered as the search is, as CSV,
 * JSONL or Parquet, streamed. Every row carries its document's metadata (see `tables.ts`).
 */
import * as z from 'zod';
import { ExportKindSchema, SearchFilterShape, type ExportFilter, type SearchFilter } from '../filters.ts';
import { QuoteKindSchema } from '../schema.ts';
import type { ExportReader } from '../storage/ports.ts';
import { EXPORT_FORMATS, encode, type ExportFormat } from './formats.ts';
import { COLUMNS, EXPORT_TABLES, type Cell, type Column, type ExportTable } from './tables.ts';

/** Which filters each table understands: words and kind select quotes and claims. */
export const TABLE_FILTERS: Record<ExportTable, ReadonlyArray<keyof SearchFilter>> = {
  quotes: ['speaker', 'q', 'from', 'to', 'undated', 'collection', 'kind'],
  claims: ['speaker', 'q', 'from', 'to', 'undated', 'collection', 'kind'],
  speakers: ['speaker', 'from', 'to', 'undated', 'collection'],
  flags: ['speaker', 'from', 'to', 'undated', 'collection'],
  documents: ['speaker', 'from', 'to', 'undated', 'collection'],
};

/** The fields of an export request; ExportRequestSchema adds the checks between them. */
export const ExportFieldsSchema = z.object({
  table: z.enum(EXPORT_TABLES).describe('What to export: quotes, claims, speakers, flags or documents.'),
  format: z.enum(EXPORT_FORMATS).default('csv').describe('csv (RFC 4180), jsonl or parquet.'),
  bom: z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]).optional().describe('CSV for Excel: a UTF-8 byte order mark, formulas neutralised.'),
  ...SearchFilterShape,
  kind: ExportKindSchema.optional().describe('Quotes: direct, indirect or mixed. Claims: a claim kind (its main kind or any of its kinds).'),
});

export const ExportRequestSchema = ExportFieldsSchema.superRefine((request, context) => {
  const problem = (message: string) => context.addIssue({ code: 'custom', message });
  if (request.from && request.to && request.from.slice(0, 10) > request.to.slice(0, 10)) problem(`"from" (${request.from}) is after "to" (${request.to})`);
  if (request.undated && (request.from || request.to)) problem('"undated" cannot be combined with "from" or "to"');
  if (request.bom && request.format !== 'csv') problem('"bom" applies to CSV only');
  const quoteKind = request.kind !== undefined && (QuoteKindSchema.options as readonly string[]).includes(request.kind);
  if (request.kind !== undefined && request.table === 'quotes' && !quoteKind) problem(`"kind" of quotes is direct, indirect or mixed, not ${request.kind}`);
  if (request.kind !== undefined && request.table === 'claims' && quoteKind) problem(`"kind" of claims is a claim kind (number, comparison, prediction …), not ${request.kind}`);
  for (const name of Object.keys(SearchFilterShape) as Array<keyof SearchFilter>) {
    if (request[name] !== undefined && !TABLE_FILTERS[request.table].includes(name)) {
      problem(`"${name}" does not filter ${request.table} (it filters: ${TABLE_FILTERS[request.table].join(', ')})`);
    }
  }
});

export type ExportRequest = z.infer<typeof ExportRequestSchema>;

export function filterOf(request: ExportRequest): ExportFilter {
  const { table: _t, format: _f, bom: _b, ...filter } = request;
  return filter;
}

export function fileNameFor(request: Pick<ExportRequest, 'table' | 'format'>): string {
  return `quotedesk-${request.table}.${request.format}`;
}

/** Rows joined to their documents a stretch at a time: one batched read of the documents per WINDOW rows. */
const WINDOW = 1000;

async function* inWindows<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  let window: T[] = [];
  for await (const item of items) {
    window.push(item);
    if (window.length >= WINDOW) {
      yield window;
      window = [];
    }
  }
  if (window.length > 0) yield window;
}

async function* tableRows(reader: ExportReader, table: ExportTable, filter: ExportFilter): AsyncGenerator<Cell[]> {
  const columns = COLUMNS[table] as Array<Column<unknown>>;
  if (table === 'documents') {
    for await (const doc of reader.documents(filter)) yield columns.map((c) => c.of(doc, doc));
    return;
  }
  const items: AsyncIterable<{ documentId: string }> = reader[table](filter);
  for await (const window of inWindows(items)) {
    const documents = await reader.documentsById([...new Set(window.map((item) => item.documentId))]);
    for (const item of window) {
      const doc = documents.get(item.documentId);
      if (doc) yield columns.map((c) => c.of(item, doc)); // (a document removed while the export ran has no rows)
    }
  }
}

/** The export's bytes, chunk by chunk. */
export function exportStream(reader: ExportReader, request: ExportRequest): AsyncGenerator<Uint8Array> {
  const columns = COLUMNS[request.table].map(({ name, type }) => ({ name, type }));
  return encode(request.format as ExportFormat, columns, tableRows(reader, request.table, filterOf(request)), { bom: request.bom });
}
