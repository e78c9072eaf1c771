/**
 * The projection rebuilt from what S3 and DynamoDB hold: each done document's result JSON, when it
 * is the version DynamoDB committed, goes through the same mapping as the process path
 * (`toIndexEntry`), so a rebuilt projection answers exactly as the one processing wrote.
 * `quotedesk reindex` runs `reindexSearch`; the process path uses `projectFromResult` to catch up a
 * document whose projection write failed after its commit.
 */
import { ExtractionSchema } from '../schema.ts';
import { toIndexEntry, type CorpusMatches } from '../pipeline/records.ts';
import { resultKeyFor } from '../pipeline/s3-keys.ts';
import type { DocumentRecord, DocumentStore, IndexStore } from '../storage/ports.ts';
import type { SearchProjection } from './projection.ts';

/** Project one done document from its result JSON; the reason when it cannot be. */
export async function projectFromResult(document: DocumentRecord, documents: DocumentStore, projection: SearchProjection): Promise<{ projected: boolean; reason?: string }> {
  if (document.status !== 'done' || !document.version) return { projected: false, reason: 'not done' };
  const result = (await documents.getResult(resultKeyFor(document.id))) as { version?: unknown; speakerIds?: unknown; corpusMatches?: unknown } | null;
  if (!result) return { projected: false, reason: 'no result JSON' };
  // A run that crashed between writing its result and committing leaves a result of another version.
  if (result.version !== document.version) return { projected: false, reason: 'the result JSON is not the committed version' };
  const extraction = ExtractionSchema.safeParse(result);
  if (!extraction.success) return { projected: false, reason: 'the result JSON does not parse' };
  const ids = new Map(Object.entries((result.speakerIds ?? {}) as Record<string, string>));
  const entry = toIndexEntry(document, extraction.data, ids, undefined, (result.corpusMatches ?? {}) as CorpusMatches);
  await projection.apply({ document, quotes: entry.quotes, claims: entry.claims }, document.version);
  return { projected: true };
}

/**
 * Show a done document's committed version when the projection shows another (its projection write was lost:
 * the write failed, or the process died between the DynamoDB commit and it). True when it projected.
 */
export async function catchUpProjection(document: DocumentRecord, documents: DocumentStore, projection: SearchProjection): Promise<boolean> {
  if (document.status !== 'done' || !document.version || (await projection.shownVersion(document.id)) === document.version) return false;
  const outcome = await projectFromResult(document, documents, projection);
  if (!outcome.projected) throw new Error(`search projection of ${document.id} not caught up: ${outcome.reason}`);
  return true;
}

export interface ReindexReport {
  documents: number;
  projected: number;
  skipped: Array<{ id: string; reason: string }>;
  /** Documents the projection held that are no longer done. */
  dropped: number;
  seconds: number;
}

/** Rebuild the whole projection. Documents committed while it runs are written by their own runs. */
export async function reindexSearch(deps: { index: IndexStore; documents: DocumentStore; projection: SearchProjection; onProgress?: (done: number) => void }): Promise<ReindexReport> {
  const started = new Date();
  const report: ReindexReport = { documents: 0, projected: 0, skipped: [], dropped: 0, seconds: 0 };
  // Every done document keeps what it shows: one whose result cannot be projected keeps its last projection.
  const done: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.index.listDocuments({ status: 'done', limit: 100, cursor });
    for (const document of page.items) {
      report.documents++;
      done.push(document.id);
      const outcome = await projectFromResult(document, deps.documents, deps.projection);
      if (outcome.projected) report.projected++;
      else report.skipped.push({ id: document.id, reason: outcome.reason ?? 'unknown' });
    }
    deps.onProgress?.(report.documents);
    cursor = page.cursor;
  } while (cursor);
  report.dropped = await deps.projection.retainOnly(done, started.toISOString());
  report.seconds = Number(((Date.now() - started.getTime()) / 1000).toFixed(1));
  return report;
}
