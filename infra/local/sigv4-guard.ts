/**
 * AWS Signature Version 4 checked in front of the local emulators. s3rver does not verify v4 signatures
 * and dynalite has no auth at all, so without this any process on the machine could read and write the
 * stack's bucket and table directly, around the API's tokens. Every request must be signed with the
 * stack's own credentials, in the Authorization header or (presigned S3 URLs) in the query; anything
 * else gets a 403 before the emulator sees it.
 *
 * The canonical request is built as SigV4 defines it: the path as sent (S3 and DynamoDB paths need no
 * second encoding here), the sorted RFC 3986-encoded query, the signed headers, and the payload hash: the
 * `x-amz-content-sha256` header S3 clients send (UNSIGNED-PAYLOAD for presigned URLs), or the body's
 * SHA-256 for DynamoDB, whose clients send no such header.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** How far a signed request's date may be from now (AWS allows 15 minutes). */
const MAX_CLOCK_SKEW_MS = 15 * 60_000;
/** Largest body buffered to hash (DynamoDB's own request limit is 16 MB). */
const MAX_HASHED_BODY_BYTES = 16 * 1024 * 1024;

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** SigV4's date: 20240501T120000Z → epoch ms (NaN when malformed). */
function amzDateMs(value: string | undefined): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

interface SignedRequest {
  method: string;
  /** Raw request target: path and query, as received. */
  url: string;
  headers: IncomingMessage['headers'];
}

function header(request: SignedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Why the request is refused, or null when it is signed with `credentials`. */
export function signatureProblem(request: SignedRequest, credentials: Credentials, bodySha256: string | undefined, now = Date.now()): string | null {
  const [rawPath, rawQuery = ''] = request.url.split('?', 2) as [string, string?];
  const query = new URLSearchParams(rawQuery);
  const authorization = header(request, 'authorization');
  let credential: string, signedHeaders: string, signature: string, amzDate: string | undefined, payloadHash: string | undefined;
  const presigned = query.has('X-Amz-Signature');
  if (authorization) {
    const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(authorization.trim());
    if (!m) return 'not an AWS Signature Version 4 Authorization header';
    [, credential, signedHeaders, signature] = m;
    amzDate = header(request, 'x-amz-date');
    payloadHash = header(request, 'x-amz-content-sha256') ?? bodySha256;
    if (Math.abs(now - amzDateMs(amzDate)) > MAX_CLOCK_SKEW_MS || !amzDate) return 'the request date is missing or more than 15 minutes off';
  } else if (presigned) {
    if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return 'unsupported presigning algorithm';
    credential = query.get('X-Amz-Credential') ?? '';
    signedHeaders = query.get('X-Amz-SignedHeaders') ?? '';
    signature = query.get('X-Amz-Signature') ?? '';
    amzDate = query.get('X-Amz-Date') ?? undefined;
    payloadHash = query.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    const signedAt = amzDateMs(amzDate);
    const expires = Number(query.get('X-Amz-Expires'));
    if (!Number.isFinite(signedAt) || !(expires > 0) || now > signedAt + expires * 1000 || signedAt > now + MAX_CLOCK_SKEW_MS) return 'the presigned URL has expired or is malformed';
  } else {
    return 'the request is not signed';
  }

  const [accessKeyId, date, region, service, terminator] = credential.split('/');
  if (accessKeyId !== credentials.accessKeyId) return 'unknown access key';
  if (!date || !region || !service || terminator !== 'aws4_request' || !amzDate?.startsWith(date)) return 'malformed credential scope';
  if (payloadHash === undefined) return 'no payload hash';

  const names = signedHeaders.split(';');
  if (!names.includes('host')) return 'the host header is not signed';
  const canonicalHeaders = names.map((name) => `${name}:${(header(request, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [rfc3986(name), rfc3986(value)])
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalRequest = [request.method, rawPath, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'the signature does not match';
}

function refuse(res: ServerResponse, reason: string): void {
  res.writeHead(403, { 'content-type': 'application/json', connection: 'close' });
  res.end(JSON.stringify({ __type: 'AccessDenied', message: `quotedesk local stack: ${reason}` }));
}

/**
 * Puts the check in front of `server`'s request handler. `hashBody`: the body is read and hashed
 * (DynamoDB), then handed to the emulator as a fresh stream; otherwise it is left unread (S3).
 */
/**
 * A browser's CORS preflight before a presigned PUT (OPTIONS with an Origin and the method it asks for). S3 answers
 * these unsigned, from the bucket's CORS rules alone, and a preflight reads or writes nothing.
 */
function isCorsPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && Boolean(req.headers.origin) && Boolean(req.headers['access-control-request-method']);
}

export function guardWithSigV4(server: Server, credentials: Credentials, options: { hashBody: boolean; allowCorsPreflight?: boolean }): void {
  const handlers = server.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => void>;
  server.removeAllListeners('request');
  const forward = (req: IncomingMessage, res: ServerResponse) => { for (const handle of handlers) handle(req, res); };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const signed = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    if (options.allowCorsPreflight && isCorsPreflight(req)) return forward(req, res);
    if (!options.hashBody) {
      const problem = signatureProblem(signed, credentials, undefined);
      return problem ? refuse(res, problem) : forward(req, res);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_HASHED_BODY_BYTES) {
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const problem = signatureProblem(signed, credentials, sha256Hex(body));
      if (problem) return refuse(res, problem);
      // The emulator reads the body as it would the request's own: a stream carrying the request's fields.
      const replay = Object.assign(Readable.from(body.length ? [body] : []), { method: req.method, url: req.url, headers: req.headers, rawHeaders: req.rawHeaders, httpVersion: req.httpVersion, socket: req.socket, connection: req.socket });
      forward(replay as unknown as IncomingMessage, res);
    });
  });
}
