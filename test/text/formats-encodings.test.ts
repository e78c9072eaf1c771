/**
 * Character encodings through the platform TextDecoder: labels (declared, or chardet's guesses) mapped to
 * WHATWG names, the windows-1252 range Node decodes wrongly, UTF-32 by hand, and encodings refused with a reason.
 */
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes, normaliseEncoding } from '#shared/text/decode.ts';
import { UnsupportedDocumentError, toDocumentText } from '#shared/text/formats.ts';
import { encodeText } from '../fixtures/formats/encode.ts';

const RUSSIAN =
  'Министр заявил, что решение о строительстве нового моста будет принято до конца года. ' +
  'По его словам, проект обсуждался с жителями города и представителями местных властей в течение нескольких месяцев.';
const GREEK = 'Ο υπουργός δήλωσε ότι η απόφαση για τη νέα γέφυρα θα ληφθεί μέχρι το τέλος του έτους.';
const POLISH = 'Minister powiedział, że decyzja w sprawie nowego mostu zapadnie przed końcem roku.';
const CHINESE = '总理表示，政府将继续推进改革。反对党则认为这项计划成本过高。';
const TRADITIONAL = '總理表示，政府將繼續推進改革。反對黨則認為這項計劃成本過高。';
const KOREAN = '총리는 정부가 개혁을 계속 추진할 것이라고 말했다.';
const JAPANESE = '首相は「改革を続ける」と述べた。野党は反発している。';

