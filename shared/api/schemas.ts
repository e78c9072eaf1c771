/**
 * The API's request and response shapes. The same zod schemas validate requests and generate /openapi.json.
 */
import * as z from 'zod';
import { CLAIM_KINDS } from '../claims/features.ts';
import { ComparisonSchema, FigureSchema, NameEvidenceSchema, QuoteKindSchema } from '../schema.ts';
import { CollectionSchema, IsoDateSchema, SearchFilterShape } from '../filters.ts';
import { DATE_SOURCES } from '../dates/publication.ts';

export const MAX_LIMIT = 100;

export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'about:blank' }),
    title: z.string().meta({ example: 'Bad Request' }),
    status: z.number().int().meta({ example: 400 }),
    detail: z.string().meta({ example: 'query.limit: Too big: expected number to be <=100' }),
  })
  .meta({ id: 'Problem' });

export { IsoDateSchema, isRealDate } from '../filters.ts';

/** A MIME type as a header carries it (RFC 9110 tokens, optional parameters): no CR/LF or other control characters. */
export const ContentTypeSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9!#$&^_.+-]+=("[^"\u0000-\u001f\u007f]*"|[A-Za-z0-9!#$&^_.+-]+))*$/, 'a media type such as text/plain or application/pdf, without control characters');

export const PageQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .optional()
    .meta({ param: { name: 'limit', in: 'query' }, example: 20, description: `Page size, 1 to ${MAX_LIMIT} (default 20).` }),
  cursor: z
    .string()
    .max(4096)
    .optional()
    .meta({ param: { name: 'cursor', in: 'query' }, description: 'The `cursor` of the previous page, unchanged.' }),
});

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .meta({ id: name });
}

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._~:-]+$/, 'ids contain only letters, digits and . _ ~ : -')
    .meta({ param: { name: 'id', in: 'path' }, example: 'd-3f9a1c2b7e4d5a60' }),
});

export const DocumentStatusSchema = z.enum(['queued', 'processing', 'done', 'failed']);

export const DocumentCountsSchema = z.object({
  speakers: z.number().int(),
  quotes: z.number().int(),
  claims: z.number().int(),
  flags: z.number().int(),
});

export const DocumentSchema = z
  .object({
    id: z.string(),
    status: DocumentStatusSchema,
    reason: z.string().nullable().meta({ description: 'Why processing failed, when it did.' }),
    title: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    collection: z.string().nullable(),
    externalId: z.string().nullable().meta({ description: 'The uploader’s own record id (e.g. the JSONL `id`).' }),
    publishedAt: z.string().nullable().meta({ description: 'Publication date; null when the document has none (date unknown).' }),
    dateSource: z.enum(DATE_SOURCES).nullable().meta({ description: 'Where publishedAt was read: record, html, dateline or press-header.' }),
    receivedAt: z.string(),
    updatedAt: z.string(),
    contentType: z.string().nullable(),
    format: z.string().nullable(),
    bytes: z.number().int().nullable(),
    counts: DocumentCountsSchema.nullable(),
  })
  .meta({ id: 'Document' });

export const DocumentTextSchema = z.object({ id: z.string(), text: z.string() }).meta({ id: 'DocumentText' });

export const DocumentInputSchema = z
  .object({
    text: z.string().min(1).optional().meta({ description: 'Plain text or Markdown.' }),
    html: z.string().min(1).optional().meta({ description: 'An HTML page; the article is extracted from it.' }),
    title: z.string().max(500).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    source: z.string().max(2000).optional(),
    collection: CollectionSchema.optional(),
    publishedAt: IsoDateSchema.optional(),
  })
  .refine((body) => Boolean(body.text) !== Boolean(body.html), { message: 'send exactly one of "text" or "html"' })
  .meta({ id: 'DocumentInput' });

export const AcceptedSchema = z
  .object({
    id: z.string(),
    status: DocumentStatusSchema,
    duplicate: z.boolean().meta({ description: 'True when the same content was uploaded before; `id` is the existing document.' }),
  })
  .meta({ id: 'Accepted' });

export const UploadInputSchema = z
  .object({
    filename: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\\\u0000-\u001f]+$/, 'a file name, without folders or control characters'),
    contentType: ContentTypeSchema,
    bytes: z.number().int().positive().optional().meta({ description: 'Size of the file, checked against the limit.' }),
    title: z.string().max(500).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    source: z.string().max(2000).optional(),
    collection: CollectionSchema.optional(),
    publishedAt: IsoDateSchema.optional(),
  })
  .meta({ id: 'UploadInput' });

