/**
 * The crawler's bounded work: a fetched page's article (linkedom + Readability) read in a work thread
 * under a deadline (see ../pipeline/bounded-work.ts), so a hostile page costs at most that long and
 * the crawl (and, locally, the API beside it) never stalls. No NLP here: the crawl bundle stays lean.
 */
import { BoundedWork, registerWorkHandler, registerWorkWarmup } from '../pipeline/bounded-work.ts';
import { htmlDocumentText, loadHtmlReader, type DocumentText } from '../text/document.ts';

type Hint = { contentType?: string; url?: string; maxBytes?: number };

registerWorkWarmup(loadHtmlReader);
registerWorkHandler('html', (bytes: Uint8Array, hint: Hint) => htmlDocumentText(bytes, hint));

export class PageWork {
  private readonly pool: BoundedWork;
  constructor(private readonly timeoutMs = 3500) {
    this.pool = new BoundedWork({ handlersModule: import.meta.url });
  }

  readHtml(bytes: Uint8Array, hint: Hint): Promise<DocumentText> {
    return this.pool.run('html', [bytes, hint], this.timeoutMs, 'reading the page');
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
