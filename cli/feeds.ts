/**
 * `quotedesk feeds add URL [--title T] [--group G] | list [--group G] | remove URL`: the crawler's feed registry.
 * Talks to the running local stack (endpoints from its state file) or, when QUOTEDESK_TABLE is set and no
 * local stack runs, to AWS with the standard credentials.
 */
import { readLocalStackState } from '../infra/local.ts';
import { useEmulatorEnvironment } from '../infra/local/emulators.ts';
import { DynamoFeedRegistry } from '../shared/storage/feeds.ts';
import { takeOption } from './options.ts';

/** Points the SDK at the local stack when it runs; otherwise requires the AWS environment. */
export function connectToStack(): string {
  const state = readLocalStackState();
  if (state) {
    useEmulatorEnvironment(state, { bucket: state.bucket, table: state.table });
    return `local stack (${state.dynamoEndpoint})`;
  }
  if (process.env.QUOTEDESK_TABLE && process.env.QUOTEDESK_BUCKET) return `table ${process.env.QUOTEDESK_TABLE}`;
  throw new Error('no local stack is running (start one with `npm start`) and QUOTEDESK_TABLE / QUOTEDESK_BUCKET are not set');
}


const USAGE = 'usage: quotedesk feeds add URL [--title TITLE] [--group GROUP] | feeds list [--group GROUP] | feeds remove URL';

export async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  const action = args.shift();
  const title = takeOption(args, 'title');
  const group = takeOption(args, 'group');
  if (group !== undefined && !/^[a-z0-9-]{1,40}$/.test(group)) throw new Error('--group: lower-case letters, digits and dashes');
  if (!action || (action !== 'list' && args.length !== 1)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  connectToStack();
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
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}
