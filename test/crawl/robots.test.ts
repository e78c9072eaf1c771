import { describe, expect, it } from 'vitest';
import { FetchError, type FetchResult } from '#shared/crawl/fetch.ts';
import { HostGate } from '#shared/crawl/hosts.ts';
import { RobotsCache } from '#shared/crawl/robots.ts';

const response = (status: number, body = ''): FetchResult => ({ url: 'x', status, headers: { 'content-type': 'text/plain' }, body: new Uint8Array(Buffer.from(body)), redirects: [] });

describe('RobotsCache', () => {
  it('applies Disallow rules for our agent and reports Crawl-delay; fetches robots.txt once per origin', async () => {
    const fetched: string[] = [];
    const delays: Array<[string, number]> = [];
    const robots = new RobotsCache(
      async (url) => {
        fetched.push(url);
        return response(200, 'User-agent: quotedesk-crawler\nDisallow: /drafts/\nCrawl-delay: 4\n\nUser-agent: *\nDisallow: /\n');
      },
      'quotedesk-crawler/0.1 (+https://example.org)',
      (origin, seconds) => delays.push([origin, seconds]),
    );
    expect(await robots.check('https://news.example/story/1')).toEqual({ allowed: true });
    expect(await robots.check('https://news.example/drafts/2')).toEqual({ allowed: false, reason: 'disallowed by robots.txt' });
    expect(fetched).toEqual(['https://news.example/robots.txt']);
    expect(delays).toEqual([['https://news.example', 4]]);
  });

  it('allows all on 4xx, refuses on 5xx and when unreachable', async () => {
    expect(await new RobotsCache(async () => response(404), 'ua').check('https://a.example/x')).toEqual({ allowed: true });
    expect(await new RobotsCache(async () => response(503), 'ua').check('https://a.example/x')).toEqual({ allowed: false, reason: 'robots.txt unavailable (HTTP 503)' });
    const unreachable = new RobotsCache(async () => {
      throw new FetchError('timeout', 'no complete response within 20000 ms');
    }, 'ua');
    expect(await unreachable.check('https://a.example/x')).toEqual({ allowed: false, reason: 'robots.txt unreachable (no complete response within 20000 ms)' });
  });

  it('a longer Crawl-delay spaces requests to that host only', async () => {
    const gate = new HostGate(1);
    gate.setDelay('https://slow.example/', 300);
    const starts: Record<string, number[]> = { slow: [], fast: [] };
    const hit = (name: 'slow' | 'fast') => async () => void starts[name].push(Date.now());
    await Promise.all([
      gate.run('https://slow.example/1', hit('slow')),
      gate.run('https://slow.example/2', hit('slow')),
      gate.run('https://fast.example/1', hit('fast')),
      gate.run('https://fast.example/2', hit('fast')),
    ]);
    expect(starts.slow[1] - starts.slow[0]).toBeGreaterThanOrEqual(295);
    // The other host kept its short pause: both of its requests ran before the slow host's second one.
    expect(starts.fast[1]).toBeLessThan(starts.slow[1]);
  });
});
