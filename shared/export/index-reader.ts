/**
 * The export's reads over the index store's own queries: quotes through the quote search (every filter
 * as the search applies it), the other tables by walking the finished documents and reading each one's
 * partition. Pages are drawn one at a time, so nothing is held but the page in hand.
 */
import { normalizeName, queryWords, UNDATED } from '../storage/keys.ts';
import type { ClaimRecord, DocumentRecord, DocumentSpeakerRecord, ExportReader, FlagRecord, IndexStore, Page, PageRequest, QuoteRecord } from '../storage/ports.ts';
import type { ExportFilter } from '../filters.ts';
import type { QuoteKind } from '../schema.ts';
import type { ClaimKind } from '../claims/features.ts';

/** Claims live in the search projection: a deployment without a search database has none to export. */
export const CLAIMS_NEED_SEARCH = 'Claims are kept in the search database, which this server does not have.';

export class ClaimsUnavailableError extends Error {
  constructor() {
    super(CLAIMS_NEED_SEARCH);
    this.name = 'ClaimsUnavailableError';
  }
}

/** Page sizes: the store's longest page of quotes, and the API's page for everything else. */
const QUOTE_PAGE = 1000;
const PAGE = 100;

/** Every item of a paged list; the next page is read while the consumer handles this one. */
async function* allPages<T>(read: (page: PageRequest) => Promise<Page<T>>, limit = PAGE): AsyncGenerator<T> {
  let next = read({ limit, cursor: null });
  for (;;) {
    const page = await next;
    if (page.cursor) {
      next = read({ limit, cursor: page.cursor });
      next.catch(() => undefined); // a consumer that stops early leaves it unread, and must not crash the process
    }
    yield* page.items;
    if (!page.cursor) return;
  }
}

/** Whether a document's date and collection pass the filter (the search's rules: inclusive days, undated apart). */
export function documentMatches(doc: DocumentRecord, filter: ExportFilter): boolean {
  if (filter.collection && doc.collection !== filter.collection) return false;
  const undated = doc.sortDate === UNDATED;
  if (filter.undated) return undated;
  if (!filter.from && !filter.to) return true;
  const day = doc.sortDate.slice(0, 10);
  return !undated && (!filter.from || day >= filter.from.slice(0, 10)) && (!filter.to || day <= filter.to.slice(0, 10));
}

/** Where a document's claims are read (the search projection: the index keeps none). */
export type DocumentClaims = (documentId: string, page: PageRequest) => Promise<Page<ClaimRecord>>;

export class IndexExportReader implements ExportReader {
  constructor(private readonly index: IndexStore, private readonly claimsOf?: DocumentClaims) {}

  quotes(filter: ExportFilter): AsyncIterable<QuoteRecord> {
    return allPages((page) => this.index.listQuotes({ ...filter, kind: filter.kind as QuoteKind | undefined, ...page }), QUOTE_PAGE);
  }

  async *documents(filter: ExportFilter): AsyncGenerator<DocumentRecord> {
    const speakers = await this.speakerIds(filter);
    for await (const doc of allPages((page) => this.index.listDocuments({ ...page, status: 'done' }))) {
      if (!documentMatches(doc, filter)) continue;
      if (speakers && !(await this.hasSpeaker(doc.id, speakers))) continue;
      yield doc;
    }
  }

  async *claims(filter: ExportFilter): AsyncGenerator<ClaimRecord> {
    const claimsOf = this.claimsOf;
    if (!claimsOf) throw new ClaimsUnavailableError();
    const speakers = await this.speakerIds(filter);
    const words = filter.q ? queryWords(filter.q) : [];
    for await (const doc of this.documents({ ...filter, speaker: undefined, kind: undefined })) {
      for await (const claim of allPages((page) => claimsOf(doc.id, page))) {
        if (speakers && !(claim.speakerId && speakers.has(claim.speakerId))) continue;
        // A claim's kind is its main kind or any trait it has, as GET /claims?kind= reads it.
        if (filter.kind && claim.kind !== filter.kind && !claim.kinds?.includes(filter.kind as ClaimKind)) continue;
        if (words.length > 0) {
          const have = new Set(normalizeName(claim.text).split(' '));
          if (!words.every((w) => have.has(w))) continue;
        }
        yield claim;
      }
    }
  }

  async *speakers(filter: ExportFilter): AsyncGenerator<DocumentSpeakerRecord> {
    const speakers = await this.speakerIds(filter);
    for await (const doc of this.documents({ ...filter, speaker: undefined })) {
      for await (const speaker of allPages((page) => this.index.speakersOfDocument(doc.id, page))) {
        if (!speakers || speakers.has(speaker.id)) yield speaker;
      }
    }
  }

  async *flags(filter: ExportFilter): AsyncGenerator<FlagRecord> {
    const speakers = await this.speakerIds(filter);
    for await (const doc of this.documents({ ...filter, speaker: undefined })) {
      for await (const flag of allPages((page) => this.index.flagsOfDocument(doc.id, page))) {
        if (!speakers || speakers.has(flag.speakerId)) yield flag;
      }
    }
  }

  async documentsById(ids: string[]): Promise<Map<string, DocumentRecord>> {
    return new Map((await this.index.getDocuments(ids)).map((doc) => [doc.id, doc]));
  }

  /** The speaker ids a `speaker` filter names (any spelling), or null for no speaker filter. */
  private async speakerIds(filter: ExportFilter): Promise<Set<string> | null> {
    return filter.speaker ? new Set(await this.index.resolveSpeaker(filter.speaker, { anyForm: true })) : null;
  }

  private async hasSpeaker(documentId: string, speakers: Set<string>): Promise<boolean> {
    for await (const speaker of allPages((page) => this.index.speakersOfDocument(documentId, page))) if (speakers.has(speaker.id)) return true;
    return false;
  }
}
