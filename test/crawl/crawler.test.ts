/**
 * The crawler end to end against HTTP servers on 127.0.0.1 started here (loopback allowed, as a local
 * demo would), with the feed registry on dynalite and the raw documents on s3rver through the real SDK.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawler, type CrawlSummary, type CrawlerConfig, type FeedResult } from '#shared/crawl/crawler.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DynamoFeedRegistry, RawArticleSink } from '#shared/storage/feeds.ts';
import { toDocumentText } from '#shared/text/formats.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { makeDocx, makePdf } from '../fixtures/formats/make.ts';
import { articlePage, atom, jsonFeed, paragraphs, rdf, rss2, type FixtureItem } from '../fixtures/crawl/feeds.ts';

let aws: LocalAws;
let news: Server;
let bad: Server;
let NEWS: string;
let BAD: string;
const requests: string[] = [];
const RSS_ETAG = '"rss-v1"';
const RDF_MODIFIED = 'Wed, 01 May 2024 00:00:00 GMT';

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const item = (n: number, path = `/articles/${n}`, extra: Partial<FixtureItem> = {}): FixtureItem => ({
  guid: `guid-${n}`,
  url: `${NEWS}${path}`,
  title: `Story ${n}`,
  publishedAt: `2024-05-0${n}T08:00:00.000Z`,
  ...extra,
});

const STATEMENT_PDF = makePdf([['PRESS STATEMENT', 'The harbour authority said on Monday that the ferry terminal will reopen in June.']], { title: 'Harbour statement' });
const STATEMENT_DOCX = makeDocx(['PRESS RELEASE', 'The port workers union said on Friday that it would accept the new pay offer.']);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FULL_TEXT = paragraphs('the full-text item').concat(paragraphs('the second half of the full-text item')).map((p) => `<p>${p}</p>`).join('');

function newsHandler(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? '/';
  requests.push(path);
  if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
  if (path === '/rss.xml') {
    if (req.headers['if-none-match'] === RSS_ETAG) return void res.writeHead(304).end();
    return void res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: RSS_ETAG })
      .end(rss2('News RSS', [item(1), item(2), item(3, '/private/3')]));
  }
  if (path === '/atom.xml') {
    // Article 2 again (a cross-feed duplicate by URL, with tracking parameters), article 4, and an item with its full text.
    return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(
      atom('News Atom', [
        item(2, '/articles/2?utm_source=atom', { guid: 'atom-2' }),
        item(4),
        item(7, '/articles/7-full', { contentHtml: FULL_TEXT }),
      ]),
    );
  }
  if (path === '/feed.json') {
    // The same story as article 2 at another address without a canonical link: a duplicate by content.
    return void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(jsonFeed('News JSON', [item(2, '/mirror/2', { guid: 'json-2' }), item(5)]));
  }
  if (path === '/rdf.xml') {
    if (req.headers['if-modified-since'] === RDF_MODIFIED) return void res.writeHead(304).end();
    return void res.writeHead(200, { 'content-type': 'application/rdf+xml', 'last-modified': RDF_MODIFIED }).end(rdf('News RDF', [item(6)]));
  }
  if (path === '/redir.xml') {
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      rss2('Redirects', [
        item(8, '/go/8', { guid: 'r-8' }),
        item(8, '/plain/8', { guid: 'r-8b' }),
        item(9, '/rootcanon/9', { guid: 'r-9' }),
        item(10, '/rootcanon/10', { guid: 'r-10' }),
        item(11, '/files/statement-11.pdf', { guid: 'r-11' }),
      ]),
    );
  }
  if (path === '/files/statement-11.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(STATEMENT_PDF));
  if (path === '/statements.xml') {
    // The PDF of /redir.xml again at another address (served without a useful type), a Word file, and a plain-text file.
    return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
      rss2('Statements', [
        item(12, '/press/harbour-statement', { guid: 's-12', title: 'Harbour statement (copy)' }),
        item(13, '/files/statement-13.docx', { guid: 's-13', title: 'Union accepts pay offer' }),
        item(14, '/files/notes-14.txt', { guid: 's-14' }),
      ]),
    );
  }
  if (path === '/press/harbour-statement') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(STATEMENT_PDF));
  if (path === '/files/statement-13.docx') return void res.writeHead(200, { 'content-type': DOCX_TYPE }).end(Buffer.from(STATEMENT_DOCX));
  if (path === '/files/notes-14.txt') return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Notes from the meeting, as plain text.');
  if (path === '/go/8') return void res.writeHead(302, { location: '/plain/8' }).end();
  const special = path.match(/^\/(plain|rootcanon)\/(\d+)$/);
  if (special) {
    // plain: no canonical link; rootcanon: the site's home page declared as canonical (a common mistake).
    const canonical = special[1] === 'rootcanon' ? `${NEWS}/` : undefined;
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage({ title: `Page ${special[2]}`, canonical, paragraphs: paragraphs(`page ${special[2]}`) }));
  }
  if (path === '/to-metadata.xml') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
  const article = path.match(/^\/(articles|mirror|private)\/(\d+)/);
  if (article) {
    const n = article[2];
    const canonical = article[1] === 'articles' ? `${NEWS}/articles/${n}` : undefined;
    return void res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(articlePage({ title: `Story ${n}`, canonical, publishedAt: `2024-05-0${n}T08:00:00Z`, paragraphs: paragraphs(`proposal number ${n}`) }));
  }
  res.writeHead(404).end();
}

function badHandler(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/hang.xml') return; // never answers
  if (path === '/500.xml') return void res.writeHead(500).end('boom');
  if (path === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body><p>Welcome</p></body></html>');
  if (path === '/loop-a') return void res.writeHead(302, { location: '/loop-b' }).end();
  if (path === '/loop-b') return void res.writeHead(302, { location: '/loop-a' }).end();
  res.writeHead(404).end();
}

let registry: DynamoFeedRegistry;
let documents: S3DocumentStore;
const config: CrawlerConfig = {
  fetch: { allowLoopback: true, totalTimeoutMs: 1500, connectTimeoutMs: 1000 },
  hostDelayMs: 5,
  feedConcurrency: 10,
  backoffBaseMs: 60_000,
};
const crawler = () => new Crawler(registry, new RawArticleSink(documents), config);
const feedOf = (summary: CrawlSummary, url: string): FeedResult => summary.feeds.find((f) => f.url === url)!;

async function rawKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of documents.listKeys('raw/crawl/')) keys.push(key);
  return keys;
}

beforeAll(async () => {
  aws = await startLocalAws({ bucket: 'crawl-test', table: 'crawl-test' });
  registry = new DynamoFeedRegistry();
  documents = new S3DocumentStore();
  ({ server: news, base: NEWS } = await listen(newsHandler));
  ({ server: bad, base: BAD } = await listen(badHandler));
  for (const url of [
    `${NEWS}/rss.xml`,
    `${NEWS}/atom.xml`,
    `${NEWS}/feed.json`,
    `${NEWS}/rdf.xml`,
    `${BAD}/hang.xml`,
    `${BAD}/500.xml`,
    `${BAD}/page.html`,
    `${BAD}/loop-a`,
    `${NEWS}/to-metadata.xml`,
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/rss.xml',
  ]) {
    await registry.addFeed({ url });
  }
});

afterAll(async () => {
  for (const server of [news, bad]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  await aws?.stop();
});

describe('crawler', () => {
  let first: CrawlSummary;

  it('first crawl ingests each article once and records every failure with a reason', async () => {
    first = await crawler().crawl();
    expect(first.totals.items).toEqual({ new: 6, unchanged: 0, duplicate: 2, failed: 0, refused: 1 });
    expect(first.totals.feeds).toMatchObject({ fetched: 4, failed: 4, refused: 3 });

    // Article 2 is in three feeds (RSS, Atom with tracking parameters, JSON at a mirror URL): stored once.
    const keys = await rawKeys();
    expect(keys).toHaveLength(6);
    const texts = await Promise.all(
      keys.map(async (key) => {
        const raw = await documents.getRaw(key);
        return { raw, doc: await toDocumentText(raw.body, { contentType: raw.metadata.contentType, url: raw.metadata.url }) };
      }),
    );
    expect(texts.filter(({ doc }) => doc.text.includes('proposal number 2,'))).toHaveLength(1);
    const story1 = texts.find(({ raw }) => raw.metadata.url === `${NEWS}/articles/1`)!;
    expect(story1.raw.metadata).toMatchObject({ title: 'Story 1', source: `${NEWS}/rss.xml`, publishedAt: '2024-05-01T08:00:00.000Z', uploader: 'crawler', collection: 'default' });
    expect(story1.doc.text).toContain('said council chair Maria Okafor');
    expect(story1.doc.text).not.toContain('Home');

    // The full-text item was stored from the feed without fetching its page.
    expect(requests).not.toContain('/articles/7-full');
    expect(texts.some(({ doc }) => doc.text.includes('the second half of the full-text item'))).toBe(true);

    // robots.txt: fetched once for the host, /private/ refused without fetching.
    expect(requests.filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(requests).not.toContain('/private/3');
    expect(feedOf(first, `${NEWS}/rss.xml`).items.find((i) => i.url?.endsWith('/private/3'))).toMatchObject({ status: 'refused', reason: 'disallowed by robots.txt' });

    const dupReasons = first.feeds.flatMap((f) => f.items).filter((i) => i.status === 'duplicate').map((i) => i.reason);
    expect(dupReasons.some((r) => /same (URL|canonical URL)/.test(r!))).toBe(true);
    expect(dupReasons.some((r) => /same text/.test(r!))).toBe(true);
  });

  it('records dead, broken and non-feed URLs as failed and SSRF targets as refused, without holding up the others', () => {
    expect(feedOf(first, `${BAD}/hang.xml`)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no complete response within 1500 ms/) });
    expect(feedOf(first, `${BAD}/500.xml`)).toMatchObject({ status: 'failed', reason: 'HTTP 500' });
    expect(feedOf(first, `${BAD}/page.html`)).toMatchObject({ status: 'failed', reason: 'not a feed: an HTML page, not a feed' });
    expect(feedOf(first, `${BAD}/loop-a`)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/redirect loop/) });
    expect(feedOf(first, `${NEWS}/to-metadata.xml`)).toMatchObject({ status: 'refused', reason: expect.stringMatching(/redirect to http:\/\/169\.254\.169\.254.*link-local/) });
    expect(feedOf(first, 'http://169.254.169.254/latest/meta-data/')).toMatchObject({ status: 'refused', reason: 'address 169.254.169.254 is link-local (cloud metadata)' });
    expect(feedOf(first, 'http://10.0.0.1/rss.xml')).toMatchObject({ status: 'refused', reason: 'address 10.0.0.1 is private network' });
  });

  it('keeps crawl state per feed: validators, failures and backoff', async () => {
    const rssFeed = await registry.getFeed(`${NEWS}/rss.xml`);
    expect(rssFeed).toMatchObject({ etag: RSS_ETAG, consecutiveFailures: 0, lastStatus: 'fetched', title: 'News RSS' });
    expect(rssFeed?.nextFetchAt).toBeUndefined();
    expect(await registry.getFeed(`${NEWS}/rdf.xml`)).toMatchObject({ lastModified: RDF_MODIFIED });
    const dead = await registry.getFeed(`${BAD}/500.xml`);
    expect(dead).toMatchObject({ consecutiveFailures: 1, lastStatus: 'failed', lastError: 'HTTP 500' });
    expect(Date.parse(dead!.nextFetchAt!) - Date.parse(dead!.lastFetchAt!)).toBe(60_000);
  });

  it('second crawl ingests nothing, gets 304s where supported, and leaves backed-off feeds alone', async () => {
    const before = requests.length;
    const second = await crawler().crawl();
    expect(second.totals.items.new).toBe(0);
    expect(feedOf(second, `${NEWS}/rss.xml`).status).toBe('not-modified');
    expect(feedOf(second, `${NEWS}/rdf.xml`).status).toBe('not-modified');
    expect(feedOf(second, `${NEWS}/atom.xml`).counts).toMatchObject({ new: 0 });
    expect(feedOf(second, `${BAD}/500.xml`)).toMatchObject({ status: 'not-due', reason: expect.stringMatching(/backing off until/) });
    expect(second.totals.feeds['not-due']).toBe(7);
    // No article page was fetched again.
    expect(requests.slice(before).filter((p) => /^\/(articles|mirror)\//.test(p))).toEqual([]);
    expect(await rawKeys()).toHaveLength(6);
  });

  it('an on-demand crawl of one feed ignores the backoff, and failures push it further out', async () => {
    const summary = await crawler().crawl({ feedUrl: `${BAD}/500.xml` });
    expect(summary.feeds).toHaveLength(1);
    const state = await registry.getFeed(`${BAD}/500.xml`);
    expect(state).toMatchObject({ consecutiveFailures: 2 });
    expect(Date.parse(state!.nextFetchAt!) - Date.parse(state!.lastFetchAt!)).toBe(120_000);
    await expect(crawler().crawl({ feedUrl: `${NEWS}/unknown.xml` })).rejects.toThrow(/not registered/);
  });

  it('dedupes by the final URL after redirects and ignores a canonical link that points at the home page', async () => {
    await registry.addFeed({ url: `${NEWS}/redir.xml`, group: 'redirects' });
    const summary = await crawler().crawl({ group: 'redirects' });
    const status = Object.fromEntries(summary.feeds[0].items.map((i) => [i.url!.replace(NEWS, ''), i.status]));
    // /go/8 redirects to /plain/8: whichever is crawled first is new, the other is the same feed's article again.
    expect([status['/go/8'], status['/plain/8']].sort()).toEqual(['new', 'unchanged']);
    expect([status['/rootcanon/9'], status['/rootcanon/10']]).toEqual(['new', 'new']);
    // A link to a PDF press statement is stored as the PDF file it is (the crawler does not convert it), under the
    // feed item's title; the process function's converter reads it.
    const pdfItem = summary.feeds[0].items.find((i) => i.url?.endsWith('.pdf'))!;
    expect(pdfItem).toMatchObject({ status: 'new', documentKey: expect.stringMatching(/^raw\/crawl\/.*\.pdf$/) });
    const raw = await documents.getRaw(pdfItem.documentKey!);
    expect(raw.body).toEqual(STATEMENT_PDF);
    expect(raw.metadata).toMatchObject({ contentType: 'application/pdf', title: 'Story 11', url: `${NEWS}/files/statement-11.pdf`, collection: 'redirects' });
    const doc = await toDocumentText(raw.body, { contentType: raw.metadata.contentType });
    expect(doc).toMatchObject({ format: 'pdf', title: 'Harbour statement', text: expect.stringContaining('ferry terminal will reopen in June') });
  });

  it('stores PDF and Word links as raw files deduped by their bytes, and refuses other files', async () => {
    await registry.addFeed({ url: `${NEWS}/statements.xml`, group: 'statements' });
    const summary = await crawler().crawl({ group: 'statements' });
    const byGuid = Object.fromEntries(summary.feeds[0].items.map((i) => [i.guid, i]));
    // The same PDF bytes at another address (and with no PDF content type) are the article /redir.xml stored.
    expect(byGuid['s-12']).toMatchObject({ status: 'duplicate', reason: `same file as an article from ${NEWS}/redir.xml`, documentKey: expect.stringMatching(/\.pdf$/) });
    const docxItem = byGuid['s-13'];
    expect(docxItem).toMatchObject({ status: 'new', documentKey: expect.stringMatching(/^raw\/crawl\/.*\.docx$/) });
    const raw = await documents.getRaw(docxItem.documentKey!);
    expect(raw.body).toEqual(STATEMENT_DOCX);
    expect(raw.metadata).toMatchObject({ contentType: DOCX_TYPE, title: 'Union accepts pay offer' });
    const doc = await toDocumentText(raw.body, { contentType: raw.metadata.contentType });
    expect(doc).toMatchObject({ format: 'docx', text: expect.stringContaining('accept the new pay offer') });
    expect(byGuid['s-14']).toMatchObject({ status: 'failed', reason: 'article link is not a web page, PDF or Word document (read as text)' });

    // Crawled again: the Word file is known by its GUID, the duplicate points at the first PDF.
    const again = await crawler().crawl({ group: 'statements', force: true });
    expect(again.feeds[0].items.map((i) => i.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('a feed that hangs does not hold up a feed on another host', async () => {
    const { server: other, base: OTHER } = await listen((_req, res) =>
      void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss2('Other', [])),
    );
    try {
      await registry.addFeed({ url: `${BAD}/hang.xml?isolated`, group: 'isolation' });
      await registry.addFeed({ url: `${OTHER}/ok.xml`, group: 'isolation' });
      const summary = await crawler().crawl({ group: 'isolation' });
      expect(feedOf(summary, `${BAD}/hang.xml?isolated`)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/no complete response/) });
      const ok = feedOf(summary, `${OTHER}/ok.xml`);
      expect(ok.status).toBe('fetched');
      expect(ok.ms).toBeLessThan(1500); // finished before the hanging feed's 1.5 s timeout
    } finally {
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('refuses loopback ([::1], 127.0.0.1) when loopback is not allowed, and file: feeds at registration', async () => {
    await registry.addFeed({ url: 'http://[::1]:9/feed.xml', group: 'strict' });
    await registry.addFeed({ url: `${NEWS}/rss.xml?strict`, group: 'strict' });
    const strict = new Crawler(registry, new RawArticleSink(documents), { ...config, fetch: { ...config.fetch, allowLoopback: false } });
    const summary = await strict.crawl({ group: 'strict' });
    expect(summary.feeds.map((f) => `${f.status}: ${f.reason}`).sort()).toEqual(['refused: address 127.0.0.1 is loopback', 'refused: address ::1 is loopback']);
    await expect(registry.addFeed({ url: 'file:///etc/passwd' })).rejects.toThrow(/only http and https/);
  });
});
