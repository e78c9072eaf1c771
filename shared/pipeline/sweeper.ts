/**
 * The recovery sweeper: the same code on a timer in the local stack and as a scheduled function in
 * AWS. It walks the work list in the base table (pending markers, read consistently; never a GSI,
 * which may lag or, in dynalite after a crash, disagree with the table) and, for each document:
 *   - done, or failed for a reason of its own → shows a done one's committed version in search if its projection
 *     write was lost, removes the items of older versions, drops the marker;
 *   - queued too long / processing past its lease / failed by an infrastructure error → re-drives it
 *     (a request object the process function picks up like any upload), a few times at most;
 *   - raw object missing → fails it with that reason (a client's retry of the upload revives it);
 *   - re-driven too often → fails it with the reason, so nothing stays queued or processing for ever.
 */
import type { DocumentRecord, DocumentStore, IndexStore, PendingMarker } from '../storage/ports.ts';
import { INTERNAL_ERROR_PREFIX, newRunId } from './runs.ts';

export interface SweepOptions {
  /** A queued document untouched this long is re-driven (its event was lost). */
  queuedAfterMs?: number;
  /** Re-drives before the sweeper gives up on a document and fails it. */
  maxRedrives?: number;
  /**
   * Every worker that held a lease is known to be dead (a local restart): leases are released and
   * every unfinished document is re-driven at once. Never set in AWS.
   */
  assumeDead?: boolean;
  now?: number;
}

export interface SweepReport {
  examined: number;
  redriven: number;
  failed: number;
  cleaned: number;
  dropped: number;
  waiting: number;
}

export interface SweeperDeps {
  index: IndexStore;
  documents: DocumentStore;
  redrive: (documentId: string, rawKey: string | undefined) => Promise<void>;
  /** Show a done document's committed version in search when its projection write was lost (where there is search). */
  catchUp?: (document: DocumentRecord) => Promise<unknown>;
  log?: (level: 'info' | 'warn', message: string, detail?: Record<string, unknown>) => void;
}

export class RecoverySweeper {
  constructor(private readonly deps: SweeperDeps) {}

  async sweep(options: SweepOptions = {}): Promise<SweepReport> {
    const report: SweepReport = { examined: 0, redriven: 0, failed: 0, cleaned: 0, dropped: 0, waiting: 0 };
    const markers: PendingMarker[] = [];
    for await (const marker of this.deps.index.pendingDocuments()) markers.push(marker);
    for (const marker of markers) {
      report.examined++;
      try {
        report[await this.one(marker, options)]++;
      } catch (error) {
        this.deps.log?.('warn', 'sweep: document skipped', { documentId: marker.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return report;
  }

  private async one(marker: PendingMarker, options: SweepOptions): Promise<Exclude<keyof SweepReport, 'examined'>> {
    const { index, documents } = this.deps;
    const now = options.now ?? Date.now();
    const queuedAfterMs = options.queuedAfterMs ?? 5 * 60_000;
    const maxRedrives = options.maxRedrives ?? 5;
    const doc = await index.getDocument(marker.id);

    if (!doc) {
      // The marker is written before the record: registration died in between.
      if (marker.rawKey && (await documents.headRaw(marker.rawKey))) return this.redrive(marker, undefined, maxRedrives);
      if (options.assumeDead || now - marker.since > queuedAfterMs) {
        await index.clearPending(marker.id);
        return 'dropped';
      }
      return 'waiting';
    }

    const internal = doc.status === 'failed' && (doc.reason ?? '').startsWith(INTERNAL_ERROR_PREFIX);
    if (doc.status === 'done' || (doc.status === 'failed' && !internal)) {
      // (a failed catch-up throws: the marker stays for the next sweep)
      if (doc.status === 'done') await this.deps.catchUp?.(doc);
      await index.removeStaleItems(doc.id, doc.version);
      await index.clearPending(doc.id);
      return 'cleaned';
    }

    const rawKey = doc.rawKeys[0];
    if (!rawKey || !(await documents.headRaw(rawKey))) {
      if (!options.assumeDead && now - Date.parse(doc.receivedAt) < queuedAfterMs) return 'waiting';
      return this.fail(doc, 'the raw object was never stored (the upload was interrupted): upload the document again');
    }

    if (doc.status === 'processing') {
      const leaseLive = (doc.leaseUntil ?? 0) > now;
      if (leaseLive && !options.assumeDead) return 'waiting';
      if (leaseLive && doc.runId) await index.releaseRun(doc.id, doc.runId);
    } else if (!options.assumeDead && now - Date.parse(doc.updatedAt) < queuedAfterMs) {
      return 'waiting'; // queued recently, or failed recently and still being retried by the queue
    }
    return this.redrive(marker, doc, maxRedrives);
  }

  private async redrive(marker: PendingMarker, doc: DocumentRecord | undefined, maxRedrives: number): Promise<'redriven' | 'failed' | 'waiting'> {
    if (doc && marker.redrives >= maxRedrives) {
      const last = doc.reason ? `; last error: ${doc.reason}` : '';
      return this.fail(doc, `gave up after ${marker.redrives} re-drives without finishing (was ${doc.status})${last}`);
    }
    await this.deps.index.markPending(marker.id, { redrives: marker.redrives + 1 });
    await this.deps.redrive(marker.id, doc?.rawKeys[0] ?? marker.rawKey);
    this.deps.log?.('info', 'sweep: re-driven', { documentId: marker.id, status: doc?.status ?? 'unregistered', redrives: marker.redrives + 1 });
    return 'redriven';
  }

  private async fail(doc: DocumentRecord, reason: string): Promise<'failed' | 'waiting'> {
    const { index } = this.deps;
    const runId = newRunId();
    if (doc.status === 'processing' && doc.runId) await index.releaseRun(doc.id, doc.runId);
    if (!(await index.beginRun(doc.id, runId, Date.now() + 60_000))) return 'waiting';
    if (!(await index.commitRun(doc.id, runId, 'failed', { reason }, { dropVersion: true }))) return 'waiting';
    await index.clearDocument(doc.id);
    await index.clearPending(doc.id);
    this.deps.log?.('warn', 'sweep: document failed', { documentId: doc.id, reason });
    return 'failed';
  }
}
