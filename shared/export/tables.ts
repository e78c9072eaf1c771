/**
 * The codebook: what each export table holds, column by column, as data. The CSV header, the JSONL
 * keys, the Parquet schema and the README's codebook all come from here. Every row starts with its
 * document's columns, so a row read alone says where it comes from.
 */
import type { ClaimRecord, DocumentRecord, DocumentSpeakerRecord, FlagRecord, QuoteRecord } from '../storage/ports.ts';

export type ColumnType = 'string' | 'integer' | 'number';
export type Cell = string | number | null;

export interface Column<T> {
  name: string;
  type: ColumnType;
  about: string;
  of: (item: T, document: DocumentRecord) => Cell;
}

export const EXPORT_TABLES = ['quotes', 'claims', 'speakers', 'flags', 'documents'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

const text = (value: string | null | undefined): Cell => (value === undefined || value === null || value === '' ? null : value);
const list = (values: readonly string[] | undefined): Cell => (values && values.length > 0 ? values.join('; ') : null);

/** The document columns every row starts with. */
const documentColumns = <T>(): Array<Column<T>> => [
  { name: 'documentId', type: 'string', about: 'quotedesk’s id of the document (from its content)', of: (_, d) => d.id },
  { name: 'recordId', type: 'string', about: 'your own id of the record (the JSONL `id`, a feed item’s GUID)', of: (_, d) => text(d.externalId) },
  { name: 'title', type: 'string', about: 'the document’s title', of: (_, d) => text(d.title) },
  { name: 'url', type: 'string', about: 'where the document was published', of: (_, d) => text(d.url) },
  { name: 'source', type: 'string', about: 'the source as given (free text: a publisher, a feed URL)', of: (_, d) => text(d.source) },
  { name: 'collection', type: 'string', about: 'the collection it was filed under', of: (_, d) => text(d.collection) },
  { name: 'publishedAt', type: 'string', about: 'publication date (ISO 8601, UTC); empty: date unknown', of: (_, d) => text(d.publishedAt) },
  { name: 'dateSource', type: 'string', about: 'where publishedAt was read: record, html, dateline or press-header', of: (_, d) => text(d.dateSource) },
];

const quoteColumns: Array<Column<QuoteRecord>> = [
  ...documentColumns<QuoteRecord>(),
  { name: 'quoteId', type: 'string', about: 'the quote within its document (q1, q2 … in reading order)', of: (q) => q.id },
  { name: 'speaker', type: 'string', about: 'canonical name of the speaker; empty when unattributed', of: (q) => text(q.speaker) },
  { name: 'speakerId', type: 'string', about: 'the speaker across documents, as in /speakers', of: (q) => text(q.speakerId) },
  { name: 'spelling', type: 'string', about: 'how the document spelled the speaker here, when it differs from the canonical name', of: (q) => text(q.spelling) },
  { name: 'kind', type: 'string', about: 'direct, indirect or mixed', of: (q) => q.kind },
  { name: 'text', type: 'string', about: 'the quote as written', of: (q) => q.text },
  { name: 'cue', type: 'string', about: 'the verb or phrase that attributes it (said, according to …)', of: (q) => text(q.cue) },
  { name: 'confidence', type: 'number', about: 'confidence of the attribution, 0 to 1', of: (q) => q.confidence },
  { name: 'start', type: 'integer', about: 'offset of the quote in the document text (UTF-16 code units)', of: (q) => q.start },
  { name: 'end', type: 'integer', about: 'offset just past the quote', of: (q) => q.end },
];

const claimColumns: Array<Column<ClaimRecord>> = [
  ...documentColumns<ClaimRecord>(),
  { name: 'claimId', type: 'string', about: 'the claim within its document (c1, c2 … in reading order)', of: (c) => c.id },
  { name: 'speaker', type: 'string', about: 'canonical name of the speaker when the claim sits in a quote', of: (c) => text(c.speaker) },
  { name: 'speakerId', type: 'string', about: 'the speaker across documents', of: (c) => text(c.speakerId) },
  { name: 'kind', type: 'string', about: 'the main kind of claim (quantity, comparison, prediction …)', of: (c) => c.kind },
  { name: 'kinds', type: 'string', about: 'every check-worthy trait found, separated by "; "', of: (c) => list(c.kinds) },
  { name: 'score', type: 'number', about: 'check-worthiness, 0 to 1', of: (c) => c.score },
  { name: 'text', type: 'string', about: 'the sentence', of: (c) => c.text },
  { name: 'figures', type: 'string', about: 'the figures it states, as JSON ([{text, value, unit, bound, measure, period}])', of: (c) => (c.figures?.length ? JSON.stringify(c.figures.map(({ text, value, unit, bound, measure, period }) => ({ text, value, unit, bound, measure, period }))) : null) },
  { name: 'start', type: 'integer', about: 'offset of the sentence in the document text', of: (c) => c.start },
  { name: 'end', type: 'integer', about: 'offset just past the sentence', of: (c) => c.end },
];

const speakerColumns: Array<Column<DocumentSpeakerRecord>> = [
  ...documentColumns<DocumentSpeakerRecord>(),
  { name: 'speakerId', type: 'string', about: 'the speaker across documents', of: (s) => s.id },
  { name: 'speaker', type: 'string', about: 'canonical name', of: (s) => s.canonical },
  { name: 'speakerKind', type: 'string', about: 'person, organization, role or unknown', of: (s) => s.kind },
  { name: 'speakerTitle', type: 'string', about: 'title (Dr., Sen. …) as the document gives it', of: (s) => text(s.title) },
  { name: 'role', type: 'string', about: 'role (spokesperson, mayor …)', of: (s) => text(s.role) },
  { name: 'organization', type: 'string', about: 'organisation', of: (s) => text(s.organization) },
  { name: 'variants', type: 'string', about: 'every spelling in this document, separated by "; "', of: (s) => list(s.variants) },
  { name: 'mentions', type: 'integer', about: 'times the document names or refers to the speaker', of: (s) => s.mentions },
  { name: 'quotes', type: 'integer', about: 'quotes of the speaker in this document', of: (s) => s.quoteCount },
  { name: 'matchedBy', type: 'string', about: 'when the document wrote only a surname: why it is this person of the corpus, with a confidence', of: (s) => text(s.matchedBy) },
];

const flagColumns: Array<Column<FlagRecord>> = [
  ...documentColumns<FlagRecord>(),
  { name: 'flagId', type: 'string', about: 'the flag, as in /flags/{id}', of: (f) => f.id },
  { name: 'speakerId', type: 'string', about: 'the speaker the spellings were merged into', of: (f) => f.speakerId },
  { name: 'speaker', type: 'string', about: 'canonical name', of: (f) => f.canonical },
  { name: 'variants', type: 'string', about: 'the other spellings, separated by "; "', of: (f) => list(f.variants.map((v) => v.name).filter((name) => name !== f.canonical)) },
  { name: 'status', type: 'string', about: 'open, confirmed (one person) or rejected (different people)', of: (f) => f.status },
  { name: 'confidence', type: 'number', about: 'confidence that the spellings are one person, 0 to 1', of: (f) => f.confidence },
];

const documentTableColumns: Array<Column<DocumentRecord>> = [
  ...documentColumns<DocumentRecord>(),
  { name: 'format', type: 'string', about: 'text, markdown, html, pdf or docx', of: (d) => text(d.format) },
  { name: 'receivedAt', type: 'string', about: 'when quotedesk received it', of: (d) => d.receivedAt },
  { name: 'speakers', type: 'integer', about: 'speakers found', of: (d) => d.counts?.speakers ?? null },
  { name: 'quotes', type: 'integer', about: 'quotes found', of: (d) => d.counts?.quotes ?? null },
  { name: 'claims', type: 'integer', about: 'check-worthy claims found', of: (d) => d.counts?.claims ?? null },
  { name: 'flags', type: 'integer', about: 'name flags raised', of: (d) => d.counts?.flags ?? null },
];

export interface TableItems {
  quotes: QuoteRecord;
  claims: ClaimRecord;
  speakers: DocumentSpeakerRecord;
  flags: FlagRecord;
  documents: DocumentRecord;
}

export const COLUMNS: { [T in ExportTable]: Array<Column<TableItems[T]>> } = {
  quotes: quoteColumns,
  claims: claimColumns,
  speakers: speakerColumns,
  flags: flagColumns,
  documents: documentTableColumns,
};
