/**
 * Intake under a crash (kill -9) between its two steps, over s3rver + dynalite: a process that dies
 * runs nothing after the crash point, so the stores are wrapped to fail from that moment on.
 * A client's retry of the interrupted upload must end with the bytes stored and the document processed.
 */
import { describe, expect, it } from 'vitest';
import { eventFor, lambdaContext, processHandlerStack } from './helpers.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentIntakeService } from '#shared/pipeline/intake.ts';
import type { DocumentStore, IndexStore } from '#shared/storage/ports.ts';

class Killed extends Error {}

/** Real stores until `crash()` is called; from then on every call fails, as in a dead process. */
function crashable<T extends object>(target: T, crashOn: keyof T, state: { dead: boolean }): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (state.dead) throw new Killed('process killed');
        if (prop === crashOn) {
          state.dead = true;
          throw new Killed('process killed');
        }
        return value.apply(obj, args);
      };
    },
  });
}

describe('intake survives a crash between upload and registration', () => {
  const stack = processHandlerStack();

  for (const crashOn of ['putRaw', 'registerDocument'] as const) {
    it(`a retry after a crash at ${crashOn} stores the bytes and the document is processed`, async () => {
      const text = `Harbourmaster Ines Vale said on Monday the pier reopens (${crashOn}).\n\n"The repairs are finished," Vale said.\n`;
      const body = Buffer.from(text);
      const state = { dead: false };
      const documents = new S3DocumentStore();
      const index = new DynamoIndexStore();
      const dying = new DocumentIntakeService(
        crashOn === 'putRaw' ? crashable<DocumentStore>(documents, 'putRaw', state) : documents,
        crashOn === 'registerDocument' ? crashable<IndexStore>(index, 'registerDocument', state) : crashable<IndexStore>(index, 'setStatus' as keyof IndexStore, state),
      );
      await expect(dying.submit(body, { filename: 'pier.txt', contentType: 'text/plain' })).rejects.toThrow();

      // The client retries against a restarted process.
      const retry = await new DocumentIntakeService(documents, index).submit(body, { filename: 'pier.txt', contentType: 'text/plain' });
      const doc = await index.getDocument(retry.id);
      expect(doc).not.toBeNull();
      expect(await documents.headRaw(doc!.rawKeys[0])).not.toBeNull();

      const response = await stack.handler(eventFor(stack.aws.bucket, [doc!.rawKeys[0]]), lambdaContext());
      expect(response.batchItemFailures).toEqual([]);
      expect((await index.getDocument(retry.id))?.status).toBe('done');
    });
  }
});
