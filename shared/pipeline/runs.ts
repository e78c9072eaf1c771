/** What a processing run is named by, shared by the process use case and the recovery sweeper (which must stay light). */
import { randomUUID } from 'node:crypto';

/** The failure reason of an infrastructure error (retried), as opposed to bad input. */
export const INTERNAL_ERROR_PREFIX = 'internal error';

export function newRunId(): string {
  return `r${Date.now().toString(36)}${randomUUID().slice(0, 8)}`;
}
