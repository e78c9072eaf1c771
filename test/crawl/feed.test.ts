import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeedDocument } from '#shared/crawl/feed.ts';
import { atom, jsonFeed, rdf, rss2, type FixtureItem } from '../fixtures/crawl/feeds.ts';
import { encodeText } from '../fixtures/formats/encode.ts';

const items: FixtureItem[] = [
  { guid: 'a-1', url: 'https://news.example.org/a/1', title: 'First story', publishedAt: '2024-05-01T10:00:00.000Z', summary: 'Short summary' },
  {
    guid: 'a-2',
    url: 'https://news.example.org/a/2',
    title: 'Second — “story”',
    publishedAt: '2024-05-02T11:30:00.000Z',
    contentHtml: '<p>Full text of the second story.</p><p>It has two paragraphs.</p>',
  },
];
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FeedParseError);
    return (error as FeedParseError).reason;
  }
  throw new Error('expected FeedParseError');
}

describe('parseFeedDocument', () => {
  it('parses RSS 2.0 with guid, link, date, author and content:encoded', () => {
    const feed = parseFeedDocument(utf8(rss2('Wire', items)));
    expect(feed).toMatchObject({ format: 'rss', title: 'Wire', link: 'https://example.org/', encoding: 'utf-8' });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({ guid: 'a-1', url: 'https://news.example.org/a/1', title: 'First story', publishedAt: '2024-05-01T10:00:00.000Z', author: 'Desk Reporter', summary: 'Short summary' });
    expect(feed.items[1].contentHtml).toContain('two paragraphs');
    expect(feed.items[1].title).toBe('Second — “story”');
  });

  it('parses RSS 1.0 (RDF), Atom and JSON Feed into the same shape', () => {
    const fromRdf = parseFeedDocument(utf8(rdf('R', items)));
    expect(fromRdf.format).toBe('rdf');
    expect(fromRdf.items.map((i) => i.url)).toEqual(items.map((i) => i.url));
    expect(fromRdf.items[1].publishedAt).toBe('2024-05-02T11:30:00.000Z');

    const fromAtom = parseFeedDocument(utf8(atom('A', items)));
    expect(fromAtom.format).toBe('atom');
    expect(fromAtom.items[1]).toMatchObject({ guid: 'a-2', url: 'https://news.example.org/a/2', author: 'Atom Author' });
    expect(fromAtom.items[1].contentHtml).toContain('<p>Full text');

    const fromJson = parseFeedDocument(utf8(jsonFeed('J', items)), { contentType: 'application/feed+json' });
    expect(fromJson.format).toBe('json');
    expect(fromJson.items[1]).toMatchObject({ guid: 'a-2', title: 'Second — “story”' });
  });

  it('accepts JSON feeds that give only a bare version number', () => {
    const json = JSON.stringify({ version: '1.1', title: 'Bare', items: [{ id: '7', url: 'https://x.example/7', title: 'Seven' }] });
    expect(parseFeedDocument(utf8(json)).items[0]).toMatchObject({ guid: '7', title: 'Seven' });
  });

  it('resolves relative item links against the feed URL', () => {
    const feed = parseFeedDocument(utf8(rss2('Rel', [{ ...items[0], url: '/a/rel' }])), { baseUrl: 'https://feeds.example.net/rss.xml' });
    expect(feed.items[0].url).toBe('https://feeds.example.net/a/rel');
  });

  it('drops item links that are not http(s)', () => {
    const feed = parseFeedDocument(utf8(rss2('Bad links', [{ ...items[0], url: 'javascript:alert(1)' }, { ...items[1], url: 'file:///etc/passwd' }])));
    expect(feed.items.map((i) => i.url)).toEqual([undefined, undefined]);
  });

  it('detects the encoding: XML declaration, HTTP charset, UTF-16 BOM', () => {
    const latin = parseFeedDocument(encodeText(rss2('Notícias', items, 'ISO-8859-1'), 'iso-8859-1'));
    expect(latin.title).toBe('Notícias');
    const undeclared = encodeText(rss2('Ação', items).replace(' encoding="UTF-8"', ''), 'iso-8859-1');
    expect(parseFeedDocument(undeclared, { contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Ação');
    const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rss2('Größe', items, 'UTF-16'), 'utf16le')]);
    expect(parseFeedDocument(new Uint8Array(wide))).toMatchObject({ title: 'Größe', encoding: 'utf-16le' });
  });

  it('maps Windows-1252 C1 characters to the punctuation they stand for', () => {
    const feed = parseFeedDocument(utf8(rss2('C1', [{ ...items[0], summary: 'don\u0092t' }])));
    expect(feed.items[0].summary).toBe('don’t');
  });

  it('treats an empty feed shell as a feed with no items', () => {
    expect(parseFeedDocument(utf8('<?xml version="1.0"?><rss version="2.0"></rss>'))).toMatchObject({ format: 'rss', items: [] });
  });

  it('refuses what is not a feed, with a reason', () => {
    expect(reason(() => parseFeedDocument(new Uint8Array(0)))).toMatch(/empty document/);
    expect(reason(() => parseFeedDocument(utf8('<!DOCTYPE html><html><body><p>Moved</p></body></html>')))).toMatch(/HTML page, not a feed/);
    expect(reason(() => parseFeedDocument(utf8('{"version": "1.1", "items": [')))).toMatch(/invalid JSON/);
    expect(reason(() => parseFeedDocument(utf8('{"hello": "world"}')))).toMatch(/JSON that is not a JSON Feed/);
    expect(reason(() => parseFeedDocument(utf8('<?xml version="1.0"?><note><to>x</to></note>')))).toMatch(/XML that is not RSS/);
    expect(reason(() => parseFeedDocument(utf8('<?xml version="1.0"?><!-- nothing -->')))).toMatch(/no root element/);
  });

  it('does not expand nested entities (billion laughs) or resolve external ones (XXE)', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l9;</title><item><title>x</title><link>https://a.example/1</link></item></channel></rss>`;
    const started = Date.now();
    const feed = parseFeedDocument(utf8(bomb));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(feed.title!.length).toBeLessThan(100);
    const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&x;</title></channel></rss>';
    let title: string | undefined;
    try {
      title = parseFeedDocument(utf8(xxe)).title;
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
    }
    expect(title ?? '').not.toMatch(/root:/);
  });

  it('caps the number of items', () => {
    expect(parseFeedDocument(utf8(rss2('Cap', items)), { maxItems: 1 }).items).toHaveLength(1);
  });
});
