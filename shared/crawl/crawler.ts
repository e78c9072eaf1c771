/**
 * The crawl: for each due feed, a conditional GET; parse; for each item not seen before, fetch the
 * article page (robots.txt permitting), reduce it to its article text, dedupe by GUID, canonical URL and
 * content hash, and store the page as a raw document for the pipeline. A link to a PDF or Word file is
 * stored as it came, deduped by a hash of its bytes: the process function converts every raw document
 * anyway, and leaving the converters out keeps this function's bundle small. Every feed and item ends with a
 * status and, when it did not work, a reason. A failing feed is backed off exponentially; feeds on other
 * hosts are never held up by it.
 */
import { isCollectionName } from '../collection.ts';
import { UnsupportedDocumentError, checkSize, detectFormat, htmlDocumentText, type DocumentText } from '../text/document.ts';
import { bytesHash, contentHash, normaliseUrl, shortHash } from './dedupe.ts';
import { FeedParseError, parseFeedDocument, type FeedItem } from './feed.ts';
import { FetchError, USER_AGENT, safeFetch, type FetchOptions, type FetchResult } from './fetch.ts';
import { HostGate, mapLimit } from './hosts.ts';
import type { ArticleSink, FeedRecord, FeedRegistry, SeenRecord } from './ports.ts';
import { RobotsCache } from './robots.ts';
import { crawlKeyStem } from '../pipeline/s3-keys.ts';
import { MAX_DOCUMENT_BYTES, MAX_FEED_BYTES } from '../limits.ts';

export type ItemStatus = 'new' | 'unchanged' | 'duplicate' | 'failed' | 'refused';
export type FeedStatus = 'fetched' | 'not-modified' | 'failed' | 'refused' | 'not-due';

export interface ItemResult {
  status: ItemStatus;
  guid?: string;
  url?: string;
  title?: string;
  reason?: string;
  documentKey?: string;
}

export type ItemCounts = Record<ItemStatus, number>;

export interface FeedResult {
  url: string;
  title?: string;
  status: FeedStatus;
  reason?: string;
  httpStatus?: number;
  counts: ItemCounts;
  items: ItemResult[];
  ms: number;
  nextFetchAt?: string;
}

export interface CrawlSummary {
  startedAt: string;
  finishedAt: string;
  feeds: FeedResult[];
  totals: { feeds: Record<FeedStatus, number>; items: ItemCounts };
}

export interface CrawlLogEntry {
  level: 'info' | 'warn';
  message: string;
  feed: string;
  url?: string;
  status: string;
  reason?: string;
}

export interface CrawlerConfig {
  /** Passed to every fetch (timeouts, size limit, DNS resolver, loopback permission). */
  fetch?: Omit<FetchOptions, 'headers'>;
  /** Pause between two requests to one host. */
  hostDelayMs?: number;
  feedConcurrency?: number;
  itemConcurrency?: number;
  maxItemsPerFeed?: number;
  /** Largest feed document accepted. */
  maxFeedBytes?: number;
  /** Largest article page accepted. */
  maxArticleBytes?: number;
  /** A feed item whose content has at least this many letters is stored without fetching its page. */
  fullTextMinLetters?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Time budget for one crawl; items not started by then are left for the next run. */
  budgetMs?: number;
  /**
   * Reads a web page's article (Readability); given, it runs off this thread under a deadline
   * (see page-work.ts). Default: in this thread (the HTML pre-scan still bounds nesting and size).
   */
  readHtml?: (bytes: Uint8Array, hint: { contentType?: string; url?: string; maxBytes?: number }) => Promise<DocumentText>;
  now?: () => Date;
  log?: (entry: CrawlLogEntry) => void;
}

export interface CrawlRequest {
  /** Crawl only this feed (it must be registered). */
  feedUrl?: string;
  /** Crawl only feeds of this schedule group. */
  group?: string;
  /** Ignore the backoff (on-demand crawls). */
  force?: boolean;
}

const DEFAULTS = {
  hostDelayMs: 1000,
  feedConcurrency: 4,
  itemConcurrency: 3,
  maxItemsPerFeed: 50,
  maxFeedBytes: MAX_FEED_BYTES,
  maxArticleBytes: MAX_DOCUMENT_BYTES,
  fullTextMinLetters: 600,
  backoffBaseMs: 15 * 60_000,
  backoffMaxMs: 24 * 3_600_000,
  budgetMs: 240_000,
};

