/**
 * `quotedesk status [--failed] [--json]`: document counts by status in the index (local stack, or
 * the AWS table from QUOTEDESK_TABLE); --failed lists failed documents with their reasons.
 */
import { connectToLocalStack } from '../infra/local.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import type { DocumentRecord } from '../shared/storage/ports.ts';

export async function run(argv: string[]): Promise<number> {
  const args = new Set(argv);
  for (const arg of args) if (!['--failed', '--json'].includes(arg)) throw new Error(`unknown argument ${arg}; usage: quotedesk status [--failed] [--json]`);
  const target = connectToLocalStack() ?? (process.env.QUOTEDESK_TABLE ? `table ${process.env.QUOTEDESK_TABLE}` : null);
  if (!target) throw new Error('no local stack is running (start one with `npm start`) and QUOTEDESK_TABLE is not set');
  const index = new DynamoIndexStore();
  const counts = await index.countByStatus();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const failed: DocumentRecord[] = [];
  if (args.has('--failed')) {
    let cursor: string | null = null;
    do {
      const page = await index.listDocuments({ status: 'failed', limit: 100, cursor });
      failed.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
  }
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify({ total, ...counts, ...(args.has('--failed') ? { failed: failed.map((d) => ({ id: d.id, key: d.rawKeys[0], reason: d.reason })) } : {}) })}\n`);
    return 0;
  }
  process.stdout.write(`${target}\n`);
  for (const [status, count] of Object.entries(counts)) process.stdout.write(`${status.padEnd(11)} ${count}\n`);
  process.stdout.write(`${'total'.padEnd(11)} ${total}\n`);
  for (const doc of failed) process.stdout.write(`failed ${doc.id} ${doc.rawKeys[0] ?? ''}: ${doc.reason ?? '(no reason)'}\n`);
  return 0;
}
