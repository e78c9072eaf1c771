/**
 * Presigned S3 PUT URLs for large uploads (the API hands them out; the browser or CLI PUTs the file
 * straight to S3, under the raw prefix, so the pipeline picks it up like any other upload).
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { bucketName, s3Client } from './clients.ts';
import type { DocumentMetadata } from './ports.ts';
import { encodeMetadata } from './s3-documents.ts';

export interface PresignedPut {
  url: string;
  /** Headers the PUT must send exactly (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export async function presignPut(
  key: string,
  contentType: string,
  metadata: DocumentMetadata,
  expiresInSeconds = 900,
  bucket: string = bucketName(),
): Promise<PresignedPut> {
  const encoded = encodeMetadata(metadata);
  const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, Metadata: encoded });
  const headers: Record<string, string> = { 'content-type': contentType };
  for (const [name, value] of Object.entries(encoded)) headers[`x-amz-meta-${name}`] = value;
  const url = await getSignedUrl(s3Client(), command, {
    expiresIn: expiresInSeconds,
    // Sign the metadata and content type so the uploader cannot change them.
    signableHeaders: new Set(Object.keys(headers)),
  });
  return { url, headers, expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() };
}
