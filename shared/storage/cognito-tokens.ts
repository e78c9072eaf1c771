/**
 * Verifying a Cognito user pool's tokens where no API Gateway authorizer does it (the streamed export's function
 * URL), with AWS's own verifier (aws-jwt-verify): RS256 signature against the pool's published keys (fetched once
 * and cached, refetched for an unknown key id), issuer, client id (an ID token's `aud` or an access token's
 * `client_id`), token use and expiry. The same checks API Gateway's JWT authorizer makes for the rest of the API.
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';

export interface CognitoPool {
  userPoolId: string;
  clientId: string;
}

export type TokenVerifier = (token: string) => Promise<Record<string, unknown>>;

/** `keys`: the pool's JSON Web Key Set, when it is known already (tests, which cannot reach Cognito). */
export function cognitoTokenVerifier(pool: CognitoPool, keys?: Jwks): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId: pool.userPoolId, clientId: pool.clientId, tokenUse: null });
  if (keys) verifier.cacheJwks(keys);
  return async (token) => ({ ...(await verifier.verify(token)) });
}

/** The pool from QUOTEDESK_USER_POOL_ID and QUOTEDESK_USER_POOL_CLIENT_ID, which the stack sets. */
export function cognitoPoolFromEnv(env: NodeJS.ProcessEnv = process.env): CognitoPool {
  const userPoolId = env.QUOTEDESK_USER_POOL_ID;
  const clientId = env.QUOTEDESK_USER_POOL_CLIENT_ID;
  if (!userPoolId || !clientId) throw new Error('QUOTEDESK_USER_POOL_ID and QUOTEDESK_USER_POOL_CLIENT_ID must be set (the stack sets them)');
  return { userPoolId, clientId };
}
