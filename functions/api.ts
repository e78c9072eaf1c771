/**
 * API Gateway HTTP API → the quotedesk Hono app. The app and its dependencies are built once per
 * container; the cursor-signing key is read from Secrets Manager at cold start and cached.
 */
import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/api/app.ts';
import { depsFromEnv } from '../shared/api/runtime.ts';
import { setCursorSecret } from '../shared/storage/cursor.ts';
import { getSecretValue } from '../shared/storage/secrets.ts';

const app = handle(createApp(depsFromEnv()));
let ready: Promise<void> | undefined;

function loadSecrets(): Promise<void> {
  const arn = process.env.QUOTEDESK_CURSOR_SECRET_ARN;
  // A failed read is retried on the next request rather than cached.
  ready ??= arn ? getSecretValue(arn).then(setCursorSecret, (error: unknown) => { ready = undefined; throw error; }) : Promise.resolve();
  return ready;
}

export async function handler(event: Parameters<typeof app>[0], context: Context) {
  await loadSecrets();
  return app(event, context);
}
