/**
 * Crawl function: run by the EventBridge schedule in AWS, by the local stack's timer, and on demand by
 * `quotedesk crawl`. Crawls the feeds that are due (optionally one schedule group: `detail.group` of the
 * event or QUOTEDESK_CRAWL_GROUP) and stores new articles under raw/, where the process function picks
 * them up. Logs one line per feed and per item that was not simply unchanged, and the totals.
 */
import type { Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { Crawler, type CrawlLogEntry, type CrawlRequest, type CrawlSummary } from '../shared/crawl/crawler.ts';
import { DynamoFeedRegistry, RawArticleSink } from '../shared/storage/feeds.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { PageWork } from '../shared/crawl/page-work.ts';

const logger = new Logger({ serviceName: 'quotedesk-crawl' });

/** Time kept back from the Lambda timeout for saving feed state and logging. */
const SAFETY_MS = 30_000;

function numberFromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= 0 ? value : undefined;
}

let pages: PageWork | undefined;

/** The crawler on the real adapters, configured from the environment. */
export function crawlerFromEnv(options: { budgetMs?: number; log?: (entry: CrawlLogEntry) => void } = {}): Crawler {
  return new Crawler(new DynamoFeedRegistry(), new RawArticleSink(new S3DocumentStore()), {
    hostDelayMs: numberFromEnv('QUOTEDESK_CRAWL_HOST_DELAY_MS'),
    maxItemsPerFeed: numberFromEnv('QUOTEDESK_CRAWL_MAX_ITEMS'),
    budgetMs: options.budgetMs,
    log: options.log,
    // Pages are read off this thread, each under a deadline (one work thread per container).
    readHtml: (bytes, hint) => (pages ??= new PageWork(Number(process.env.QUOTEDESK_CONVERT_TIMEOUT_MS) || undefined)).readHtml(bytes, hint),
  });
}

function logEntry(entry: CrawlLogEntry): void {
  if (entry.status === 'unchanged') return logger.debug(entry.message, { ...entry });
  logger[entry.level](entry.message, { ...entry });
}

export async function runCrawl(request: CrawlRequest, options: { budgetMs?: number; log?: (entry: CrawlLogEntry) => void } = {}): Promise<CrawlSummary> {
  return crawlerFromEnv(options).crawl(request);
}

export async function handler(event: { detail?: { group?: string } } | undefined, context?: Partial<Context>) {
  const group = event?.detail?.group || process.env.QUOTEDESK_CRAWL_GROUP || undefined;
  const remaining = context?.getRemainingTimeInMillis?.();
  const budgetMs = remaining ? Math.max(10_000, remaining - SAFETY_MS) : undefined;
  const summary = await runCrawl({ group }, { budgetMs, log: logEntry });
  logger.info('crawl finished', { group, feeds: summary.totals.feeds, items: summary.totals.items });
  return { feeds: summary.totals.feeds, items: summary.totals.items };
}
