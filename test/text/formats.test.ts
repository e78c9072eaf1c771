import { describe, expect, it } from 'vitest';
import { UnsupportedDocumentError, htmlToArticle, toDocumentText } from '#shared/text/formats.ts';
import { encodeText } from '../fixtures/formats/encode.ts';
import { makeDocx, makePdf, makeZip } from '../fixtures/formats/make.ts';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: Array<number[] | Uint8Array | Buffer>) => new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p as Uint8Array))));

async function reason(input: Uint8Array, hint: Parameters<typeof toDocumentText>[1] = {}): Promise<string> {
  try {
    await toDocumentText(input, hint);
  } catch (error) {
    expect(error).toBeInstanceOf(UnsupportedDocumentError);
    return (error as UnsupportedDocumentError).reason;
  }
  throw new Error('expected UnsupportedDocumentError');
}

const FRENCH =
  'Le maire a déclaré que la décision était « irrévocable ». Selon lui, le café de la place restera fermé ' +
  'jusqu’à l’été prochain, malgré les protestations des riverains et des élèves du lycée voisin. ' +
  'Les élus de l’opposition ont dénoncé une mesure « brutale » et ont demandé une réunion publique.';

const ARTICLE_HTML = (charsetMeta: string, body: string) => `<!DOCTYPE html>
<html lang="en"><head>${charsetMeta}<title>Council votes on harbour plan | Example News</title>
<link rel="canonical" href="/2024/05/harbour-plan">
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
<meta name="author" content="Jane Reporter">
<script>var tracking = "do not include me";</script>
<style>.x { color: red }</style>
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council votes on harbour plan</h1>
${body}
</article>
<footer class="footer">Copyright Example News. All rights reserved.</footer>
</body></html>`;

const ARTICLE_BODY = `<p>The city council voted 7 to 2 on Tuesday to approve the harbour redevelopment plan, ending a debate that lasted more than three years.</p>
<p>"This is the most important decision we have made this decade," said Mayor Ana Lopez, who has championed the plan since her election.</p>
<p>Opponents said the plan would cost $45 million more than the city had budgeted, and that residents were not consulted.<br>A referendum is now likely.</p>`;

