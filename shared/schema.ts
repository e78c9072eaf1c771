/**
 * The extraction output contract. Every offset is a UTF-16 offset into `text`
 * (the input as given, or the article text extracted from HTML).
 */
import { z } from 'zod';
import { VIA } from './extract/via.ts';

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
  /** Why the quote has its speaker (see shared/extract/via.ts). */
  via: z.enum(VIA),
  /** The model features that weighed most for that speaker. */
  evidence: z.array(z.string()).optional(),
});

export const ClaimSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  kinds: z.array(z.string()),
  score: z.number().min(0).max(1),
  speakerId: z.string().nullable(),
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
export type NameEvidence = z.infer<typeof NameEvidenceSchema>;
export type NameFlag = z.infer<typeof NameFlagSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;
