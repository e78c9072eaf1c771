/**
 * SDK clients, created once per module and configured only by the standard environment
 * (AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB), so AWS and local run the same code.
 * The S3 SDK is imported on first use: most API requests and most crawls never touch S3, and importing it
 * costs a cold start about 150 ms.
 */
// The SDK warns on Node 20 that releases after January 2027 will need Node 22 (nine lines, on every
// command). The project supports Node 20 (package.json engines), so it says so once in the README
// instead; the SDK's own switch turns the warning off, and an explicit value in the environment wins.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let s3: S3Client | undefined;
let s3Module: Promise<typeof import('@aws-sdk/client-s3')> | undefined;
let dynamo: DynamoDBClient | undefined;
let documentClient: DynamoDBDocumentClient | undefined;

/** The S3 SDK's module (its commands and the client class), loaded once. */
export function s3Sdk(): Promise<typeof import('@aws-sdk/client-s3')> {
  return (s3Module ??= import('@aws-sdk/client-s3'));
}

export async function s3Client(): Promise<S3Client> {
  const { S3Client } = await s3Sdk();
  // s3rver and other local servers only understand path-style addressing.
  s3 ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL) });
  return s3;
}

export function dynamoClient(): DynamoDBClient {
  dynamo ??= new DynamoDBClient({});
  return dynamo;
}

export function docClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
  return documentClient;
}

/** Forget the clients (tests that restart the local servers on new ports call this). */
export function resetClients(): void {
  s3?.destroy();
  dynamo?.destroy();
  s3 = undefined;
  dynamo = undefined;
  documentClient = undefined;
}

export function bucketName(): string {
  const name = process.env.QUOTEDESK_BUCKET;
  if (!name) throw new Error('QUOTEDESK_BUCKET is not set');
  return name;
}

export function tableName(): string {
  const name = process.env.QUOTEDESK_TABLE;
  if (!name) throw new Error('QUOTEDESK_TABLE is not set');
  return name;
}
