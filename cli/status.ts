/**
 * `quotedesk status [--failed] [--json]`: document counts by status in the index (local stack, or
 * the AWS table from QUOTEDESK_TABLE), and how many have no publication date ("date unknown");
 * --failed lists failed documents with their reasons.
 */
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import type { DocumentRecord } from '../shared/storage/ports.ts';
import { parseCommand } from './args.ts';
import { connectIndex } from './stack.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { failed: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } });
  const target = connectIndex();
  const index = new DynamoIndexStore();
  const counts = await index.countByStatus();
  const undated = await index.countUndated();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const failed: DocumentRecord[] = [];
  if (values.failed) {
    let cursor: string | null = null;
    do {
      const page = await index.listDocuments({ status: 'failed', limit: 100, cursor });
      failed.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ total, ...counts, undated, ...(values.failed ? { failed: failed.map((d) => ({ id: d.id, key: d.rawKeys[0], reason: d.reason })) } : {}) })}\n`);
    return 0;
  }
  process.stdout.write(`${target}\n`);
  for (const [status, count] of Object.entries(counts)) process.stdout.write(`${status.padEnd(13)} ${count}\n`);
  process.stdout.write(`${'total'.padEnd(13)} ${total}\n`);
  process.stdout.write(`${'date unknown'.padEnd(13)} ${undated}${undated ? ' (no publication date found: search them with undated=true)' : ''}\n`);
  for (const doc of failed) process.stdout.write(`failed ${doc.id} ${doc.rawKeys[0] ?? ''}: ${doc.reason ?? '(no reason)'}\n`);
  return 0;
}
