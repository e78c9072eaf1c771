/** Serve the API on Node (the local stack and the tests): the same app the Lambda handler runs. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { ApiDeps } from './deps.ts';

export interface RunningApi {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startApi(deps: ApiDeps, options: { port?: number; hostname?: string } = {}): Promise<RunningApi> {
  const app = createApp(deps);
  const hostname = options.hostname ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
    // Requests Node refuses before the app sees them (a 100 KB URL, oversized headers, malformed
    // syntax) get a problem+json answer instead of a bare reset.
    server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      if (!socket.writable) return socket.destroy();
      const overflow = error.code === 'HPE_HEADER_OVERFLOW';
      const status = overflow ? 431 : 400;
      const body = JSON.stringify({
        type: 'about:blank',
        title: overflow ? 'Request Header Fields Too Large' : 'Bad Request',
        status,
        detail: overflow ? 'The request line and headers are over the 16 KB limit (a URL this long is not a query this API answers).' : 'The request could not be parsed as HTTP.',
      });
      socket.end(`HTTP/1.1 ${status} ${overflow ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    });
  });
}
