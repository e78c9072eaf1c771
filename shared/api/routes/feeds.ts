/** The crawler's feed registry: list, add, remove. */
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp, ApiDeps, FeedRegistry } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { IdParamSchema, PageQuerySchema, pageOf } from '../schemas.ts';
import { errorResponses, json, notFoundResponse, readerSecurity, writerSecurity } from './common.ts';

const FeedSchema = z
  .object({ id: z.string(), url: z.string() })
  .catchall(z.unknown())
  .openapi('Feed');

const FeedInputSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(2000).openapi({ example: 'https://example.org/news/rss.xml' }),
    title: z.string().max(500).optional(),
    source: z.string().max(200).optional(),
  })
  .openapi('FeedInput');

const listFeeds = createRoute({
  method: 'get',
  path: '/feeds',
  summary: 'Registered feeds',
  security: readerSecurity,
  request: { query: PageQuerySchema },
  responses: { 200: json(pageOf(FeedSchema, 'FeedPage'), 'A page of feeds'), ...errorResponses },
});

const addFeed = createRoute({
  method: 'post',
  path: '/feeds',
  summary: 'Register a feed for the crawler',
  security: writerSecurity,
  request: { body: { required: true, content: { 'application/json': { schema: FeedInputSchema } } } },
  responses: { 201: json(FeedSchema, 'The registered feed'), ...errorResponses },
});

const removeFeed = createRoute({
  method: 'delete',
  path: '/feeds/{id}',
  summary: 'Remove a feed',
  security: writerSecurity,
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
});

export function registerFeedRoutes(app: ApiApp, deps: ApiDeps): void {
  const registry = (): FeedRegistry => {
    if (!deps.feeds) throw new ApiError(503, 'The feed registry is not configured on this deployment.');
    return deps.feeds;
  };

  app.openapi(listFeeds, async (c) => {
    const page = await registry().list(c.req.valid('query'));
    return c.json({ items: page.items, cursor: page.cursor }, 200);
  });

  app.openapi(addFeed, async (c) => {
    const feed = await registry().add(c.req.valid('json'));
    return c.json(feed, 201);
  });

  app.openapi(removeFeed, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await registry().remove(id))) throw new ApiError(404, `No feed with id "${id}".`);
    return c.body(null, 204);
  });
}
