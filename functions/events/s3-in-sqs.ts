/**
 * The process function's input: SQS records whose body is an S3 event notification (S3 → SQS →
 * Lambda). Validated with zod against the fields read here (the whole-event schemas of the Powertools
 * Parser import zod in a way that keeps all of it in the bundle); keys URL-decoded here, once.
 */
import * as z from 'zod';
import { decodeS3EventKey, encodeS3EventKey } from '#shared/pipeline/s3-keys.ts';

export interface ObjectCreated {
  bucket: string;
  key: string;
  eventTime: string;
  size?: number;
}

/** The part of an S3 event notification the pipeline reads. */
const S3NotificationSchema = z.object({
  Records: z.array(z.object({
    eventName: z.string(),
    eventTime: z.iso.datetime(),
    s3: z.object({
      bucket: z.object({ name: z.string().min(1) }),
      object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative().optional() }),
    }),
  })),
});

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** Objects created that one SQS message body reports; [] for S3's test event and for removals. */
export function objectsFromSqsBody(body: string): ObjectCreated[] {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new InvalidEventError('SQS message body is not JSON');
  }
  if ((payload as { Event?: string })?.Event === 's3:TestEvent') return [];
  const parsed = S3NotificationSchema.safeParse(payload);
  if (!parsed.success) throw new InvalidEventError(`not an S3 event notification: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data.Records.filter((r) => r.eventName.startsWith('ObjectCreated:')).map((r) => ({
    bucket: r.s3.bucket.name,
    key: decodeS3EventKey(r.s3.object.key),
    eventTime: r.eventTime,
    size: r.s3.object.size,
  }));
}

/** Build the SQS record AWS would deliver for an object-created event (used by the local stack and tests). */
export function sqsRecordForObject(input: { bucket: string; key: string; size?: number; eTag?: string; eventName?: string; messageId: string; region?: string }) {
  const region = input.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const now = new Date().toISOString();
  const s3Event = {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: now,
        eventName: input.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: 'local' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': input.messageId.slice(0, 16), 'x-amz-id-2': 'local' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'quotedesk-raw',
          bucket: { name: input.bucket, ownerIdentity: { principalId: 'local' }, arn: `arn:aws:s3:::${input.bucket}` },
          object: { key: encodeS3EventKey(input.key), size: input.size ?? 0, eTag: input.eTag ?? '', sequencer: Date.now().toString(16).toUpperCase() },
        },
      },
    ],
  };
  return {
    messageId: input.messageId,
    receiptHandle: `local-${input.messageId}`,
    body: JSON.stringify(s3Event),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:000000000000:quotedesk-process`,
    awsRegion: region,
  };
}
