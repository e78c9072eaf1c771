/** The page's own files: the chart library is the installed uPlot, served by the API without a token under the strict CSP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/api/app.ts';
import type { ApiApp } from '../../shared/api/deps.ts';
import { depsFromEnv } from '../../shared/api/runtime.ts';
import { UPLOT_CSS, UPLOT_JS, UPLOT_VERSION } from '../../shared/api/page/vendor/uplot.generated.ts';
import { uplotFiles } from '../../scripts/chart-asset.ts';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';

let aws: LocalAws;
let app: ApiApp;
beforeAll(async () => {
  aws = await startLocalAws();
  app = createApp({ ...depsFromEnv({ QUOTEDESK_WRITER_TOKEN: 'writer-token-for-tests-0123456789', QUOTEDESK_READER_TOKEN: 'reader-token-for-tests-0123456789' }), log: () => undefined });
});
afterAll(async () => aws?.stop());

describe('page assets', () => {
  it('serves the copy of the installed uPlot (rerun scripts/build-chart-asset.ts after updating it)', () => {
    const installed = uplotFiles();
    expect(UPLOT_VERSION).toBe(installed.version);
    expect(UPLOT_JS).toBe(installed.js);
    expect(UPLOT_CSS).toBe(installed.css);
  });

  it('answers the chart files and the icon without a token, and other paths still need one', async () => {
    const js = await app.request('/assets/uplot.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await js.text()).toBe(UPLOT_JS);
    expect((await app.request('/assets/uplot.css')).headers.get('content-type')).toContain('text/css');
    expect((await app.request('/favicon.ico')).status).toBe(204);
    expect((await app.request('/me')).status).toBe(401);
  });

  it('renders only with textContent: neither the page script nor the chart library writes HTML', async () => {
    for (const path of ['/assets/app.js', '/assets/uplot.js']) {
      const body = await (await app.request(path)).text();
      expect(body, path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
  });
});
