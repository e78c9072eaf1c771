/**
 * Two SQS batches handled at once by one process handler (the local queue runs two in flight; a
 * Lambda container may too): each batch reports exactly its own failed records.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventFor, lambdaContext, processHandlerStack, upload } from './helpers.ts';

describe('process handler, concurrent batches', () => {
  const stack = processHandlerStack();

  it('reports each batch its own failures', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const good: string[] = [];
      for (let i = 0; i < 3; i++) {
        const key = `raw/concurrent/${trial}-${i}.txt`;
        await upload(key, `Mayor Ada Quill said on day ${trial}-${i} that the bridge opens.\n\n"It is ready," Quill said.\n`);
        good.push(key);
      }
      // A key with no object fails with an infrastructure error, so its message must be retried.
      const missing = `raw/concurrent/missing-${randomUUID()}.txt`;
      const failing = eventFor(stack.aws.bucket, [good[0], missing]);
      const passing = eventFor(stack.aws.bucket, [good[1], good[2]]);
      const [a, b] = await Promise.all([stack.handler(failing, lambdaContext()), stack.handler(passing, lambdaContext())]);
      expect(a.batchItemFailures).toEqual([{ itemIdentifier: failing.Records[1].messageId }]);
      expect(b.batchItemFailures).toEqual([]);
    }
  });
});
