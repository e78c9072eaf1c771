/**
 * The document model and everything short of PDF/Word conversion: the format of some bytes (magic numbers,
 * content type, file name, then sniffing), the size and encoding checks, and HTML pages through Readability.
 * Kept apart from formats.ts so code that only reads web pages (the crawler) does not carry the PDF and
 * Word converters. The HTML reader (linkedom + Readability) is imported on the first page, so the function
 * bundles keep it in a chunk of its own that a cold start never loads.
 */
import { MAX_DOCUMENT_BYTES } from '../limits.ts';
import { DecodeError, decodeBytes } from './decode.ts';

/** The HTML reader's module, loaded on first use (work threads load it before their first job). */
export const loadHtmlReader = () => import('./html.ts');

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export interface DocumentText {
  text: string;
  title?: string;
  byline?: string;
  publishedAt?: string;
  canonicalUrl?: string;
  format: DocumentFormat;
  /** Character encoding the text was decoded from (text, Markdown and HTML). */
  encoding?: string;
}

export interface DocumentHint {
  contentType?: string;
  filename?: string;
  /** Largest input accepted, in bytes (default 5 MiB). */
  maxBytes?: number;
  /** Where the document came from: resolves a relative canonical URL in HTML. */
  url?: string;
}

export class UnsupportedDocumentError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnsupportedDocumentError';
  }
}


const MIME: Record<string, DocumentFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const EXTENSION: Record<string, DocumentFormat> = {
  txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', xhtml: 'html',
  pdf: 'pdf', docx: 'docx',
};

/** Formats we recognise but cannot read, with the reason to give. */
const KNOWN_BINARY: Array<{ magic: number[]; what: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { magic: [0x1f, 0x8b], what: 'gzip-compressed data' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { magic: [0x4d, 0x5a], what: 'a Windows executable' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Office file (.doc/.xls); save it as .docx' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { magic: [0x25, 0x21, 0x50, 0x53], what: 'a PostScript file' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF file' },
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function mimeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0].trim().toLowerCase() || undefined;
}

function extensionOf(filename: string | undefined): string | undefined {
  const match = filename?.toLowerCase().match(/\.([a-z0-9]+)$/);
  return match ? match[1] : undefined;
}

function latin1Head(bytes: Uint8Array, n: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, n)).toString('latin1');
}

const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]|<article[\s>]|<(div|p|h1|section|main)[\s>])/i;

/** Decides the format from magic numbers, content type, file name, then content. */
export function detectFormat(bytes: Uint8Array, hint: DocumentHint): DocumentFormat {
  const head = latin1Head(bytes, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const labelled = MIME[mimeOf(hint.contentType) ?? ''] === 'docx' || extensionOf(hint.filename) === 'docx';
    if (labelled || latin1Head(bytes, 64 * 1024).includes('word/')) return 'docx';
    throw new UnsupportedDocumentError('ZIP archive that is not a Word .docx document');
  }
  for (const known of KNOWN_BINARY) {
    if (startsWith(bytes, known.magic)) throw new UnsupportedDocumentError(`binary file: ${known.what}, not a text document`);
  }
  const declared = MIME[mimeOf(hint.contentType) ?? ''] ?? EXTENSION[extensionOf(hint.filename) ?? ''];
  if (declared === 'pdf') throw new UnsupportedDocumentError('corrupt PDF: no %PDF header');
  if (declared === 'docx') throw new UnsupportedDocumentError('corrupt Word document: not a ZIP package');
  if (extensionOf(hint.filename) === 'doc') throw new UnsupportedDocumentError('legacy Word .doc is not supported; save it as .docx');
  if (declared) return declared;
  // No usable label: HTML if it starts like HTML (after a BOM, whitespace or comments), else plain text.
  const sniffHead = head.replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').replace(/\0/g, '');
  return HTML_START.test(sniffHead) ? 'html' : 'text';
}

/** Control characters other than tab, newline, carriage return and form feed: a sign of binary data. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const controls = sample.match(/[\u0001-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  return controls > 0 && controls > sample.length / 200;
}

function hasNulOutsideWideText(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

export function decodeOrThrow(bytes: Uint8Array, hint: DocumentHint, markup: 'html' | 'none'): { text: string; encoding: string } {
  try {
    const decoded = decodeBytes(bytes, { contentType: hint.contentType, markup });
    if (looksBinary(decoded.text)) throw new UnsupportedDocumentError('binary file, not a text document');
    return decoded;
  } catch (error) {
    if (error instanceof DecodeError) {
      // NUL bytes that are not UTF-16/32 text mean binary data rather than a text encoding problem.
      if (hasNulOutsideWideText(bytes)) throw new UnsupportedDocumentError('binary file, not a text document');
      throw new UnsupportedDocumentError(`undecodable text: ${error.reason}`);
    }
    throw error;
  }
}

export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function requireText(doc: DocumentText, what: string): DocumentText {
  if (!doc.text.trim()) throw new UnsupportedDocumentError(`${what} has no text (empty or whitespace only)`);
  return doc;
}

/** The size limit a document is read under. */
export const sizeLimit = (hint: DocumentHint): number => hint.maxBytes ?? MAX_DOCUMENT_BYTES;

/** Refuses empty documents and documents over the size limit before any parsing. */
export function checkSize(bytes: Uint8Array, hint: DocumentHint): void {
  const maxBytes = sizeLimit(hint);
  if (bytes.byteLength > maxBytes) {
    throw new UnsupportedDocumentError(`document too large: ${bytes.byteLength} bytes, the limit is ${maxBytes}`);
  }
  if (bytes.byteLength === 0) throw new UnsupportedDocumentError('empty document (0 bytes)');
}

/** An HTML page's article: decoded (charset from the content type, BOM or <meta>), then Readability. */
export async function htmlDocumentText(bytes: Uint8Array, hint: DocumentHint): Promise<DocumentText> {
  const { text: html, encoding } = decodeOrThrow(bytes, hint, 'html');
  if (!html.trim()) throw new UnsupportedDocumentError('HTML document has no text (empty or whitespace only)');
  return { ...(await htmlToArticle(html, hint.url)), encoding };
}

/** Readability article of an HTML page; throws UnsupportedDocumentError when there is none. */
export async function htmlToArticle(html: string, url?: string): Promise<DocumentText> {
  const { NoArticleError, htmlToArticle: readArticle } = await loadHtmlReader();
  try {
    return readArticle(html, url);
  } catch (error) {
    if (error instanceof NoArticleError) throw new UnsupportedDocumentError(error.reason);
    throw error;
  }
}
