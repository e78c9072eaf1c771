/**
 * Full-text quote search and analytics on the search projection (PostgreSQL: PGlite locally,
 * Aurora in AWS). `GET /quotes?q=` and `count=true` are answered here, counted over every match; other
 * listings come from the DynamoDB index (routes/query.ts). 503 when no search database is configured.
 */
import * as z from 'zod';
import { createRoute } from '../openapi-app.ts';
import type { Context } from 'hono';
import { clampLimit, decodeCursor, encodeCursor } from '../../storage/cursor.ts';
import { InvalidCursorError } from '../../storage/ports.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { SpeakerMonthSchema, SpeakerMonthsQuerySchema, TopClaimSchema, TopQuerySchema, TopSpeakerSchema } from '../schemas.ts';
import { errorResponses, json, readerSecurity, searchOf, withQueryWords, writerSecurity } from './common.ts';

/** Deepest page a search may ask for: offsets past it cost the database more than any reader needs. */
const MAX_OFFSET = 10_000;

export interface QuoteSearchRequest {
  q?: string;
  speaker?: string;
  /** One speaker by id (the speaker page), instead of a name to resolve. */
  speakerId?: string;
  from?: string;
  to?: string;
  undated?: boolean;
  source?: string;
  collection?: string;
  kind?: 'direct' | 'indirect' | 'mixed';
  sort?: 'relevance' | 'date';
  limit?: number;
  cursor?: string;
}

/** `GET /quotes?q=…` (or `count=true`): a page of hits with the exact total, facets and, with words, highlights. */
export async function searchQuotes(deps: ApiDeps, request: QuoteSearchRequest) {
  const search = await searchOf(deps);
  const { cursor, limit, speaker, speakerId, ...filters } = request;
  const scope = `search:${JSON.stringify({ ...filters, speaker: speaker ?? null, speakerId: speakerId ?? null, limit: clampLimit(limit) })}`;
  const position = decodeCursor(cursor, scope);
  const offset = position ? Number(position.o) : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new InvalidCursorError();
  const speakerIds = speakerId ? [speakerId] : speaker ? await deps.index.resolveSpeaker(speaker, { anyForm: true }) : undefined;
  // Newest first unless relevance is asked for (as the index's search does).
  const page = await withQueryWords(search.quotes.search({ ...filters, sort: filters.sort ?? 'date', speakerIds, limit: clampLimit(limit), offset }));
  const next = page.nextOffset !== null && page.nextOffset <= MAX_OFFSET ? encodeCursor({ o: page.nextOffset }, scope) : null;
  return {
    items: page.items.map((hit) => ({
      ...hit,
      spelling: hit.spelling ?? null,
      publishedAt: hit.publishedAt ?? null,
      source: hit.source ?? null,
      collection: hit.collection ?? null,
      documentTitle: hit.documentTitle ?? null,
      url: hit.url ?? null,
    })),
    cursor: next,
    ...(next ? { next } : {}),
    sort: filters.sort ?? 'date',
    total: page.total,
    facets: page.facets,
  };
}

const topSpeakers = createRoute({
  method: 'get',
  path: '/analytics/speakers',
  summary: 'The speakers quoted most (quotes and documents), optionally within a period',
  security: readerSecurity,
  request: { query: TopQuerySchema },
  responses: { 200: json(z.object({ items: z.array(TopSpeakerSchema) }), 'Top speakers'), ...errorResponses },
});

const speakerMonths = createRoute({
  method: 'get',
  path: '/analytics/speakers/months',
  summary: 'Quotes per speaker per publication month (one speaker, any spelling, or all)',
  security: readerSecurity,
  request: { query: SpeakerMonthsQuerySchema },
  responses: { 200: json(z.object({ items: z.array(SpeakerMonthSchema) }), 'Quotes per speaker and month'), ...errorResponses },
});

const topClaims = createRoute({
  method: 'get',
  path: '/analytics/claims',
  summary: 'The most check-worthy claims, optionally within a period',
  security: readerSecurity,
  request: { query: TopQuerySchema },
  responses: { 200: json(z.object({ items: z.array(TopClaimSchema) }), 'Top claims'), ...errorResponses },
});

const reindex = createRoute({
  method: 'post',
  path: '/search/reindex',
  summary: 'Rebuild the search projection from the result JSON in S3 (what `quotedesk reindex` calls locally)',
  security: writerSecurity,
  responses: {
    200: json(z.object({ documents: z.number(), projected: z.number(), skipped: z.array(z.object({ id: z.string(), reason: z.string() })), dropped: z.number(), seconds: z.number() }), 'What was rebuilt'),
    ...errorResponses,
    409: { description: 'A rebuild is already running' },
  },
});

function periodCheck(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) throw new ApiError(400, `"from" (${query.from}) is after "to" (${query.to}).`);
}

export function registerSearchRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(topSpeakers, async (c) => {
    const query = c.req.valid('query');
    periodCheck(query);
    return c.json({ items: await (await searchOf(deps)).analytics.topSpeakers(query) }, 200);
  });

  app.openapi(speakerMonths, async (c) => {
    const { speaker, ...period } = c.req.valid('query');
    periodCheck(period);
    const speakerIds = speaker ? await deps.index.resolveSpeaker(speaker, { anyForm: true }) : undefined;
    return c.json({ items: await (await searchOf(deps)).analytics.quotesPerSpeakerMonth({ ...period, speakerIds }) }, 200);
  });

  app.openapi(topClaims, async (c) => {
    const query = c.req.valid('query');
    periodCheck(query);
    return c.json({ items: await (await searchOf(deps)).analytics.topClaims(query) }, 200);
  });

  let rebuilding = false;
  app.openapi(reindex, async (c: Context) => {
    if (!deps.reindex) throw new ApiError(503, 'Rebuilding the search projection is not available on this server.');
    if (rebuilding) throw new ApiError(409, 'A rebuild of the search projection is already running.');
    rebuilding = true;
    try {
      return c.json(await deps.reindex(), 200);
    } finally {
      rebuilding = false;
    }
  });
}
