/** Keys that identify an article across feeds: a normalised URL, a hash of its extracted text, or of its bytes (files). */
import { createHash } from 'node:crypto';

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid|_ga|igshid)$/i;

/** Lower-case scheme and host, no fragment, no default port, tracking parameters dropped, the rest kept in order. */
export function normaliseUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(name)) url.searchParams.delete(name);
    if (url.pathname !== '/' && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
    return url.href;
  } catch {
    return raw.trim();
  }
}

/** Hash of article text insensitive to whitespace and case (the same story re-served with other markup). */
export function contentHash(text: string): string {
  const canonical = text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex');
}

/** Hash of a file kept as it came (a PDF or Word statement): the same file from any address is one article. */
export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function shortHash(value: string, length = 24): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}
