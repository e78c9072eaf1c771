/**
 * The process function's bounded work: conversion and extraction of one document in a work thread
 * (see bounded-work.ts), each under its own deadline.
 */
import type { Extraction } from '../schema.ts';
import { loadHtmlReader } from '../text/document.ts';
import { toDocumentText } from '../text/formats.ts';
import { extract } from '../extract/index.ts';
import { BoundedWork, registerWorkHandler, registerWorkWarmup } from './bounded-work.ts';
import type { DocumentTextLike } from './process-document.ts';

type Hint = { contentType?: string; filename?: string; maxBytes?: number; url?: string };
type ExtractOptions = { id?: string; includeText?: boolean; keepApart?: Array<[string, string]> };

registerWorkHandler('toText', async (bytes: Uint8Array, hint: Hint) => {
  const result = await toDocumentText(bytes, hint);
  // Checked here, so a zip bomb's megabytes of text are never copied to the main thread.
  if (hint.maxBytes && result.text.length > hint.maxBytes) {
    throw Object.assign(new Error('text over the limit'), { reason: `the document's text is ${result.text.length} characters, over the ${hint.maxBytes}-character limit` });
  }
  return result;
});
registerWorkWarmup(loadHtmlReader);
registerWorkHandler('extract', (text: string, options: ExtractOptions) => extract(text, options));

export interface DocumentWorkOptions {
  /** Deadline of one conversion (default 3.5 s: a hostile page ends failed within 5 s). */
  convertTimeoutMs?: number;
  /** Deadline of one extraction: a base plus so much per MB of text (a 5 MB text takes ~4 s), at most 30 s. */
  extractTimeoutMs?: number;
  extractMsPerMb?: number;
  workers?: number;
  maxHeapMb?: number;
  maxJobsPerWorker?: number;
}

export class DocumentWork {
  private readonly pool: BoundedWork;
  private readonly convertTimeoutMs: number;
  private readonly extractTimeoutMs: number;
  private readonly extractMsPerMb: number;

  constructor(options: DocumentWorkOptions = {}) {
    this.pool = new BoundedWork({ handlersModule: import.meta.url, workers: options.workers, maxHeapMb: options.maxHeapMb, maxJobsPerWorker: options.maxJobsPerWorker });
    this.convertTimeoutMs = options.convertTimeoutMs ?? 3500;
    this.extractTimeoutMs = options.extractTimeoutMs ?? 5000;
    this.extractMsPerMb = options.extractMsPerMb ?? 3000;
  }

  toText(bytes: Uint8Array, hint: Hint): Promise<DocumentTextLike> {
    return this.pool.run('toText', [bytes, hint], this.convertTimeoutMs, 'reading the document');
  }

  extract(text: string, options: ExtractOptions): Promise<Extraction> {
    const limitMs = Math.min(30_000, this.extractTimeoutMs + Math.ceil((text.length / 1_000_000) * this.extractMsPerMb));
    return this.pool.run('extract', [text, options], limitMs, 'extraction');
  }

  warm(): void {
    this.pool.warm();
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
