/** The files of the installed uPlot package the page serves (read by the generator and by the test that checks the copy). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function uplotFiles(): { version: string; js: string; css: string } {
  const root = dirname(createRequire(import.meta.url).resolve('uplot/package.json'));
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  return { version: (JSON.parse(read('package.json')) as { version: string }).version, js: read('dist/uPlot.iife.min.js'), css: read('dist/uPlot.min.css') };
}
