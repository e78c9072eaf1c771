/**
 * Extraction (shared/schema.ts) → the records the index stores. Pure: speaker identities across
 * documents come in as a map from the extraction's local speaker ids to global ids.
 */
import type { Extraction, NameFlag, Quote, Speaker } from '../schema.ts';
import type { ClaimRecord, DocumentIndexEntry, DocumentRecord, FlagRecord, MergeRecord, QuoteRecord, SpeakerRecord } from '../storage/ports.ts';
import { flagId, normalizeName } from '../storage/keys.ts';
import { splitSentences, type Span } from '../text/sentences.ts';
import type { CorpusMatch } from './corpus-match.ts';
import { speakerIdFor } from './identity.ts';

/** The extraction's local speaker id → the corpus person its surname was matched to (shared/pipeline/corpus-match.ts). */
export type CorpusMatches = Readonly<Record<string, CorpusMatch>>;

/** "surname Trump; title President (confidence 0.9)": how a speaker was matched to a person of the corpus. */
export function describeMatch(match: CorpusMatch): string {
  return `${match.evidence.join('; ')} (confidence ${match.confidence})`;
}

/**
 * Below this confidence a merge is applied but waits in the review queue (`GET /merges?status=open`): the only
 * person of the surname (0.8) or one who dominates the corpus (0.7) may be someone else; a matching title (0.9)
 * (shared/pipeline/corpus-match.ts) is taken as it stands, and can still be undone.
 */
const REVIEW_BELOW = 0.85;

/** Longest sentence kept beside a flagged spelling: a longer one is cut to a window around the name. */
const MAX_SENTENCE = 300;

/**
 * `text` is the document text the offsets point into: with it, each flagged spelling carries the sentence it was
 * written in, so a reviewer sees the context without opening the document.
 */
export function toIndexEntry(document: DocumentRecord, extraction: Extraction, globalIds: Map<string, string>, text?: string, matches: CorpusMatches = {}): DocumentIndexEntry {
  const globalOf = (localId: string | null): string | null => (localId ? (globalIds.get(localId) ?? null) : null);
  // A speaker matched to a person of the corpus by surname goes by that person's full name.
  const speakersById = new Map(extraction.speakers.map((s) => [s.id, matches[s.id] ? { ...s, name: matches[s.id].canonical, variants: [...new Set([s.name, ...s.variants])] } : s]));
  const flagsBySpeaker = new Map(extraction.nameFlags.map((f) => [f.speakerId, f]));

  const speakers: Array<SpeakerRecord & { mentions: number }> = [...speakersById.values()].map((s) => ({
    id: globalOf(s.id)!,
    canonical: s.name,
    kind: s.kind,
    title: s.title,
    role: s.role,
    organization: s.organization,
    variants: [...new Set([s.name, ...s.variants])],
    quoteCount: extraction.quotes.filter((q) => q.speakerId === s.id).length,
    mentions: s.mentions.length,
    ...(matches[s.id] ? { matchedBy: describeMatch(matches[s.id]) } : {}),
  }));

  const quotes: QuoteRecord[] = extraction.quotes.map((q) => ({
    id: q.id,
    documentId: document.id,
    start: q.start,
    end: q.end,
    text: q.text,
    kind: q.kind,
    confidence: q.confidence,
    cue: q.cue,
    speakerId: globalOf(q.speakerId),
    speaker: q.speakerId ? (speakersById.get(q.speakerId)?.name ?? q.speaker) : q.speaker,
    spelling: q.speakerId ? variantSpellingNear(q, speakersById.get(q.speakerId), flagsBySpeaker.get(q.speakerId)) : undefined,
    sortDate: document.sortDate,
    publishedAt: document.publishedAt,
    source: document.source,
    collection: document.collection,
    documentTitle: document.title,
  }));

  const claims: ClaimRecord[] = extraction.claims.map((c) => ({
    ...c,
    documentId: document.id,
    speakerId: globalOf(c.speakerId),
    speaker: c.speakerId ? (speakersById.get(c.speakerId)?.name ?? c.speaker ?? null) : (c.speaker ?? null),
    sortDate: document.sortDate,
    publishedAt: document.publishedAt,
    source: document.source,
    collection: document.collection,
    documentTitle: document.title,
  }));

  const sentences = text && extraction.nameFlags.length > 0 ? splitSentences(text) : [];
  const flags: FlagRecord[] = extraction.nameFlags.map((f) => {
    const speakerId = globalOf(f.speakerId) ?? f.speakerId;
    return {
      id: flagId(document.id, speakerId),
      documentId: document.id,
      documentTitle: document.title,
      speakerId,
      canonical: f.canonical,
      variants: f.variants.map((v) => ({
        name: v.name,
        mentions: v.mentions.map((m) => ({ ...m, ...(text ? { sentence: sentenceAround(text, sentences, m) } : {}) })),
      })),
      evidence: f.evidence,
      confidence: f.confidence,
      status: 'open',
      sortDate: document.sortDate,
    };
  });

  const merges: MergeRecord[] = extraction.speakers
    .filter((s) => matches[s.id])
    .map((s) => {
      const match = matches[s.id];
      const fromSpeakerId = speakerIdFor(s.kind, s.name);
      return {
        id: flagId(document.id, fromSpeakerId),
        documentId: document.id,
        documentTitle: document.title,
        name: s.name,
        fromSpeakerId,
        speakerId: match.speakerId,
        canonical: match.canonical,
        evidence: match.evidence,
        confidence: match.confidence,
        status: match.confidence < REVIEW_BELOW ? 'open' : 'auto',
        sortDate: document.sortDate,
      };
    });

  return { document, quotes, claims, speakers, flags, ...(merges.length ? { merges } : {}) };
}

