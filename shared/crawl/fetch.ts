/**
 * A careful HTTP client for crawling other people's servers:
 * - only http/https; every hop of a redirect chain (at most 5) is checked again;
 * - DNS answers are checked (every address) inside the socket's own `lookup`, so the address that was
 *   checked is the address connected to: no gap for DNS rebinding between check and connect;
 * - connect timeout and a deadline for the whole exchange (all hops, body included);
 * - a maximum body size, enforced on the decompressed bytes (no decompression bombs);
 * - a clear User-Agent.
 */
import { lookup as dnsLookup } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { RefusedError, addressRefusal, checkUrl, loopbackAllowedByEnv } from './address.ts';
import { MAX_DOCUMENT_BYTES } from '../limits.ts';

export const USER_AGENT = 'quotedesk-crawler/0.1 (+https://github.com/quotedesk/quotedesk; news text analysis)';

export type FetchFailure = 'refused' | 'timeout' | 'too-large' | 'redirects' | 'network';

export class FetchError extends Error {
  constructor(readonly kind: FetchFailure, readonly reason: string) {
    super(reason);
    this.name = 'FetchError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface FetchOptions {
  headers?: Record<string, string>;
  /** Largest (decompressed) body accepted; default 5 MiB. */
  maxBytes?: number;
  connectTimeoutMs?: number;
  /** Deadline for the whole fetch, redirects and body included. */
  totalTimeoutMs?: number;
  maxRedirects?: number;
  /** Defaults to QUOTEDESK_ALLOW_LOOPBACK=1. */
  allowLoopback?: boolean;
  userAgent?: string;
  /** DNS resolver (tests inject one); defaults to the system resolver. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** Called with the remote address of every socket that connects (observability, tests). */
  onConnect?: (address: string) => void;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** URLs that redirected, in order. */
  redirects: string[];
}

export const FETCH_DEFAULTS = {
  maxBytes: MAX_DOCUMENT_BYTES,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 20_000,
  maxRedirects: 5,
};

function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

/** A `lookup` for net.connect that refuses the whole name if any of its addresses is not allowed. */
function guardedLookup(resolve: (hostname: string) => Promise<ResolvedAddress[]>, allowLoopback: boolean): LookupFunction {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    resolve(hostname).then(
      (addresses) => {
        if (!addresses.length) return callback(new FetchError('network', `${hostname} has no addresses`));
        for (const { address } of addresses) {
          const refusal = addressRefusal(address, allowLoopback);
          if (refusal) return callback(new FetchError('refused', `${hostname} resolves to ${refusal.replace(/^address /, '')}`));
        }
        const wanted = options?.family === 4 || options?.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        const usable = wanted.length ? wanted : addresses;
        if (options?.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(new FetchError('network', `DNS lookup of ${hostname} failed (${error.code ?? error.message})`)),
    );
  }) as LookupFunction;
}

function headerRecord(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decoderFor(encoding: string | undefined): NodeJS.ReadWriteStream | undefined {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** One request/response, no redirects followed. */
function requestOnce(url: URL, options: Required<Pick<FetchOptions, 'maxBytes' | 'connectTimeoutMs'>> & FetchOptions, deadline: number, lookup: LookupFunction): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FetchError('timeout', 'timed out'));
    const client = url.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      req.destroy();
      reject(error instanceof FetchError ? error : new FetchError('network', `${error.message}`));
    };
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup,
      headers: {
        'user-agent': options.userAgent ?? USER_AGENT,
        'accept-encoding': 'gzip, deflate, br',
        accept: '*/*',
        ...options.headers,
      },
    });
    const totalTimer = setTimeout(() => fail(new FetchError('timeout', `no complete response within ${options.totalTimeoutMs ?? remaining} ms`)), remaining);
    let connectTimer: NodeJS.Timeout | undefined;
    req.on('socket', (socket) => {
      connectTimer = setTimeout(() => fail(new FetchError('timeout', `could not connect within ${options.connectTimeoutMs} ms`)), options.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        if (socket.remoteAddress) options.onConnect?.(socket.remoteAddress);
      });
    });
    req.on('error', (error) => {
      // A refusal raised inside the lookup arrives here; keep its kind and reason.
      if (error instanceof FetchError) return fail(error);
      const code = (error as NodeJS.ErrnoException).code;
      fail(new FetchError('network', code ? `${code}: ${error.message}` : error.message));
    });
    req.on('response', (res) => {
      const headers = headerRecord(res);
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        return fail(new FetchError('too-large', `response is ${declared} bytes, over the ${options.maxBytes}-byte limit`));
      }
      const decoder = decoderFor(headers['content-encoding']);
      const stream: NodeJS.ReadableStream = decoder ? res.pipe(decoder) : res;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) return fail(new FetchError('too-large', `response is over the ${options.maxBytes}-byte limit`));
        chunks.push(chunk);
      });
      stream.on('error', (error: Error) => fail(new FetchError('network', `could not read the response (${error.message})`)));
      res.on('aborted', () => fail(new FetchError('network', 'connection closed before the response was complete')));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        resolve({ status: res.statusCode ?? 0, headers, body: new Uint8Array(Buffer.concat(chunks)) });
      });
    });
    req.end();
  });
}

/**
 * GET a URL under the rules above. Any HTTP status is returned as a result (the caller decides what
 * 304 or 500 means); refusals, timeouts, oversize bodies, redirect loops and network errors throw FetchError.
 */
export async function safeFetch(rawUrl: string, options: FetchOptions = {}): Promise<FetchResult> {
  const allowLoopback = options.allowLoopback ?? loopbackAllowedByEnv();
  const settings = { ...FETCH_DEFAULTS, ...options };
  const deadline = Date.now() + settings.totalTimeoutMs;
  const lookup = guardedLookup(options.resolve ?? systemResolve, allowLoopback);
  const redirects: string[] = [];
  const seen = new Set<string>();
  let current = rawUrl;
  for (;;) {
    let url: URL;
    try {
      url = checkUrl(current, allowLoopback);
    } catch (error) {
      if (error instanceof RefusedError) {
        throw new FetchError('refused', redirects.length ? `redirect to ${current.slice(0, 200)} refused: ${error.reason}` : error.reason);
      }
      throw error;
    }
    url.hash = '';
    seen.add(url.href);
    const hop = await requestOnce(url, settings, deadline, lookup);
    const location = hop.headers.location;
    if (hop.status >= 300 && hop.status < 400 && hop.status !== 304 && location) {
      let next: string;
      try {
        next = new URL(location, url).href;
      } catch {
        throw new FetchError('network', `invalid redirect location: ${location.slice(0, 200)}`);
      }
      if (seen.has(next.replace(/#.*$/, ''))) throw new FetchError('redirects', `redirect loop (${url.href} → ${next})`);
      if (redirects.length >= settings.maxRedirects) throw new FetchError('redirects', `more than ${settings.maxRedirects} redirects`);
      redirects.push(url.href);
      current = next;
      continue;
    }
    return { url: url.href, status: hop.status, headers: hop.headers, body: hop.body, redirects };
  }
}
