import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, checkUrl } from '#shared/crawl/address.ts';
import { FetchError, safeFetch, type FetchOptions } from '#shared/crawl/fetch.ts';
import { HostGate } from '#shared/crawl/hosts.ts';

let server: Server;
let base: string;
const seenUserAgents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seenUserAgents.push(String(req.headers['user-agent']));
    const path = req.url ?? '/';
    if (path === '/ok') return res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    if (path === '/gzip') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from('compressed body')));
    if (path === '/bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(2_000_000, 0x61)));
    if (path === '/big') return res.writeHead(200).end(Buffer.alloc(50_000, 0x61));
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      return res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/ok' }).end();
    }
    if (path === '/loop-a') return res.writeHead(301, { location: '/loop-b' }).end();
    if (path === '/loop-b') return res.writeHead(301, { location: '/loop-a' }).end();
    if (path === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.1/admin' }).end();
    if (path === '/to-file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/hang') return; // never answers
    if (path === '/slow-body') {
      res.writeHead(200);
      res.write('start');
      return; // never ends
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(url: string, options: FetchOptions = {}): Promise<FetchError> {
  const connected: string[] = [];
  try {
    await safeFetch(url, { ...options, onConnect: (address) => connected.push(address) });
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    // Refused before any socket connected.
    if ((error as FetchError).kind === 'refused' && !url.startsWith(base)) expect(connected).toEqual([]);
    return error as FetchError;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('address policy', () => {
  it('allows public unicast addresses only', () => {
    expect(addressRefusal('93.184.216.34', false)).toBeUndefined();
    expect(addressRefusal('2606:2800:220:1:248:1893:25c8:1946', false)).toBeUndefined();
    for (const [address, why] of [
      ['127.0.0.1', /loopback/],
      ['::1', /loopback/],
      ['10.0.0.1', /private/],
      ['192.168.1.5', /private/],
      ['172.16.0.1', /private/],
      ['169.254.169.254', /link-local/],
      ['fe80::1', /link-local/],
      ['fd00::1', /private/],
      ['::ffff:10.0.0.1', /10\.0\.0\.1 is private/],
      ['0.0.0.0', /unspecified/],
      ['224.0.0.1', /multicast/],
      ['100.64.0.1', /carrier-grade NAT/],
      ['2002:a00:1::1', /not public \(6to4\)/],
    ] as const) {
      expect(addressRefusal(address, false), address).toMatch(why);
    }
    expect(addressRefusal('127.0.0.1', true)).toBeUndefined();
    expect(addressRefusal('10.0.0.1', true)).toMatch(/private/);
  });

  it('checks scheme, credentials and IP-literal hosts before any network use', () => {
    expect(() => checkUrl('file:///etc/passwd', false)).toThrow(/scheme file: is not allowed/);
    expect(() => checkUrl('gopher://x.example/', false)).toThrow(/scheme gopher:/);
    expect(() => checkUrl('http://user:pw@news.example/', false)).toThrow(/credentials/);
    expect(() => checkUrl('http://[::1]:8080/', false)).toThrow(/loopback/);
    expect(() => checkUrl('http://2130706433/', false)).toThrow(/127\.0\.0\.1 is loopback/); // decimal form of 127.0.0.1
    expect(() => checkUrl('http://localhost/', false)).toThrow(/loopback/);
    expect(() => checkUrl('http://0x7f.1/', false)).toThrow(/127\.0\.0\.1 is loopback/); // hex/short form
    expect(() => checkUrl('http://[::ffff:169.254.169.254]/', false)).toThrow(/169\.254\.169\.254 is link-local/); // IPv4-mapped
    expect(() => checkUrl('http://0/', false)).toThrow(/unspecified/);
    expect(checkUrl('https://news.example.org/a', false).hostname).toBe('news.example.org');
  });
});

describe('safeFetch', () => {
  it('fetches with a clear User-Agent and decompresses', async () => {
    const ok = await safeFetch(`${base}/ok`, { allowLoopback: true });
    expect(ok.status).toBe(200);
    expect(Buffer.from(ok.body).toString()).toBe('hello');
    expect(seenUserAgents.at(-1)).toMatch(/^quotedesk-crawler\/\S+ \(\+https?:/);
    const gz = await safeFetch(`${base}/gzip`, { allowLoopback: true });
    expect(Buffer.from(gz.body).toString()).toBe('compressed body');
  });

  it('follows up to 5 redirects and no more; detects loops', async () => {
    const five = await safeFetch(`${base}/hop/4`, { allowLoopback: true });
    expect(five.redirects).toHaveLength(5);
    expect(five.url).toBe(`${base}/ok`);
    expect((await refusal(`${base}/hop/5`, { allowLoopback: true })).reason).toBe('more than 5 redirects');
    const loop = await refusal(`${base}/loop-a`, { allowLoopback: true });
    expect(loop.kind).toBe('redirects');
    expect(loop.reason).toMatch(/redirect loop/);
  });

  it('refuses loopback unless allowed', async () => {
    const error = await refusal(`${base}/ok`, { allowLoopback: false });
    expect(error.kind).toBe('refused');
    expect(error.reason).toMatch(/127\.0\.0\.1 is loopback/);
    expect((await refusal('http://[::1]:9/', { allowLoopback: false })).reason).toMatch(/::1 is loopback/);
  });

  it('refuses SSRF targets directly and through redirects, before connecting', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'file:///etc/passwd']) {
      const error = await refusal(url, { allowLoopback: true });
      expect(error.kind, url).toBe('refused');
    }
    expect((await refusal(`${base}/to-metadata`, { allowLoopback: true })).reason).toMatch(/^redirect to http:\/\/169\.254\.169\.254\/.* refused: address 169\.254\.169\.254 is link-local/);
    expect((await refusal(`${base}/to-private`, { allowLoopback: true })).reason).toMatch(/10\.0\.0\.1 is private/);
    expect((await refusal(`${base}/to-file`, { allowLoopback: true })).reason).toMatch(/scheme file: is not allowed/);
  });

  it('checks every address a name resolves to, and connects only to the checked one', async () => {
    const port = new URL(base).port;
    const resolve = async (host: string) =>
      host === 'rebind.test'
        ? [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]
        : host === 'metadata.test'
          ? [{ address: '169.254.169.254', family: 4 }]
          : [{ address: '127.0.0.1', family: 4 }];
    expect((await refusal(`http://metadata.test:${port}/ok`, { allowLoopback: true, resolve })).reason).toMatch(/metadata\.test resolves to 169\.254\.169\.254 is link-local/);
    expect((await refusal(`http://rebind.test:${port}/ok`, { allowLoopback: true, resolve })).reason).toMatch(/rebind\.test resolves to 10\.0\.0\.1 is private/);
    const connected: string[] = [];
    const ok = await safeFetch(`http://app.test:${port}/ok`, { allowLoopback: true, resolve, onConnect: (a) => connected.push(a) });
    expect(ok.status).toBe(200);
    expect(connected).toEqual(['127.0.0.1']);
  });

  it('enforces the size limit, also on decompressed bodies', async () => {
    expect((await refusal(`${base}/big`, { allowLoopback: true, maxBytes: 10_000 })).kind).toBe('too-large');
    expect((await refusal(`${base}/bomb`, { allowLoopback: true, maxBytes: 100_000 })).reason).toMatch(/over the 100000-byte limit/);
  });

  it('times out a server that does not answer or does not finish', async () => {
    const started = Date.now();
    expect((await refusal(`${base}/hang`, { allowLoopback: true, totalTimeoutMs: 300 })).kind).toBe('timeout');
    expect((await refusal(`${base}/slow-body`, { allowLoopback: true, totalTimeoutMs: 300 })).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('HostGate', () => {
  it('runs one task per host at a time with a pause between them, other hosts in parallel', async () => {
    const gate = new HostGate(50);
    const log: Array<[string, string, number]> = [];
    const task = (host: string, name: string) => () =>
      new Promise<void>((resolve) => {
        log.push([host, `${name}:start`, Date.now()]);
        setTimeout(() => {
          log.push([host, `${name}:end`, Date.now()]);
          resolve();
        }, 20);
      });
    await Promise.all([
      gate.run('http://a.test/1', task('a', '1')),
      gate.run('http://a.test/2', task('a', '2')),
      gate.run('http://b.test/1', task('b', '1')),
    ]);
    const a = log.filter(([h]) => h === 'a').map(([, n]) => n);
    expect(a).toEqual(['1:start', '1:end', '2:start', '2:end']);
    expect(log.filter(([h, n]) => h === 'a' && n === '2:start')[0][2] - log.filter(([h, n]) => h === 'a' && n === '1:end')[0][2]).toBeGreaterThanOrEqual(45);
    // b did not wait for a: it started before a's second task.
    expect(log.findIndex(([h]) => h === 'b')).toBeLessThan(log.findIndex(([h, n]) => h === 'a' && n === '2:start'));
  });
});