describe('decodeBytes with TextDecoder', () => {
  it('maps declared and chardet labels to WHATWG names', () => {
    const cases: Array<[string, string | undefined]> = [
      ['UTF-8', 'utf-8'], ['utf8', 'utf-8'], ['ISO-8859-1', 'windows-1252'], ['latin1', 'windows-1252'], ['US-ASCII', 'windows-1252'],
      ['ISO-8859-2', 'iso-8859-2'], ['ISO-8859-9', 'windows-1254'], ['windows-1251', 'windows-1251'], ['cp1250', 'windows-1250'],
      ['KOI8-R', 'koi8-r'], ['Shift_JIS', 'shift_jis'], ['x-sjis', 'shift_jis'], ['EUC-JP', 'euc-jp'], ['ISO-2022-JP', 'iso-2022-jp'],
      ['GB2312', 'gbk'], ['GB18030', 'gb18030'], ['cp936', 'gbk'], ['Big5', 'big5'], ['EUC-KR', 'euc-kr'], ['cp949', 'euc-kr'],
      ['UTF-16', 'utf-16le'], ['UTF-16BE', 'utf-16be'], ['UTF-32', 'utf-32le'], ['UTF-32BE', 'utf-32be'], ['x-mac-roman', 'macintosh'],
      // ISO-2022-KR/CN are WHATWG's "replacement" encoding (the whole input becomes one U+FFFD): not an encoding we can read.
      ['ISO-2022-KR', undefined], ['ISO-2022-CN', undefined], ['klingon-9', undefined], ['', undefined],
    ];
    for (const [label, name] of cases) expect([label, normaliseEncoding(label)]).toEqual([label, name]);
  });

  it('decodes windows-1252 punctuation in 0x80–0x9F (Node 20.18.3+ decodes it as Latin-1)', () => {
    const bytes = new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x92, 0x9c, 0x99, 0xff]);
    for (const charset of ['windows-1252', 'ISO-8859-1', 'us-ascii']) {
      expect(decodeBytes(bytes, { contentType: `text/plain; charset=${charset}` })).toMatchObject({ text: '“Hi” – €5 ’œ™ÿ', encoding: 'windows-1252' });
    }
  });

  it('decodes the legacy encodings a charset declares', () => {
    const cases: Array<[string, string, string]> = [
      [RUSSIAN, 'windows-1251', 'windows-1251'], [RUSSIAN, 'KOI8-R', 'koi8-r'], [GREEK, 'ISO-8859-7', 'iso-8859-7'],
      [POLISH, 'ISO-8859-2', 'iso-8859-2'], [POLISH, 'windows-1250', 'windows-1250'], [CHINESE, 'GB2312', 'gbk'],
      [CHINESE, 'GB18030', 'gb18030'], [TRADITIONAL, 'Big5', 'big5'], [KOREAN, 'EUC-KR', 'euc-kr'], [JAPANESE, 'EUC-JP', 'euc-jp'],
    ];
    for (const [text, label, encoding] of cases) {
      const decoded = decodeBytes(encodeText(text, normaliseEncoding(label)!), { contentType: `text/html; charset=${label}` });
      expect([label, decoded.text, decoded.encoding]).toEqual([label, text, encoding]);
    }
  });

  it('guesses undeclared legacy encodings with chardet', async () => {
    const cyrillic = await toDocumentText(encodeText(RUSSIAN, 'windows-1251'), { filename: 'ru.txt' });
    expect(cyrillic).toMatchObject({ text: RUSSIAN, encoding: 'windows-1251' });
    const japanese = await toDocumentText(encodeText(`${JAPANESE}${JAPANESE}`, 'shift_jis'), { filename: 'ja.txt' });
    expect(japanese).toMatchObject({ text: `${JAPANESE}${JAPANESE}`, encoding: 'shift_jis' });
  });

  it('decodes UTF-32 by hand: with a BOM, sniffed, and declared', () => {
    const text = 'Größe 😀 “quoted” and more ASCII text after it.';
    const le = encodeText(text, 'utf-32le');
    const be = encodeText(text, 'utf-32be');
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0, 0, ...le]))).toMatchObject({ text, encoding: 'utf-32le', source: 'bom' });
    expect(decodeBytes(new Uint8Array([0, 0, 0xfe, 0xff, ...be]))).toMatchObject({ text, encoding: 'utf-32be', source: 'bom' });
    expect(decodeBytes(be)).toMatchObject({ text, encoding: 'utf-32be', source: 'sniffed' });
    expect(decodeBytes(le, { contentType: 'text/plain; charset=UTF-32' })).toMatchObject({ text, encoding: 'utf-32le', source: 'http' });
  });

  it('replaces invalid UTF-32 code points, and refuses text that is mostly invalid', () => {
    const units = [0x48, 0x110000, 0xd800, 0x69];
    const bytes = new Uint8Array(units.flatMap((u) => [u & 0xff, (u >> 8) & 0xff, (u >> 16) & 0xff, u >>> 24]));
    expect(decodeBytes(bytes, { contentType: 'text/plain; charset=utf-32le' }).text).toBe('H\uFFFD\uFFFDi');
    const garbage = new Uint8Array(Array.from({ length: 64 }, () => [0xff, 0xff, 0xff, 0x7f]).flat());
    expect(() => decodeBytes(garbage, { contentType: 'text/plain; charset=utf-32le' })).toThrow(/not valid utf-32le \(64 undecodable/);
  });

  it('refuses a declared encoding that cannot be decoded, and falls back to sniffing when lenient', async () => {
    expect(() => decodeBytes(new TextEncoder().encode('hello'), { contentType: 'text/plain; charset=ISO-2022-KR' })).toThrow(DecodeError);
    await expect(toDocumentText(new TextEncoder().encode('hello there'), { contentType: 'text/plain; charset=csISO2022KR' })).rejects.toThrow(
      new UnsupportedDocumentError('undecodable text: unknown character encoding "csISO2022KR"'),
    );
    const lenient = decodeBytes(new TextEncoder().encode('<rss>Größe</rss>'), { contentType: 'text/xml; charset=ISO-2022-KR', lenient: true });
    expect(lenient).toMatchObject({ text: '<rss>Größe</rss>', encoding: 'utf-8' });
  });

  it('reads UTF-8 bytes under a stale legacy label as UTF-8 (a page re-saved without updating its <meta>)', async () => {
    const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>新电脑</title></head><body><article><p>${CHINESE.repeat(3)}</p></article></body></html>`;
    expect(decodeBytes(new TextEncoder().encode(page), { markup: 'html' })).toMatchObject({ text: page, encoding: 'utf-8', warning: 'declared gb2312 but the bytes are UTF-8' });
    const doc = await toDocumentText(new TextEncoder().encode(page), { contentType: 'text/html' });
    expect(doc).toMatchObject({ encoding: 'utf-8', text: expect.stringContaining('政府将继续推进改革') });
    // Real GB2312 bytes under the same label still decode as GBK.
    expect(decodeBytes(encodeText(page, 'gbk'), { markup: 'html' })).toMatchObject({ text: page, encoding: 'gbk', source: 'declaration' });
  });

  it('refuses Shift_JIS bytes declared as EUC-KR instead of returning replacement characters', () => {
    const bytes = encodeText(JAPANESE.repeat(4), 'shift_jis');
    expect(() => decodeBytes(bytes, { contentType: 'text/plain; charset=EUC-KR' })).toThrow(/not valid euc-kr/);
  });
});
