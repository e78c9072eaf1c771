/**
 * The search vocabulary, one definition for the API (`GET /quotes`, `GET /export`) and the CLI
 * (`quotedesk export`): who said it, which words, when, which collection, what kind.
 */
import * as z from 'zod';
import { QuoteKindSchema, type QuoteKind } from './schema.ts';
import { CLAIM_KINDS, type ClaimKind } from './claims/features.ts';
import { COLLECTION_NAME, COLLECTION_RULE } from './collection.ts';

export const CollectionSchema = z.string().regex(COLLECTION_NAME, COLLECTION_RULE);

/** An ISO date (or date-time) that exists: 2024-02-30 is refused. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date, e.g. 2024-05-01')
  .refine(isRealDate, 'not a real date');

/** The calendar date exists (Date.parse rolls 2024-02-30 over to March 1st, so check the fields). */
export function isRealDate(value: string): boolean {
  if (Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  return !time || (Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60);
}

/** `true`/`false` as a query string or a CLI flag writes them. */
const Flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

export const FILTER_DESCRIPTIONS = {
  speaker: 'Any spelling of the speaker’s name (or a speaker id).',
  q: 'Words that must all appear in the quote or claim.',
  from: 'Published on or after (ISO date).',
  to: 'Published on or before (ISO date).',
  undated: 'Only documents with no known publication date.',
  collection: 'The collection the documents were filed under.',
  kind: 'Quote kind: direct, indirect or mixed.',
} as const;

export const SearchFilterShape = {
  speaker: z.string().min(1).max(200).optional().describe(FILTER_DESCRIPTIONS.speaker),
  q: z.string().min(1).max(200).optional().describe(FILTER_DESCRIPTIONS.q),
  from: IsoDateSchema.optional().describe(FILTER_DESCRIPTIONS.from),
  to: IsoDateSchema.optional().describe(FILTER_DESCRIPTIONS.to),
  undated: Flag.optional().describe(FILTER_DESCRIPTIONS.undated),
  collection: CollectionSchema.optional().describe(FILTER_DESCRIPTIONS.collection),
  kind: QuoteKindSchema.optional().describe(FILTER_DESCRIPTIONS.kind),
};

export type SearchFilter = z.infer<z.ZodObject<typeof SearchFilterShape>>;

/** An export's `kind`: a quote kind for quotes, a claim kind (its main kind or any of its kinds) for claims. */
export const ExportKindSchema = z.enum([...QuoteKindSchema.options, ...CLAIM_KINDS]);

/** The filters of an export: the search's, with `kind` naming a quote or a claim kind by table. */
export type ExportFilter = Omit<SearchFilter, 'kind'> & { kind?: QuoteKind | ClaimKind };
