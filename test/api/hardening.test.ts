/** Small findings of issue 12, each with its assertion: dates, CR/LF content types, 431, feed addresses. */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.ts';
import { depsFromEnv } from '#shared/api/runtime.ts';
import { startApi, type RunningApi } from '#shared/api/serve.ts';
import { isRealDate } from '#shared/api/schemas.ts';
import { addressRefusal, checkUrl } from '#shared/crawl/address.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import type { ApiApp } from '#shared/api/deps.ts';

const WRITER = 'writer-token-for-hardening-0123456789';
const READER = 'reader-token-for-hardening-0123456789';

describe('request hardening', () => {
  let aws: LocalAws;
  let app: ApiApp;
  let api: RunningApi;
  beforeAll(async () => {
    aws = await startLocalAws();
    const deps = depsFromEnv({ QUOTEDESK_WRITER_TOKEN: WRITER, QUOTEDESK_READER_TOKEN: READER });
    app = createApp({ ...deps, log: () => undefined });
    api = await startApi({ ...deps, log: () => undefined });
  });
  afterAll(async () => {
    await api?.close();
    await aws?.stop();
  });
  const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { authorization: `Bearer ${WRITER}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('refuses dates that do not exist', async () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2024-02-30')).toBe(false);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2024-04-31T10:00Z')).toBe(false);
    expect(isRealDate('2024-05-01T24:30Z')).toBe(false);
    const res = await app.request('/quotes?from=2024-02-30', { headers: { authorization: `Bearer ${READER}` } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toContain('not a real date');
  });

  it('refuses a content type with CR/LF (it would become a signed header of the presigned PUT)', async () => {
    const res = await post('/uploads', { filename: 'a.txt', contentType: 'text/plain\r\nx-amz-acl: public-read-write' });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain('contentType');
    expect((await post('/uploads', { filename: 'a.txt', contentType: 'text/plain; charset=utf-8' })).status).toBeLessThan(300);
  });

  it('answers a 100 KB URL with a problem+json 431, not a reset', async () => {
    const url = new URL(api.url);
    const answer = await new Promise<{ status?: number; type?: string; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: `/quotes?q=${'a'.repeat(100_000)}`, headers: { authorization: `Bearer ${READER}` } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431 });
  });

  it('refuses internal feed addresses when the feed is registered', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://127.0.0.1/feed.xml', 'http://[::169.254.169.254]/rss', 'http://localhost/rss']) {
      const res = await post('/feeds', { url });
      expect(res.status, url).toBe(400);
      expect((await res.json()).detail, url).toMatch(/json\.url: (address|host)/);
    }
  });
});

describe('address checks', () => {
  it('refuses IPv4-compatible IPv6 literals, as the IPv4 address they embed', () => {
    // The dotted form is read as the IPv4 address; the hex form is refused as IPv4-compatible.
    expect(addressRefusal('::169.254.169.254', false)).toMatch(/169\.254\.169\.254 is link-local/);
    expect(addressRefusal('::127.0.0.1', false)).toMatch(/127\.0\.0\.1 is loopback/);
    expect(addressRefusal('::a9fe:a9fe', false)).toMatch(/IPv4-compatible IPv6 address \(it embeds 169\.254\.169\.254\)/);
    expect(() => checkUrl('http://[::169.254.169.254]/', false)).toThrow(/IPv4-compatible/);
    expect(() => checkUrl('http://[::7f00:1]/', false)).toThrow(/IPv4-compatible/);
    expect(addressRefusal('::1', false)).toMatch(/loopback/);
    expect(addressRefusal('2606:4700::1111', false)).toBeUndefined();
  });
});
