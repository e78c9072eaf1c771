/** Cross-document queries: quotes by speaker / words / date, speakers by name, flags and their decisions. */
import { createRoute } from '../openapi-app.ts';
import type { FlagRecord, IndexStore } from '#shared/storage/ports.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { highlightSegments } from '../highlight.ts';
import { FlagAlreadyDecidedError, FlagNotFoundError, decideFlag } from '#shared/pipeline/flag-decision.ts';
import { MergeAlreadyRejectedError, MergeNotFoundError, decideMerge } from '#shared/pipeline/merge-decision.ts';
import { presentFlag, presentMerge, presentQuote, presentSpeaker } from '../present.ts';
import { searchQuotes } from '../quote-search.ts';
import {
  FlagDecisionSchema,
  FlagQuerySchema,
  FlagSchema,
  IdParamSchema,
  MergeDecisionSchema,
  MergeQuerySchema,
  MergeSchema,
  QuoteQuerySchema,
  QuoteSearchPageSchema,
  SpeakerQuerySchema,
  SpeakerSchema,
  SpeakerSummarySchema,
  pageOf,
} from '../schemas.ts';
import { errorResponses, json, notFoundResponse, readerSecurity, searchOf, writerSecurity } from './common.ts';
import { speakerDirectory } from '../speaker-directory.ts';
import { searchQuotes as searchProjection } from './search.ts';

const listQuotes = createRoute({
  method: 'get',
  path: '/quotes',
  summary: 'Quotes by speaker (any spelling), full-text search, date, collection, source and kind',
  description:
    '`speaker` matches any spelling of the person: aliases and flagged variants resolve to one speaker. `q` matches whole words ' +
    'through the word index (each quote then carries `highlight`). `from` / `to` bound the publication date (inclusive). ' +
    'With `count=true` the first page also gives `total` and `facets`: with a search database counted over every match; ' +
    'without one only when the matches are few enough to count (at most 1,000), else neither. ' +
    '`sort=relevance` (with `q`) ranks those matches best first (BM25) and counts them; `sort` in the answer says which order was used.',
  security: readerSecurity,
  request: { query: QuoteQuerySchema },
  responses: { 200: json(QuoteSearchPageSchema, 'A page of quotes'), ...errorResponses },
});

const listSpeakers = createRoute({
  method: 'get',
  path: '/speakers',
  summary: 'Speakers whose name or any variant spelling starts with `name`; without `name`, every speaker, most quoted first',
  description:
    'Without `name`: the speaker directory, from the search projection (503 without a search database), each speaker with ' +
    '`quoteCount` and `documentCount`.',
  security: readerSecurity,
  request: { query: SpeakerQuerySchema },
  responses: { 200: json(pageOf(SpeakerSummarySchema, 'SpeakerPage'), 'A page of speakers'), ...errorResponses },
});

const getSpeaker = createRoute({
  method: 'get',
  path: '/speakers/{id}',
  summary: 'A speaker: canonical name, title, role, organisation, every spelling, quote count, open flags',
  security: readerSecurity,
  request: { params: IdParamSchema },
  responses: { 200: json(SpeakerSchema, 'The speaker'), ...errorResponses, ...notFoundResponse },
});

const listFlags = createRoute({
  method: 'get',
  path: '/flags',
  summary: 'Name-inconsistency flags, newest first',
  security: readerSecurity,
  request: { query: FlagQuerySchema },
  responses: { 200: json(pageOf(FlagSchema, 'FlagListPage'), 'A page of flags'), ...errorResponses },
});

const flagDecisionRoute = createRoute({
  method: 'post',
  path: '/flags/{id}',
  summary: 'Confirm (one person) or reject (different people) a name flag',
  description: 'Reject splits the person: the spellings are kept apart in this and every later extraction.',
  security: writerSecurity,
  request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema: FlagDecisionSchema } } } },
  responses: {
    200: json(FlagSchema, 'The decided flag'),
    ...errorResponses,
    ...notFoundResponse,
    409: { description: 'The flag was already decided the other way' },
  },
});

const listMerges = createRoute({
  method: 'get',
  path: '/merges',
  summary: 'Cross-document merges (a surname credited to a person of the corpus), newest first; open ones wait for review',
  security: readerSecurity,
  request: { query: MergeQuerySchema },
  responses: { 200: json(pageOf(MergeSchema, 'MergeListPage'), 'A page of merges'), ...errorResponses },
});

