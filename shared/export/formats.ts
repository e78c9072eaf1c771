/**
 * Export encoders: rows (cells in column order) in, byte chunks out, one row group or a few hundred rows
 * at a time, so memory stays flat however many rows stream through.
 * - CSV: RFC 4180 (comma, CRLF, fields with a comma, quote or line break quoted, quotes doubled), UTF-8.
 *   `bom` is for Excel: a UTF-8 byte order mark, and a leading apostrophe on cells Excel would run as a
 *   formula (= + - @ tab CR), since a quote can start with any of them.
 * - JSONL: one JSON object per row, keys as the column names, absent values null.
 * - Parquet: one row group per ROW_GROUP rows, Snappy-compressed, typed columns (all optional).
 */
import type { Cell, ColumnType } from './tables.ts';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  jsonl: 'application/x-ndjson; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
};

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

export type Rows = AsyncIterable<Cell[]>;

const encoder = new TextEncoder();
/** Rows gathered per chunk of CSV/JSONL text. */
const TEXT_BATCH = 500;
/** Rows per Parquet row group: the most rows an export holds in memory. */
export const ROW_GROUP = 10_000;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell, excel = false): string {
  if (cell === null) return '';
  let value = String(cell);
  if (excel && typeof cell === 'string' && FORMULA_START.test(value)) value = `'${value}`;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export async function* inBatches(rows: Rows, size: number): AsyncGenerator<Cell[][]> {
  let batch: Cell[][] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export async function* encodeCsv(columns: ColumnSpec[], rows: Rows, options: { bom?: boolean } = {}): AsyncGenerator<Uint8Array> {
  const excel = options.bom === true;
  yield encoder.encode(`${excel ? '\ufeff' : ''}${columns.map((c) => csvField(c.name)).join(',')}\r\n`);
  for await (const batch of inBatches(rows, TEXT_BATCH)) {
    yield encoder.encode(batch.map((row) => `${row.map((cell) => csvField(cell, excel)).join(',')}\r\n`).join(''));
  }
}

export async function* encodeJsonl(columns: ColumnSpec[], rows: Rows): AsyncGenerator<Uint8Array> {
  // Each line is written from its keys, quoted once, and its cells (an object a row would only be stringified again).
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
  for await (const batch of inBatches(rows, TEXT_BATCH)) {
    const lines = batch.map((row) => `${keys.map((key, i) => key + JSON.stringify(row[i] ?? null)).join('')}}`);
    yield encoder.encode(`${lines.join('\n')}\n`);
  }
}

export async function* encodeParquet(columns: ColumnSpec[], rows: Rows): AsyncGenerator<Uint8Array> {
  // The Parquet writer loads on the first Parquet export: a lazy chunk of the API bundle, not its cold start.
  const { encodeParquetRows } = await import('./parquet.ts');
  yield* encodeParquetRows(columns, rows);
}

export function encode(format: ExportFormat, columns: ColumnSpec[], rows: Rows, options: { bom?: boolean } = {}): AsyncGenerator<Uint8Array> {
  if (format === 'csv') return encodeCsv(columns, rows, options);
  if (format === 'jsonl') return encodeJsonl(columns, rows);
  return encodeParquet(columns, rows);
}
