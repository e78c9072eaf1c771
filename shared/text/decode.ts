/**
 * Bytes → string with the character encoding detected rather than assumed.
 * Order of evidence (as browsers and XML parsers do): byte order mark, then the HTTP charset,
 * then the document's own declaration (HTML <meta charset>, XML encoding="…"), then sniffing
 * (UTF-16/32 without BOM from the NUL pattern, strict UTF-8, then chardet for legacy encodings).
 * Decoding uses the WHATWG TextDecoder (Node and Lambda ship full ICU: windows-125x, iso-8859-x, KOI8,
 * Shift_JIS, EUC-JP, ISO-2022-JP, GBK/GB18030, Big5, EUC-KR, UTF-16) rather than a bundled code-page
 * library; UTF-32, which TextDecoder lacks, is decoded here.
 */
import chardet from 'chardet';

export class DecodeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

export interface DecodeHints {
  /** HTTP Content-Type header (or a bare MIME type); its charset parameter is used. */
  contentType?: string;
  /** Which in-document declaration to look for. */
  markup?: 'html' | 'xml' | 'none';
  /**
   * Feeds are often mislabelled: when set, a declared encoding that does not decode cleanly falls back
   * to sniffing instead of failing. Documents keep the strict default (invalid UTF-8 is an error).
   */
  lenient?: boolean;
}

export interface Decoded {
  text: string;
  /** Canonical lower-case encoding name actually used. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'http' | 'declaration' | 'sniffed' | 'ascii';
  /** Set when the declared encoding was wrong and sniffing was used instead (lenient mode). */
  warning?: string;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

export function detectBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return undefined;
}

/** charset parameter of a Content-Type value, if any. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return match ? match[1] : undefined;
}

/** Declared encoding in the first bytes: XML declaration or HTML meta (read as Latin-1 so any byte survives). */
export function declaredCharset(bytes: Uint8Array, markup: 'html' | 'xml' | 'none'): string | undefined {
  if (markup === 'none') return undefined;
  const head = latin1(bytes.subarray(0, 4096));
  const xml = head.match(/^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i);
  if (xml) return xml[1];
  if (markup !== 'html') return undefined;
  const meta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)/i);
  return meta ? meta[1] : undefined;
}

/** UTF-16/32 without a BOM, recognised from where the NUL bytes fall around ASCII text. */
function sniffWideEncoding(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 512) & ~3;
  if (n < 4) return undefined;
  const [a, b, c, d] = bytes;
  if (a === 0 && b === 0 && c === 0 && d !== 0) return 'utf-32be';
  if (a !== 0 && b === 0 && c === 0 && d === 0) return 'utf-32le';
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++);
  const half = n / 2;
  if (oddNul > half * 0.6 && evenNul < half * 0.1) return 'utf-16le';
  if (evenNul > half * 0.6 && oddNul < half * 0.1) return 'utf-16be';
  return undefined;
}

/** Labels TextDecoder does not know, for encodings it does (Windows code-page numbers, old aliases). */
const LABEL_ALIASES: Record<string, string> = {
  'ucs-2': 'utf-16le', 'utf16': 'utf-16le', 'utf16le': 'utf-16le', 'utf16be': 'utf-16be',
  'cp936': 'gbk', 'ms936': 'gbk', 'euc-cn': 'gbk', 'euccn': 'gbk', 'gb-2312': 'gbk', 'cp949': 'euc-kr', 'uhc': 'euc-kr',
  'cp950': 'big5', 'big-5': 'big5', 'cp932': 'shift_jis', 'eucjp': 'euc-jp', 'euckr': 'euc-kr',
  'mac-roman': 'macintosh', 'macroman': 'macintosh', 'tis620': 'windows-874', 'cp874': 'windows-874',
  'koi8r': 'koi8-r', 'koi8u': 'koi8-u', 'cp20866': 'koi8-r', 'cp21866': 'koi8-u',
};
const UTF32 = new Map<string, string>([
  ['utf-32', 'utf-32le'], ['utf32', 'utf-32le'], ['utf-32le', 'utf-32le'], ['utf32le', 'utf-32le'], ['ucs-4', 'utf-32le'],
  ['utf-32be', 'utf-32be'], ['utf32be', 'utf-32be'], ['ucs-4be', 'utf-32be'],
]);

function whatwgName(label: string): string | undefined {
  try {
    const name = new TextDecoder(label).encoding;
    // "replacement" (ISO-2022-KR/CN, HZ) turns the whole input into one U+FFFD: that is not decoding it.
    return name === 'replacement' ? undefined : name;
  } catch {
    return undefined;
  }
}

/**
 * Canonical lower-case name of an encoding label (the WHATWG name, e.g. "latin1" → "windows-1252",
 * "gb2312" → "gbk", "utf-16" → "utf-16le"; chardet's names are WHATWG labels too), "utf-32le"/"utf-32be",
 * or undefined for an unknown label.
 */
export function normaliseEncoding(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (!name) return undefined;
  const bare = name.replace(/^x-/, '');
  const utf32 = UTF32.get(bare);
  if (utf32) return utf32;
  const cp = bare.match(/^(?:cp|ms|windows)-?(125[0-8])$/);
  if (cp) return `windows-${cp[1]}`;
  return whatwgName(name) ?? whatwgName(bare) ?? (LABEL_ALIASES[bare] ? whatwgName(LABEL_ALIASES[bare]) : undefined);
}

