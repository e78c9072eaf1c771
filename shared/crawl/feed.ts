/**
 * Feed documents (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed) → a flat list of items, with feedsmith as the
 * parser. The bytes are decoded here first (BOM, HTTP charset, XML declaration, then sniffing), because
 * real feeds are often in legacy encodings or mislabelled.
 */
import { detectAtomFeed, detectRdfFeed, detectRssFeed, parseFeed } from 'feedsmith';
import { DecodeError, decodeBytes } from '../text/decode.ts';
import { normaliseDate } from '../text/normalise.ts';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** GUID / Atom id / JSON Feed id, as written. */
  guid?: string;
  /** The article's address (absolute, http/https only). */
  url?: string;
  title?: string;
  author?: string;
  publishedAt?: string;
  /** Full content as HTML (content:encoded, Atom content, JSON content_html), when the feed carries it. */
  contentHtml?: string;
  /** Plain-text full content (JSON Feed content_text). */
  contentText?: string;
  summary?: string;
}

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site the feed belongs to. */
  link?: string;
  items: FeedItem[];
  /** Encoding the bytes were decoded from. */
  encoding: string;
  /** Set when the declared encoding was wrong and another one was used. */
  warning?: string;
}

export class FeedParseError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FeedParseError';
  }
}

export interface ParseFeedOptions {
  contentType?: string;
  /** Base for relative item links (the feed's own URL). */
  baseUrl?: string;
  /** Upper bound on items returned (newest feeds list newest first). */
  maxItems?: number;
}

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** C1 control characters that feeds use as Windows-1252 punctuation (a "don\x92t" apostrophe). */
const CP1252_C1 = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function demoronise(text: string): string {
  return text
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80])
    .replace(/&#(1[3-5]\d|12[89]);/g, (_ref, n: string) => `&#x${CP1252_C1.charCodeAt(Number(n) - 0x80).toString(16)};`);
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = demoronise(value.trim());
  return trimmed || undefined;
}

/** Why the bytes are not a feed, in words (HTML page, empty, not XML/JSON …). */
function notAFeedReason(text: string): string {
  const head = text.replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->/g, '').trimStart().slice(0, 512).toLowerCase();
  if (!head) return text.trim() ? 'no root element (only a declaration or comments)' : 'empty document';
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/.test(head)) return 'an HTML page, not a feed';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON that is not a JSON Feed';
  if (head.startsWith('<')) return 'XML that is not RSS, RDF or Atom';
  return 'not XML or JSON';
}

/** feedsmith's JSON detection wants an object; gofeed-style feeds omit the jsonfeed.org URL, so accept "version" alone. */
function jsonInput(text: string): unknown {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return text;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(trimmed) as Record<string, unknown>;
  } catch (error) {
    throw new FeedParseError(`invalid JSON (${(error as Error).message})`);
  }
  if (json && typeof json === 'object' && Array.isArray(json.items) && typeof json.version === 'string' && !json.version.includes('jsonfeed.org')) {
    return { ...json, version: 'https://jsonfeed.org/version/1.1' };
  }
  return json;
}

type AnyRecord = Record<string, any>;

function rssItems(feed: AnyRecord, base?: string): FeedItem[] {
  return ((feed.items ?? []) as AnyRecord[]).map((item) => ({
    guid: clean(item.guid?.value ?? item.guid),
    url: absoluteUrl(item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined), base),
    title: clean(item.title),
    author: clean(item.authors?.[0]?.name ?? item.authors?.[0]?.email ?? item.dc?.creators?.[0] ?? item.dc?.creator),
    publishedAt: normaliseDate(item.pubDate ?? item.dc?.dates?.[0] ?? item.dc?.date),
    contentHtml: clean(item.content?.encoded),
    summary: clean(item.description),
  }));
}

function atomLink(links: AnyRecord[] | undefined, base?: string): string | undefined {
  const alternate = links?.find((l) => !l.rel || l.rel === 'alternate') ?? links?.[0];
  return absoluteUrl(alternate?.href, base);
}

