/** How a document's quotes are packed into index items: by speaker, in parts past a byte budget, and back unchanged. */
import { describe, expect, it } from 'vitest';
import { PACK_BYTES, packQuotes, unpackQuotes, inReadingOrder } from '#shared/storage/quote-packs.ts';
import type { QuoteRecord } from '#shared/storage/ports.ts';

const doc = { documentId: 'd9', sortDate: '2022-03-01T00:00:00.000Z', source: 'gazette', documentTitle: 'Pier reopens' };
function quote(n: number, speakerId: string | null, speaker: string | null, text = `remark ${n}`): QuoteRecord {
  return { id: `q${n}`, start: n * 100, end: n * 100 + text.length, text, kind: 'direct', confidence: 0.9, cue: 'said', speakerId, speaker, ...doc };
}

describe('quote packs', () => {
  it('puts each speaker\'s quotes in one item, the unattributed in another, and only the speaker\'s in the speaker GSI', () => {
    const quotes = [quote(1, 'sp_a', 'Ann Lee'), quote(2, null, null), quote(3, 'sp_b', 'Bo Hart'), quote(10, 'sp_a', 'Ann Lee'), quote(4, null, 'the mayor')];
    const packs = packQuotes('d9', quotes, 'r1');
    expect(packs.map((p) => [p.sk, p.packed, p.gsi1pk ?? null, p.gsi1sk ?? null])).toEqual([
      ['Q#r1#sp_a#001', 2, 'SPK#sp_a', '2022-03-01T00:00:00.000Z#d9#999998'],
      ['Q#r1#~#001', 2, null, null],
      ['Q#r1#sp_b#001', 1, 'SPK#sp_b', '2022-03-01T00:00:00.000Z#d9#999998'],
    ]);
    // the document's fields once per pack, not per quote
    expect((packs[0].quotes as object[]).every((q) => !('documentTitle' in q) && !('speakerId' in q))).toBe(true);
  });

  it('unpacks every quote as it was packed, in reading order (q10 after q4)', () => {
    const quotes = [quote(1, 'sp_a', 'Ann Lee'), quote(2, null, null), quote(3, 'sp_b', 'Bo Hart'), quote(10, 'sp_a', 'Ann Lee'), quote(4, null, 'the mayor'), { ...quote(5, 'sp_a', 'Ann Lee'), spelling: 'Anne Lee', cue: null }];
    const unpacked = inReadingOrder(packQuotes('d9', quotes).flatMap(unpackQuotes));
    expect(unpacked.map(({ pk, sk, type, ...record }) => record)).toEqual([...quotes].sort((a, b) => a.start - b.start));
    expect(unpacked.map((q) => q.sk)).toEqual(['Q#q000001', 'Q#q000002', 'Q#q000003', 'Q#q000004', 'Q#q000005', 'Q#q000010']);
  });

  it('starts a new part past the byte budget, numbered so that part 1 lists first, newest first', () => {
    const long = 'x'.repeat(3000);
    const quotes = Array.from({ length: 12 }, (_, i) => quote(i + 1, 'sp_a', 'Ann Lee', long));
    const packs = packQuotes('d9', quotes);
    expect(packs.length).toBe(Math.ceil((12 * 3000) / PACK_BYTES));
    expect(packs.map((p) => p.sk)).toEqual(packs.map((_, i) => `Q#-#sp_a#00${i + 1}`));
    expect(packs.every((p) => Buffer.byteLength(JSON.stringify(p.quotes)) <= PACK_BYTES + 3000)).toBe(true);
    const sortKeys = packs.map((p) => String(p.gsi1sk));
    expect([...sortKeys].sort().reverse()).toEqual(sortKeys);
    expect(packs.flatMap(unpackQuotes).map((q) => q.id)).toEqual(quotes.map((q) => q.id));
  });
});
