/**
 * The Lambda entry point (functions/api.ts) given API Gateway HTTP API (payload v2) events, as AWS delivers them
 * after the JWT authorizer: the same app, the role from the verified claims, problem+json errors.
 */
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';

type Result = { statusCode: number; headers?: Record<string, string>; body: string; isBase64Encoded?: boolean };
let aws: LocalAws;
let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<Result>;

function event(method: string, path: string, options: { groups?: string; body?: string; query?: string; contentType?: string } = {}): APIGatewayProxyEventV2 {
  const claims = options.groups === undefined ? undefined : { sub: 'user-1', 'cognito:groups': options.groups };
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: { host: 'api.example.com', ...(options.contentType ? { 'content-type': options.contentType } : {}) },
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '28/Nov/2026:12:00:00 +0000',
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    body: options.body,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

const context = { functionName: 'api', awsRequestId: 'r1', getRemainingTimeInMillis: () => 29_000 } as unknown as Context;

beforeAll(async () => {
  aws = await startLocalAws({ bucket: 'quotedesk-lambda-test', table: 'quotedesk-lambda-test' });
  process.env.QUOTEDESK_AUTH = 'jwt-claims';
  // As the stack sets it for the API function, here small enough for a CSV header to pass it.
  process.env.QUOTEDESK_BUFFERED_EXPORT_BYTES = '100';
  process.env.QUOTEDESK_STREAMED_EXPORT_URL = 'https://abc123.lambda-url.eu-west-1.on.aws/export';
  handler = (await import('#functions/api.ts')).handler as unknown as typeof handler;
});

afterAll(async () => {
  await aws?.stop();
});

describe('API Lambda handler', () => {
  it('answers /health and reads with the role from the verified claims', async () => {
    expect((await handler(event('GET', '/health'), context)).statusCode).toBe(200);
    const list = await handler(event('GET', '/documents', { groups: '[reader]', query: 'limit=5' }), context);
    expect(list.statusCode).toBe(200);
    expect(JSON.parse(list.body)).toEqual({ items: [], cursor: null });
  });

  it('401s without verified claims and 403s a reader who writes', async () => {
    const missing = await handler(event('GET', '/quotes'), context);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers?.['content-type']).toBe('application/problem+json');
    const write = await handler(event('POST', '/documents', { groups: '[reader]', body: JSON.stringify({ text: 'x' }), contentType: 'application/json' }), context);
    expect(write.statusCode).toBe(403);
  });

  it('lets a writer upload; the same content answers with the same id', async () => {
    const body = JSON.stringify({ text: '“It is done,” said Ana Reyes.', title: 'Lambda upload' });
    const first = await handler(event('POST', '/documents', { groups: '[writer]', body, contentType: 'application/json' }), context);
    expect(first.statusCode).toBe(202);
    const again = await handler(event('POST', '/documents', { groups: '[writer]', body, contentType: 'application/json' }), context);
    expect(JSON.parse(again.body)).toMatchObject({ id: JSON.parse(first.body).id, duplicate: true });
  });

  it('answers an export within the buffered bound whole, and refuses a larger one with 413 and where to go', async () => {
    const small = await handler(event('GET', '/export', { groups: '[reader]', query: 'table=flags&format=jsonl' }), context);
    expect(small.statusCode).toBe(200);
    expect(small.headers?.['content-type']).toMatch(/^application\/x-ndjson/);
    const large = await handler(event('GET', '/export', { groups: '[reader]', query: 'table=quotes&format=csv' }), context);
    expect(large.statusCode).toBe(413);
    expect(JSON.parse(large.body).detail).toMatch(/larger than this API answers \(0\.0 MB.*the streamed export, https:\/\/abc123\.lambda-url\.eu-west-1\.on\.aws\/export, .*run `quotedesk export`/);
  });
});
