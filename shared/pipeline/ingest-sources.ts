/**
 * What `quotedesk ingest PATH…` uploads: files (.txt .md .html .htm .pdf .docx) and the lines of
 * .jsonl files (`{"id","title","text","url","source","collection","publishedAt"}`, a date under any name of
 * RECORD_DATE_FIELDS), found recursively in folders.
 * A line or file that cannot be read becomes a failure with its reason, never a crash.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { basename, extname, join } from 'node:path';
import type { DocumentMetadata } from '../storage/ports.ts';
import { isCollectionName } from '../collection.ts';

/** Fields of a JSONL record that hold its publication date, first found wins. */
export const RECORD_DATE_FIELDS = ['publishedAt', 'published_at', 'published', 'datePublished', 'date_published', 'pubDate', 'date'] as const;

/** What the command line says for every item; an explicit option wins over a record's own field. */
export interface IngestDefaults {
  source?: string;
  collection?: string;
}

export const FILE_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export type IngestItem =
  | { kind: 'document'; label: string; load: () => Promise<Uint8Array>; metadata: DocumentMetadata }
  | { kind: 'invalid'; label: string; reason: string };

async function* walk(path: string): AsyncGenerator<string> {
  const info = await stat(path);
  if (info.isFile()) {
    yield path;
    return;
  }
  if (!info.isDirectory()) return;
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* walk(child);
    else if (entry.isFile()) yield child;
  }
}

function jsonlItem(line: string, label: string, defaults: IngestDefaults & { fileSource: string }): IngestItem | null {
  if (!line.trim()) return null;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return { kind: 'invalid', label, reason: 'not valid JSON' };
  }
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const id = record && typeof record === 'object' ? str(record.id) : undefined;
  if (!record || typeof record !== 'object' || typeof record.text !== 'string' || !record.text.trim()) {
    return { kind: 'invalid', label: id ? `${label} (${id})` : label, reason: 'no "text" string' };
  }
  const collection: string | undefined = defaults.collection ?? str(record.collection);
  if (collection !== undefined && !isCollectionName(collection)) {
    return { kind: 'invalid', label: id ? `${label} (${id})` : label, reason: `"collection" ${JSON.stringify(String(collection).slice(0, 80))} is not a collection name (letters, digits, . _ -)` };
  }
  const date = RECORD_DATE_FIELDS.map((field) => record[field]).find((value) => typeof value === 'string');
  const metadata: DocumentMetadata = {
    contentType: 'text/plain; charset=utf-8',
    title: str(record.title),
    url: str(record.url),
    publishedAt: str(date),
    source: defaults.source ?? str(record.source) ?? defaults.fileSource,
    collection,
    externalId: id,
    filename: `${(id ?? 'line').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100)}.txt`,
  };
  const body = Buffer.from(record.text as string, 'utf8');
  return { kind: 'document', label: id ? `${label} (${id})` : label, load: async () => body, metadata };
}

export async function* ingestItems(paths: string[], options: IngestDefaults = {}): AsyncGenerator<IngestItem> {
  for (const root of paths) {
    try {
      await stat(root);
    } catch {
      yield { kind: 'invalid', label: root, reason: 'no such file or folder' };
      continue;
    }
    for await (const path of walk(root)) {
      const extension = extname(path).toLowerCase();
      if (extension === '.jsonl') {
        const defaults = { ...options, fileSource: basename(path, extension) };
        const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
        let number = 0;
        for await (const line of lines) {
          number++;
          const item = jsonlItem(line, `${path}:${number}`, defaults);
          if (item) yield item;
        }
        continue;
      }
      const contentType = FILE_TYPES[extension];
      if (!contentType) {
        if (paths.includes(path)) yield { kind: 'invalid', label: path, reason: `unsupported file type "${extension || '(none)'}"` };
        continue; // inside a folder: other files are simply not documents
      }
      yield { kind: 'document', label: path, load: () => readFile(path), metadata: { contentType, filename: basename(path), source: options.source, collection: options.collection } };
    }
  }
}
