/**
 * The export's reads when there is a search database: quotes from the search projection (one statement
 * per page of rows, filtered and ordered in SQL, so 100,000 quotes take seconds), each document's claims
 * from the projection too, everything else from the index as `IndexExportReader` reads it. The speaker filter resolves any spelling through the index,
 * as the search does; document columns (record id, date source) come from the index's records.
 */
import type { Search } from '../search/index.ts';
import type { ExportFilter } from '../filters.ts';
import type { QuoteKind } from '../schema.ts';
import type { ExportReader, IndexStore, QuoteRecord } from '../storage/ports.ts';
import { IndexExportReader } from './index-reader.ts';

export class SearchExportReader implements ExportReader {
  private readonly fromIndex: IndexExportReader;

  constructor(private readonly index: IndexStore, private readonly search: Search) {
    this.fromIndex = new IndexExportReader(index, (documentId, page) => search.claims.ofDocument(documentId, page));
  }

  async *quotes(filter: ExportFilter): AsyncGenerator<QuoteRecord> {
    const { speaker, kind, ...rest } = filter;
    const speakerIds = speaker ? await this.index.resolveSpeaker(speaker, { anyForm: true }) : undefined;
    yield* this.search.exports.quotes({ ...rest, kind: kind as QuoteKind | undefined, speakerIds });
  }

  claims = (filter: ExportFilter) => this.fromIndex.claims(filter);
  speakers = (filter: ExportFilter) => this.fromIndex.speakers(filter);
  flags = (filter: ExportFilter) => this.fromIndex.flags(filter);
  documents = (filter: ExportFilter) => this.fromIndex.documents(filter);
  documentsById = (ids: string[]) => this.fromIndex.documentsById(ids);
}

/** The reader for this deployment: the search projection's when there is one. */
export function exportReader(index: IndexStore, search: Search | null): ExportReader {
  return search ? new SearchExportReader(index, search) : new IndexExportReader(index);
}
