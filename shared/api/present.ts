/**
 * Index records → API shapes: internal fields (S3 keys, hashes, sort keys) stay inside; absent values become null
 * so every field in /openapi.json is always present.
 */
import type { ClaimRecord, DocumentRecord, FlagRecord, MergeRecord, QuoteRecord, SpeakerRecord } from '../storage/ports.ts';
import { claimKey } from '../storage/keys.ts';

export function presentDocument(doc: DocumentRecord) {
  return {
    id: doc.id,
    status: doc.status,
    reason: doc.reason ?? null,
    title: doc.title ?? null,
    url: doc.url ?? null,
    source: doc.source ?? null,
    collection: doc.collection ?? null,
    externalId: doc.externalId ?? null,
    publishedAt: doc.publishedAt ?? null,
    dateSource: doc.dateSource ?? null,
    receivedAt: doc.receivedAt,
    updatedAt: doc.updatedAt,
    contentType: doc.contentType ?? null,
    format: doc.format ?? null,
    bytes: doc.bytes ?? null,
    counts: doc.counts ?? null,
  };
}

export function presentQuote(quote: QuoteRecord) {
  return {
    id: quote.id,
    documentId: quote.documentId,
    start: quote.start,
    end: quote.end,
    text: quote.text,
    kind: quote.kind,
    confidence: quote.confidence,
    cue: quote.cue ?? null,
    speakerId: quote.speakerId ?? null,
    speaker: quote.speaker ?? null,
    spelling: quote.spelling ?? null,
    publishedAt: quote.publishedAt ?? null,
    source: quote.source ?? null,
    collection: quote.collection ?? null,
    documentTitle: quote.documentTitle ?? null,
  };
}

export function presentClaim(claim: ClaimRecord) {
  return {
    id: claim.id,
    documentId: claim.documentId,
    key: claimKey(claim.documentId, claim.id),
    start: claim.start,
    end: claim.end,
    text: claim.text,
    kind: claim.kind ?? claim.kinds[0] ?? 'factual',
    kinds: claim.kinds,
    score: claim.score,
    figures: claim.figures ?? [],
    comparison: claim.comparison ?? null,
    speakerId: claim.speakerId ?? null,
    speaker: claim.speaker ?? null,
    publishedAt: claim.publishedAt ?? null,
    documentTitle: claim.documentTitle ?? null,
  };
}

export function presentFlag(flag: FlagRecord) {
  return {
    id: flag.id,
    documentId: flag.documentId,
    speakerId: flag.speakerId,
    canonical: flag.canonical,
    documentTitle: flag.documentTitle ?? null,
    variants: flag.variants.map((v) => ({
      name: v.name,
      mentions: v.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, sentence: m.sentence ?? null })),
    })),
    evidence: flag.evidence,
    confidence: flag.confidence,
    status: flag.status,
    createdAt: flag.sortDate,
    decidedAt: flag.decidedAt ?? null,
  };
}

export function presentMerge(merge: MergeRecord) {
  return {
    id: merge.id,
    documentId: merge.documentId,
    documentTitle: merge.documentTitle ?? null,
    name: merge.name,
    fromSpeakerId: merge.fromSpeakerId,
    speakerId: merge.speakerId,
    canonical: merge.canonical,
    evidence: merge.evidence,
    confidence: merge.confidence,
    status: merge.status,
    createdAt: merge.sortDate,
    decidedAt: merge.decidedAt ?? null,
  };
}

export function presentSpeaker(speaker: SpeakerRecord) {
  const variants = [speaker.canonical, ...speaker.variants.filter((v) => v !== speaker.canonical)];
  return {
    id: speaker.id,
    name: speaker.canonical,
    kind: speaker.kind,
    title: speaker.title ?? null,
    role: speaker.role ?? null,
    organization: speaker.organization ?? null,
    variants,
    quoteCount: speaker.quoteCount,
    documentCount: speaker.documentCount ?? null,
  };
}
