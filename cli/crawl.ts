/**
 * `quotedesk crawl [--feed URL] [--group GROUP] [--items] [--json]`: crawl now and print the summary.
 * With --feed, that one feed is crawled even if it is backing off after failures.
 */
import { formatSummary } from '../shared/crawl/crawler.ts';
import { runCrawl } from '../functions/crawl.ts';
import { connectToStack } from './feeds.ts';
import { takeOption } from './options.ts';

export async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  const feedUrl = takeOption(args, 'feed');
  const group = takeOption(args, 'group');
  const items = args.includes('--items');
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--items' && a !== '--json');
  if (unknown.length) {
    process.stderr.write('usage: quotedesk crawl [--feed URL] [--group GROUP] [--items] [--json]\n');
    return 2;
  }
  const target = connectToStack();
  if (!json) process.stderr.write(`crawling ${feedUrl ?? (group ? `group ${group}` : 'all due feeds')} → ${target}\n`);
  const summary = await runCrawl({ feedUrl, group, force: Boolean(feedUrl) });
  process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary, { items })}\n`);
  const allFailed = summary.feeds.length > 0 && summary.feeds.every((f) => f.status === 'failed' || f.status === 'refused');
  return allFailed ? 1 : 0;
}