describe('toDocumentText: plain text and encodings', () => {
  it('reads UTF-8 text and normalises line endings', async () => {
    const doc = await toDocumentText(utf8('Line one.\r\nLine two — “quoted”.\r\n'), { filename: 'a.txt' });
    expect(doc).toMatchObject({ format: 'text', encoding: 'utf-8' });
    expect(doc.text).toBe('Line one.\nLine two — “quoted”.\n');
  });

  it('strips a UTF-8 BOM', async () => {
    const doc = await toDocumentText(bytes([0xef, 0xbb, 0xbf], utf8('Hello “world”')), {});
    expect(doc.text).toBe('Hello “world”');
  });

  it('decodes UTF-16 LE and BE with a BOM', async () => {
    const text = 'Sanders-Gendreau said: “We will appeal.”';
    const le = await toDocumentText(bytes([0xff, 0xfe], Buffer.from(text, 'utf16le')), { filename: 'x.txt' });
    expect(le).toMatchObject({ text, encoding: 'utf-16le' });
    const be = await toDocumentText(bytes([0xfe, 0xff], encodeText(text, 'utf-16be')), { filename: 'x.txt' });
    expect(be).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('sniffs UTF-16 LE without a BOM', async () => {
    const text = 'Plain ASCII-range statement from the minister, with no byte order mark at all.';
    const doc = await toDocumentText(new Uint8Array(Buffer.from(text, 'utf16le')), {});
    expect(doc).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('detects a legacy single-byte encoding with chardet', async () => {
    const doc = await toDocumentText(encodeText(FRENCH, 'windows-1252'), { filename: 'fr.txt' });
    expect(doc.text).toBe(FRENCH);
    expect(doc.encoding).toMatch(/^(windows-1252|iso-8859-1|iso-8859-15)$/);
  });

  it('uses the HTTP charset for a multi-byte legacy encoding', async () => {
    const text = '首相は「改革を続ける」と述べた。野党は反発している。';
    const doc = await toDocumentText(encodeText(text, 'shift_jis'), { contentType: 'text/plain; charset=Shift_JIS' });
    expect(doc).toMatchObject({ text, encoding: 'shift_jis' });
  });

  it('refuses corrupt UTF-8 instead of guessing', async () => {
    const input = bytes(utf8('Résumé of the meeting: '), [0xff, 0xfe, 0x80], utf8(' and more text here.'));
    expect(await reason(input, { filename: 'bad.txt' })).toMatch(/invalid UTF-8.*offset 25/);
  });

  it('refuses bytes that do not fit a declared UTF-8 charset', async () => {
    const input = encodeText(FRENCH, 'windows-1252');
    expect(await reason(input, { contentType: 'text/plain; charset=utf-8' })).toMatch(/invalid UTF-8/);
  });

  it('refuses an unknown declared charset', async () => {
    expect(await reason(utf8('hello there'), { contentType: 'text/plain; charset=klingon-9' })).toMatch(/unknown character encoding "klingon-9"/);
  });

  it('keeps Markdown as written and takes its first heading as title', async () => {
    const doc = await toDocumentText(utf8('# Press statement\n\nThe union said **no**.\n'), { filename: 'statement.md' });
    expect(doc).toMatchObject({ format: 'markdown', title: 'Press statement', text: '# Press statement\n\nThe union said **no**.\n' });
  });

  it('does not modify the bytes it is given', async () => {
    const input = utf8('Unchanged input.');
    const copy = Uint8Array.from(input);
    await toDocumentText(input, {});
    expect(input).toEqual(copy);
  });
});

describe('toDocumentText: refused input', () => {
  it('refuses empty and whitespace-only documents', async () => {
    expect(await reason(new Uint8Array(0))).toMatch(/empty document/);
    expect(await reason(utf8('  \n\t \r\n'), { filename: 'blank.txt' })).toMatch(/empty or whitespace only/);
    expect(await reason(bytes([0xff, 0xfe], Buffer.from('   \n', 'utf16le')))).toMatch(/empty or whitespace only/);
  });

  it('refuses binary files with a reason', async () => {
    expect(await reason(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], Buffer.alloc(64, 7)), { filename: 'x.txt' })).toMatch(/PNG image/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await reason(random, { filename: 'blob.txt' })).toMatch(/binary file/);
    expect(await reason(bytes(utf8('text then'), [0, 1, 2, 3, 0, 0, 5, 6], utf8('more')))).toMatch(/binary file/);
  });

  it('refuses documents over maxBytes before parsing them', async () => {
    expect(await reason(utf8('x'.repeat(2000)), { maxBytes: 1000 })).toBe('document too large: 2000 bytes, the limit is 1000');
  });

  it('refuses legacy .doc and non-Word ZIP archives', async () => {
    expect(await reason(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], Buffer.alloc(100)), { filename: 'old.doc' })).toMatch(/legacy Office/);
    expect(await reason(makeZip({ 'data.csv': 'a,b\n1,2\n' }), { filename: 'x.zip' })).toMatch(/ZIP archive that is not a Word/);
  });
});

describe('toDocumentText: HTML', () => {
  it('extracts the article text and metadata with paragraph breaks', async () => {
    const doc = await toDocumentText(utf8(ARTICLE_HTML('<meta charset="utf-8">', ARTICLE_BODY)), {
      contentType: 'text/html',
      url: 'https://news.example.com/story?id=7',
    });
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Council votes on harbour plan'); // Readability drops the "| site" suffix
    expect(doc.byline).toBe('Jane Reporter');
    expect(doc.publishedAt).toBe('2024-05-02T09:30:00.000Z');
    expect(doc.canonicalUrl).toBe('https://news.example.com/2024/05/harbour-plan');
    expect(doc.text).toContain('ending a debate that lasted more than three years.\n\n"This is the most important decision');
    expect(doc.text).toContain('not consulted.\nA referendum is now likely.');
    expect(doc.text).not.toMatch(/tracking|color: red|Sport/);
  });

  it('honours <meta charset> for a legacy-encoded page', async () => {
    const body = `<p>${FRENCH}</p><p>${FRENCH}</p>`;
    const html = encodeText(ARTICLE_HTML('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', body), 'windows-1252');
    const doc = await toDocumentText(html, { filename: 'page.html' });
    expect(doc.encoding).toBe('windows-1252');
    expect(doc.text).toContain('« irrévocable »');
  });

  it('sniffs HTML without a content type or file name', async () => {
    const doc = await toDocumentText(utf8(`  <!-- saved page -->\n${ARTICLE_HTML('', ARTICLE_BODY)}`), {});
    expect(doc.format).toBe('html');
    expect(doc.text).toContain('Mayor Ana Lopez');
  });

  it('refuses an HTML page with no article', async () => {
    const page = '<html><head><title>Login</title></head><body><nav><a href="/">Home</a></nav><form><input name=u></form></body></html>';
    expect(await reason(utf8(page), { contentType: 'text/html; charset=utf-8' })).toMatch(/no article text/);
    expect(await reason(utf8('<html><body></body></html>'), { filename: 'empty.html' })).toMatch(/no article text/);
    const menu = `<html><body><ul>${['Home', 'World news', 'Business', 'Sport and games', 'Culture', 'Opinion pages'].map((l) => `<li><a href="/${l}">${l}</a></li>`).join('')}</ul></body></html>`;
    expect(await reason(utf8(menu), { filename: 'menu.html' })).toBe('HTML page has no article text (only links)');
  });

  it('htmlToArticle works on a string and throws the same error type', async () => {
    expect((await htmlToArticle(ARTICLE_HTML('', ARTICLE_BODY))).text).toContain('voted 7 to 2');
    await expect(htmlToArticle('<html><body><p>Hi</p></body></html>')).rejects.toThrow(UnsupportedDocumentError);
  });
});

