/**
 * The process function as deployed: bundled by the stack's own esbuild settings (lazy chunks for PDF.js,
 * mammoth and the HTML reader), imported from the bundle file and fed SQS events over dynalite and s3rver.
 * A PDF, a Word file and a web page each end `done` with their quotes: the chunks load where the work runs
 * (the bundle's work thread), and index.mjs itself carries none of them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunctionBundle } from '#infra/constructs/bundle.ts';
import { PROJECT_ROOT } from '#infra/stack.ts';
import { contentHash, documentIdFor } from '#shared/pipeline/identity.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { makeDocx, makePdf } from '../fixtures/formats/make.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { eventFor, lambdaContext, upload, type Handler } from '../pipeline/helpers.ts';

// Inside node_modules, so the bundle's external SDK imports resolve as they do from the Lambda runtime.
const OUT = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'quotedesk-bundle-test', 'process');

const LINES = ['"The ferry must run all winter," said Mayor Ana Ruiz.', '"We will pay for it," Ruiz added.'];
const HTML = `<!doctype html><html><head><title>Ferry</title></head><body><article><h1>Winter ferry</h1>
${LINES.map((line) => `<p>${line} The council met on Tuesday evening to vote on the harbour budget for next year.</p>`).join('\n')}
</article></body></html>`;

describe('the bundled process function', () => {
  let aws: LocalAws;
  let handler: Handler;

  beforeAll(async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    buildFunctionBundle({ projectRoot: PROJECT_ROOT, entry: 'functions/process.ts', target: 'node20', external: ['@aws-sdk/*', '@smithy/*'], metafile: true }, OUT);
    aws = await startLocalAws();
    handler = (await import(pathToFileURL(path.join(OUT, 'index.mjs')).href)).handler as Handler;
  }, 120_000);
  afterAll(async () => aws?.stop());

  it('keeps PDF.js, mammoth and linkedom out of index.mjs, in chunks', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(OUT, 'index.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const entry = Object.entries(meta.outputs).find(([name]) => name.endsWith('/index.mjs'))!;
    const inEntry = Object.keys(entry[1].inputs).join('\n');
    for (const library of ['node_modules/unpdf/', 'node_modules/mammoth/', 'node_modules/linkedom/']) {
      expect(inEntry).not.toContain(library);
      expect(Object.entries(meta.outputs).some(([name, output]) => name.includes('/chunks/') && Object.keys(output.inputs).some((input) => input.includes(library))), library).toBe(true);
    }
  });

  it('converts and indexes a PDF, a Word file and a web page through its chunks', async () => {
    const files = {
      'raw/ferry.pdf': { body: makePdf([LINES]), contentType: 'application/pdf' },
      'raw/ferry.docx': { body: makeDocx(LINES), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      'raw/ferry.html': { body: new TextEncoder().encode(HTML), contentType: 'text/html; charset=utf-8' },
    };
    for (const [key, file] of Object.entries(files)) await upload(key, file.body, { contentType: file.contentType });
    const response = await handler(eventFor(aws.bucket, Object.keys(files)), lambdaContext());
    expect(response.batchItemFailures).toEqual([]);
    const index = new DynamoIndexStore();
    for (const [key, file] of Object.entries(files)) {
      const doc = await index.getDocument(documentIdFor(contentHash(file.body)));
      expect(doc?.status, `${key}: ${doc?.reason}`).toBe('done');
      expect(doc?.counts?.quotes, key).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);
});