const MAX_CRAWL_DELAY_S = 30;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, application/pdf;q=0.8, */*;q=0.1';
/** Formats an article link may lead to (press releases are often PDF or Word files) and their key extensions. */
const ARTICLE_EXTENSIONS = { html: '.html', pdf: '.pdf', docx: '.docx' } as const;

/**
 * What a fetched article is: a web page read by Readability (its text and metadata dedupe it), or a PDF
 * or Word file kept as raw bytes for the process function to convert.
 */
type Article = { format: 'html'; doc: DocumentText } | { format: 'pdf' | 'docx'; doc?: undefined };

function emptyCounts(): ItemCounts {
  return { new: 0, unchanged: 0, duplicate: 0, failed: 0, refused: 0 };
}

/** Delay before a feed that failed `failures` times in a row is tried again. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A stand-alone HTML page for a feed item that carries its full text, so it is stored and read like a fetched page. */
function itemPage(item: FeedItem, contentHtml: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    item.title ? `<title>${escapeHtml(item.title)}</title>` : '',
    item.url ? `<link rel="canonical" href="${escapeHtml(item.url)}">` : '',
    item.publishedAt ? `<meta property="article:published_time" content="${escapeHtml(item.publishedAt)}">` : '',
    item.author ? `<meta name="author" content="${escapeHtml(item.author)}">` : '',
    `</head><body><article>${item.title ? `<h1>${escapeHtml(item.title)}</h1>` : ''}${contentHtml}</article></body></html>`,
  ].join('\n');
}

function letters(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').match(/\p{L}/gu)?.length ?? 0;
}

function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.replace(/\/+$/, '') === '' && !parsed.search;
  } catch {
    return true;
  }
}

/** Thrown inside item processing: status, reason, and whether to try again on the next crawl. */
class ItemOutcome extends Error {
  constructor(
    readonly status: 'failed' | 'refused',
    readonly reason: string,
    readonly retry: boolean,
  ) {
    super(reason);
  }
}

export class Crawler {
  private readonly config: typeof DEFAULTS & CrawlerConfig;
  private readonly gate: HostGate;
  private readonly robots: RobotsCache;
  private deadline = Infinity;

  constructor(
    private readonly registry: FeedRegistry,
    private readonly sink: ArticleSink,
    config: CrawlerConfig = {},
  ) {
    this.config = { ...DEFAULTS, ...config };
    this.gate = new HostGate(this.config.hostDelayMs);
    this.robots = new RobotsCache(
      (url) => this.get(url, 'text/plain, */*;q=0.1', 512 * 1024),
      this.config.fetch?.userAgent ?? USER_AGENT,
      // Honour Crawl-delay up to a cap, so one site cannot stall a run.
      (origin, seconds) => this.gate.setDelay(origin, Math.min(seconds, MAX_CRAWL_DELAY_S) * 1000),
    );
  }

  private now(): Date {
    return this.config.now?.() ?? new Date();
  }

  private log(entry: CrawlLogEntry): void {
    this.config.log?.(entry);
  }

  /** A fetch through the host gate with the crawler's settings. */
  private get(url: string, accept: string, maxBytes: number, headers: Record<string, string> = {}): Promise<FetchResult> {
    return this.gate.run(url, () => safeFetch(url, { ...this.config.fetch, maxBytes, headers: { accept, ...headers } }));
  }

  async crawl(request: CrawlRequest = {}): Promise<CrawlSummary> {
    const startedAt = this.now();
    this.deadline = Date.now() + this.config.budgetMs;
    let feeds: FeedRecord[];
    if (request.feedUrl) {
      const feed = await this.registry.getFeed(request.feedUrl);
      if (!feed) throw new Error(`feed ${request.feedUrl} is not registered (add it with: quotedesk feeds add URL)`);
      feeds = [feed];
    } else {
      feeds = await this.registry.listFeeds(request.group);
    }
    const force = request.force ?? Boolean(request.feedUrl);
    const results = await mapLimit(feeds, this.config.feedConcurrency, async (feed) => {
      try {
        return await this.crawlFeed(feed, force);
      } catch (error) {
        // A storage error on one feed must not stop the others; the feed is tried again next run.
        const reason = `internal error: ${(error as Error).message}`;
        this.log({ level: 'warn', message: 'feed crawl failed', feed: feed.url, status: 'failed', reason });
        return { url: feed.url, title: feed.title, status: 'failed' as const, reason, counts: emptyCounts(), items: [], ms: 0 };
      }
    });
    const totals = { feeds: { fetched: 0, 'not-modified': 0, failed: 0, refused: 0, 'not-due': 0 }, items: emptyCounts() };
    for (const result of results) {
      totals.feeds[result.status]++;
      for (const status of Object.keys(result.counts) as ItemStatus[]) totals.items[status] += result.counts[status];
    }
    return { startedAt: startedAt.toISOString(), finishedAt: this.now().toISOString(), feeds: results, totals };
  }

