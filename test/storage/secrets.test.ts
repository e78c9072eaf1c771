/** The cursor key: no public default, and read from Secrets Manager (a SigV4-signed GetSecretValue). */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getSecretValue } from '#shared/storage/secrets.ts';
import { decodeCursor, encodeCursor } from '#shared/storage/cursor.ts';
import { InvalidCursorError } from '#shared/storage/ports.ts';

describe('cursor secret', () => {
  afterEach(() => {
    delete process.env.QUOTEDESK_CURSOR_SECRET;
  });

  it('rejects a cursor signed with the old public default key', () => {
    const payload = Buffer.from(JSON.stringify({ s: { d: { p: 0, k: null } } })).toString('base64url');
    const forged = `${payload}.${createHmac('sha256', 'quotedesk-local-cursor-secret').update('documents:{}').update('\n').update(payload).digest('base64url').slice(0, 22)}`;
    expect(() => decodeCursor(forged, 'documents:{}')).toThrow(InvalidCursorError);
    expect(decodeCursor(encodeCursor({ a: 1 }, 'x'), 'x')).toEqual({ a: 1 });
  });

  it('reads the secret with a signed GetSecretValue call', async () => {
    let seen: { headers: IncomingHttpHeaders; body: string } | undefined;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen = { headers: req.headers, body };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ SecretString: 'a-very-long-generated-cursor-key' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const { port } = server.address() as AddressInfo;
      const value = await getSecretValue('arn:aws:secretsmanager:eu-west-1:123456789012:secret:CursorSecret-abc', {
        AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${port}/`,
      });
      expect(value).toBe('a-very-long-generated-cursor-key');
      expect(seen?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
      expect(seen?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/secretsmanager\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/);
      expect(seen?.headers['x-amz-security-token']).toBe('session');
      expect(JSON.parse(seen!.body)).toEqual({ SecretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:CursorSecret-abc' });
    } finally {
      server.close();
    }
  });
});
