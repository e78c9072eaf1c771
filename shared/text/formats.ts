/**
 * Any supported document (plain text, Markdown, HTML, PDF, Word .docx) → the text the extractor reads.
 * The format comes from the bytes first (magic numbers), then the content type, then the file name,
 * then sniffing; the character encoding is detected (see decode.ts). Anything that cannot give
 * usable text throws UnsupportedDocumentError with a reason a user can act on.
 * Format detection, decoding and HTML live in document.ts (no PDF/Word code); this module adds the converters.
 */
import {
  UnsupportedDocumentError,
  checkSize,
  decodeOrThrow,
  detectFormat,
  htmlDocumentText,
  normaliseNewlines,
  requireText,
  sizeLimit,
  type DocumentText,
  type DocumentHint,
} from './document.ts';
import { DocxError, docxToText } from './docx.ts';
import { tidyText } from './normalise.ts';
import { PdfError, pdfToText } from './pdf.ts';

export {
  UnsupportedDocumentError,
  detectFormat,
  htmlToArticle,
  type DocumentFormat,
  type DocumentHint,
  type DocumentText,
} from './document.ts';

/** Extracts the text (and whatever metadata the format carries) of a document. */
export async function toDocumentText(bytes: Uint8Array, hint: DocumentHint = {}): Promise<DocumentText> {
  checkSize(bytes, hint);
  const format = detectFormat(bytes, hint);

  switch (format) {
    case 'pdf': {
      try {
        const pdf = await pdfToText(bytes);
        const doc: DocumentText = { text: tidyText(normaliseNewlines(pdf.text)), format };
        if (pdf.title) doc.title = pdf.title;
        if (pdf.author) doc.byline = pdf.author;
        if (!doc.text.trim()) throw new UnsupportedDocumentError('PDF has no text layer (a scanned image?); run OCR first');
        return doc;
      } catch (error) {
        if (error instanceof PdfError) throw new UnsupportedDocumentError(error.reason);
        throw error;
      }
    }
    case 'docx': {
      try {
        const text = tidyText(normaliseNewlines(await docxToText(bytes, sizeLimit(hint))));
        return requireText({ text, format }, 'Word document');
      } catch (error) {
        if (error instanceof DocxError) throw new UnsupportedDocumentError(error.reason);
        throw error;
      }
    }
    case 'html':
      return htmlDocumentText(bytes, hint);
    case 'markdown':
    case 'text': {
      const { text, encoding } = decodeOrThrow(bytes, hint, 'none');
      const doc: DocumentText = { text: normaliseNewlines(text), format, encoding };
      if (format === 'markdown') {
        const heading = doc.text.match(/^#\s+(.+?)\s*#*\s*$/m);
        if (heading) doc.title = heading[1];
      }
      return requireText(doc, format === 'markdown' ? 'Markdown document' : 'text document');
    }
  }
}