  private async crawlFeed(feed: FeedRecord, force: boolean): Promise<FeedResult> {
    const started = Date.now();
    const now = this.now();
    const result: FeedResult = { url: feed.url, title: feed.title, status: 'fetched', counts: emptyCounts(), items: [], ms: 0 };
    if (!force && feed.nextFetchAt && Date.parse(feed.nextFetchAt) > now.getTime()) {
      return { ...result, status: 'not-due', reason: `backing off until ${feed.nextFetchAt}`, nextFetchAt: feed.nextFetchAt };
    }
    const finish = async (status: FeedStatus, patch: Partial<FeedRecord>, reason?: string): Promise<FeedResult> => {
      const failed = status === 'failed' || status === 'refused';
      const failures = failed ? feed.consecutiveFailures + 1 : 0;
      const next = failed ? new Date(now.getTime() + backoffMs(failures, this.config.backoffBaseMs, this.config.backoffMaxMs)).toISOString() : undefined;
      await this.registry.updateFeed(feed.url, {
        ...patch,
        lastFetchAt: now.toISOString(),
        lastStatus: status,
        lastError: reason ?? '',
        consecutiveFailures: failures,
        nextFetchAt: next ?? '',
      });
      Object.assign(result, { status, reason, ms: Date.now() - started, nextFetchAt: next });
      this.log({ level: failed ? 'warn' : 'info', message: 'feed crawled', feed: feed.url, status, reason });
      return result;
    };

    const conditional: Record<string, string> = {};
    if (feed.etag) conditional['if-none-match'] = feed.etag;
    if (feed.lastModified) conditional['if-modified-since'] = feed.lastModified;
    let response: FetchResult;
    try {
      response = await this.get(feed.url, FEED_ACCEPT, this.config.maxFeedBytes, conditional);
    } catch (error) {
      if (error instanceof FetchError) return finish(error.kind === 'refused' ? 'refused' : 'failed', {}, error.reason);
      throw error;
    }
    result.httpStatus = response.status;
    if (response.status === 304) return finish('not-modified', {});
    if (response.status < 200 || response.status >= 300) return finish('failed', {}, `HTTP ${response.status}`);

    let items: FeedItem[];
    let title: string | undefined;
    try {
      const parsed = parseFeedDocument(response.body, { contentType: response.headers['content-type'], baseUrl: response.url, maxItems: this.config.maxItemsPerFeed });
      items = parsed.items;
      title = parsed.title;
    } catch (error) {
      if (error instanceof FeedParseError) return finish('failed', {}, error.reason);
      throw error;
    }
    result.title = feed.title ?? title;
    let retryLater = false;
    result.items = await mapLimit(items, this.config.itemConcurrency, async (item) => {
      const outcome = await this.crawlItem(feed, item).catch((error: Error) => ({
        result: { status: 'failed' as const, guid: item.guid, url: item.url, title: item.title, reason: `internal error: ${error.message}` },
        retry: true,
      }));
      if (outcome.retry) retryLater = true;
      result.counts[outcome.result.status]++;
      this.log({ level: outcome.result.status === 'failed' ? 'warn' : 'info', message: 'item', feed: feed.url, url: item.url, status: outcome.result.status, reason: outcome.result.reason });
      return outcome.result;
    });
    // Keep the validators only when every item was dealt with; otherwise the next crawl must see the feed
    // again (a 304 would hide the items that failed for a passing reason).
    const validators = retryLater ? { etag: '', lastModified: '' } : { etag: response.headers.etag ?? '', lastModified: response.headers['last-modified'] ?? '' };
    return finish('fetched', { ...validators, ...(title && !feed.title ? { title } : {}) });
  }

