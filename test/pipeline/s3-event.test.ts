/** The process function's input: S3 event notifications inside SQS message bodies. */
import { describe, expect, it } from 'vitest';
import { InvalidEventError, objectsFromSqsBody, sqsRecordForObject } from '#functions/events/s3-in-sqs.ts';

// An S3 notification as AWS writes it (fields the pipeline does not read included).
const NOTIFICATION = {
  Records: [
    {
      eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'eu-west-1', eventTime: '2024-05-01T12:00:00.123Z',
      eventName: 'ObjectCreated:Put', userIdentity: { principalId: 'AWS:EXAMPLE' },
      s3: { s3SchemaVersion: '1.0', bucket: { name: 'docs', arn: 'arn:aws:s3:::docs' }, object: { key: 'raw/a+b%C3%A9.txt', size: 12, eTag: 'x' } },
    },
    {
      eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'eu-west-1', eventTime: '2024-05-01T12:00:01.000Z',
      eventName: 'ObjectRemoved:Delete', s3: { bucket: { name: 'docs' }, object: { key: 'raw/old.txt' } },
    },
  ],
};

describe('objectsFromSqsBody', () => {
  it('reads created objects with their keys decoded, and skips removals', () => {
    expect(objectsFromSqsBody(JSON.stringify(NOTIFICATION))).toEqual([
      { bucket: 'docs', key: 'raw/a bé.txt', eventTime: '2024-05-01T12:00:00.123Z', size: 12 },
    ]);
  });

  it('reads what the local stack sends, and S3’s test event as nothing', () => {
    const record = sqsRecordForObject({ bucket: 'docs', key: 'raw/x y.html', size: 5, messageId: 'm-1' });
    expect(objectsFromSqsBody(record.body)).toMatchObject([{ bucket: 'docs', key: 'raw/x y.html', size: 5 }]);
    expect(objectsFromSqsBody(JSON.stringify({ Event: 's3:TestEvent', Bucket: 'docs' }))).toEqual([]);
  });

  it('refuses a body that is not JSON or not an S3 notification, saying which', () => {
    expect(() => objectsFromSqsBody('{')).toThrow(InvalidEventError);
    expect(() => objectsFromSqsBody(JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', eventTime: 'yesterday', s3: {} }] })))
      .toThrow(/not an S3 event notification/);
  });
});
