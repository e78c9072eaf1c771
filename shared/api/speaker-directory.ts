/**
 * The speaker directory (`GET /speakers` without a name): every speaker, most quoted first, with the quotes and
 * documents the search projection counts and the profile the index keeps (title, role, organisation, spellings).
 * Pages resume after the last speaker (its count and id), behind a signed cursor.
 */
import type { Search } from '../search/index.ts';
import { clampLimit, decodeCursor, encodeCursor } from '../storage/cursor.ts';
import { InvalidCursorError, type IndexStore, type Page, type SpeakerRecord } from '../storage/ports.ts';

const SCOPE = 'speaker-directory';

export async function speakerDirectory(index: IndexStore, search: Search, page: { limit?: number; cursor?: string | null }): Promise<Page<SpeakerRecord>> {
  const position = decodeCursor(page.cursor, SCOPE);
  if (position && (typeof position.q !== 'number' || typeof position.id !== 'string')) throw new InvalidCursorError();
  const limit = clampLimit(page.limit);
  const counted = await search.analytics.topSpeakers({ limit: limit + 1, after: position ? { quotes: Number(position.q), speakerId: String(position.id) } : undefined });
  const shown = counted.slice(0, limit);
  const profiles = await index.speakerProfiles(shown.map((s) => s.speakerId));
  const items = shown.map((s): SpeakerRecord => {
    // A profile not (yet) in the index still lists under the name its quotes carry.
    const profile = profiles.get(s.speakerId) ?? { id: s.speakerId, canonical: s.speaker, kind: 'unknown', variants: [s.speaker] };
    return { ...profile, quoteCount: s.quotes, documentCount: s.documents };
  });
  const last = shown[shown.length - 1];
  return { items, cursor: counted.length > limit && last ? encodeCursor({ q: last.quotes, id: last.speakerId }, SCOPE) : null };
}
