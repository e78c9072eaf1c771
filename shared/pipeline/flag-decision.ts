/**
 * Deciding a name flag: a person says whether the spellings a document used for one speaker are one
 * person (confirm) or several (reject). The rules live here; the index only stores what they decide.
 *
 * - A decision is final: an open flag can be confirmed or rejected once; repeating the same decision
 *   changes nothing, the opposite one is a conflict.
 * - Rejecting splits the person for good: each variant is kept apart from the canonical name in every
 *   later extraction, taken off the speaker's profile, and the document is extracted again so the split
 *   reaches its quotes and speakers. The decision is stored first, so a failed re-extraction is reported,
 *   not fatal (the next extraction of the document honours the decision anyway).
 */
import type { FlagRecord, FlagStatus, IndexStore } from '../storage/ports.ts';

export type FlagAction = 'confirm' | 'reject';

/** What the use case needs of the index: reads and plain writes, no rules. */
export type FlagDecisionStore = Pick<IndexStore, 'getFlag' | 'recordFlagDecision' | 'addKeepApartPairs' | 'removeSpeakerVariants'>;

export interface FlagDecisionDeps {
  index: FlagDecisionStore;
  /** Re-extracts a document (a reprocess request); absent, the split reaches it on its next extraction. */
  reprocess?: (documentId: string) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
  now?: () => Date;
}

export type Reextraction = 'requested' | 'not-needed' | 'failed';

export class FlagNotFoundError extends Error {
  constructor(readonly flagId: string) {
    super(`No flag with id "${flagId}".`);
    this.name = 'FlagNotFoundError';
  }
}

export class FlagAlreadyDecidedError extends Error {
  constructor(readonly status: FlagStatus, readonly wanted: FlagStatus) {
    super(`The flag was already ${status}; it cannot now be ${wanted}.`);
    this.name = 'FlagAlreadyDecidedError';
  }
}

export const STATUS_OF_ACTION: Record<FlagAction, FlagStatus> = { confirm: 'confirmed', reject: 'rejected' };

/** The name pairs a rejection keeps apart: the canonical name with each other spelling, each pair sorted. */
export function keepApartPairsOf(flag: Pick<FlagRecord, 'canonical' | 'variants'>): Array<[string, string]> {
  return splitVariants(flag).map((variant) => [flag.canonical, variant].sort() as [string, string]);
}

function splitVariants(flag: Pick<FlagRecord, 'canonical' | 'variants'>): string[] {
  return [...new Set(flag.variants.map((v) => v.name).filter((name) => name !== flag.canonical))];
}

export async function decideFlag(deps: FlagDecisionDeps, id: string, action: FlagAction): Promise<{ flag: FlagRecord; reextraction: Reextraction }> {
  const flag = await deps.index.getFlag(id);
  if (!flag) throw new FlagNotFoundError(id);
  const wanted = STATUS_OF_ACTION[action];
  if (flag.status === wanted) return { flag, reextraction: 'not-needed' };
  if (flag.status !== 'open') throw new FlagAlreadyDecidedError(flag.status, wanted);

  const decidedAt = (deps.now?.() ?? new Date()).toISOString();
  await deps.index.recordFlagDecision(flag, wanted, decidedAt);
  const decided: FlagRecord = { ...flag, status: wanted, decidedAt };
  if (action === 'confirm') return { flag: decided, reextraction: 'not-needed' };

  const variants = splitVariants(flag);
  await deps.index.addKeepApartPairs(keepApartPairsOf(flag), { flagId: id, decidedAt });
  if (variants.length > 0) await deps.index.removeSpeakerVariants(flag.speakerId, variants);
  if (!deps.reprocess) return { flag: decided, reextraction: 'not-needed' };
  try {
    await deps.reprocess(flag.documentId);
    return { flag: decided, reextraction: 'requested' };
  } catch (error) {
    deps.log?.('re-extraction after a rejected flag failed', error);
    return { flag: decided, reextraction: 'failed' };
  }
}
