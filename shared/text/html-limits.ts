/**
 * A linear pre-scan of an HTML page's tag structure, run before linkedom and Readability see it.
 * Readability on linkedom is superlinear in nesting depth (depth 1,000 took 15 s; 2,000 did not finish
 * in 120 s), so a page nested deeper, or with more elements, than any article needs is refused with a
 * reason in milliseconds instead of stalling its process. The depth is estimated as the HTML tree
 * builder would build it: void elements never open, a <p>, <li>, <td>… closes an open one of its
 * kind, an end tag closes up to its start tag, and raw-text elements and comments are skipped.
 */
export const HTML_LIMITS = {
  /** Nesting depth: real articles stay under ~60; Readability is still fast at a few hundred. */
  maxDepth: 400,
  /** Elements: large news pages have a few thousand (at most 9,888 in our HTML corpus). */
  maxElements: 30_000,
};

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound']);
const SELF_CLOSING_PEERS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'colgroup', 'caption']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext']);

export class HtmlTooComplexError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'HtmlTooComplexError';
  }
}

export function checkHtmlShape(html: string, limits = HTML_LIMITS): { depth: number; elements: number } {
  const stack: string[] = [];
  let elements = 0;
  let maxDepth = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>|<!--/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = match[2].toLowerCase();
    if (match[1]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    elements++;
    if (elements > limits.maxElements) throw new HtmlTooComplexError(`HTML page has more than ${limits.maxElements} elements (the limit for one article)`);
    if (RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end;
      continue;
    }
    if (VOID.has(name) || match[3].endsWith('/')) continue;
    if (SELF_CLOSING_PEERS.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > maxDepth) {
      maxDepth = stack.length;
      if (maxDepth > limits.maxDepth) throw new HtmlTooComplexError(`HTML page is nested more than ${limits.maxDepth} elements deep (the limit for one article)`);
    }
  }
  return { depth: maxDepth, elements };
}