export const UploadSchema = z
  .object({
    key: z.string(),
    url: z.string().meta({ description: 'PUT the file here, with the headers below, before `expiresAt`.' }),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .meta({ id: 'Upload' });

/** What quotes and claims share: a span of one document's text (UTF-16 offsets). */
const DocumentSpanSchema = z.object({
  id: z.string(),
  documentId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

export const QuoteSchema = DocumentSpanSchema
  .extend({
    kind: QuoteKindSchema,
    confidence: z.number(),
    cue: z.string().nullable(),
    speakerId: z.string().nullable(),
    speaker: z.string().nullable().meta({ description: 'Canonical name of the speaker.' }),
    spelling: z.string().nullable().meta({ description: 'The spelling the document used, when it differs.' }),
    publishedAt: z.string().nullable(),
    source: z.string().nullable(),
    collection: z.string().nullable(),
    documentTitle: z.string().nullable(),
  })
  .meta({ id: 'Quote' });

const FacetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const QuoteSearchPageSchema = z
  .object({
    items: z.array(
      QuoteSchema.extend({
        url: z.string().nullable().optional(),
        score: z.number().optional().meta({ description: 'Full-text search: relevance (PostgreSQL ts_rank_cd).' }),
        highlight: z
          .array(z.object({ text: z.string(), match: z.boolean() }))
          .optional()
          .meta({ description: 'With `q`: the quote text cut into segments; `match` marks a searched word.' }),
      }),
    ),
    cursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    next: z.string().optional().meta({ description: 'Full-text search: the same as `cursor`, absent on the last page.' }),
    sort: z.enum(['relevance', 'date']).meta({ description: 'The order used: `date` (newest first) also when relevance was asked for over too many matches.' }),
    total: z.number().int().optional().meta({ description: 'With `q` or `count=true`: every match, counted by the search database; without one, first page only and when there are at most 1,000.' }),
    facets: z
      .object({ collection: FacetSchema, speaker: FacetSchema, kind: FacetSchema, month: FacetSchema.meta({ description: 'Publication months (YYYY-MM) in order; undated quotes count in none.' }) })
      .optional()
      .meta({ description: 'First page only, with `total`: the matches counted by collection and speaker (top 20 each), kind and month.' }),
  })
  .meta({ id: 'QuoteSearchPage' });

export const QuoteQuerySchema = PageQuerySchema.extend({
  ...SearchFilterShape,
  speakerId: z.string().min(1).max(200).optional().meta({ description: 'A speaker id, as in /speakers.' }),
  source: z.string().min(1).max(2000).optional().meta({ description: 'The exact source text; `collection` is the short name to filter by.' }),
  q: z.string().min(1).max(200).optional().meta({
    description: 'Words to find. With a search database: full text (English stemming, "a phrase", `word*` prefixes, OR, -word) with `total`, `facets` and `highlight`; without one, whole words filtered from the index.',
  }),
  sort: z.enum(['relevance', 'date']).optional().meta({ description: '`date` (default): newest first; `relevance` (with `q`): best match first.' }),
  count: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: '`true`: count every match into `total` and `facets` (with a search database; without one, only when there are at most 1,000).' }),
});

const PeriodQuerySchema = z.object({
  from: IsoDateSchema.optional().meta({ description: 'Published on or after (ISO date).' }),
  to: IsoDateSchema.optional().meta({ description: 'Published on or before (ISO date).' }),
});

export const TopQuerySchema = PeriodQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const SpeakerMonthsQuerySchema = PeriodQuerySchema.extend({
  speaker: z.string().min(1).max(200).optional().meta({ description: 'Any spelling of one speaker’s name, or a speaker id; all speakers without it.' }),
});

export const SpeakerMonthSchema = z.object({ speakerId: z.string(), speaker: z.string(), month: z.string(), quotes: z.number().int() }).meta({ id: 'SpeakerMonth' });
export const TopSpeakerSchema = z.object({ speakerId: z.string(), speaker: z.string(), quotes: z.number().int(), documents: z.number().int() }).meta({ id: 'TopSpeaker' });
export const TopClaimSchema = z
  .object({
    documentId: z.string(),
    claimId: z.string(),
    text: z.string(),
    score: z.number(),
    speaker: z.string().nullable(),
    sortDate: z.string(),
    documentTitle: z.string().optional(),
    source: z.string().optional(),
  })
  .meta({ id: 'TopClaim' });

export const ClaimSchema = DocumentSpanSchema
  .extend({
    key: z.string().meta({ description: 'The claim across documents: `<documentId>~<id>`, as in /claims/{key}/similar.' }),
    kind: z.string(),
    kinds: z.array(z.string()),
    score: z.number().meta({ description: 'Check-worthiness in [0, 1]; lists can be ranked by it.' }),
    figures: z.array(FigureSchema),
    comparison: ComparisonSchema.nullable(),
    speakerId: z.string().nullable(),
    speaker: z.string().nullable().meta({ description: 'Canonical name of the speaker when the claim sits in a quote.' }),
    publishedAt: z.string().nullable(),
    documentTitle: z.string().nullable(),
  })
  .meta({ id: 'Claim' });

export const ClaimListQuerySchema = PageQuerySchema.extend({
  sort: z.enum(['text', 'score']).optional().meta({ description: '`text` (default): reading order; `score`: most check-worthy first.' }),
});

export const ClaimCorpusQuerySchema = PageQuerySchema.extend({
  speaker: z.string().min(1).max(200).optional().meta({ description: 'Any spelling of the speaker’s name, or a speaker id.' }),
  q: z.string().min(1).max(200).optional().meta({ description: 'Words to find: full text, as in quote search (English stemming, "a phrase", `word*` prefixes, OR, -word).' }),
  from: IsoDateSchema.optional().meta({ description: 'Published on or after (ISO date).' }),
  to: IsoDateSchema.optional().meta({ description: 'Published on or before (ISO date).' }),
  month: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/).optional().meta({ description: 'Publication month (YYYY-MM): the same as `from`/`to` at its first and last day.' }),
  undated: SearchFilterShape.undated,
  collection: SearchFilterShape.collection,
  kind: z.enum(CLAIM_KINDS).optional().meta({ description: 'One of the claim’s kinds.' }),
  minScore: z.coerce.number().min(0).max(1).optional().meta({ description: 'Lowest check-worthiness score, in [0, 1].' }),
});

export const ClaimKeyParamSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}~c\d{1,6}$/).meta({ param: { name: 'id', in: 'path' }, example: 'd41d8cd98f00~c3' }),
});

