/**
 * PDF → text from its text layer (unpdf's serverless build of PDF.js: no worker, no native canvas, runs on Node 20).
 * Scanned PDFs have no text layer; they are refused rather than stored empty.
 */
// PDF.js is large: loaded on first use so handlers that never see a PDF do not pay for it at cold start.
type Unpdf = typeof import('unpdf');
let unpdf: Promise<Unpdf> | undefined;

export class PdfError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'PdfError';
  }
}

export interface PdfText {
  text: string;
  title?: string;
  author?: string;
  pages: number;
}

interface TextItem { str?: string; hasEOL?: boolean }

/** More pages than any statement or article; a bound on the work one upload can cause. */
export const MAX_PDF_PAGES = 2000;

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  // PDF.js may detach the buffer it is given: pass a copy so the caller's bytes stay intact.
  const data = new Uint8Array(bytes);
  const { getDocumentProxy } = await (unpdf ??= import('unpdf'));
  let pdf: Awaited<ReturnType<Unpdf['getDocumentProxy']>>;
  try {
    pdf = await getDocumentProxy(data, { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfError('PDF is password-protected');
    throw new PdfError(`corrupt or unreadable PDF (${(error as Error).message})`);
  }
  try {
    if (pdf.numPages > MAX_PDF_PAGES) throw new PdfError(`PDF has ${pdf.numPages} pages, over the ${MAX_PDF_PAGES}-page limit`);
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : '')).join('');
      pages.push(text);
      page.cleanup();
    }
    const result: PdfText = { text: pages.join('\n\n'), pages: pdf.numPages };
    try {
      const { info } = (await pdf.getMetadata()) as unknown as { info?: Record<string, unknown> };
      if (typeof info?.Title === 'string' && info.Title.trim()) result.title = info.Title.trim();
      if (typeof info?.Author === 'string' && info.Author.trim()) result.author = info.Author.trim();
    } catch {
      // metadata is optional
    }
    return result;
  } catch (error) {
    if (error instanceof PdfError) throw error;
    throw new PdfError(`corrupt or unreadable PDF (${(error as Error).message})`);
  } finally {
    await pdf.destroy();
  }
}
