/**
 * HTML page → article text and metadata with Mozilla Readability on linkedom (a server-side DOM).
 * Readability's own textContent glues paragraphs together ("end.Next"), which breaks sentence
 * splitting, so the article HTML is turned into text here with paragraph breaks kept.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentText } from './document.ts';
import { HtmlTooComplexError, checkHtmlShape } from './html-limits.ts';
import { normaliseDate, tidyText } from './normalise.ts';

export class NoArticleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NoArticleError';
  }
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head']);
const CELL = new Set(['td', 'th']);

interface Node {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<Node>;
}

/** Visible text of an HTML node tree with blocks as paragraphs and <br> as line breaks. */
export function htmlNodeToText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(inPre ? value : value.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toLowerCase();
    if (SKIP.has(name)) return;
    if (name === 'br') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push('\n\n');
    if (CELL.has(name)) out.push(' ');
    const pre = inPre || name === 'pre';
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i], pre);
    if (block) out.push('\n\n');
  };
  walk(root, false);
  return tidyText(out.join(''));
}

/** Article text of an HTML fragment (e.g. a feed item's content:encoded) without Readability. */
export function htmlFragmentToText(html: string): string {
  try {
    checkHtmlShape(html);
  } catch (error) {
    if (error instanceof HtmlTooComplexError) throw new NoArticleError(error.reason);
    throw error;
  }
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return htmlNodeToText(document.body as unknown as Node);
}

function resolveUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Where a page marks its publication date, most specific first (each: selector, attribute). */
const PUBLISHED_SELECTORS: Array<[string, string]> = [
  ['meta[property="article:published_time" i]', 'content'],
  ['meta[itemprop="datePublished" i]', 'content'],
  ['time[itemprop="datePublished" i]', 'datetime'],
  ['time[pubdate]', 'datetime'],
  ['meta[name="date" i]', 'content'],
  ['meta[name="dc.date" i]', 'content'],
  ['article time[datetime]', 'datetime'],
  ['time[datetime]', 'datetime'],
];

/** Minimum article size: below this, the page has no article worth extracting (navigation, a login wall …). */
const MIN_ARTICLE_LETTERS = 20;

/**
 * Readability's article: text with paragraph breaks, title, byline, published time and canonical URL.
 * Throws NoArticleError when the page has no article text.
 */
export function htmlToArticle(html: string, url?: string): DocumentText {
  try {
    checkHtmlShape(html);
  } catch (error) {
    if (error instanceof HtmlTooComplexError) throw new NoArticleError(error.reason);
    throw error;
  }
  const { document } = parseHTML(html);
  // Read before Readability, which mutates the document.
  const canonicalHref =
    document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url" i]')?.getAttribute('content');
  const canonicalUrl = resolveUrl(canonicalHref, url) ?? (url ? resolveUrl(url, undefined) : undefined);
  const markedDate = PUBLISHED_SELECTORS.map(([selector, attribute]) => document.querySelector(selector)?.getAttribute(attribute)).find(Boolean);

  const article = new Readability(document as unknown as Document, { keepClasses: false }).parse();
  if (!article?.content) throw new NoArticleError('HTML page has no article text');
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const text = htmlNodeToText(content.body as unknown as Node);
  const letters = countLetters(text);
  if (letters < MIN_ARTICLE_LETTERS) throw new NoArticleError(`HTML page has no article text (only ${letters} letters found)`);
  // A menu or a list of links is not an article: require enough text outside links.
  const linkLetters = Array.from(content.querySelectorAll('a')).reduce((n, a) => n + countLetters(a.textContent ?? ''), 0);
  if (letters - linkLetters < MIN_ARTICLE_LETTERS) throw new NoArticleError('HTML page has no article text (only links)');

  const result: DocumentText = { text, format: 'html' };
  const title = article.title?.trim();
  if (title) result.title = title;
  const byline = article.byline?.trim();
  if (byline) result.byline = byline;
  // Readability reads JSON-LD `datePublished` and `article:published_time`; the page's other date marks follow.
  const published = normaliseDate(article.publishedTime) ?? normaliseDate(markedDate);
  if (published) result.publishedAt = published;
  if (canonicalUrl) result.canonicalUrl = canonicalUrl;
  return result;
}
