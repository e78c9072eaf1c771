/**
 * Hostile documents cost a bounded time and never stall the process's own thread: conversion and
 * extraction run in a worker with a deadline, and the HTML pre-scan refuses absurd nesting at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFor, lambdaContext, processHandlerStack, upload } from './helpers.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { DocumentWork } from '#shared/pipeline/document-work.ts';
import { PageWork } from '#shared/crawl/page-work.ts';
import { checkHtmlShape } from '#shared/text/html-limits.ts';
import { contentHash, documentIdFor } from '#shared/pipeline/identity.ts';

/** Largest gap between ticks of a 10 ms timer while `work` runs: how long the thread was blocked. */
async function maxLag<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), lagMs };
  } finally {
    clearInterval(timer);
  }
}

const paragraphs = (n: number) => '<p>The council said on Monday that the harbour will reopen next week after repairs.</p>'.repeat(n);

describe('HTML shape limits', () => {
  it('refuses deep nesting and element floods, and passes ordinary pages', () => {
    expect(() => checkHtmlShape(`<html><body>${'<div>'.repeat(5000)}x</body></html>`)).toThrow(/nested more than 400/);
    expect(() => checkHtmlShape(`<body>${'<b>'.repeat(2000)}</body>`)).toThrow(/nested/);
    expect(() => checkHtmlShape(`<body>${'<p>x'.repeat(40_000)}</body>`)).toThrow(/more than 30000 elements/);
    expect(checkHtmlShape(`<html><body><article>${paragraphs(50)}<ul><li>a<li>b</ul><img src=x><br></article></body></html>`).depth).toBeLessThan(6);
    // Tags inside scripts and comments are not structure.
    expect(checkHtmlShape(`<body><script>${'<div>'.repeat(5000)}</script><!-- ${'<div>'.repeat(5000)} --><p>x</p></body>`).depth).toBe(2);
  });
});

describe('bounded work', () => {
  let work: DocumentWork;
  beforeAll(() => {
    work = new DocumentWork({ convertTimeoutMs: 1500 });
  });
  afterAll(async () => work?.close());

  it('converts in the worker, and a page past the deadline fails with a reason while the thread stays free', async () => {
    const page = `<html><head><title>Pier</title></head><body><article>${paragraphs(8)}</article></body></html>`;
    expect((await work.toText(new TextEncoder().encode(page), { contentType: 'text/html' })).text).toContain('harbour will reopen');
    // 12,000 paragraphs pass the shape limits but take Readability seconds even on a fast machine: the deadline ends it.
    const slow = `<html><body><article>${paragraphs(12_000)}</article></body></html>`;
    const started = Date.now();
    const { result, lagMs } = await maxLag(() => work.toText(new TextEncoder().encode(slow), { contentType: 'text/html' }).then(() => null, (e: Error & { reason?: string }) => e));
    expect(result?.reason).toMatch(/took longer than 1\.5 s/);
    expect(Date.now() - started).toBeLessThan(3000);
    // In this thread, Readability would block for seconds; the bound leaves room for timer jitter on a busy machine.
    expect(lagMs).toBeLessThan(250);
    // The next document gets a fresh worker.
    expect((await work.toText(new TextEncoder().encode(page), { contentType: 'text/html' })).title).toBe('Pier');
  });
});

describe('the crawler\'s page work', () => {
  it('reads a page off the thread, and ends a slow one at the deadline with a reason', async () => {
    const pages = new PageWork(1500);
    try {
      const ok = await pages.readHtml(new TextEncoder().encode(`<html><head><title>Pier</title></head><body><article>${paragraphs(8)}</article></body></html>`), { contentType: 'text/html' });
      expect(ok.text).toContain('harbour will reopen');
      const { result, lagMs } = await maxLag(() => pages.readHtml(new TextEncoder().encode(`<html><body><article>${paragraphs(12_000)}</article></body></html>`), { contentType: 'text/html' }).then(() => null, (e: Error & { reason?: string }) => e));
      expect(result?.reason).toMatch(/reading the page took longer than 1\.5 s/);
      // In this thread, Readability here would block for seconds; the bound leaves room for a busy machine.
      expect(lagMs).toBeLessThan(250);
      await expect(pages.readHtml(new TextEncoder().encode(`<body>${'<div>'.repeat(5000)}</body>`), { contentType: 'text/html' })).rejects.toMatchObject({ reason: expect.stringContaining('nested more than 400') });
    } finally {
      await pages.close();
    }
  });
});

describe('worker recycling', () => {
  it('replaces a worker after its job budget, so nothing it accumulated outlives it', async () => {
    const recycled = new DocumentWork({ maxJobsPerWorker: 2 });
    try {
      const threads = new Set<number>();
      for (let i = 0; i < 5; i++) {
        const result = await recycled.extract(`Mayor Jo Ann said on day ${i}: "We are ready."`, {});
        expect(result.quotes).toHaveLength(1);
        const slot = (recycled as unknown as { pool: { slots: Array<{ worker: { threadId: number } }> } }).pool.slots[0];
        if (slot) threads.add(slot.worker.threadId);
      }
      expect(threads.size).toBeGreaterThanOrEqual(2);
    } finally {
      await recycled.close();
    }
  });
});

describe('process handler on a hostile page', () => {
  const stack = processHandlerStack();

  it('a page nested 100,000 deep ends failed with the reason in well under 5 s', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
    await upload('raw/hostile/nested.html', html, { contentType: 'text/html' });
    // Warm: the first document also starts the work thread.
    await upload('raw/hostile/warm.txt', 'Mayor Jo Ann said on Monday: "We are ready."\n');
    await stack.handler(eventFor(stack.aws.bucket, ['raw/hostile/warm.txt']), lambdaContext());
    const started = Date.now();
    const { result, lagMs } = await maxLag(() => stack.handler(eventFor(stack.aws.bucket, ['raw/hostile/nested.html']), lambdaContext()));
    expect(result.batchItemFailures).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lagMs).toBeLessThan(100);
    const doc = await new DynamoIndexStore().getDocument(documentIdFor(contentHash(Buffer.from(html))));
    expect(doc).toMatchObject({ status: 'failed', reason: expect.stringContaining('nested more than 400') });
  });
});
