/** Word .docx → plain text with mammoth (paragraphs separated by blank lines). */

export class DocxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DocxError';
  }
}

/** Largest total uncompressed size of a .docx package we unpack (a small ZIP can inflate to gigabytes). */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

/**
 * Largest XML a .docx may unpack to, as a multiple of the text limit. Word markup measured about 3× the
 * text it carries and mammoth parses about 2.5 MB of XML a second, so XML past twice the text limit
 * could not convert within the deadline, or its text would be refused as too large after the work.
 */
export const XML_PER_TEXT_BYTE = 2;

export interface UnpackedSize {
  /** Every entry: media included. */
  total: number;
  /** The XML parts (.xml, .rels) mammoth parses. */
  xml: number;
}

/**
 * The uncompressed sizes the ZIP's central directory declares, or a reason to refuse it.
 * Read before unpacking so a decompression bomb is refused without inflating anything.
 */
export function declaredUnpackedSize(bytes: Uint8Array): UnpackedSize | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'ZIP end record missing (truncated file?)';
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || entries === 0xffff) return 'ZIP64 packages are not supported';
  const sizes: UnpackedSize = { total: 0, xml: 0 };
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return 'ZIP central directory is corrupt';
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return 'ZIP64 packages are not supported';
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > bytes.length) return 'ZIP central directory is corrupt';
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    sizes.total += size;
    if (/\.(xml|rels)$/i.test(name)) sizes.xml += size;
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return sizes;
}

/** `maxTextBytes` bounds the XML parsed (see XML_PER_TEXT_BYTE); `maxUnpackedBytes` bounds everything unpacked. */
export async function docxToText(bytes: Uint8Array, maxTextBytes: number, maxUnpackedBytes = MAX_UNPACKED_BYTES): Promise<string> {
  const unpacked = declaredUnpackedSize(bytes);
  if (typeof unpacked === 'string') throw new DocxError(`corrupt or unreadable Word document (${unpacked})`);
  if (unpacked.total > maxUnpackedBytes) throw new DocxError(`Word document unpacks to ${unpacked.total} bytes, over the ${maxUnpackedBytes}-byte limit`);
  const maxXmlBytes = XML_PER_TEXT_BYTE * maxTextBytes;
  if (unpacked.xml > maxXmlBytes) throw new DocxError(`Word document's XML unpacks to ${unpacked.xml} bytes, over the ${maxXmlBytes}-byte limit`);
  // Loaded on first use, like PDF.js: most documents are not Word files.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new DocxError(`corrupt or unreadable Word document (${(error as Error).message.split('\n')[0]})`);
  }
}
