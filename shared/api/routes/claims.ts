/** Claims across documents: the corpus ranked by score, and the same claim (same figure or superlative) elsewhere. */
import { createRoute } from '../openapi-app.ts';
import { similarClaims } from '#shared/pipeline/similar-claims.ts';
import { parseClaimKey } from '#shared/storage/keys.ts';
import { monthRange } from '#shared/dates/parse.ts';
import type { ApiApp, ApiDeps } from '../deps.ts';
import { ApiError } from '../problem.ts';
import { presentClaim } from '../present.ts';
import { ClaimCorpusQuerySchema, ClaimKeyParamSchema, ClaimSchema, SimilarClaimsSchema, pageOf } from '../schemas.ts';
import { errorResponses, json, notFoundResponse, readerSecurity, searchOf, withQueryWords } from './common.ts';

const ranked = createRoute({
  method: 'get',
  path: '/claims',
  summary: 'Claims of the corpus, most check-worthy first, by speaker, words, date, kind and minimum score',
  description:
    'Ranked by score across the corpus. Each claim inside a quote names its speaker (`speaker`, canonical). A page looks at ' +
    'a bounded number of claims, so a rare filter may answer fewer than `limit` items with a `cursor` to go on.',
  security: readerSecurity,
  request: { query: ClaimCorpusQuerySchema },
  responses: { 200: json(pageOf(ClaimSchema, 'RankedClaimPage'), 'Claims by score'), ...errorResponses },
});

const similar = createRoute({
  method: 'get',
  path: '/claims/{id}/similar',
  summary: 'The same claim in other documents',
  description:
    'Claims of other documents that state the same figure (same unit, value to 3 significant digits) or the same superlative ' +
    'about the same thing, worded in any way, best match first. Each comes with its evidence: the shared figure as each ' +
    'document writes it, the shared words and a score in [0, 1]. `id` is a claim `key` (`<documentId>~<claimId>`).',
  security: readerSecurity,
  request: { params: ClaimKeyParamSchema },
  responses: { 200: json(SimilarClaimsSchema, 'The claim and its matches'), ...errorResponses, ...notFoundResponse },
});

export function registerClaimRoutes(app: ApiApp, deps: ApiDeps): void {
  app.openapi(ranked, async (c) => {
    const query = c.req.valid('query');
    if (query.month && (query.from || query.to)) throw new ApiError(400, 'Send "month" or "from"/"to", not both.');
    if (query.from && query.to && query.from.slice(0, 10) > query.to.slice(0, 10)) {
      throw new ApiError(400, `"from" (${query.from}) is after "to" (${query.to}).`);
    }
    const { speaker, month, cursor, limit, ...filter } = query;
    const claims = (await searchOf(deps)).claims;
    const speakerIds = speaker ? await deps.index.resolveSpeaker(speaker, { anyForm: true }) : undefined;
    const range = month ? monthRange(month) : {};
    const page = await withQueryWords(claims.ranked({ ...filter, ...range, speakerIds }, { limit, cursor }));
    return c.json({ items: page.items.map(presentClaim), cursor: page.cursor }, 200);
  });

  app.openapi(similar, async (c) => {
    const { id } = c.req.valid('param');
    const ref = parseClaimKey(id);
    if (!ref) throw new ApiError(400, `"${id}" is not a claim key (<documentId>~<claimId>).`);
    const found = await similarClaims((await searchOf(deps)).claims, ref.documentId, ref.claimId);
    if (!found) throw new ApiError(404, `No claim with key "${id}".`);
    return c.json(
      {
        claim: presentClaim(found.claim),
        items: found.similar.map(({ claim, evidence }) => ({ claim: presentClaim(claim), evidence })),
      },
      200,
    );
  });
}
