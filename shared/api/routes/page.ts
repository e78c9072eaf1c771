/** The quote browser: a static shell and its own script and stylesheet (no inline code, so the CSP can forbid it). */
import type { ApiApp } from '../deps.ts';

// The page and its chart library are loaded on the first request for them, so the API's cold start does not carry them.
const assets = () => import('../page/assets.ts');

/** Paths served without a token: the health check and the page's files (its data calls need one). */
export const PUBLIC_PATHS = ['/health', '/', '/favicon.ico', '/assets/app.js', '/assets/app.css', '/assets/uplot.js', '/assets/uplot.css'] as const;

const CACHE = 'public, max-age=300';
const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

export function registerPageRoutes(app: ApiApp): void {
  app.get('/', async (c) => c.html((await assets()).PAGE_HTML, 200, { 'cache-control': 'no-cache' }));
  // Browsers ask for an icon by themselves; there is none, and the answer needs no token.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': CACHE }));
  app.get('/assets/app.js', async (c) => c.body((await assets()).PAGE_JS, 200, { 'content-type': JS, 'cache-control': CACHE }));
  app.get('/assets/app.css', async (c) => c.body((await assets()).PAGE_CSS, 200, { 'content-type': CSS, 'cache-control': CACHE }));
  // The speaker page's chart library, loaded by that view only.
  app.get('/assets/uplot.js', async (c) => c.body((await assets()).UPLOT_JS, 200, { 'content-type': JS, 'cache-control': CACHE }));
  app.get('/assets/uplot.css', async (c) => c.body((await assets()).UPLOT_CSS, 200, { 'content-type': CSS, 'cache-control': CACHE }));
}
