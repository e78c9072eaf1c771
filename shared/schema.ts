/**
 * The extraction output contract. Every offset is a UTF-16 offset into `text`
 * (the input as given, or the article text extracted from HTML).
 */
import * as z from 'zod';
import { VIA } from './extract/4-attribution/via.ts';

export const MentionSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const SpeakerKindSchema = z.enum(['person', 'organization', 'role', 'unknown']);

export const SpeakerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: SpeakerKindSchema,
  title: z.string().optional(),
  role: z.string().optional(),
  organization: z.string().optional(),
  mentions: z.array(MentionSchema),
  /** Every distinct spelling of the name found in the text, canonical first. */
  variants: z.array(z.string()),
});

export const QuoteKindSchema = z.enum(['direct', 'indirect', 'mixed']);

export const QuoteSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  speakerId: z.string().nullable(),
  /** The resolved canonical name of the speaker (never a pronoun). */
  speaker: z.string().nullable(),
  cue: z.string().nullable(),
  kind: QuoteKindSchema,
  confidence: z.number().min(0).max(1),
  /** Why the quote has its speaker (see shared/extract/4-attribution/via.ts). */
  via: z.enum(VIA),
  /** The model features that weighed most for that speaker. */
  evidence: z.array(z.string()).optional(),
});

/** A figure a claim states, normalised ("$1.13bn" → 1.13e9 USD, "76%" → 0.76 percent, "over 500 days" → ≥ 500 days). */
export const FigureSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  value: z.number(),
  bound: z.enum(['exact', 'at-least', 'at-most', 'about']),
  /** ISO currency code, "percent" (value as a fraction), "percentage points", a time unit or the counted noun. */
  unit: z.string().nullable(),
  /** What is measured, where the sentence names it. */
  measure: z.string().nullable(),
  /** When it holds, as written ("in 2019", "last year"). */
  period: z.string().nullable(),
});

export const ComparisonSchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  direction: z.enum(['up', 'down', 'more', 'less']).nullable(),
  cue: z.string(),
});

export const ClaimSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** The main kind (one of kinds); kinds lists every check-worthy trait found. */
  kind: z.string(),
  kinds: z.array(z.string()),
  score: z.number().min(0).max(1),
  figures: z.array(FigureSchema),
  comparison: ComparisonSchema.nullable(),
  speakerId: z.string().nullable(),
  /** The canonical name of the speaker when the claim sits inside a quote. */
  speaker: z.string().nullable(),
});

/** Why two spellings were judged to be one person. */
export const NameEvidenceSchema = z.object({
  variant: z.string(),
  canonical: z.string(),
  reasons: z.array(z.string()),
  similarity: z.number().min(0).max(1),
  codes: z.record(z.string(), z.array(z.string())).optional(),
});

export const NameFlagSchema = z.object({
  speakerId: z.string(),
  canonical: z.string(),
  variants: z.array(z.object({ name: z.string(), mentions: z.array(MentionSchema) })),
  evidence: z.array(NameEvidenceSchema),
  confidence: z.number().min(0).max(1),
});

export const ExtractionSchema = z.object({
  id: z.string().optional(),
  text: z.string().optional(),
  speakers: z.array(SpeakerSchema),
  quotes: z.array(QuoteSchema),
  claims: z.array(ClaimSchema),
  nameFlags: z.array(NameFlagSchema),
});

export type Mention = z.infer<typeof MentionSchema>;
export type SpeakerKind = z.infer<typeof SpeakerKindSchema>;
export type Speaker = z.infer<typeof SpeakerSchema>;
export type QuoteKind = z.infer<typeof QuoteKindSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type FigureRecord = z.infer<typeof FigureSchema>;
export type ComparisonRecord = z.infer<typeof ComparisonSchema>;
export type NameEvidence = z.infer<typeof NameEvidenceSchema>;
export type NameFlag = z.infer<typeof NameFlagSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;
