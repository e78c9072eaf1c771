/**
 * One Secrets Manager call, GetSecretValue, signed with SigV4 over fetch: the API reads its cursor key
 * at cold start (cached for the container's life) instead of from its environment, where anyone who can
 * read the function's configuration would see it. Credentials come from the standard environment (the
 * Lambda role's); the endpoint from AWS_ENDPOINT_URL_SECRETS_MANAGER when set (tests), like the SDK.
 */
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret ? createHmac('sha256', bytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

export async function getSecretValue(secretId: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('AWS_REGION is not set');
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('no AWS credentials in the environment');
  const endpoint = new URL(env.AWS_ENDPOINT_URL_SECRETS_MANAGER ?? `https://secretsmanager.${region}.amazonaws.com/`);
  const body = JSON.stringify({ SecretId: secretId });
  const signer = new SignatureV4({ service: 'secretsmanager', region, credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN }, sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.pathname,
    headers: { host: endpoint.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
    body,
  });
  const response = await fetch(endpoint, { method: 'POST', headers: signed.headers as Record<string, string>, body, signal: AbortSignal.timeout(5000) });
  const answer = (await response.json().catch(() => ({}))) as { SecretString?: string; message?: string; __type?: string };
  if (!response.ok) throw new Error(`GetSecretValue failed: ${response.status} ${answer.__type ?? ''} ${answer.message ?? ''}`.trim());
  if (typeof answer.SecretString !== 'string' || answer.SecretString.length < 16) throw new Error('the secret has no usable SecretString');
  return answer.SecretString;
}
