/**
 * What the crawler needs from storage. The DynamoDB adapter is `shared/storage/feeds.ts`; the raw
 * documents go through the pipeline's DocumentStore (S3) under the raw prefix.
 */

export interface FeedRecord {
  url: string;
  title?: string;
  /** Schedule group: a schedule may crawl only one group. */
  group: string;
  addedAt: string;
  lastFetchAt?: string;
  /** Outcome of the last fetch: fetched | not-modified | failed | refused. */
  lastStatus?: string;
  lastError?: string;
  etag?: string;
  lastModified?: string;
  consecutiveFailures: number;
  /** ISO time before which the feed is not fetched again by the schedule (backoff). */
  nextFetchAt?: string;
}

export type FeedStatePatch = Partial<Omit<FeedRecord, 'url' | 'addedAt'>>;

/** A dedupe record: something (a GUID of a feed, a canonical URL, a content hash) already ingested. */
export interface SeenRecord {
  /** guid | url | hash (of a page's article text) | bytes (hash of a PDF or Word file) */
  kind: string;
  value: string;
  feedUrl: string;
  /** S3 key of the raw document it became, when it was ingested. */
  documentKey?: string;
  /** ingested | failed (a permanent failure: not retried) */
  status: 'ingested' | 'failed';
  reason?: string;
  at: string;
}

export interface FeedRegistry {
  addFeed(feed: { url: string; title?: string; group?: string }): Promise<{ created: boolean; feed: FeedRecord }>;
  removeFeed(url: string): Promise<boolean>;
  getFeed(url: string): Promise<FeedRecord | null>;
  listFeeds(group?: string): Promise<FeedRecord[]>;
  updateFeed(url: string, patch: FeedStatePatch): Promise<void>;

  getSeen(kind: string, value: string): Promise<SeenRecord | null>;
  /** Records a key unless it exists; returns false (and the existing record) when it did. */
  claimSeen(record: SeenRecord): Promise<{ claimed: boolean; existing?: SeenRecord }>;
  releaseSeen(kind: string, value: string): Promise<void>;
  /** Overwrites a record this crawler holds (e.g. to point it at the stored document's final key). */
  updateSeen(record: SeenRecord): Promise<void>;
}

export interface ArticleDocument {
  key: string;
  body: Uint8Array;
  contentType: string;
  title?: string;
  url?: string;
  /** The feed the article came from. */
  source: string;
  /** The feed's group, as the documents' collection. */
  collection?: string;
  publishedAt?: string;
  externalId?: string;
}

export interface ArticleSink {
  store(doc: ArticleDocument): Promise<void>;
}
