/** The CLI commands (`feeds`, `crawl`) and the scheduled handler, against dynalite/s3rver and a local feed server. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as crawlCli } from '#cli/crawl.ts';
import { run as feedsCli } from '#cli/feeds.ts';
import { handler } from '#functions/crawl.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { articlePage, paragraphs, rss2 } from '../fixtures/crawl/feeds.ts';

let aws: LocalAws;
let server: Server;
let base: string;
let dataDir: string;
const saved = { ...process.env };

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await fn(), out };
  } finally {
    write.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  aws = await startLocalAws({ bucket: 'crawl-cli', table: 'crawl-cli' });
  server = createServer((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    if (req.url === '/news.xml') {
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss2('CLI news', [
          { guid: 'c1', url: `${base}/a/1`, title: 'One', publishedAt: '2024-06-01T00:00:00.000Z' },
          { guid: 'c2', url: `${base}/a/2`, title: 'Two', publishedAt: '2024-06-02T00:00:00.000Z' },
        ]),
      );
    }
    const n = req.url?.match(/^\/a\/(\d)$/)?.[1];
    if (n) return void res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage({ title: `Article ${n}`, paragraphs: paragraphs(`item ${n}`) }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The CLI finds the running local stack through its state file.
  dataDir = await mkdtemp(join(tmpdir(), 'quotedesk-cli-'));
  await writeFile(join(dataDir, 'local-stack.json'), JSON.stringify({ bucket: aws.bucket, table: aws.table, s3Endpoint: aws.s3Endpoint, dynamoEndpoint: aws.dynamoEndpoint }));
  process.env.QUOTEDESK_DATA_DIR = dataDir;
  process.env.QUOTEDESK_ALLOW_LOOPBACK = '1';
  process.env.QUOTEDESK_CRAWL_HOST_DELAY_MS = '5';
});

afterAll(async () => {
  process.env = saved;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await aws?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('quotedesk feeds / crawl and the scheduled handler', () => {
  it('adds, lists and removes feeds; refuses non-http URLs', async () => {
    expect(await capture(() => feedsCli(['add', `${base}/news.xml`, '--title', 'CLI news']))).toEqual({ code: 0, out: `added: ${base}/news.xml (group default)\n` });
    expect((await capture(() => feedsCli(['add', `${base}/news.xml`]))).out).toMatch(/^already registered/);
    await expect(feedsCli(['add', 'file:///etc/passwd'])).rejects.toThrow(/only http and https/);
    await capture(() => feedsCli(['add', `${base}/gone.xml`, '--group', 'other']));
    const list = await capture(() => feedsCli(['list']));
    expect(list.out).toContain(`${base}/news.xml  [default]  CLI news\n    never fetched`);
    expect(list.out).toContain(`${base}/gone.xml  [other]`);
    expect((await capture(() => feedsCli(['remove', `${base}/gone.xml`]))).code).toBe(0);
    expect((await capture(() => feedsCli(['remove', `${base}/gone.xml`]))).code).toBe(1);
    // a usage error is thrown for the CLI's entry to print with its hint and exit 2
    await expect(feedsCli(['bogus'])).rejects.toThrow(/unknown subcommand bogus/);
  });

  it('crawl --feed prints the summary; the scheduled handler then finds nothing new', async () => {
    const { code, out } = await capture(() => crawlCli(['--feed', `${base}/news.xml`, '--items']));
    expect(code).toBe(0);
    expect(out).toContain(`fetched      ${base}/news.xml (CLI news)  new 2, unchanged 0, duplicate 0, failed 0, refused 0`);
    expect(out).toContain(`    new        ${base}/a/1`);
    expect(out).toMatch(/items: new 2, unchanged 0/);

    const keys: string[] = [];
    for await (const { key } of new S3DocumentStore().listKeys('raw/')) keys.push(key);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => /^raw\/crawl\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{24}\.html$/.test(k))).toBe(true);

    const result = await handler({ detail: {} }, { getRemainingTimeInMillis: () => 60_000 });
    expect(result.items).toEqual({ new: 0, unchanged: 2, duplicate: 0, failed: 0, refused: 0 });
  });
});
