/**
 * How a worker thread loads a module of this repo. Under tsx or vitest the module is TypeScript, and
 * Node 20 does not apply --import loaders to worker threads: the worker registers both of tsx's hooks
 * itself (the CJS one loads the module, the ESM one what it imports dynamically). In a bundle the module
 * is a plain file (index.mjs) and is loaded as it is.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export function workerEntry(moduleUrl: string): { entry: string | URL; eval: boolean } {
  const url = new URL(moduleUrl);
  if (!url.pathname.endsWith('.ts')) return { entry: url, eval: false };
  const entry =
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((esm) => { esm.register(); ` +
    `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(fileURLToPath(url))}); });`;
  return { entry, eval: true };
}
