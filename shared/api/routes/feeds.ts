/** The crawler's feed registry: list, add, remove. A feed's id is a hash of its normalised URL. */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { createRoute } from '../openapi-app.ts';
import type { FeedRecord, FeedRegistry } from '#shared/crawl/ports.ts';
import { clampLimit, decodeCursor, encodeCursor } from '#shared/storage/cursor.ts';
import { normaliseFeedUrl } from '#shared/storage/feeds.ts';
import { RefusedError, checkUrl, loopbackAllowedByEnv } from '#shared/crawl/address.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { IdParamSchema, PageQuerySchema, pageOf } from '../schemas.ts';
import { errorResponses, json, notFoundResponse, readerSecurity, writerSecurity } from './common.ts';

const FeedSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    group: z.string(),
    addedAt: z.string(),
    lastFetchAt: z.string().nullable(),
    lastStatus: z.string().nullable(),
    lastError: z.string().nullable(),
    consecutiveFailures: z.number().int(),
  })
  .meta({ id: 'Feed' });

const FeedInputSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000).meta({ example: 'https://example.org/news/rss.xml' }),
    title: z.string().max(500).optional(),
    group: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')
      .optional()
      .meta({ description: 'Schedule group (default "default").' }),
  })
  .meta({ id: 'FeedInput' });

const listFeeds = createRoute({
  method: 'get',
  path: '/feeds',
  summary: 'Registered feeds, by URL',
  security: readerSecurity,
  request: { query: PageQuerySchema },
  responses: { 200: json(pageOf(FeedSchema, 'FeedPage'), 'A page of feeds'), ...errorResponses },
});

const addFeed = createRoute({
  method: 'post',
  path: '/feeds',
  summary: 'Register a feed for the crawler (registering the same URL again returns the existing feed)',
  security: writerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: FeedInputSchema } } } },
  responses: { 201: json(FeedSchema, 'The registered feed'), 200: json(FeedSchema, 'Already registered'), ...errorResponses },
});

const removeFeed = createRoute({
  method: 'delete',
  path: '/feeds/{id}',
  summary: 'Remove a feed',
  security: writerSecurity,
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
});

export function feedId(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 32);
}

function presentFeed(feed: FeedRecord) {
  return {
    id: feedId(feed.url),
    url: feed.url,
    title: feed.title ?? null,
    group: feed.group,
    addedAt: feed.addedAt,
    lastFetchAt: feed.lastFetchAt ?? null,
    lastStatus: feed.lastStatus ?? null,
    lastError: feed.lastError ?? null,
    consecutiveFailures: feed.consecutiveFailures,
  };
}

export function registerFeedRoutes(app: ApiApp, deps: ApiDeps): void {
  const registry = (): FeedRegistry => {
    if (!deps.feeds) throw new ApiError(503, 'The feed registry is not configured on this deployment.');
    return deps.feeds;
  };

  // The registry is one small partition read whole; pages are cut here, after the last id of the previous page.
  app.openapi(listFeeds, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, 'feeds')?.after;
    const feeds = (await registry().listFeeds()).map(presentFeed).sort((a, b) => a.id.localeCompare(b.id));
    const rest = typeof after === 'string' ? feeds.filter((f) => f.id > after) : feeds;
    const size = clampLimit(limit);
    const items = rest.slice(0, size);
    const next = rest.length > size ? encodeCursor({ after: items[items.length - 1].id }, 'feeds') : null;
    return c.json({ items, cursor: next }, 200);
  });

  app.openapi(addFeed, async (c) => {
    const input = c.req.valid('json');
    let url: string;
    try {
      url = normaliseFeedUrl(input.url);
    } catch (error) {
      throw new ApiError(400, `json.url: ${(error as Error).message}`);
    }
    // Refuse internal addresses now (IP literals, localhost), not only at crawl time; DNS names are
    // checked on every resolution when fetched.
    try {
      checkUrl(url, loopbackAllowedByEnv());
    } catch (error) {
      if (error instanceof RefusedError) throw new ApiError(400, `json.url: ${error.reason}`);
      throw error;
    }
    const { created, feed } = await registry().addFeed({ url, title: input.title, group: input.group });
    return c.json(presentFeed(feed), created ? 201 : 200);
  });

  app.openapi(removeFeed, async (c) => {
    const { id } = c.req.valid('param');
    const feed = (await registry().listFeeds()).find((f) => feedId(f.url) === id);
    if (!feed || !(await registry().removeFeed(feed.url))) throw new ApiError(404, `No feed with id "${id}".`);
    return c.body(null, 204);
  });
}
