/**
 * The quote browser in a real browser (Debian's Chromium driven by playwright-core) against the full local path:
 * upload through the API → s3rver event → process handler → DynamoDB index → API → page.
 * Skipped, with a message, where /usr/bin/chromium is missing (`.ci/run` installs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOAD } from '../fixtures/api/seed.ts';
import { startFullStack, waitForDocument, type FullStack } from './full-stack.ts';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const article = readFileSync(new URL('../fixtures/api/riverside-nurses.txt', import.meta.url), 'utf8');
// Two different men with near-identical names, which the extractor first takes for one person.
const harbour = readFileSync(new URL('../fixtures/api/harbour-board.txt', import.meta.url), 'utf8');
const CANONICAL = 'Marguerite Thibodeaux-Lang';

describe.skipIf(!haveChromium)('quote browser', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let documentId: string;
  let xssDocumentId: string;
  const pageErrors: string[] = [];

  async function upload(body: unknown): Promise<string> {
    const res = await fetch(`${stack.apiUrl}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.tokens.writer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    stack = await startFullStack();
    documentId = await upload({ text: article, title: 'Riverside nurses vote to join a union', source: 'fixture', publishedAt: '2024-06-04' });
    xssDocumentId = await upload({
      text: `Council notes\n\n“We will publish everything ${XSS_PAYLOAD} on Friday,” said Councillor Dana Whitfield.\n`,
      title: `<img src=x onerror="window.__pwned = true">Notes`,
      publishedAt: '2024-06-01',
    });
    expect(await waitForDocument(stack, documentId)).toMatchObject({ status: 'done', reason: null });
    expect(await waitForDocument(stack, xssDocumentId)).toMatchObject({ status: 'done', reason: null });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('asks for a token, then finds every quote of a person searched by a variant spelling, under the canonical name', async () => {
    await page.goto(stack.apiUrl);
    await page.getByLabel('Access token').fill(stack.tokens.writer);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByLabel('Speaker (any spelling)').fill('Tibodeaux-Lang');
    // Variant suggestions come from /speakers and name the canonical person.
    await expect.poll(() => page.locator('#speaker-suggestions option').evaluateAll((options) => options.map((o) => o.textContent))).toContain(CANONICAL);
    await page.getByRole('button', { name: 'Search' }).click();
    const quotes = page.locator('ol.quotes > li');
    await expect.poll(() => quotes.count()).toBe(4);
    const speakers = await quotes.locator('.meta a[href^="#/speaker/"]').allTextContents();
    expect(new Set(speakers)).toEqual(new Set([CANONICAL]));
    expect(await quotes.locator('blockquote').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('staffing ratios'), expect.stringContaining('seat at the table')]),
    );
  });

  it('opens a quote in its document with the quote highlighted in context', async () => {
    await page.locator('ol.quotes > li').filter({ hasText: 'staffing ratios' }).getByRole('link', { name: /in “Riverside/ }).click();
    const mark = page.locator('mark#highlight');
    await expect.poll(() => mark.textContent()).toContain('staffing ratios had become unsafe');
    expect(await page.locator('.doc-text').textContent()).toContain('Nurses at Riverside Children');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('highlight');
  });

  it('shows the speaker with every spelling and confirms the name flag', async () => {
    await page.locator('ol.quotes a[href^="#/speaker/"]').first().click();
    await expect.poll(() => page.locator('#speaker-name').textContent()).toBe(CANONICAL);
    const spellings = await page.locator('article ul.plain li').allTextContents();
    expect(spellings).toEqual(expect.arrayContaining([CANONICAL, 'Thibodaux-Lang', 'Tibodeaux-Lang']));
    await page.getByRole('button', { name: 'Confirm: same person' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('confirmed');
    await expect.poll(() => page.locator('.flag').count()).toBe(0);
    const res = await fetch(`${stack.apiUrl}/documents/${documentId}/flags`, { headers: { authorization: `Bearer ${stack.tokens.reader}` } });
    const flags = (await res.json()) as { items: Array<{ status: string }> };
    expect(flags.items.map((f) => f.status)).toEqual(['confirmed']);
  });

  it('shows text with markup from a document as text: nothing in it runs', async () => {
    await page.goto(`${stack.apiUrl}/#/search?q=publish`);
    const quote = page.locator('ol.quotes blockquote').filter({ hasText: 'publish everything' });
    await expect.poll(() => quote.textContent()).toContain('<script>');
    await page.locator('ol.quotes a[href^="#/document/"]').first().click();
    await expect.poll(() => page.locator('.doc-text').textContent()).toContain('<img src=x');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('rejects a wrong merge: the document is re-extracted and the two people are kept apart', async () => {
    const id = await upload({ text: harbour, title: 'Harbour board splits on dredging', publishedAt: '2024-06-10' });
    expect(await waitForDocument(stack, id)).toMatchObject({ status: 'done' });
    await page.goto(`${stack.apiUrl}/#/search?speaker=${encodeURIComponent('John Peterson')}`);
    await expect.poll(() => page.locator('ol.quotes > li').count()).toBe(5);
    await page.locator('ol.quotes a[href^="#/speaker/"]').first().click();
    await expect.poll(() => page.locator('#speaker-name').textContent()).toBe('Jon Petersen');
    await page.getByRole('button', { name: 'Reject: different people' }).click();
    await page.getByRole('button', { name: 'Yes, split them' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('rejected');
    // The rejection re-emits the document's object event; the process handler re-extracts with the pair kept apart.
    const quotesOf = async (name: string) => {
      const res = await fetch(`${stack.apiUrl}/quotes?speaker=${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${stack.tokens.reader}` } });
      return ((await res.json()) as { items: Array<{ speaker: string }> }).items.map((q) => q.speaker);
    };
    await expect.poll(() => quotesOf('John Peterson'), { timeout: 20_000, interval: 200 }).toEqual(['John Peterson', 'John Peterson']);
    expect(await quotesOf('Jon Petersen')).toEqual(['Jon Petersen', 'Jon Petersen', 'Jon Petersen']);
    await page.goto(`${stack.apiUrl}/#/search?speaker=${encodeURIComponent('John Peterson')}`);
    await expect.poll(() => page.locator('ol.quotes > li').count()).toBe(2);
    expect(new Set(await page.locator('ol.quotes .meta a[href^="#/speaker/"]').allTextContents())).toEqual(new Set(['John Peterson']));
  });

  it('shows why a document failed', async () => {
    const id = await upload({ html: '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a></nav></body></html>', title: 'Only a menu' });
    const doc = await waitForDocument(stack, id);
    expect(doc.status).toBe('failed');
    expect(doc.reason).toMatch(/\w+/);
    await page.goto(stack.apiUrl);
    await page.evaluate((token) => sessionStorage.setItem('quotedesk.token', token), stack.tokens.reader);
    await page.goto(`${stack.apiUrl}/#/document/${id}`);
    await expect.poll(() => page.locator('.reason').textContent()).toBe(`Processing failed: ${doc.reason}`);
    expect(await page.locator('#view h2').textContent()).toBe('Only a menu');
  });

  it('is keyboard reachable and labelled', async () => {
    const landmarks = await page.evaluate(() => ['header', 'nav', 'main'].map((tag) => document.querySelectorAll(tag).length));
    expect(landmarks).toEqual([1, 1, 1]);
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select')).filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
  });
});