function atomItems(feed: AnyRecord, base?: string): FeedItem[] {
  return ((feed.entries ?? []) as AnyRecord[]).map((entry) => {
    const content = entry.content as AnyRecord | undefined;
    const isText = content?.type === 'text';
    return {
      guid: clean(entry.id),
      url: atomLink(entry.links, base) ?? absoluteUrl(entry.id, base),
      title: clean(entry.title?.value ?? entry.title),
      author: clean(entry.authors?.[0]?.name),
      publishedAt: normaliseDate(entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
      contentHtml: isText ? undefined : clean(content?.value),
      contentText: isText ? clean(content?.value) : undefined,
      summary: clean(entry.summary?.value ?? entry.summary),
    };
  });
}

function rdfItems(feed: AnyRecord, base?: string): FeedItem[] {
  return ((feed.items ?? []) as AnyRecord[]).map((item) => ({
    guid: clean(item.rdf?.about ?? item.link),
    url: absoluteUrl(item.link, base),
    title: clean(item.title),
    author: clean(item.dc?.creators?.[0] ?? item.dc?.creator),
    publishedAt: normaliseDate(item.dc?.dates?.[0] ?? item.dc?.date),
    contentHtml: clean(item.content?.encoded),
    summary: clean(item.description),
  }));
}

function jsonItems(feed: AnyRecord, base?: string): FeedItem[] {
  return ((feed.items ?? []) as AnyRecord[]).map((item) => ({
    guid: clean(item.id === undefined ? undefined : String(item.id)),
    url: absoluteUrl(item.url ?? item.external_url, base),
    title: clean(item.title),
    author: clean(item.authors?.[0]?.name ?? item.author?.name),
    publishedAt: normaliseDate(item.date_published ?? item.date_modified),
    contentHtml: clean(item.content_html),
    contentText: clean(item.content_text),
    summary: clean(item.summary),
  }));
}

/** Decodes and parses a feed document; throws FeedParseError with a reason when it is not a usable feed. */
export function parseFeedDocument(bytes: Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  if (bytes.byteLength === 0) throw new FeedParseError('empty document (0 bytes)');
  let text: string;
  let encoding: string;
  let warning: string | undefined;
  try {
    ({ text, encoding, warning } = decodeBytes(bytes, { contentType: options.contentType, markup: 'xml', lenient: true }));
  } catch (error) {
    if (error instanceof DecodeError) throw new FeedParseError(`undecodable feed: ${error.reason}`);
    throw error;
  }
  // The XML parser re-reads the encoding declaration; the text is already decoded, so drop it.
  text = text.replace(/^\s*(<\?xml[^>]*?)\sencoding\s*=\s*["'][^"']*["']/i, '$1');
  let parsed: { format: FeedFormat; feed: AnyRecord };
  try {
    parsed = parseFeed(jsonInput(text)) as { format: FeedFormat; feed: AnyRecord };
  } catch (error) {
    if (error instanceof FeedParseError) throw error;
    const name = (error as Error).name;
    if (name === 'DetectError') throw new FeedParseError(`not a feed: ${notAFeedReason(text)}`);
    // A recognisable feed root with nothing usable inside (an empty <rss></rss> shell): no items, not an error.
    if (name === 'ParseError') {
      const format: FeedFormat | undefined = detectRssFeed(text) ? 'rss' : detectAtomFeed(text) ? 'atom' : detectRdfFeed(text) ? 'rdf' : undefined;
      if (format) return { format, items: [], encoding, warning: [warning, 'feed has no channel or entries that could be read'].filter(Boolean).join('; ') };
    }
    throw new FeedParseError(`malformed feed (${(error as Error).message})`);
  }
  const { format, feed } = parsed;
  const base = options.baseUrl;
  const link = format === 'atom' ? atomLink(feed.links, base) : absoluteUrl(feed.link ?? feed.home_page_url, base);
  const items = format === 'rss' ? rssItems(feed, base ?? link) : format === 'atom' ? atomItems(feed, base ?? link) : format === 'rdf' ? rdfItems(feed, base ?? link) : jsonItems(feed, base ?? link);
  const result: ParsedFeed = {
    format,
    title: clean(format === 'atom' ? feed.title?.value ?? feed.title : feed.title),
    link,
    items: options.maxItems !== undefined ? items.slice(0, options.maxItems) : items,
    encoding,
  };
  if (warning) result.warning = warning;
  return result;
}