  private async crawlItem(feed: FeedRecord, item: FeedItem): Promise<{ result: ItemResult; retry: boolean }> {
    const base: ItemResult = { status: 'new', guid: item.guid, url: item.url, title: item.title };
    const guidKey = item.guid ? `${feed.url} ${item.guid}` : undefined;
    if (guidKey && (await this.registry.getSeen('guid', guidKey))) return { result: { ...base, status: 'unchanged' }, retry: false };
    if (Date.now() > this.deadline) return { result: { ...base, status: 'failed', reason: 'crawl time budget used up; retried next run' }, retry: true };

    const identity = item.url ? normaliseUrl(item.url) : guidKey;
    if (!identity) return { result: { ...base, status: 'failed', reason: 'item has neither a link nor a GUID' }, retry: false };
    const stem = crawlKeyStem(this.now(), shortHash(identity));
    let documentKey = `${stem}.html`;
    const claims: Array<[string, string]> = [];
    const seen = (kind: string, value: string, extra: Partial<SeenRecord> = {}): SeenRecord => ({
      kind, value, feedUrl: feed.url, documentKey, status: 'ingested', at: this.now().toISOString(), ...extra,
    });
    /** Claims a dedupe key for this item; returns the earlier record when someone got there first. */
    const claim = async (kind: string, value: string): Promise<SeenRecord | undefined> => {
      const { claimed, existing } = await this.registry.claimSeen(seen(kind, value));
      if (claimed) claims.push([kind, value]);
      return claimed ? undefined : existing;
    };
    const releaseAll = async () => {
      for (const [kind, value] of claims.splice(0)) await this.registry.releaseSeen(kind, value);
    };
    /** The item is a duplicate of `existing`: point its GUID there so the next crawl calls it unchanged. */
    const duplicateOf = async (existing: SeenRecord, how: string) => {
      const released = claims.filter(([kind]) => kind === 'url').map(([, value]) => value);
      await releaseAll();
      // This item's URLs now lead to the earlier article, so other feeds listing them are deduped without a fetch.
      for (const value of released) await this.registry.claimSeen(seen('url', value, { documentKey: existing.documentKey, status: existing.status, feedUrl: existing.feedUrl }));
      if (guidKey) await this.registry.claimSeen(seen('guid', guidKey, { documentKey: existing.documentKey, status: existing.status }));
      const sameFeed = existing.feedUrl === feed.url;
      const status: ItemStatus = existing.status === 'failed' || sameFeed ? 'unchanged' : 'duplicate';
      return { result: { ...base, status, reason: status === 'duplicate' ? `same ${how} as an article from ${existing.feedUrl}` : undefined, documentKey: existing.documentKey }, retry: false };
    };

    try {
      if (item.url) {
        const existing = await claim('url', normaliseUrl(item.url));
        if (existing) return await duplicateOf(existing, 'URL');
      }
      const { bytes, contentType, article, finalUrl } = await this.articleOf(item);
      const { doc } = article;
      // The page's canonical URL and the address it was finally served from (after redirects) identify it too.
      for (const [how, other] of [['canonical URL', doc?.canonicalUrl], ['URL', finalUrl]] as const) {
        // Some sites declare their home page as every article's canonical URL; that says nothing about the article.
        if (!other || isSiteRoot(other)) continue;
        const value = normaliseUrl(other);
        if (claims.some(([kind, claimed]) => kind === 'url' && claimed === value)) continue;
        const existing = await claim('url', value);
        if (existing) return await duplicateOf(existing, how);
      }
      // A page by its article text (the same story re-served with other markup); a file by its bytes.
      const existingHash = doc ? await claim('hash', contentHash(doc.text)) : await claim('bytes', bytesHash(bytes));
      if (existingHash) return await duplicateOf(existingHash, doc ? 'text' : 'file');

      const extension = ARTICLE_EXTENSIONS[article.format];
      if (!documentKey.endsWith(extension)) {
        documentKey = `${stem}${extension}`;
        for (const [kind, value] of claims) await this.registry.updateSeen(seen(kind, value));
      }
      await this.sink.store({
        key: documentKey,
        body: bytes,
        contentType,
        title: doc?.title ?? item.title,
        url: doc?.canonicalUrl ?? finalUrl ?? item.url,
        source: feed.url,
        collection: isCollectionName(feed.group) ? feed.group : undefined,
        publishedAt: item.publishedAt ?? doc?.publishedAt,
        externalId: item.guid,
      });
      if (guidKey) await this.registry.claimSeen(seen('guid', guidKey));
      return { result: { ...base, status: 'new', documentKey }, retry: false };
    } catch (error) {
      await releaseAll();
      if (!(error instanceof ItemOutcome)) {
        return { result: { ...base, status: 'failed', reason: `unexpected error: ${(error as Error).message}` }, retry: true };
      }
      if (!error.retry) {
        // A permanent failure is remembered so the page is not fetched again on every crawl.
        const key = guidKey ?? (item.url ? normaliseUrl(item.url) : undefined);
        if (key) await this.registry.claimSeen(seen(guidKey ? 'guid' : 'url', key, { status: 'failed', reason: error.reason, documentKey: undefined }));
      }
      return { result: { ...base, status: error.status, reason: error.reason }, retry: error.retry };
    }
  }

