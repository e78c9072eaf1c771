/**
 * A document's quotes as the index stores them: one item per speaker (one more for the unattributed), in parts past a
 * byte budget. A quote alone is a few hundred bytes, yet cost a write unit in the table and another in the speaker
 * GSI, with the document's fields copied into each; packed, a speaker's quotes share their units and the document's
 * fields are written once.
 */
import { key, ordinalOf, partSortKey } from './keys.ts';
import type { Item } from './paging.ts';
import type { QuoteRecord } from './ports.ts';

/** A part's quotes stop growing past this many bytes: a page by speaker reads a few parts, not a whole document's. */
export const PACK_BYTES = 16 * 1024;

const QUOTE_PACK = 'quotes';
const DOCUMENT_FIELDS = ['documentId', 'sortDate', 'publishedAt', 'source', 'collection', 'documentTitle'] as const;
/** What each quote keeps of itself in a pack (its speaker only where it differs from the pack's). */
const QUOTE_FIELDS = ['id', 'start', 'end', 'text', 'kind', 'confidence', 'cue', 'spelling', 'speaker'] as const;

/**
 * The pack items of one document's quotes (pure): keys, the speaker GSI entry of attributed packs, the quote count.
 * A run's packs are keyed by its `version`, so they never overwrite the committed run's: readers see all of that one
 * until the new run commits, and its packs are then stale items like any other.
 */
export function packQuotes(documentId: string, quotes: QuoteRecord[], version?: string): Item[] {
  const bySpeaker = new Map<string | null, QuoteRecord[]>();
  for (const quote of [...quotes].sort((a, b) => ordinalOf(a.id) - ordinalOf(b.id))) {
    const group = bySpeaker.get(quote.speakerId) ?? bySpeaker.set(quote.speakerId, []).get(quote.speakerId)!;
    group.push(quote);
  }
  const items: Item[] = [];
  for (const [speakerId, group] of bySpeaker) {
    const speaker = speakerId ? group[0].speaker : null;
    let part: Item[] = [];
    let bytes = 0;
    let number = 0;
    const flush = () => {
      number++;
      const first = group[0];
      const pack: Item = { pk: key.doc(documentId), sk: key.quotePack(version, speakerId, number), type: QUOTE_PACK, speakerId, speaker, quotes: part, packed: part.length };
      for (const field of DOCUMENT_FIELDS) if (first[field] !== undefined) pack[field] = first[field];
      // By speaker, quotes are read from their packs in the speaker GSI; by date, through their documents.
      if (speakerId) Object.assign(pack, { gsi1pk: key.speakerQuotes(speakerId), gsi1sk: partSortKey(first.sortDate, documentId, number) });
      items.push(pack);
      part = [];
      bytes = 0;
    };
    for (const quote of group) {
      const packed = packedQuote(quote, speaker);
      const size = Buffer.byteLength(JSON.stringify(packed));
      if (part.length > 0 && bytes + size > PACK_BYTES) flush();
      part.push(packed);
      bytes += size;
    }
    flush();
  }
  return items;
}

function packedQuote(quote: QuoteRecord, packSpeaker: string | null): Item {
  const out: Item = {};
  for (const field of QUOTE_FIELDS) {
    if (quote[field] === undefined || (field === 'speaker' && quote.speaker === packSpeaker)) continue;
    out[field] = quote[field];
  }
  return out;
}

/**
 * The quotes of a pack, in reading order, each as the record it was packed from plus its document partition's key and
 * a sort key of its own (`key.quote(id)`) that a cursor can resume after.
 */
export function unpackQuotes(pack: Item): Item[] {
  const shared: Item = { speakerId: pack.speakerId ?? null, speaker: pack.speaker ?? null };
  for (const field of DOCUMENT_FIELDS) if (pack[field] !== undefined) shared[field] = pack[field];
  return ((pack.quotes as Item[] | undefined) ?? []).map((quote) => ({
    ...shared,
    ...quote,
    pk: pack.pk,
    sk: key.quote(String(quote.id)),
    type: 'quote',
  }));
}

export function isQuotePack(item: Item): boolean {
  return item.type === QUOTE_PACK;
}

/** Quotes of several packs in reading order (quote numbers follow the text). */
export function inReadingOrder(quotes: Item[]): Item[] {
  return quotes.sort((a, b) => ordinalOf(String(a.id)) - ordinalOf(String(b.id)));
}
