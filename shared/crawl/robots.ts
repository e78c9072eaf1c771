/**
 * robots.txt for article fetches, fetched once per origin per crawl through the same safe fetcher and
 * host gate. As RFC 9309 says: a missing robots.txt (4xx) allows everything; an unreachable one (5xx,
 * network error) is treated as "disallow all" for this run.
 */
import robotsParser from 'robots-parser';
import { decodeBytes } from '../text/decode.ts';
import { FetchError, type FetchResult } from './fetch.ts';

export type RobotsVerdict = { allowed: true } | { allowed: false; reason: string };

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<(url: string) => RobotsVerdict>>();

  constructor(
    private readonly fetchRobots: (url: string) => Promise<FetchResult>,
    private readonly userAgent: string,
    /** Told the Crawl-delay (seconds) a robots.txt asks of us. */
    private readonly onCrawlDelay?: (origin: string, seconds: number) => void,
  ) {}

  async check(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(origin);
      this.byOrigin.set(origin, rules);
    }
    return (await rules)(url);
  }

  private async load(origin: string): Promise<(url: string) => RobotsVerdict> {
    const robotsUrl = `${origin}/robots.txt`;
    let result: FetchResult;
    try {
      result = await this.fetchRobots(robotsUrl);
    } catch (error) {
      const reason = `robots.txt unreachable (${error instanceof FetchError ? error.reason : (error as Error).message})`;
      return () => ({ allowed: false, reason });
    }
    if (result.status >= 400 && result.status < 500) return () => ({ allowed: true });
    if (result.status < 200 || result.status >= 300) {
      const reason = `robots.txt unavailable (HTTP ${result.status})`;
      return () => ({ allowed: false, reason });
    }
    let text = '';
    try {
      text = decodeBytes(result.body, { contentType: result.headers['content-type'], lenient: true }).text;
    } catch {
      text = '';
    }
    const robots = robotsParser(robotsUrl, text);
    const agent = this.userAgent.split('/')[0];
    const delay = robots.getCrawlDelay(agent);
    if (delay && delay > 0) this.onCrawlDelay?.(origin, delay);
    return (url) => (robots.isDisallowed(url, agent) ? { allowed: false, reason: 'disallowed by robots.txt' } : { allowed: true });
  }
}