export const SimilarClaimsSchema = z
  .object({
    claim: ClaimSchema,
    items: z.array(
      z.object({
        claim: ClaimSchema,
        evidence: z.object({
          shared: z.array(z.string()).meta({ description: 'Fingerprints both claims carry: `f:<unit>:<value>` (a figure) or `s:<superlative>:<noun>`.' }),
          figures: z.array(z.object({ a: z.string(), b: z.string() })).meta({ description: 'The shared figure as each claim writes it.' }),
          words: z.array(z.string()),
          score: z.number(),
        }),
      }),
    ),
  })
  .meta({ id: 'SimilarClaims' });

export const FlagStatusSchema = z.enum(['open', 'confirmed', 'rejected']);

export const FlagSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    speakerId: z.string(),
    canonical: z.string(),
    documentTitle: z.string().nullable(),
    variants: z.array(
      z.object({
        name: z.string(),
        mentions: z.array(
          z.object({
            start: z.number(),
            end: z.number(),
            text: z.string(),
            sentence: z
              .object({ start: z.number(), text: z.string() })
              .nullable()
              .meta({ description: 'The sentence the spelling was written in; `start` is its offset in the document text.' }),
          }),
        ),
      }),
    ),
    evidence: z.array(NameEvidenceSchema),
    confidence: z.number(),
    status: FlagStatusSchema,
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    reextraction: z
      .enum(['requested', 'not-needed', 'failed'])
      .optional()
      .meta({ description: 'After a decision: whether the document was sent for re-extraction (rejections split the person).' }),
  })
  .meta({ id: 'Flag' });

export const FlagDecisionSchema = z
  .object({
    action: z.enum(['confirm', 'reject']).meta({
      description: 'confirm: the spellings are one person. reject: different people; they are split and kept apart from now on.',
    }),
  })
  .meta({ id: 'FlagDecision' });

export const MergeStatusSchema = z.enum(['auto', 'open', 'confirmed', 'rejected']);

export const MergeSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    documentTitle: z.string().nullable(),
    name: z.string().meta({ description: 'The name as the document wrote it (a surname alone).' }),
    fromSpeakerId: z.string().meta({ description: 'The speaker id the name has on its own, which a rejection gives back.' }),
    speakerId: z.string().meta({ description: 'The corpus person the speaker was credited to.' }),
    canonical: z.string(),
    evidence: z.array(z.string()),
    confidence: z.number(),
    status: MergeStatusSchema.meta({ description: 'auto: confident, applied. open: applied, waiting for review. confirmed. rejected: undone for good.' }),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    reextraction: z.enum(['requested', 'not-needed', 'failed']).optional(),
  })
  .meta({ id: 'Merge' });

export const MergeDecisionSchema = z
  .object({
    action: z.enum(['confirm', 'reject']).meta({ description: 'confirm: the same person. reject: someone else; the merge is undone and not made again.' }),
  })
  .meta({ id: 'MergeDecision' });

export const MergeQuerySchema = PageQuerySchema.extend({ status: MergeStatusSchema.optional() });

export const SpeakerSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    role: z.string().nullable(),
    organization: z.string().nullable(),
    variants: z.array(z.string()).meta({ description: 'Every spelling seen, canonical first.' }),
    quoteCount: z.number().int(),
    documentCount: z.number().int().nullable().meta({ description: 'Documents the speaker is quoted in (in the directory; null where not counted).' }),
  })
  .meta({ id: 'SpeakerSummary' });

export const SpeakerSchema = SpeakerSummarySchema.extend({
  flags: z.array(FlagSchema).meta({ description: 'Open name flags for this speaker.' }),
}).meta({ id: 'Speaker' });

export const SpeakerQuerySchema = PageQuerySchema.extend({
  name: z.string().min(1).max(200).optional().meta({ description: 'Prefix of any spelling of the name; without it, every speaker, most quoted first.' }),
});

export const FlagQuerySchema = PageQuerySchema.extend({ status: FlagStatusSchema.optional() });
export const DocumentListQuerySchema = PageQuerySchema.extend({ status: DocumentStatusSchema.optional() });

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
