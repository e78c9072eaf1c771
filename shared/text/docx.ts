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
 * Sum of the uncompressed sizes the ZIP's central directory declares, or a reason to refuse it.
 * Read before unpacking so a decompression bomb is refused without inflating anything.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | string {
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
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return 'ZIP central directory is corrupt';
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return 'ZIP64 packages are not supported';
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

export async function docxToText(bytes: Uint8Array, maxUnpackedBytes = MAX_UNPACKED_BYTES): Promise<string> {
  const unpacked = declaredUnpackedSize(bytes);
  if (typeof unpacked === 'string') throw new DocxError(`corrupt or unreadable Word document (${unpacked})`);
  if (unpacked > maxUnpackedBytes) throw new DocxError(`Word document unpacks to ${unpacked} bytes, over the ${maxUnpackedBytes}-byte limit`);
  // Loaded on first use, like PDF.js: most documents are not Word files.
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new DocxError(`corrupt or unreadable Word document (${(error as Error).message.split('\n')[0]})`);
  }
}
