import { Duration, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface IngestProps {
  bucket: s3.Bucket;
  /** Key prefix whose object-created events start processing (from the wiring list). */
  prefix: string;
  processFunction: lambda.IFunction;
  /** Longest a single invocation may run; the queue's visibility timeout is derived from it. */
  processTimeout: Duration;
  /** Upper bound of concurrent invocations the queue may drive (keep <= reserved concurrency). */
  maxConcurrency?: number;
}

/** Receives before a message is parked in the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;
export const BATCH_SIZE = 5;

/**
 * S3 object-created (raw prefix) → SQS queue (with a dead-letter queue) → process function, with
 * partial batch failures so one bad document never returns the rest of its batch to the queue.
 */
export class Ingest extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the ingest queue; a dead-letter queue of its own would only hide failures further.',
    });

    this.queue = new sqs.Queue(this, 'Queue', {
      // SSE-SQS rather than KMS: S3 event notifications can publish to it without a key policy.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance: at least six times the function timeout, so retries never overlap a running batch.
      visibilityTimeout: Duration.seconds(props.processTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    props.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.queue),
      { prefix: props.prefix },
    );

    props.processFunction.addEventSource(new SqsEventSource(this.queue, {
      batchSize: BATCH_SIZE,
      maxBatchingWindow: Duration.seconds(2),
      reportBatchItemFailures: true,
      maxConcurrency: props.maxConcurrency,
    }));
  }
}
