/**
 * Where the index commands (status, ingest, export, feeds, crawl) connect: the running local stack
 * found through its state file, or AWS named by QUOTEDESK_TABLE. When neither is there the message
 * says which variable to set.
 */
import { connectToLocalStack, defaultDataDir, readLocalStackState } from '../infra/local.ts';
import { FailureError } from './args.ts';

export function connectIndex(needs: { bucket?: boolean } = {}): string {
  const local = connectToLocalStack();
  if (local) return local;
  if (process.env.QUOTEDESK_TABLE && (!needs.bucket || process.env.QUOTEDESK_BUCKET)) return `table ${process.env.QUOTEDESK_TABLE}`;
  throw new FailureError(noStackMessage(needs));
}

export function noStackMessage(needs: { bucket?: boolean } = {}): string {
  const aws = needs.bucket ? 'QUOTEDESK_TABLE and QUOTEDESK_BUCKET' : 'QUOTEDESK_TABLE';
  return (
    `no local stack is running with data folder ${defaultDataDir()} (QUOTEDESK_DATA_DIR). ` +
    'Start one with `npm start`; if it runs with another data folder, export QUOTEDESK_DATA_DIR=<that folder> here too; ' +
    `for AWS, set ${aws}`
  );
}

/**
 * The running local stack's API and a token to read it with (QUOTEDESK_READER_TOKEN, else the one the stack
 * left in its owner-only state file), or null: no local stack, or one without an API.
 */
export function localApi(): { url: string; token: string } | null {
  if (!connectToLocalStack()) return null;
  const state = readLocalStackState();
  const token = process.env.QUOTEDESK_READER_TOKEN || process.env.QUOTEDESK_WRITER_TOKEN || state?.readerToken;
  return state?.apiUrl && token ? { url: state.apiUrl, token } : null;
}
