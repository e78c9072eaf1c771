/**
 * Robustness check of the feed parser and the article extractor over real-world corpora.
 *
 *   npm run check:feeds -- --feeds ../shared/corpora/feeds --html ../shared/corpora/html [--verbose]
 *
 * Feeds: every file listed in <feeds>/manifest.tsv is parsed; per file it prints the items parsed or the
 * error, and compares the outcome with the manifest (`kind`: should it parse at all; `note`: the
 * source project's expectation — encoding, "bozo" (should be flagged as ill-formed), specific values).
 * HTML: every <html>/<page>/source.html goes through htmlToArticle; the characters extracted are compared
 * with Readability's expected output (expected.html reduced to text the same way), plus a word-overlap F1.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FeedParseError, parseFeedDocument, type ParsedFeed } from '../shared/crawl/feed.ts';
import { htmlFragmentToText } from '../shared/text/html.ts';
import { UnsupportedDocumentError, htmlToArticle } from '../shared/text/formats.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const verbose = process.argv.includes('--verbose');

/** Python string literal ('…' with \xNN, \uNNNN escapes) → JS string. */
function pyString(literal: string): string {
  return literal.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
    e[0] === 'x' || e[0] === 'u' ? String.fromCharCode(parseInt(e.slice(1), 16)) : e === 'n' ? '\n' : e,
  );
}

interface FeedCheck {
  file: string;
  ok: boolean;
  detail: string;
  verdict: 'agrees' | 'disagrees' | 'n/a';
  why: string;
  ms: number;
  flagged: boolean;
}

const PARSEABLE_KINDS = /^(rss|atom|rss1\.0-rdf|json-feed)/;

