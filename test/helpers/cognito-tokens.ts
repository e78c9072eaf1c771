/**
 * A stand-in Cognito user pool for tests: an RSA key pair, its public JSON Web Key Set (what Cognito publishes at
 * /.well-known/jwks.json), and tokens signed as Cognito signs them (RS256, `kid`, issuer, client id, token use,
 * expiry, groups). Only the signing is ours; verifying them is the real aws-jwt-verify.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Jwk, Jwks } from 'aws-jwt-verify/jwk';

export const TEST_POOL = { userPoolId: 'eu-west-1_TestPool1', clientId: 'test-client-0123456789' } as const;
const ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${TEST_POOL.userPoolId}`;

export interface TestSigner {
  jwks: Jwks;
  token(claims?: Record<string, unknown>): string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function testSigner(kid = 'test-key-1'): TestSigner {
  const { publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Jwk), kid, alg: 'RS256', use: 'sig' } as Jwk;
  return {
    jwks: { keys: [jwk] },
    token(claims = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = base64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }));
      const payload = base64url(JSON.stringify({
        sub: 'user-1', iss: ISSUER, client_id: TEST_POOL.clientId, token_use: 'access', iat: now, exp: now + 3600, ...claims,
      }));
      return `${header}.${payload}.${base64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
    },
  };
}