/** The sentence holding a mention (`start` is its offset in the document), cut to a window around it when long. */
export function sentenceAround(text: string, sentences: Span[], mention: Span): { start: number; text: string } {
  const span = sentences.find((s) => s.start <= mention.start && mention.end <= s.end) ?? mention;
  let start = span.start;
  let end = span.end;
  if (end - start > MAX_SENTENCE) {
    const room = Math.max(0, Math.floor((MAX_SENTENCE - (mention.end - mention.start)) / 2));
    start = Math.max(span.start, mention.start - room);
    end = Math.min(span.end, mention.end + room);
  }
  return { start, text: text.slice(start, end) };
}

/**
 * The flagged spelling this quote's attribution used ("Saunders-Jandro added"), so a reader sees how
 * the article wrote the name: the speaker's mention nearest the quote, when it is a variant.
 */
export function variantSpellingNear(quote: Quote, speaker: Speaker | undefined, flag: NameFlag | undefined): string | undefined {
  if (!speaker || !flag) return undefined;
  let nearest: Speaker['mentions'][number] | undefined;
  let best = Infinity;
  for (const m of speaker.mentions) {
    const distance = m.end <= quote.start ? quote.start - m.end : m.start >= quote.end ? m.start - quote.end : 0;
    if (distance < best) [best, nearest] = [distance, m];
  }
  if (!nearest) return undefined;
  const at = nearest.start;
  return flag.variants.find((v) => v.mentions.some((m) => m.start === at))?.name;
}

/**
 * The names a speaker is found by (normalised name → the spelling to show): every spelling, and for a
 * person written with more than one word also the surname alone ("Saunders-Jandro", "Oyster").
 */
export function speakerAliases(speaker: Pick<SpeakerRecord, 'canonical' | 'variants' | 'kind'>): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const spelling of [speaker.canonical, ...speaker.variants]) {
    const name = normalizeName(spelling);
    if (!name) continue;
    aliases.set(name, spelling);
    if (speaker.kind === 'person' && name.split(' ').length > 1) {
      const written = spelling.split(/\s+/).pop() ?? '';
      const surname = normalizeName(written);
      if (surname.length > 1 && !aliases.has(surname)) aliases.set(surname, written || surname);
    }
  }
  return aliases;
}

/**
 * How a speaker's profile merges across documents: the first document's canonical name and kind stay
 * (later documents may write the name another way); title, role and organisation take the latest value.
 */
export const PROFILE_FIELDS_KEPT_FROM_FIRST: ReadonlySet<keyof SpeakerRecord> = new Set(['canonical', 'kind']);