/** Compares one parse outcome with the manifest's kind and note. */
function judge(kind: string, note: string, feed: ParsedFeed | undefined, error: string | undefined): { verdict: FeedCheck['verdict']; why: string } {
  const shouldParse = PARSEABLE_KINDS.test(kind);
  const problems: string[] = [];
  const checks: string[] = [];
  const expect = note.match(/Expect: (.*)$/)?.[1] ?? '';
  // feedparser's "bozo": the document should be flagged as ill-formed; a refusal with a reason, or a parse
  // with an encoding warning, is that flag.
  const bozo = /(^|[^t] )bozo\b|^bozo\b/.test(expect) && !/not bozo/.test(expect);
  if (bozo) {
    checks.push('flagged as ill-formed');
    if (!error && !feed?.warning) problems.push('expected to be flagged as ill-formed (bozo) but parsed cleanly');
  }
  if (shouldParse && !feed && !bozo) problems.push(`manifest kind "${kind}" but parse failed`);
  if (!shouldParse && feed) problems.push(`manifest kind "${kind}" but parsed as ${feed.format}`);
  checks.push(shouldParse ? 'parses' : 'refused');
  const encoding = expect.match(/encoding == '([^']+)'/)?.[1];
  if (encoding && feed) {
    checks.push(`encoding ${encoding}`);
    const norm = (e: string) => e.toLowerCase().replace(/[-_]/g, '');
    // Supersets that decode the same text: GB2312 ⊂ GBK ⊂ GB18030, Big5 ⊂ Big5-HKSCS.
    const equivalent: Record<string, string[]> = { gb2312: ['gb2312', 'gbk', 'gb18030'], big5: ['big5', 'big5hkscs'] };
    if (!(equivalent[norm(encoding)] ?? [norm(encoding)]).includes(norm(feed.encoding))) problems.push(`encoding ${feed.encoding}, expected ${encoding}`);
  }
  const value = expect.match(/(entries\[0\]\['description'\]|entries\[0\]\.summary|feed\['title'\]|entries\[0\]\.link) == '((?:[^'\\]|\\.)*)'/);
  if (value && feed) {
    const [, field, literal] = value;
    const want = pyString(literal);
    const got = field.startsWith('feed') ? feed.title : field.endsWith('link') ? feed.items[0]?.url : feed.items[0]?.summary;
    checks.push(`${field} value`);
    if (got !== want) problems.push(`${field} = ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  const ord = expect.match(/ord\(entries\[0\]\['description'\]\) == (\d+)/);
  if (ord && feed) {
    checks.push('description code point');
    const got = feed.items[0]?.summary?.codePointAt(0);
    if (got !== Number(ord[1])) problems.push(`description code point ${got}, expected ${ord[1]}`);
  }
  if (/\bnot bozo\b/.test(expect) && error) problems.push('expected a clean parse (not bozo) but it failed');
  return { verdict: problems.length ? 'disagrees' : 'agrees', why: problems.join('; ') || checks.join(', ') };
}

async function checkFeeds(dir: string): Promise<void> {
  const manifest = (await readFile(join(dir, 'manifest.tsv'), 'utf8')).trim().split('\n');
  const header = manifest[0].split('\t');
  const col = (name: string) => header.indexOf(name);
  const results: FeedCheck[] = [];
  for (const line of manifest.slice(1)) {
    const cells = line.split('\t');
    const file = cells[col('file')];
    const kind = cells[col('kind')];
    const note = cells[col('note')] ?? '';
    const edge = cells[col('edge_case')] === 'True';
    const bytes = new Uint8Array(await readFile(join(dir, file)));
    const started = performance.now();
    let feed: ParsedFeed | undefined;
    let error: string | undefined;
    try {
      feed = parseFeedDocument(bytes, { baseUrl: 'https://feeds.example.org/' });
    } catch (e) {
      error = e instanceof FeedParseError ? e.reason : `UNEXPECTED ${(e as Error).name}: ${(e as Error).message}`;
    }
    const ms = performance.now() - started;
    const { verdict, why } = judge(kind, note, feed, error);
    const detail = feed
      ? `${feed.format} ${feed.items.length} items, ${feed.encoding}${feed.warning ? ` (${feed.warning})` : ''}`
      : `error: ${error}`;
    results.push({ file, ok: Boolean(feed), detail, verdict, why, ms, flagged: Boolean(error || feed?.warning) });
    if (verbose || verdict === 'disagrees' || !feed || edge) {
      process.stdout.write(`${verdict === 'agrees' ? 'ok  ' : 'DIFF'} ${file.padEnd(58)} ${detail}\n`);
      if (verdict === 'disagrees' || verbose) process.stdout.write(`     manifest: ${kind}${note ? ` | ${note}` : ''}\n     check: ${why}\n`);
    }
  }
  const parsed = results.filter((r) => r.ok);
  const items = parsed.reduce((n, r) => n + Number(r.detail.match(/ (\d+) items/)?.[1] ?? 0), 0);
  const unexpected = results.filter((r) => r.detail.includes('UNEXPECTED'));
  const agree = results.filter((r) => r.verdict === 'agrees').length;
  const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
  process.stdout.write(
    `\nFEEDS: ${results.length} files, ${parsed.length} parsed (${items} items), ${results.length - parsed.length} refused with a reason, ` +
      `${unexpected.length} unexpected exceptions; agrees with manifest on ${agree}/${results.length}; ` +
      `slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms; total ${results.reduce((n, r) => n + r.ms, 0).toFixed(0)} ms\n\n`,
  );
}

/** Bag-of-words F1 between two texts (case-folded word tokens). */
function wordF1(got: string, want: string): number {
  const bag = (s: string) => {
    const m = new Map<string, number>();
    for (const w of s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const a = bag(got);
  const b = bag(want);
  let overlap = 0;
  let na = 0;
  let nb = 0;
  for (const [w, n] of a) {
    na += n;
    overlap += Math.min(n, b.get(w) ?? 0);
  }
  for (const n of b.values()) nb += n;
  if (!na || !nb) return na === nb ? 1 : 0;
  const p = overlap / na;
  const r = overlap / nb;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

async function checkHtml(dir: string): Promise<void> {
  const pages = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  let extractedTotal = 0;
  let expectedTotal = 0;
  let failures = 0;
  const f1s: number[] = [];
  let totalMs = 0;
  process.stdout.write(`${'page'.padEnd(44)} ${'chars'.padStart(8)} ${'expected'.padStart(8)} ${'ratio'.padStart(6)} ${'wordF1'.padStart(6)} ms\n`);
  for (const page of pages) {
    const source = await readFile(join(dir, page, 'source.html'), 'utf8').catch(() => undefined);
    if (source === undefined) continue;
    const expectedHtml = await readFile(join(dir, page, 'expected.html'), 'utf8').catch(() => '');
    const expected = htmlFragmentToText(expectedHtml);
    const started = performance.now();
    let text = '';
    let error: string | undefined;
    try {
      text = (await htmlToArticle(source, 'http://fakehost/test/page.html')).text;
    } catch (e) {
      error = e instanceof UnsupportedDocumentError ? e.reason : `UNEXPECTED ${(e as Error).message}`;
      failures++;
    }
    const ms = performance.now() - started;
    totalMs += ms;
    extractedTotal += text.length;
    expectedTotal += expected.length;
    const f1 = wordF1(text, expected);
    f1s.push(f1);
    const ratio = expected.length ? text.length / expected.length : text.length ? Infinity : 1;
    process.stdout.write(
      `${page.padEnd(44)} ${String(text.length).padStart(8)} ${String(expected.length).padStart(8)} ${ratio.toFixed(2).padStart(6)} ${f1.toFixed(3).padStart(6)} ${ms.toFixed(0)}${error ? `  error: ${error}` : ''}\n`,
    );
  }
  const sorted = [...f1s].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = f1s.reduce((a, b) => a + b, 0) / (f1s.length || 1);
  const within10 = f1s.filter((f) => f >= 0.9).length;
  process.stdout.write(
    `\nHTML: ${f1s.length} pages, ${failures} refused; characters extracted ${extractedTotal} vs expected ${expectedTotal} ` +
      `(ratio ${(extractedTotal / (expectedTotal || 1)).toFixed(3)}); word F1 mean ${mean.toFixed(3)}, median ${median.toFixed(3)}, ` +
      `${within10}/${f1s.length} pages with F1 >= 0.9; ${totalMs.toFixed(0)} ms total\n`,
  );
}

const feedsDir = arg('feeds');
const htmlDir = arg('html');
if (!feedsDir && !htmlDir) {
  process.stderr.write('usage: npm run check:feeds -- --feeds ../shared/corpora/feeds --html ../shared/corpora/html [--verbose]\n');
  process.exit(2);
}
if (feedsDir) await checkFeeds(feedsDir);
if (htmlDir) await checkHtml(htmlDir);
