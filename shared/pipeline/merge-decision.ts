/**
 * Deciding a cross-document merge: a person says whether a document's surname-only speaker is the corpus person
 * it was credited to (confirm) or not (reject). The rules live here; the index only stores what they decide.
 *
 * - Any merge not yet rejected can be confirmed or rejected: an open one (the review queue) as much as one made
 *   with confidence (`auto`), so every merge can be undone. Repeating a decision changes nothing.
 * - Rejecting is final: the document is extracted again, and that run, like every later one, keeps the speaker
 *   apart from that person (the pipeline reads the rejected merges first). The decision is stored before the
 *   re-extraction is asked for, so a failed request is reported, not fatal: the next run honours it anyway.
 */
import type { IndexStore, MergeRecord, MergeStatus } from '../storage/ports.ts';

export type MergeAction = 'confirm' | 'reject';

export type MergeDecisionStore = Pick<IndexStore, 'getMerge' | 'recordMergeDecision'>;

export interface MergeDecisionDeps {
  index: MergeDecisionStore;
  /** Re-extracts a document (a reprocess request); absent, the undoing reaches it on its next extraction. */
  reprocess?: (documentId: string) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
  now?: () => Date;
}

export class MergeNotFoundError extends Error {
  constructor(readonly mergeId: string) {
    super(`No merge with id "${mergeId}".`);
    this.name = 'MergeNotFoundError';
  }
}

export class MergeAlreadyRejectedError extends Error {
  constructor() {
    super('The merge was rejected; it cannot now be confirmed.');
    this.name = 'MergeAlreadyRejectedError';
  }
}

const STATUS_OF_ACTION: Record<MergeAction, MergeStatus> = { confirm: 'confirmed', reject: 'rejected' };

export async function decideMerge(
  deps: MergeDecisionDeps,
  id: string,
  action: MergeAction,
): Promise<{ merge: MergeRecord; reextraction: 'requested' | 'not-needed' | 'failed' }> {
  const merge = await deps.index.getMerge(id);
  if (!merge) throw new MergeNotFoundError(id);
  const wanted = STATUS_OF_ACTION[action];
  if (merge.status === wanted) return { merge, reextraction: 'not-needed' };
  if (merge.status === 'rejected') throw new MergeAlreadyRejectedError();

  const decidedAt = (deps.now?.() ?? new Date()).toISOString();
  await deps.index.recordMergeDecision(merge, wanted, decidedAt);
  const decided: MergeRecord = { ...merge, status: wanted, decidedAt };
  if (action === 'confirm' || !deps.reprocess) return { merge: decided, reextraction: 'not-needed' };
  try {
    await deps.reprocess(merge.documentId);
    return { merge: decided, reextraction: 'requested' };
  } catch (error) {
    deps.log?.('re-extraction after a rejected merge failed', error);
    return { merge: decided, reextraction: 'failed' };
  }
}
