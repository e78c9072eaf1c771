/**
 * The feed registry and the crawler's dedupe records, in the same single DynamoDB table:
 *   pk=FEEDS            sk=FEED#<sha256(url)[:32]>   one feed: url, title, group, crawl state (listed with one Query)
 *   pk=SEEN#<sha256(kind + value)>  sk=META         a GUID / canonical URL / content hash already ingested
 * Seen records are claimed with a conditional put, so two feeds listing the same article at the same
 * moment still ingest it once. And the raw-document sink for crawled articles, on the pipeline's S3 store.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ArticleDocument, ArticleSink, FeedRecord, FeedRegistry, FeedStatePatch, SeenRecord } from '../crawl/ports.ts';
import { docClient, tableName } from './clients.ts';
import { queryItems } from './query-all.ts';
import type { DocumentStore } from './ports.ts';

export const FEEDS_PK = 'FEEDS';
const sha = (value: string) => createHash('sha256').update(value).digest('hex');
const feedKey = (url: string) => ({ pk: FEEDS_PK, sk: `FEED#${sha(url).slice(0, 32)}` });
const seenKey = (kind: string, value: string) => ({ pk: `SEEN#${sha(`${kind}\n${value}`)}`, sk: 'META' });

const FEED_FIELDS = ['url', 'title', 'group', 'addedAt', 'lastFetchAt', 'lastStatus', 'lastError', 'etag', 'lastModified', 'consecutiveFailures', 'nextFetchAt'] as const;

function toFeed(item: Record<string, unknown>): FeedRecord {
  const feed: Record<string, unknown> = {};
  for (const field of FEED_FIELDS) {
    const value = item[field];
    if (value !== undefined && value !== '') feed[field] = value;
  }
  feed.consecutiveFailures = Number(item.consecutiveFailures ?? 0);
  feed.group ??= 'default';
  return feed as unknown as FeedRecord;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string }).name === 'ConditionalCheckFailedException';
}

/** Checks and normalises a feed URL given by a user: absolute http(s), no credentials, no fragment. */
export function normaliseFeedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https feeds are supported, not ${url.protocol}`);
  if (url.username || url.password) throw new Error('feed URLs must not contain credentials');
  url.hash = '';
  return url.href;
}

export class DynamoFeedRegistry implements FeedRegistry {
  constructor(private readonly table: string = tableName()) {}

  async addFeed(input: { url: string; title?: string; group?: string }): Promise<{ created: boolean; feed: FeedRecord }> {
    const url = normaliseFeedUrl(input.url);
    const feed: FeedRecord = { url, group: input.group || 'default', addedAt: new Date().toISOString(), consecutiveFailures: 0 };
    if (input.title) feed.title = input.title;
    try {
      await docClient().send(
        new PutCommand({ TableName: this.table, Item: { ...feedKey(url), ...feed }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return { created: true, feed };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { created: false, feed: (await this.getFeed(url))! };
    }
  }

  async removeFeed(url: string): Promise<boolean> {
    const result = await docClient().send(
      new DeleteCommand({ TableName: this.table, Key: feedKey(normaliseFeedUrl(url)), ReturnValues: 'ALL_OLD' }),
    );
    return Boolean(result.Attributes);
  }

  async getFeed(url: string): Promise<FeedRecord | null> {
    const result = await docClient().send(new GetCommand({ TableName: this.table, Key: feedKey(normaliseFeedUrl(url)), ConsistentRead: true }));
    return result.Item ? toFeed(result.Item) : null;
  }

  async listFeeds(group?: string): Promise<FeedRecord[]> {
    const feeds: FeedRecord[] = [];
    const items = queryItems({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': FEEDS_PK }, ConsistentRead: true });
    for await (const item of items) feeds.push(toFeed(item));
    return (group ? feeds.filter((f) => f.group === group) : feeds).sort((a, b) => a.url.localeCompare(b.url));
  }

  async updateFeed(url: string, patch: FeedStatePatch): Promise<void> {
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined);
    if (!entries.length) return;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    entries.forEach(([field, value], i) => {
      names[`#f${i}`] = field;
      // An empty string clears the field (DynamoDB keeps no empty attributes we care about).
      if (value === '') removes.push(`#f${i}`);
      else {
        values[`:v${i}`] = value;
        sets.push(`#f${i} = :v${i}`);
      }
    });
    try {
      await docClient().send(
        new UpdateCommand({
          TableName: this.table,
          Key: feedKey(normaliseFeedUrl(url)),
          UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].join(' ').trim(),
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
          // Never resurrect a feed removed while it was being crawled.
          ConditionExpression: 'attribute_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async getSeen(kind: string, value: string): Promise<SeenRecord | null> {
    const result = await docClient().send(new GetCommand({ TableName: this.table, Key: seenKey(kind, value), ConsistentRead: true }));
    return result.Item ? (result.Item as unknown as SeenRecord) : null;
  }

  async claimSeen(record: SeenRecord): Promise<{ claimed: boolean; existing?: SeenRecord }> {
    const item = { ...seenKey(record.kind, record.value), ...record, value: record.value.slice(0, 2048) };
    try {
      await docClient().send(new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return { claimed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { claimed: false, existing: (await this.getSeen(record.kind, record.value)) ?? undefined };
    }
  }

  async updateSeen(record: SeenRecord): Promise<void> {
    await docClient().send(new PutCommand({ TableName: this.table, Item: { ...seenKey(record.kind, record.value), ...record, value: record.value.slice(0, 2048) } }));
  }

  async releaseSeen(kind: string, value: string): Promise<void> {
    await docClient().send(new DeleteCommand({ TableName: this.table, Key: seenKey(kind, value) }));
  }
}

/** Crawled articles become raw documents, exactly like uploads, so the process handler picks them up. */
export class RawArticleSink implements ArticleSink {
  constructor(private readonly documents: DocumentStore) {}

  async store(doc: ArticleDocument): Promise<void> {
    await this.documents.putRaw(doc.key, doc.body, {
      title: doc.title,
      url: doc.url,
      source: doc.source,
      collection: doc.collection,
      publishedAt: doc.publishedAt,
      contentType: doc.contentType,
      filename: doc.key.split('/').pop(),
      uploader: 'crawler',
      externalId: doc.externalId,
    });
  }
}
