/**
 * The raw document store on S3: raw objects as uploaded (never modified or deleted by processing),
 * their metadata as S3 user metadata (percent-encoded, since S3 metadata is ASCII only), and the
 * extraction result as JSON beside them under RESULTS_PREFIX.
 */
import { bucketName, s3Client, s3Sdk } from './clients.ts';
import type { DocumentMetadata, DocumentStore } from './ports.ts';

const META_FIELDS: Record<Exclude<keyof DocumentMetadata, 'contentType'>, string> = {
  title: 'title',
  url: 'url',
  source: 'source',
  publishedAt: 'published-at',
  filename: 'filename',
  uploader: 'uploader',
  externalId: 'external-id',
  collection: 'collection',
};

/** Error for an object over the size limit, raised before its body is read. */
export class ObjectTooLargeError extends Error {
  constructor(readonly size: number, readonly maxBytes: number) {
    super(`document is ${size} bytes, over the ${maxBytes}-byte limit`);
    this.name = 'ObjectTooLargeError';
  }
}

export function encodeMetadata(metadata: DocumentMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, header] of Object.entries(META_FIELDS)) {
    const value = metadata[field as keyof DocumentMetadata];
    // S3 caps user metadata at 2 KB in total: long values are cut, never rejected.
    if (value) out[header] = encodeURIComponent(value.slice(0, 400));
  }
  return out;
}

export function decodeMetadata(raw: Record<string, string> | undefined, contentType?: string): DocumentMetadata {
  const out: DocumentMetadata = {};
  for (const [field, header] of Object.entries(META_FIELDS)) {
    const value = raw?.[header];
    if (!value) continue;
    try {
      out[field as keyof DocumentMetadata] = decodeURIComponent(value);
    } catch {
      out[field as keyof DocumentMetadata] = value;
    }
  }
  if (contentType) out.contentType = contentType;
  return out;
}

/** A content type safe as a header value (never CR/LF: it is signed into presigned PUT headers). */
export function safeContentType(value: string | undefined): string {
  return value && !/[\u0000-\u001f\u007f]/.test(value) && value.length <= 200 ? value : 'application/octet-stream';
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === 'NotFound' || name === 'NoSuchKey';
}

export class S3DocumentStore implements DocumentStore {
  constructor(private readonly bucket: string = bucketName()) {}

  async putRaw(key: string, body: Uint8Array, metadata: DocumentMetadata): Promise<void> {
    const { PutObjectCommand } = await s3Sdk();
    await (await s3Client()).send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: safeContentType(metadata.contentType),
        Metadata: encodeMetadata(metadata),
      }),
    );
  }

  async headRaw(key: string): Promise<{ size: number; metadata: DocumentMetadata } | null> {
    const { HeadObjectCommand } = await s3Sdk();
    try {
      const head = await (await s3Client()).send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, metadata: decodeMetadata(head.Metadata, head.ContentType) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async getRaw(key: string, maxBytes?: number): Promise<{ body: Uint8Array; metadata: DocumentMetadata; size: number }> {
    if (maxBytes !== undefined) {
      // Check the size first so an oversized object is never downloaded.
      const head = await this.headRaw(key);
      if (!head) throw new Error(`object ${key} does not exist`);
      if (head.size > maxBytes) throw new ObjectTooLargeError(head.size, maxBytes);
    }
    const { GetObjectCommand } = await s3Sdk();
    const got = await (await s3Client()).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    const body = await got.Body!.transformToByteArray();
    if (maxBytes !== undefined && body.byteLength > maxBytes) throw new ObjectTooLargeError(body.byteLength, maxBytes);
    return { body, metadata: decodeMetadata(got.Metadata, got.ContentType), size: body.byteLength };
  }

  async putResult(key: string, result: unknown): Promise<void> {
    const { PutObjectCommand } = await s3Sdk();
    await (await s3Client()).send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: JSON.stringify(result), ContentType: 'application/json' }),
    );
  }

  async getResult(key: string): Promise<unknown | null> {
    const { GetObjectCommand } = await s3Sdk();
    try {
      const got = await (await s3Client()).send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return JSON.parse(await got.Body!.transformToString('utf-8'));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /**
   * ListObjects (v1) paged by Marker: s3rver's ListObjectsV2 continuation tokens use DES, which
   * Node 20's OpenSSL 3 refuses, so v2 fails on any listing longer than one page locally.
   */
  async *listKeys(prefix: string, pageSize = 1000): AsyncIterable<{ key: string; size: number }> {
    const { ListObjectsCommand } = await s3Sdk();
    let marker: string | undefined;
    for (;;) {
      const page = await (await s3Client()).send(new ListObjectsCommand({ Bucket: this.bucket, Prefix: prefix, Marker: marker, MaxKeys: pageSize }));
      const contents = page.Contents ?? [];
      for (const object of contents) if (object.Key) yield { key: object.Key, size: object.Size ?? 0 };
      if (!page.IsTruncated || contents.length === 0) return;
      marker = page.NextMarker ?? contents[contents.length - 1].Key;
    }
  }

  async presignPut(key: string, metadata: DocumentMetadata, options: { expiresInSeconds: number; bytes?: number }) {
    const encoded = encodeMetadata(metadata);
    const contentType = safeContentType(metadata.contentType);
    const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), import('@aws-sdk/s3-request-presigner')]);
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, Metadata: encoded, ContentLength: options.bytes });
    const url = await getSignedUrl(await s3Client(), command, {
      expiresIn: options.expiresInSeconds,
      // The client must send these exact headers: they are part of the signature.
      signableHeaders: new Set(['content-type', ...Object.keys(encoded).map((k) => `x-amz-meta-${k}`)]),
    });
    const headers: Record<string, string> = { 'content-type': contentType };
    for (const [name, value] of Object.entries(encoded)) headers[`x-amz-meta-${name}`] = value;
    return { url, headers };
  }
}
