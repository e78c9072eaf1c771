/**
 * `quotedesk feeds add URL [--title T] [--group G] | list [--group G] | remove URL`: the crawler's feed registry.
 * Talks to the running local stack (endpoints from its state file) or, when QUOTEDESK_TABLE is set and no
 * local stack runs, to AWS with the standard credentials.
 */
import { DynamoFeedRegistry } from '../shared/storage/feeds.ts';
import { UsageError, parseCommand } from './args.ts';
import { connectIndex } from './stack.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { title: { type: 'string' }, group: { type: 'string' } }, { min: 1, max: 2 });
  const [action, ...args] = positionals;
  const { title, group } = values;
  if (!['add', 'list', 'remove'].includes(action)) throw new UsageError(`unknown subcommand ${action} (feeds has: add, list, remove)`);
  if (group !== undefined && !/^[a-z0-9-]{1,40}$/.test(group)) throw new UsageError('--group: lower-case letters, digits and dashes');
  if (action !== 'list' && args.length !== 1) throw new UsageError(`feeds ${action} takes one URL`);
  connectIndex({ bucket: true });
  const registry = new DynamoFeedRegistry();
  switch (action) {
    case 'add': {
      const { created, feed } = await registry.addFeed({ url: args[0], title, group });
      process.stdout.write(`${created ? 'added' : 'already registered'}: ${feed.url} (group ${feed.group})\n`);
      return 0;
    }
    case 'remove': {
      const removed = await registry.removeFeed(args[0]);
      process.stdout.write(removed ? `removed: ${args[0]}\n` : `not registered: ${args[0]}\n`);
      return removed ? 0 : 1;
    }
    case 'list': {
      const feeds = await registry.listFeeds(group);
      if (!feeds.length) process.stdout.write('no feeds registered (add one with: quotedesk feeds add URL)\n');
      for (const feed of feeds) {
        const state = feed.lastFetchAt ? `${feed.lastStatus} at ${feed.lastFetchAt}` : 'never fetched';
        const failing = feed.consecutiveFailures ? `, ${feed.consecutiveFailures} failures in a row, next try ${feed.nextFetchAt}` : '';
        process.stdout.write(`${feed.url}  [${feed.group}]${feed.title ? `  ${feed.title}` : ''}\n    ${state}${failing}${feed.lastError ? ` — ${feed.lastError}` : ''}\n`);
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown subcommand ${action}`);
  }
}