const mergeDecisionRoute = createRoute({
  method: 'post',
  path: '/merges/{id}',
  summary: 'Confirm or reject (undo) a cross-document merge',
  description: 'Reject gives the document its own speaker back; the document is extracted again and never credits that person again.',
  security: writerSecurity,
  request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema: MergeDecisionSchema } } } },
  responses: {
    200: json(MergeSchema, 'The decided merge'),
    ...errorResponses,
    ...notFoundResponse,
    409: { description: 'The merge was already rejected' },
  },
});

// A speaker's open flags through the open-flags list (short in practice; bounded so a request stays cheap).
async function openFlagsOf(index: IndexStore, speakerId: string): Promise<FlagRecord[]> {
  const found: FlagRecord[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 10; pages++) {
    const page = await index.listFlags({ status: 'open', limit: 100, cursor });
    found.push(...page.items.filter((flag) => flag.speakerId === speakerId));
    cursor = page.cursor;
    if (!cursor) break;
  }
  return found;
}

export function registerQueryRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(listQuotes, async (c) => {
    const { speakerId, speaker, ...query } = c.req.valid('query');
    if (speakerId && speaker) throw new ApiError(400, 'Send "speaker" (a name) or "speakerId", not both.');
    if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) {
      throw new ApiError(400, `"from" (${query.from}) is after "to" (${query.to}).`);
    }
    // Full-text search and counts on the search projection when there is a search database, so totals, facets and
    // the speaker chart count every match; else the index's words filter, which counts up to SEARCH_LIMIT.
    const projection = (query.q || query.count) && deps.search ? await deps.search() : null;
    if (projection) {
      const { sort, count: _count, ...filters } = query;
      return c.json(await searchProjection(deps, { ...filters, sort, speaker, speakerId, cursor: query.cursor ?? undefined }) as never, 200);
    }
    const { items, ...rest } = await searchQuotes(deps.index, { ...query, speaker: speakerId ?? speaker });
    const presented = items.map((quote) => ({ ...presentQuote(quote), ...(query.q ? { highlight: highlightSegments(quote.text, query.q) } : {}) }));
    return c.json({ items: presented, ...rest }, 200);
  });

  app.openapi(listSpeakers, async (c) => {
    const { name, limit, cursor } = c.req.valid('query');
    const page = name ? await deps.index.speakersByPrefix(name, { limit, cursor }) : await speakerDirectory(deps.index, await searchOf(deps), { limit, cursor });
    return c.json({ items: page.items.map(presentSpeaker), cursor: page.cursor }, 200);
  });

  app.openapi(getSpeaker, async (c) => {
    const { id } = c.req.valid('param');
    const speaker = await deps.index.getSpeaker(id);
    if (!speaker) throw new ApiError(404, `No speaker with id "${id}".`);
    const flags = await openFlagsOf(deps.index, id);
    return c.json({ ...presentSpeaker(speaker), flags: flags.map(presentFlag) }, 200);
  });

  app.openapi(listFlags, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const page = await deps.index.listFlags({ status, limit, cursor });
    return c.json({ items: page.items.map(presentFlag), cursor: page.cursor }, 200);
  });

  app.openapi(listMerges, async (c) => {
    const { status, limit, cursor } = c.req.valid('query');
    const page = await deps.index.listMerges({ status, limit, cursor });
    return c.json({ items: page.items.map(presentMerge), cursor: page.cursor }, 200);
  });

  app.openapi(mergeDecisionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { action } = c.req.valid('json');
    try {
      const reprocess = deps.intake.reprocess?.bind(deps.intake);
      const { merge, reextraction } = await decideMerge({ index: deps.index, reprocess, log: deps.log }, id, action);
      return c.json({ ...presentMerge(merge), reextraction }, 200);
    } catch (error) {
      if (error instanceof MergeNotFoundError) throw new ApiError(404, error.message);
      if (error instanceof MergeAlreadyRejectedError) throw new ApiError(409, error.message);
      throw error;
    }
  });

  app.openapi(flagDecisionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { action } = c.req.valid('json');
    try {
      const reprocess = deps.intake.reprocess?.bind(deps.intake);
      const { flag, reextraction } = await decideFlag({ index: deps.index, reprocess, log: deps.log }, id, action);
      return c.json({ ...presentFlag(flag), reextraction }, 200);
    } catch (error) {
      if (error instanceof FlagNotFoundError) throw new ApiError(404, error.message);
      if (error instanceof FlagAlreadyDecidedError) throw new ApiError(409, error.message);
      throw error;
    }
  });
}
