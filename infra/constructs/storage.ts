import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';

export interface StorageProps {
  /** Dev stacks lose their data on `cdk destroy`; everything else keeps it. */
  dev: boolean;
}

/**
 * The document bucket (raw uploads and extraction results), its access-log bucket, and the
 * single-table index declared from the same plain-data definition the local stack uses.
 *
 * Encryption is SSE-S3 rather than SSE-KMS: the documents are published news and press
 * statements, S3 server access logs cannot be delivered to a KMS-encrypted bucket, and SSE-S3
 * adds no per-request KMS calls (or KMS quotas) to bulk ingest, presigned uploads or the
 * S3 → SQS notification path, while still encrypting every object at rest.
 */
export class Storage extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy,
      autoDeleteObjects: props.dev,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the server-access-log target of the document bucket; logging it to itself would loop and to another bucket would only move the problem.',
    });

    this.bucket = new s3.Bucket(this, 'Documents', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        {
          // Re-extraction overwrites results/; keep a few old versions for a month, then let them go.
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(30),
          noncurrentVersionsToRetain: 3,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy,
      autoDeleteObjects: props.dev,
    });

    this.table = new dynamodb.Table(this, 'Index', {
      partitionKey: { name: TABLE_DEFINITION.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DEFINITION.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: billingMode(TABLE_DEFINITION.billingMode),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !props.dev,
      timeToLiveAttribute: TABLE_DEFINITION.ttlAttribute,
      removalPolicy,
    });
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: projection(TABLE_DEFINITION.projection),
      });
    }
  }
}

function billingMode(mode: string): dynamodb.BillingMode {
  if (mode === 'PAY_PER_REQUEST') return dynamodb.BillingMode.PAY_PER_REQUEST;
  throw new Error(`Unsupported billing mode in the table definition: ${mode}`);
}

function projection(kind: string): dynamodb.ProjectionType {
  if (kind === 'ALL') return dynamodb.ProjectionType.ALL;
  if (kind === 'KEYS_ONLY') return dynamodb.ProjectionType.KEYS_ONLY;
  throw new Error(`Unsupported projection in the table definition: ${kind}`);
}
