/**
 * The API's dependencies from the environment: the DynamoDB index and S3 store (endpoints from the standard
 * AWS_ENDPOINT_URL_* variables), the intake, the feed registry, and the auth mode. Used by the Lambda handler
 * and the local server alike.
 */
import { DocumentIntakeService } from '../pipeline/intake.ts';
import { DynamoIndexStore } from '../storage/dynamo-index.ts';
import { DynamoFeedRegistry } from '../storage/feeds.ts';
import { S3DocumentStore } from '../storage/s3-documents.ts';
import type { ReindexReport } from '../search/rebuild.ts';
import { authConfigFromEnv, type AuthConfig } from './auth.ts';
import type { ApiDeps, DocumentIntake, ExportDeps } from './deps.ts';

function positiveInt(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

/** QUOTEDESK_UPLOAD_ORIGIN: one http(s) origin, nothing else (it goes into the CSP). */
function uploadOriginFrom(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.QUOTEDESK_UPLOAD_ORIGIN;
  if (!value) return undefined;
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) throw new Error(`QUOTEDESK_UPLOAD_ORIGIN must be an origin (scheme, host, port), not "${value}"`);
  return url.origin;
}

export interface RuntimeOverrides {
  reprocess?: DocumentIntake['reprocess'];
  /** The local stack rebuilds its in-process search database on request. */
  reindex?: () => Promise<ReindexReport>;
}

// The pipeline's intake re-triggers processing by re-emitting the object's event; tests may observe that instead.
function intakeWith(service: DocumentIntakeService, overrides: RuntimeOverrides): DocumentIntake {
  return {
    submit: (body, metadata) => service.submit(body, metadata),
    presignUpload: (request) => service.presignUpload(request),
    reprocess: overrides.reprocess ?? ((id) => service.reprocess(id)),
  };
}

export function depsFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: RuntimeOverrides = {}): ApiDeps {
  const index = new DynamoIndexStore();
  const documents = new S3DocumentStore();
  return {
    index,
    documents,
    intake: intakeWith(new DocumentIntakeService(documents, index), overrides),
    feeds: new DynamoFeedRegistry(),
    auth: authConfigFromEnv(env),
    maxBodyBytes: positiveInt('QUOTEDESK_API_MAX_BODY_BYTES', env),
    maxUploadBytes: positiveInt('QUOTEDESK_MAX_BYTES', env),
    bufferedExportBytes: positiveInt('QUOTEDESK_BUFFERED_EXPORT_BYTES', env),
    streamedExportUrl: httpsUrlFrom('QUOTEDESK_STREAMED_EXPORT_URL', env),
    uploadOrigin: uploadOriginFrom(env),
    search: lazySearch,
    reindex: overrides.reindex,
  };
}

// Loaded on the first search (a lazy chunk): routes that do not search never load it.
const lazySearch = async () => (await import('../storage/search-database.ts')).searchServices();

/** The export function's dependencies: the index and the search projection to read, and how callers are checked. */
export function exportDepsFromEnv(auth: AuthConfig): ExportDeps {
  return { index: new DynamoIndexStore(), search: lazySearch, auth };
}

function httpsUrlFrom(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (new URL(value).protocol !== 'https:') throw new Error(`${name} must be an https URL, not "${value}"`);
  return value;
}