/** UTF-32 by hand (TextDecoder has no UTF-32); invalid code points and a cut-off last unit become U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    chunk.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.length % 4) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** windows-1252 bytes 0x80–0x9F (WHATWG index); every other byte is its Latin-1 code point. */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * windows-1252 (also what every Latin-1 and ASCII label means) by hand: Node 20.18.3+, 22.13+ and 24
 * decode it as ISO-8859-1, turning the curly quotes, dashes and € of 0x80–0x9F into C1 controls
 * (nodejs/node#56542, #60888).
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]));
}

/** Decodes with bad sequences replaced by U+FFFD; never strips a BOM (callers have dealt with it). */
function decodeLoosely(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that breaks UTF-8 (structural check), for a useful error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

/**
 * Share of the non-ASCII bytes that sit in well-formed multi-byte UTF-8 sequences. High for UTF-8 text with
 * a few broken bytes (corrupt UTF-8); under 0.45 for legacy encodings (measured on Big5, EUC-*, GB2312, Shift_JIS,
 * TIS-620, KOI8-R, windows-125x samples), whose bytes only form UTF-8 by chance.
 */
function utf8Share(bytes: Uint8Array): number {
  let high = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      high += need + 1;
      inSequences += need + 1;
      i += need;
    } else {
      high++;
    }
  }
  return high ? inSequences / high : 0;
}

function hasUtf8Sequences(bytes: Uint8Array): boolean {
  return utf8Share(bytes) > 0;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') {
    const text = tryUtf8(bytes);
    if (text === undefined) throw new DecodeError(`invalid UTF-8 (first bad byte near offset ${firstInvalidUtf8(bytes)})`);
    return text;
  }
  const text = decodeLoosely(bytes, encoding);
  // Multi-byte legacy decoders substitute U+FFFD for bad sequences; many of them means the label is wrong.
  const bad = countReplacement(text);
  if (bad > 8 && bad > text.length / 100) throw new DecodeError(`bytes are not valid ${encoding} (${bad} undecodable sequences)`);
  return text;
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Guess for bytes with no trustworthy declaration. */
function sniff(bytes: Uint8Array, lenient = false): Decoded {
  const wide = sniffWideEncoding(bytes);
  if (wide) return { text: decodeWith(bytes, wide), encoding: wide, source: 'sniffed' };
  if (isAscii(bytes)) return { text: latin1(bytes), encoding: 'utf-8', source: 'ascii' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', source: 'sniffed' };
  // Real UTF-8 sequences next to broken ones: corrupt UTF-8, not a legacy encoding; guessing would garble it.
  if (utf8Share(bytes) >= 0.5) {
    const reason = `invalid UTF-8 (first bad byte near offset ${firstInvalidUtf8(bytes)})`;
    if (!lenient) throw new DecodeError(reason);
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'sniffed', warning: `${reason}; bad bytes replaced` };
  }
  const guess = chardet.analyse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  for (const candidate of guess) {
    const encoding = normaliseEncoding(candidate.name);
    if (!encoding || encoding === 'utf-8' || candidate.confidence < 10) continue;
    try {
      return { text: decodeWith(bytes, encoding), encoding, source: 'sniffed', warning: `no encoding declared; guessed ${encoding}` };
    } catch {
      // try the next candidate
    }
  }
  throw new DecodeError('could not determine the character encoding');
}

/**
 * Decodes bytes to text. Throws DecodeError with a user-facing reason when the declared encoding is
 * unknown or does not fit the bytes (strict mode), or no encoding fits.
 * The returned text has no BOM.
 */
export function decodeBytes(bytes: Uint8Array, hints: DecodeHints = {}): Decoded {
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    try {
      return { text: decodeWith(body, bom.encoding), encoding: bom.encoding, source: 'bom' };
    } catch (error) {
      if (!hints.lenient || !(error instanceof DecodeError)) throw error;
      const text = decodeLoosely(body, bom.encoding);
      return { text, encoding: bom.encoding, source: 'bom', warning: `${error.reason}; bad bytes replaced` };
    }
  }

  const declared: Array<{ label: string; source: 'http' | 'declaration' }> = [];
  const http = charsetFromContentType(hints.contentType);
  if (http) declared.push({ label: http, source: 'http' });
  const inDoc = declaredCharset(bytes, hints.markup ?? 'none');
  if (inDoc) declared.push({ label: inDoc, source: 'declaration' });

  for (const { label, source } of declared) {
    let encoding = normaliseEncoding(label);
    if (!encoding) {
      if (hints.lenient) continue;
      throw new DecodeError(`unknown character encoding "${label}"`);
    }
    // A document that declares UTF-16/32 in ASCII bytes is lying about itself (HTML spec: treat as UTF-8).
    if (/^utf-(16|32)/.test(encoding) && source === 'declaration' && !sniffWideEncoding(bytes)) encoding = 'utf-8';
    // Bytes that are valid UTF-8 with multi-byte sequences under a legacy label (windows-1252, GB2312, …): the
    // label is stale, a very common mislabel (pages re-saved as UTF-8 keep their old <meta>); legacy text only
    // forms valid UTF-8 by chance, and decoding UTF-8 as GBK would garble every character. Prefer UTF-8.
    if (!/^utf-/.test(encoding) && hasUtf8Sequences(bytes) && tryUtf8(bytes) !== undefined) {
      return { text: tryUtf8(bytes)!, encoding: 'utf-8', source: 'sniffed', warning: `declared ${label} but the bytes are UTF-8` };
    }
    try {
      return { text: decodeWith(bytes, encoding), encoding, source };
    } catch (error) {
      if (!hints.lenient) throw error;
      const fallback = sniff(bytes, true);
      const detail = fallback.warning ?? `${fallback.encoding} used`;
      return { ...fallback, warning: `declared ${label} does not fit the bytes; ${detail}` };
    }
  }
  return sniff(bytes, hints.lenient);
}
