/**
 * Lambda's response streaming, as far as a test needs it. In AWS the Node.js runtime provides the `awslambda`
 * global: `streamifyResponse` marks a handler as streaming and `HttpResponseStream.from` writes the status and
 * headers before the body. It cannot run here, so this stand-in records that prelude and every body chunk in
 * the order the handler writes them; the handler, Hono's adapter and the app are the real ones.
 */
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll } from 'vitest';

interface Prelude {
  statusCode: number;
  headers: Record<string, string>;
}

type StreamingHandler = (event: unknown, stream: Writable, context: unknown) => Promise<void> | void;

class RecordingStream extends Writable {
  metadata: Prelude = { statusCode: 0, headers: {} };
  chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }
}

export function useLambdaStreamingRuntime(): void {
  const global = globalThis as { awslambda?: unknown };
  let before: unknown;
  beforeAll(() => {
    before = global.awslambda;
    global.awslambda = {
      streamifyResponse: (handler: StreamingHandler) => handler,
      HttpResponseStream: {
        from(stream: RecordingStream, metadata: Prelude) {
          stream.metadata = metadata;
          return stream;
        },
      },
    };
  });
  afterAll(() => {
    global.awslambda = before;
  });
}

/** A Lambda function URL's GET event (payload format 2.0), as AWS delivers it: no authorizer context. */
export function functionUrlEvent(path: string, query: string, token?: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query,
    headers: { host: 'abc123.lambda-url.eu-west-1.on.aws', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.eu-west-1.on.aws',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      time: '02/Dec/2026:12:00:00 +0000',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

export async function invokeStreaming(handler: unknown, event: unknown): Promise<{ metadata: Prelude; chunks: Buffer[]; body: Buffer }> {
  const stream = new RecordingStream();
  await (handler as StreamingHandler)(event, stream, { awsRequestId: 'r1', getRemainingTimeInMillis: () => 300_000 });
  await finished(stream);
  const chunks = stream.chunks.filter((chunk) => chunk.length > 0);
  return { metadata: stream.metadata, chunks, body: Buffer.concat(chunks) };
}
