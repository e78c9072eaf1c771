/**
 * The API's dependencies from the environment: the DynamoDB index and S3 store (endpoints from the standard
 * AWS_ENDPOINT_URL_* variables), the intake, the feed registry, and the auth mode. Used by the Lambda handler
 * and the local server alike.
 */
import { DynamoIndexStore } from '../storage/dynamo-index.ts';
import { presignPut } from '../storage/presign.ts';
import { S3DocumentStore } from '../storage/s3-documents.ts';
import { authConfigFromEnv } from './auth.ts';
import type { ApiDeps, DocumentIntake, FeedRegistry } from './deps.ts';
import { createIntake } from './intake.ts';

function positiveInt(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

export interface RuntimeOverrides {
  feeds?: FeedRegistry;
  reprocess?: DocumentIntake['reprocess'];
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: RuntimeOverrides = {}): ApiDeps {
  const index = new DynamoIndexStore();
  const documents = new S3DocumentStore();
  return {
    index,
    documents,
    intake: createIntake({ index, documents, presign: (key, type, metadata) => presignPut(key, type, metadata), reprocess: overrides.reprocess }),
    feeds: overrides.feeds,
    auth: authConfigFromEnv(env),
    maxBodyBytes: positiveInt('QUOTEDESK_API_MAX_BODY_BYTES', env),
    maxUploadBytes: positiveInt('QUOTEDESK_MAX_DOCUMENT_BYTES', env),
  };
}