  /** The article of a feed item: from the item itself when it carries the full text, else its fetched page. */
  private async articleOf(item: FeedItem): Promise<{ bytes: Uint8Array; contentType: string; article: Article; finalUrl?: string }> {
    const fullHtml = item.contentHtml ?? (item.contentText ? item.contentText.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('') : undefined);
    if (fullHtml && letters(fullHtml) >= this.config.fullTextMinLetters) {
      const bytes = new Uint8Array(Buffer.from(itemPage(item, fullHtml), 'utf8'));
      const contentType = 'text/html; charset=utf-8';
      return { bytes, contentType, article: await this.read(bytes, contentType, item.url), finalUrl: item.url };
    }
    if (!item.url) throw new ItemOutcome('failed', 'item has no link and no full text', false);
    const verdict = await this.robots.check(item.url).catch((error: Error) => ({ allowed: false as const, reason: `robots.txt check failed (${error.message})` }));
    // A Disallow rule is a lasting answer; an unreachable robots.txt is asked again next time.
    if (!verdict.allowed) throw new ItemOutcome('refused', verdict.reason, !verdict.reason.startsWith('disallowed'));
    let response: FetchResult;
    try {
      response = await this.get(item.url, PAGE_ACCEPT, this.config.maxArticleBytes);
    } catch (error) {
      if (error instanceof FetchError) {
        throw error.kind === 'refused' ? new ItemOutcome('refused', error.reason, false) : new ItemOutcome('failed', error.reason, error.kind !== 'too-large');
      }
      throw error;
    }
    if (response.status < 200 || response.status >= 300) {
      const permanent = response.status === 404 || response.status === 410 || response.status === 401 || response.status === 403;
      throw new ItemOutcome('failed', `article page: HTTP ${response.status}`, !permanent);
    }
    const contentType = response.headers['content-type'] ?? 'application/octet-stream';
    return { bytes: response.body, contentType, article: await this.read(response.body, contentType, response.url), finalUrl: response.url };
  }

  /** Web pages through Readability; PDF and Word files only recognised (magic numbers), not converted. */
  private async read(bytes: Uint8Array, contentType: string, url: string | undefined): Promise<Article> {
    try {
      const hint = { contentType, url, maxBytes: this.config.maxArticleBytes };
      checkSize(bytes, hint);
      const format = detectFormat(bytes, hint);
      if (format === 'pdf' || format === 'docx') return { format };
      if (format !== 'html') throw new ItemOutcome('failed', `article link is not a web page, PDF or Word document (read as ${format})`, false);
      return { format, doc: this.config.readHtml ? await this.config.readHtml(bytes, hint) : await htmlDocumentText(bytes, hint) };
    } catch (error) {
      if (error instanceof UnsupportedDocumentError) throw new ItemOutcome('failed', error.reason, false);
      // From the work thread: refusals and deadlines carry a reason.
      const reason = (error as { reason?: unknown }).reason;
      if (this.config.readHtml && !(error instanceof ItemOutcome) && typeof reason === 'string') throw new ItemOutcome('failed', reason, false);
      throw error;
    }
  }
}

/** The crawl summary as a few lines of text (CLI output, logs). */
export function formatSummary(summary: CrawlSummary, options: { items?: boolean } = {}): string {
  const lines: string[] = [];
  for (const feed of summary.feeds) {
    const c = feed.counts;
    lines.push(
      `${feed.status.padEnd(12)} ${feed.url}${feed.title ? ` (${feed.title})` : ''}` +
        (feed.status === 'fetched' ? `  new ${c.new}, unchanged ${c.unchanged}, duplicate ${c.duplicate}, failed ${c.failed}, refused ${c.refused}` : '') +
        (feed.reason ? `  — ${feed.reason}` : ''),
    );
    for (const item of feed.items) {
      if (options.items || item.status === 'failed' || item.status === 'refused') {
        lines.push(`    ${item.status.padEnd(10)} ${item.url ?? item.guid ?? '(no link)'}${item.reason ? `  — ${item.reason}` : ''}`);
      }
    }
  }
  const f = summary.totals.feeds;
  const i = summary.totals.items;
  lines.push(
    `feeds: ${summary.feeds.length} (fetched ${f.fetched}, not modified ${f['not-modified']}, failed ${f.failed}, refused ${f.refused}, not due ${f['not-due']}); ` +
      `items: new ${i.new}, unchanged ${i.unchanged}, duplicate ${i.duplicate}, failed ${i.failed}, refused ${i.refused}`,
  );
  return lines.join('\n');
}
