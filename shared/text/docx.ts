/** Word .docx → plain text with mammoth (paragraphs separated by blank lines). */
import mammoth from 'mammoth';

export class DocxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DocxError';
  }
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (error) {
    throw new DocxError(`corrupt or unreadable Word document (${(error as Error).message.split('\n')[0]})`);
  }
}