describe('toDocumentText: PDF and Word', () => {
  it('reads the text layer of a PDF, page by page, with its title', async () => {
    const pdf = makePdf(
      [
        ['PRESS STATEMENT', 'The union (Local 12) said the strike would continue.'],
        ['Second page: "We will not back down," said the president.'],
      ],
      { title: 'Union statement' },
    );
    const copy = Uint8Array.from(pdf);
    const doc = await toDocumentText(pdf, { contentType: 'application/octet-stream' });
    expect(doc.format).toBe('pdf');
    expect(doc.title).toBe('Union statement');
    expect(doc.text).toContain('The union (Local 12) said the strike would continue.');
    expect(doc.text).toMatch(/continue\.\n\nSecond page: "We will not back down," said the president\./);
    expect(pdf).toEqual(copy);
  });

  it('refuses a corrupt PDF and a PDF without a text layer', async () => {
    expect(await reason(utf8('%PDF-1.7\nthis is not really a pdf\n%%EOF'), { filename: 'broken.pdf' })).toMatch(/corrupt or unreadable PDF/);
    expect(await reason(utf8('hello'), { filename: 'fake.pdf' })).toMatch(/corrupt PDF: no %PDF header/);
    expect(await reason(makePdf([[]]), { filename: 'scan.pdf' })).toMatch(/no text layer/);
  });

  it('reads a Word .docx', async () => {
    const docx = makeDocx(['Statement of the board', 'The board said profits rose 12% & dividends would follow.']);
    const doc = await toDocumentText(docx, { filename: 'board.docx' });
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('Statement of the board\n\nThe board said profits rose 12% & dividends would follow.');
  });

  it('refuses a .docx that would unpack to more than the limit, without unpacking it', async () => {
    const docx = Buffer.from(makeDocx(['tiny']));
    // Patch the central directory's uncompressed size of the last entry (word/document.xml) to 3 GB.
    const central = docx.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    docx.writeUInt32LE(3_000_000_000, central + 24);
    expect(await reason(new Uint8Array(docx), { filename: 'bomb.docx' })).toMatch(/unpacks to \d+ bytes, over the 104857600-byte limit/);
  });

  it('refuses a .docx whose XML would unpack to more than twice the text limit, without unpacking it', async () => {
    const docx = makeZip({ 'word/document.xml': '<w:document/>', 'word/media/photo.png': 'png' }, { declaredSizes: { 'word/document.xml': 2_000_001, 'word/media/photo.png': 50_000_000 } });
    expect(await reason(docx, { filename: 'heavy.docx', maxBytes: 1_000_000 })).toMatch(/XML unpacks to 2000001 bytes, over the 2000000-byte limit/);
    // Media counts only towards the total: the same package with small XML gets as far as parsing.
    const photos = makeZip({ 'word/document.xml': '<w:document/>', 'word/media/photo.png': 'png' }, { declaredSizes: { 'word/media/photo.png': 50_000_000 } });
    expect(await reason(photos, { filename: 'photos.docx', maxBytes: 1_000_000 })).not.toMatch(/unpacks to/);
  });

  it('refuses a corrupt .docx', async () => {
    const truncated = makeDocx(['Some text']).subarray(0, 120);
    expect(await reason(truncated, { filename: 'cut.docx' })).toMatch(/corrupt or unreadable Word document/);
    expect(await reason(utf8('not a zip'), { filename: 'fake.docx' })).toMatch(/corrupt Word document/);
  });
});
