/** What the API is built from: the storage ports, the intake, the auth mode and limits. Tests pass real adapters. */
import type { FeedRegistry } from '../crawl/ports.ts';
import type { DocumentMetadata, DocumentStatus, DocumentStore, IndexStore } from '../storage/ports.ts';
import type { AuthConfig, AuthEnv } from './auth.ts';
import type { Search } from '../search/index.ts';
import type { ReindexReport } from '../search/rebuild.ts';
import type { OpenApiApp } from './openapi-app.ts';

export interface SubmitResult {
  id: string;
  status: DocumentStatus;
  duplicate: boolean;
}

export interface PresignedUpload {
  key: string;
  url: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** Registering a new document: store the raw bytes under the raw prefix (the pipeline takes it from there). */
export interface DocumentIntake {
  submit(body: Uint8Array, metadata: DocumentMetadata): Promise<SubmitResult>;
  presignUpload(request: { filename: string; contentType: string; bytes?: number; metadata: DocumentMetadata }): Promise<PresignedUpload>;
  /** Re-run extraction of a document (after a flag was rejected, so the split reaches its items). */
  reprocess?(documentId: string): Promise<void>;
}

export interface ApiDeps {
  index: IndexStore;
  documents: DocumentStore;
  intake: DocumentIntake;
  /** The crawler's feed registry (the feed routes answer 503 without it). */
  feeds?: FeedRegistry;
  auth: AuthConfig;
  /** Largest body POST /documents accepts (default 2 MB); bigger files go through POST /uploads. */
  maxBodyBytes?: number;
  /**
   * The origin of the presigned upload URLs (the bucket's), which the page's CSP then lets it PUT to; the bucket's
   * CORS allows the API's origin. Unset: the page uploads through POST /documents only.
   */
  uploadOrigin?: string;
  /** Largest file POST /uploads presigns for (default MAX_DOCUMENT_BYTES, the pipeline's limit). */
  maxUploadBytes?: number;
  /** Set where responses are buffered (Lambda behind API Gateway): GET /export refuses answers past it (413). */
  bufferedExportBytes?: number;
  /** Where the same export is streamed instead (the export function's URL in AWS), named by that 413. */
  streamedExportUrl?: string;
  log?: (message: string, error?: unknown) => void;
  /** The search projection (full text, facets, analytics); `GET /quotes?q=` answers 503 without it. */
  search?: () => Promise<Search | null>;
  /** Rebuild the projection from S3 (locally, where the database lives in the stack's process). */
  reindex?: () => Promise<ReindexReport>;
}

export type ApiApp = OpenApiApp<AuthEnv>;

/** What every flavour of the app needs. */
export type ApiBaseDeps = Pick<ApiDeps, 'auth' | 'log' | 'uploadOrigin'>;

/** What the export alone needs: reads of the index and the search projection. */
export type ExportDeps = ApiBaseDeps & Pick<ApiDeps, 'index' | 'search' | 'bufferedExportBytes' | 'streamedExportUrl'>;
