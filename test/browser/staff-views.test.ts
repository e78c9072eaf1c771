/**
 * The quote browser as staff use it, in Chromium over the full local stack: sign-in, roles, name flags with their
 * sentences, the Reject confirmation, totals, highlights, facets, the speaker directory and chart, claims,
 * uploads and merges to review. Every check reads what the page rendered. With QUOTEDESK_SCREENSHOTS=DIR (`npm run screenshots`) each
 * view is also saved there as a PNG.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFullStack, waitForDocument, type FullStack } from './full-stack.ts';
import { screenshot } from './screenshots.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

const clinic = readFileSync(new URL('../fixtures/browser/valley-clinic.txt', import.meta.url), 'utf8');
const DOCTOR = 'Rosalind Achterberg-Vance';
const FOLLOW_UP = 'Clinic talks stall\n\n“The owners have not answered our letter,” said Dr. Rosalind Achterberg-Vance, a family physician.\n';
// No title, no date anywhere in it: the page must say so, and name it after its file.
const BODY_LIMIT = 64 * 1024;
const MINUTES = 'Minutes\n\n“The bus shelter on Mill Road will be repaired,” said Councillor Priya Ramaswamy.\n';

describe.skipIf(!haveChromium)('quote browser for staff', () => {
  let stack: FullStack;
  let browser: Browser;
  let clinicId: string;
  const pageErrors: string[] = [];

  async function post(path: string, body: string, contentType: string): Promise<string> {
    const res = await fetch(`${stack.apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${stack.tokens.writer}`, 'content-type': contentType }, body });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await waitForDocument(stack, id)).toMatchObject({ status: 'done' });
    return id;
  }

  async function signedIn(role: 'reader' | 'writer', hash = '#/'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
    await page.goto(stack.apiUrl);
    await page.getByLabel('Access token').fill(stack.tokens[role]);
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect.poll(() => page.locator('#signin').isHidden()).toBe(true);
    await page.goto(`${stack.apiUrl}/${hash}`);
    return page;
  }

  /** Drops a text file on the upload zone, as a user dragging it from their desktop would. */
  async function dropFile(page: Page, name: string, text: string): Promise<void> {
    const files = await page.evaluateHandle(([body, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([body], fileName, { type: 'text/plain' }));
      return transfer;
    }, [text, name] as const);
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: files });
  }

  const speakerId = async () => {
    const res = await fetch(`${stack.apiUrl}/speakers?name=${encodeURIComponent(DOCTOR)}`, { headers: { authorization: `Bearer ${stack.tokens.reader}` } });
    return ((await res.json()) as { items: Array<{ id: string }> }).items[0].id;
  };

  beforeAll(async () => {
    // A small body limit, so a file past it (sent to S3 by a presigned PUT) stays quick to process.
    process.env.QUOTEDESK_API_MAX_BODY_BYTES = String(BODY_LIMIT);
    stack = await startFullStack();
    clinicId = await post(`/documents?${new URLSearchParams({ title: 'Valley clinic doctors vote to join a union', publishedAt: '2024-05-06', source: 'fixture', collection: 'clinics' })}`, clinic, 'text/plain');
    await post(`/documents?${new URLSearchParams({ title: 'Clinic talks stall', publishedAt: '2024-02-12' })}`, FOLLOW_UP, 'text/plain');
    await post('/documents?filename=council-minutes.txt', MINUTES, 'text/plain');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    delete process.env.QUOTEDESK_API_MAX_BODY_BYTES;
    await browser?.close();
    await stack?.stop();
  });

  it('refuses a wrong token at sign-in, before any search', async () => {
    const page = await browser.newPage();
    await page.goto(stack.apiUrl);
    await page.getByLabel('Access token').fill('this-is-not-a-token-of-this-desk');
    await page.getByRole('button', { name: 'Use token' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('That token was not accepted. Enter a valid token.');
    expect(await page.locator('#signin').isVisible()).toBe(true);
    expect(await page.locator('#search').isVisible()).toBe(false);
    expect(await page.evaluate(() => sessionStorage.getItem('quotedesk.token'))).toBeNull();
    await screenshot(page, 'signin-wrong-token');
    await page.close();
  });

  it('shows a reader no writer actions: no Upload, no Confirm or Reject', async () => {
    const page = await signedIn('reader', `#/speaker/${await speakerId()}`);
    await expect.poll(() => page.locator('#speaker-name').textContent()).toBe(DOCTOR);
    await expect.poll(() => page.locator('.flag').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Confirm|Reject/ }).count()).toBe(0);
    expect(await page.locator('.flag').textContent()).toContain('“Achterberg-Vanse”');
    expect(await page.locator('#role').textContent()).toBe('reader');
    expect(await page.getByRole('link', { name: 'Upload' }).isVisible()).toBe(false);
    await screenshot(page, 'reader-no-writer-buttons');
    await page.goto(`${stack.apiUrl}/#/upload`);
    await expect.poll(() => page.locator('#view').textContent()).toBe('Uploading needs a writer token.');
    await page.close();
  });

  it('shows a flag’s spellings as text, each with the sentence it was written in and a link into the document', async () => {
    const page = await signedIn('reader', '#/flags');
    const flag = page.locator('.flag');
    await expect.poll(() => flag.count()).toBe(1);
    const text = (await flag.textContent()) ?? '';
    expect(text).not.toContain('[object Object]');
    expect(await flag.locator('.variant').allTextContents()).toEqual(['“Achterberg-Vanse”', '“Akhterberg-Vance”']);
    expect(await flag.locator('span.sentence').allTextContents()).toEqual([
      '"We asked for a seat at the table and we were told to wait," Achterberg-Vanse said.',
      '"Patients waited 40 days on average for an appointment last year," said Akhterberg-Vance, who has worked at the clinic for nine years.',
    ]);
    expect(await flag.locator('span.sentence mark').allTextContents()).toEqual(['Achterberg-Vanse', 'Akhterberg-Vance']);
    await screenshot(page, 'flag-variants-sentences');
    await flag.getByRole('link', { name: 'in “Valley clinic doctors vote to join a union”' }).first().click();
    await expect.poll(() => page.locator('mark#highlight').textContent()).toBe('Achterberg-Vanse');
    expect(await page.getByText('The spelling is highlighted below.').count()).toBe(1);
    await page.close();
  });

  it('asks before Reject splits a person; Cancel changes nothing', async () => {
    const page = await signedIn('writer', `#/speaker/${await speakerId()}`);
    await page.getByRole('button', { name: 'Reject: different people' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent()).toContain(
      `Split ${DOCTOR} / Achterberg-Vanse / Akhterberg-Vance into different people for good?`,
    );
    expect(await page.getByRole('button', { name: 'Yes, split them' }).isVisible()).toBe(true);
    await screenshot(page, 'reject-confirmation');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Nothing changed.');
    expect(await page.getByRole('button', { name: 'Reject: different people' }).isVisible()).toBe(true);
    const res = await fetch(`${stack.apiUrl}/documents/${clinicId}/flags`, { headers: { authorization: `Bearer ${stack.tokens.reader}` } });
    expect(((await res.json()) as { items: Array<{ status: string }> }).items.map((f) => f.status)).toEqual(['open']);
    await page.close();
  });

  it('does not carry a list’s status line over to the next view', async () => {
    const page = await signedIn('reader', `#/search?speaker=${encodeURIComponent('Achterberg-Vanse')}`);
    await expect.poll(() => page.locator('ol.quotes > li').count()).toBeGreaterThan(1);
    await page.locator('ol.quotes a[href^="#/speaker/"]').first().click();
    await expect.poll(() => page.locator('#speaker-name').textContent()).toBe(DOCTOR);
    await expect.poll(() => page.locator('ol.quotes > li').count()).toBe(4);
    expect(await page.locator('#status').textContent()).toBe('');
    await page.close();
  });

  it('says "date unknown" for an undated quote and names an untitled upload after its file', async () => {
    const page = await signedIn('reader', '#/search?q=shelter');
    const meta = page.locator('ol.quotes > li .meta');
    await expect.poll(() => meta.count()).toBe(1);
    expect(await meta.textContent()).toContain('date unknown');
    expect(await meta.textContent()).not.toContain('undated');
    await meta.getByRole('link', { name: 'in “council-minutes”' }).click();
    await expect.poll(() => page.locator('#view h2').textContent()).toBe('council-minutes');
    expect(await page.locator('#view .meta').first().textContent()).toContain('date unknown');
    await page.close();
  });

  it('shows the total, marks the searched words and narrows by facets', async () => {
    const page = await signedIn('reader', '#/search?q=doctors');
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('2 quotes');
    expect(await page.locator('ol.quotes blockquote mark').allTextContents()).toEqual(['doctors', 'doctors']);
    const facets = page.locator('aside.facets');
    expect(await facets.locator('h3').allTextContents()).toEqual(['Collection', 'Speaker', 'Kind', 'Month']);
    expect(await facets.locator('li').allTextContents()).toEqual(['clinics 2', 'Omar Haddad 1', `${DOCTOR} 1`, 'direct 2', '2024-05 2']);
    await screenshot(page, 'facets');
    await page.getByLabel('Order').selectOption('relevance');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('#view .results .meta').first().textContent()).toBe('Best match first.');
    await page.goto(`${stack.apiUrl}/#/search?q=doctors`);
    await expect.poll(() => page.locator('#view .results .meta').first().textContent()).toBe('Newest first.');
    await facets.getByRole('link', { name: 'Omar Haddad' }).click();
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('1 quote');
    expect(await page.locator('ol.quotes blockquote').textContent()).toContain('We have hired 12 new doctors');
    expect(await page.getByLabel('Speaker (any spelling)').inputValue()).toBe('Omar Haddad');
    await page.goto(`${stack.apiUrl}/#/search?q=doctors`);
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('2 quotes');
    await page.locator('aside.facets').getByRole('link', { name: 'clinics' }).click();
    await expect.poll(() => page.locator('#collection').inputValue()).toBe('clinics');
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('2 quotes');
    await page.close();
  });

  it('lists speakers by letter with their quote counts', async () => {
    const page = await signedIn('reader', '#/speakers?letter=H');
    await expect.poll(() => page.locator('li.speaker').allTextContents()).toEqual(['Omar Haddad 2 quotes director, Clinic']);
    await page.getByRole('link', { name: 'A', exact: true }).click();
    await expect.poll(() => page.locator('li.speaker').allTextContents()).toEqual([`${DOCTOR} 4 quotes Dr. · family physician`]);
    await page.close();
  });

  it('charts a speaker’s quotes per month, loading the chart library on that page only', async () => {
    const page = await signedIn('reader', '#/search?q=doctors');
    const chartRequests: string[] = [];
    page.on('request', (request) => { if (request.url().includes('/assets/uplot')) chartRequests.push(new URL(request.url()).pathname); });
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('2 quotes');
    await page.goto(`${stack.apiUrl}/#/claims`);
    await expect.poll(() => page.locator('li.claim').count()).toBeGreaterThan(0);
    expect(chartRequests).toEqual([]);
    await page.goto(`${stack.apiUrl}/#/speaker/${await speakerId()}`);
    await expect.poll(() => page.locator('.chart canvas').count()).toBeGreaterThan(0);
    expect(chartRequests.sort()).toEqual(['/assets/uplot.css', '/assets/uplot.js']);
    expect(await page.locator('.month-counts li').allTextContents()).toEqual(['2024-02: 1 quote', '2024-05: 3 quotes']);
    expect(await page.locator('.chart').getAttribute('aria-label')).toBe('Quotes per month, 2024-02 to 2024-05');
    await screenshot(page, 'speaker-chart');
    await page.close();
  });

  it('lists claims by score with their speakers, and filters them', async () => {
    const page = await signedIn('reader', '#/claims');
    const claims = page.locator('li.claim');
    await expect.poll(() => claims.count()).toBeGreaterThan(3);
    const first = claims.first();
    expect(await first.locator('blockquote').textContent()).toContain('Our clinic lost 45 percent of its doctors');
    expect(await first.locator('.meta').textContent()).toMatch(/^score 0\.9\d/);
    expect(await first.getByRole('link', { name: DOCTOR }).count()).toBe(1);
    const scores = (await claims.locator('.score').allTextContents()).map((s) => Number(s.replace('score ', '')));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await screenshot(page, 'claims');
    await page.locator('#claim-collection').fill('clinics');
    await page.getByRole('button', { name: 'List claims' }).click();
    await expect.poll(() => claims.count()).toBe(5);
    await page.locator('#claim-collection').fill('');
    await page.getByLabel('Speaker', { exact: true }).fill('Haddad');
    await page.getByRole('button', { name: 'List claims' }).click();
    await expect.poll(() => claims.locator('blockquote').allTextContents()).toEqual([expect.stringContaining('We have hired 12 new doctors')]);
    expect(await page.locator('#view .count').textContent()).toBe('1 claim');
    await page.close();
  });

  it('lets a writer upload by drag and drop, with progress, then follows the document to done', async () => {
    const page = await signedIn('writer', '#/upload');
    await expect.poll(() => page.locator('#dropzone').isVisible()).toBe(true);
    const text = 'Ferry timetable\n\n“The first ferry will leave at six from next week,” said harbour master Ines Calloway.\n';
    await dropFile(page, 'ferry-timetable.txt', text);
    const row = page.locator('li.upload');
    await expect.poll(() => row.locator('.upload-status').textContent(), { timeout: 20_000 }).toBe('done: 1 quote.');
    expect(await row.locator('strong').textContent()).toBe('ferry-timetable.txt');
    expect(await row.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(100);
    await screenshot(page, 'upload');
    await row.getByRole('link', { name: 'open the document' }).click();
    await expect.poll(() => page.locator('#view h2').textContent()).toBe('ferry-timetable');
    expect(await page.locator('ol.quotes blockquote').textContent()).toContain('The first ferry will leave at six');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('uploads a file over the API body limit straight to S3 by a presigned PUT, under the strict CSP, and follows it to done', async () => {
    const page = await signedIn('writer', '#/upload');
    await expect.poll(() => page.locator('#dropzone').isVisible()).toBe(true);
    const csp = (await fetch(stack.apiUrl)).headers.get('content-security-policy') ?? '';
    // The page may connect to its own origin and the bucket's, nothing else.
    expect(csp).toContain(`connect-src 'self' ${stack.local.s3Endpoint}`);
    const filler = 'The minutes record the items discussed at length by the board.\n\n'.repeat(1500);
    const text = `Harbour board\n\n“The new pier opens in June,” said harbour master Ines Calloway.\n\n${filler}`;
    expect(text.length).toBeGreaterThan(BODY_LIMIT);
    await dropFile(page, 'harbour-board.txt', text);
    const row = page.locator('li.upload').filter({ hasText: 'harbour-board.txt' });
    await expect.poll(() => row.locator('.upload-status').textContent(), { timeout: 40_000 }).toBe('done: 1 quote.');
    expect(await row.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(100);
    await row.getByRole('link', { name: 'open the document' }).click();
    await expect.poll(() => page.locator('#view h2').textContent()).toBe('harbour-board');
    expect(await page.locator('ol.quotes blockquote').textContent()).toContain('The new pier opens in June');
    // Until the pipeline registers the upload, its id answers 404, which Chromium logs; nothing else may go wrong.
    expect(pageErrors.filter((e) => e !== 'Failed to load resource: the server responded with a status of 404 (Not Found)')).toEqual([]);
    await page.close();
  });

  it('lists every speaker most quoted first, with the documents they are quoted in', async () => {
    const page = await signedIn('reader', '#/speakers');
    const speakers = page.locator('li.speaker');
    await expect.poll(() => speakers.count()).toBeGreaterThan(2);
    expect(await page.locator('#view section h2').textContent()).toBe('Speakers, most quoted first');
    expect(await speakers.first().textContent()).toBe(`${DOCTOR} 4 quotes in 2 documents Dr. · family physician`);
    expect(await speakers.allTextContents()).toContain('Omar Haddad 2 quotes in 1 document director, Clinic');
    const counts = (await speakers.locator('.count-badge').allTextContents()).map((t) => Number(t.split(' ')[0]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await screenshot(page, 'speakers-most-quoted');
    await page.close();
  });

  it('shows a merge to review with its evidence, asks before Reject, and lets a writer confirm it', async () => {
    // "Haddad" alone, in a later document: the only person of that surname, so credited to him and put up for review.
    await post(`/documents?${new URLSearchParams({ title: 'Clinic opening hours', publishedAt: '2024-06-01' })}`, 'Clinic opening hours\n\n“We will open on Saturdays from July,” Haddad said.\n', 'text/plain');
    const reader = await signedIn('reader', '#/merges');
    const merge = reader.locator('.merge');
    await expect.poll(() => merge.count()).toBe(1);
    const text = (await merge.textContent()) ?? '';
    expect(text).toContain('“Haddad” in “Clinic opening hours” was taken for Omar Haddad.');
    expect(text).toMatch(/why: [^;]*Haddad/);
    expect(text).toMatch(/confidence \d+%status: open/);
    expect(text).not.toContain('[object Object]');
    expect(await reader.getByRole('button', { name: /Confirm|Reject/ }).count()).toBe(0);
    await reader.close();

    const page = await signedIn('writer', '#/merges');
    await page.getByRole('button', { name: 'Reject: someone else' }).click();
    await expect.poll(() => page.getByRole('alertdialog').textContent()).toContain('Is “Haddad” in this document someone other than Omar Haddad?');
    await screenshot(page, 'merge-reject-confirmation');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Nothing changed.');
    await page.getByRole('button', { name: 'Confirm: same person' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Merge confirmed: “Haddad” and Omar Haddad.');
    await expect.poll(() => page.locator('#view .count').textContent()).toBe('No merges to review.');
    await page.close();
  });
});
