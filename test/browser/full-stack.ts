/**
 * The whole local path for end-to-end tests, as `npm start` runs it (infra/local.ts): dynalite + s3rver on free
 * ports, s3rver's object-created events → SQS-shaped batches → the real process handler, and the API over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { startLocalStack, type LocalStack } from '#infra/local.ts';

export interface FullStack {
  local: LocalStack;
  apiUrl: string;
  tokens: { writer: string; reader: string };
  stop(): Promise<void>;
}

export async function startFullStack(): Promise<FullStack> {
  const tokens = { writer: `w-${randomUUID()}`, reader: `r-${randomUUID()}` };
  process.env.QUOTEDESK_AUTH = 'tokens';
  process.env.QUOTEDESK_WRITER_TOKEN = tokens.writer;
  process.env.QUOTEDESK_READER_TOKEN = tokens.reader;
  const local = await startLocalStack({ ephemeral: true, apiPort: 0, s3Port: 0, dynamoPort: 0, crawlIntervalSeconds: null, log: () => undefined });
  if (!local.apiUrl) throw new Error('the local stack did not start the API');
  return { local, apiUrl: local.apiUrl, tokens, stop: () => local.stop() };
}

/** Polls GET /documents/{id} until processing has finished (done or failed). */
export async function waitForDocument(stack: FullStack, id: string, timeoutMs = 20_000): Promise<{ status: string; reason: string | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${stack.apiUrl}/documents/${id}`, { headers: { authorization: `Bearer ${stack.tokens.reader}` } });
    const doc = (await res.json()) as { status: string; reason: string | null };
    if (doc.status === 'done' || doc.status === 'failed') return doc;
    if (Date.now() > deadline) throw new Error(`document ${id} still ${doc.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
