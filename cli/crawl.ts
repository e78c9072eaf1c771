/**
 * `quotedesk crawl [--feed URL] [--group GROUP] [--items] [--json]`: crawl now and print the summary.
 * With --feed, that one feed is crawled even if it is backing off after failures.
 */
import { formatSummary } from '../shared/crawl/crawler.ts';
import { runCrawl } from '../functions/crawl.ts';
import { parseCommand } from './args.ts';
import { connectIndex } from './stack.ts';

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { feed: { type: 'string' }, group: { type: 'string' }, items: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } });
  const { feed: feedUrl, group, items, json } = values;
  const target = connectIndex({ bucket: true });
  if (!json) process.stderr.write(`crawling ${feedUrl ?? (group ? `group ${group}` : 'all due feeds')} → ${target}\n`);
  const summary = await runCrawl({ feedUrl, group, force: Boolean(feedUrl) });
  process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary, { items })}\n`);
  const allFailed = summary.feeds.length > 0 && summary.feeds.every((f) => f.status === 'failed' || f.status === 'refused');
  return allFailed ? 1 : 0;
}
