import { describe, expect, it } from 'vitest';
import { datelineDate, pressHeaderDate, publicationDate, queuedDate } from '#shared/dates/publication.ts';
import { parseDateValue } from '#shared/dates/parse.ts';

const NOW = Date.parse('2026-06-01T00:00:00Z');

describe('publication dates, in order of trust', () => {
  it('reads a record field in any common form', () => {
    expect(parseDateValue('2019-03-07', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(parseDateValue('2019-03-07T15:30:00+02:00', NOW)).toBe('2019-03-07T13:30:00.000Z');
    expect(parseDateValue('March 7, 2019', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(parseDateValue('7 March 2019', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(parseDateValue('03.07.19', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(parseDateValue('Thu, 07 Mar 2019 10:00:00 GMT', NOW)).toBe('2019-03-07T10:00:00.000Z');
    expect(publicationDate({ record: '2019-03-07', html: '2020-01-01', text: 'WASHINGTON, May 1, 2018 – Text.' }, NOW)).toEqual({ publishedAt: '2019-03-07T00:00:00.000Z', dateSource: 'record' });
  });

  it('refuses dates that do not exist or lie in the future, and gives no date rather than a wrong one', () => {
    expect(parseDateValue('2019-02-30', NOW)).toBeUndefined();
    expect(parseDateValue('13.45.19', NOW)).toBeUndefined();
    expect(parseDateValue('2031-01-01', NOW)).toBeUndefined();
    expect(parseDateValue('soon', NOW)).toBeUndefined();
    expect(publicationDate({ text: 'The council met on Tuesday and voted.' }, NOW)).toBeUndefined();
  });

  it('takes the page metadata when the record has none', () => {
    expect(publicationDate({ html: '2021-11-02T08:00:00.000Z', text: 'March 1, 2020\n\nStory.' }, NOW)).toEqual({ publishedAt: '2021-11-02T08:00:00.000Z', dateSource: 'html' });
  });

  it('reads a dateline: a place and date before a dash, or a date line above the story', () => {
    expect(datelineDate('WASHINGTON, March 7, 2019 – Rep. Ada Quill said…', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(datelineDate('PORT ELLIS (Jan. 4, 2019) — The harbor council…', NOW)).toBe('2019-01-04T00:00:00.000Z');
    expect(datelineDate('Friday, January 4, 2019\u00a0\n\n\nAn apartment building collapsed…', NOW)).toBe('2019-01-04T00:00:00.000Z');
    // A date inside the story's first sentence is when something happened, not when it was published.
    expect(datelineDate('WASHINGTON - On Tuesday, April 9, 2019, Congressman Lee spoke.', NOW)).toBeUndefined();
    expect(datelineDate('The vote on March 7, 2019 – a Thursday – was close.', NOW)).toBeUndefined();
    expect(publicationDate({ text: 'WASHINGTON, March 7, 2019 – Story.' }, NOW)?.dateSource).toBe('dateline');
  });

  it('reads a press release header date, numeric month first, or after "For Immediate Release"', () => {
    expect(pressHeaderDate('03.07.19 Quill Receives Responses from Two Agencies Washington, DC – Today…', NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(pressHeaderDate('For Immediate Release March 11, 2019 Contact: A. Press (202) 555-0100', NOW)).toBe('2019-03-11T00:00:00.000Z');
    expect(pressHeaderDate('FOR IMMEDIATE RELEASE: 12/01/2015 Contact…', NOW)).toBe('2015-12-01T00:00:00.000Z');
    expect(pressHeaderDate('Congressman Quill released the following statement on 03.07.19 about…', NOW)).toBeUndefined();
    expect(publicationDate({ text: '03.07.19 Quill Receives Responses' }, NOW)).toEqual({ publishedAt: '2019-03-07T00:00:00.000Z', dateSource: 'press-header' });
  });
});

describe('dates in HTML pages', () => {
  it('reads a <time datetime> mark when the page has no Readability metadata', async () => {
    const { htmlToArticle } = await import('#shared/text/html.ts');
    const paragraph = '<p>The harbor council voted on the ferry subsidy after a long debate about the budget of the port.</p>';
    const page = `<html><head><title>Ferry vote</title></head><body><article><h1>Ferry vote</h1><time datetime="2022-09-14T09:00:00Z">14 September</time>${paragraph.repeat(4)}</article></body></html>`;
    expect(htmlToArticle(page).publishedAt).toBe('2022-09-14T09:00:00.000Z');
    const meta = page.replace('<title>', '<meta property="article:published_time" content="2022-09-13"><title>');
    expect(htmlToArticle(meta).publishedAt).toBe('2022-09-13T00:00:00.000Z');
  });

  it('dates a queued document from its record, or a plain text from its opening, and nothing else before it is read', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const release = bytes('03.07.19 Quill Opens the Harbour Office\nWASHINGTON – Rep. Ada Quill opened it today.');
    expect(queuedDate(release, { contentType: 'text/plain; charset=utf-8' }, NOW)).toBe('2019-03-07T00:00:00.000Z');
    expect(queuedDate(bytes('Friday, January 4, 2019\n\nThe pier reopened.'), { filename: 'pier.txt' }, NOW)).toBe('2019-01-04T00:00:00.000Z');
    // the record's own date comes first, as when the document is read
    expect(queuedDate(release, { contentType: 'text/plain', publishedAt: '2020-05-01' }, NOW)).toBe('2020-05-01T00:00:00.000Z');
    // HTML, PDF and Word are dated once converted; an opening without a date gives none
    expect(queuedDate(bytes('<p>Friday, January 4, 2019</p>'), { contentType: 'text/html' }, NOW)).toBeUndefined();
    expect(queuedDate(release, { filename: 'release.pdf' }, NOW)).toBeUndefined();
    expect(queuedDate(bytes('The pier reopened on Friday.'), { contentType: 'text/plain' }, NOW)).toBeUndefined();
  });
});
