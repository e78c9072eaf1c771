/**
 * Extraction throughput, side by side with one plain compromise parse of the same documents:
 *   npm run bench -- --news ../shared/corpora/news/wikinews-2019-2020.jsonl \
 *                    --press ../shared/corpora/press-releases/congress-press-releases.jsonl [--limit N] [--json]
 * Any --NAME FILE pair adds a corpus (jsonl lines with a "text" field). For each corpus it prints MB/s,
 * documents/s, p50/p99 ms per document and the ratio plain-parse time / extraction time (>= 1 means the
 * whole extraction is at least as fast as one nlp(text) parse). Peak RSS is the process's high-water mark
 * after the extraction runs (before compromise parses whole documents) and at the end.
 */
import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { extract } from '../shared/extract/index.ts';
import { formatTable } from './eval/report.ts';

interface Corpus {
  name: string;
  path: string;
  texts: string[];
  chars: number;
  bytes: number;
}

interface Timing {
  totalMs: number;
  perDoc: number[];
}

function parseCli(argv: string[]): { corpora: Array<{ name: string; path: string }>; limit: number; json: boolean } {
  const corpora: Array<{ name: string; path: string }> = [];
  let limit = Infinity;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--limit') limit = Number(argv[++i]);
    else if (arg.startsWith('--') && argv[i + 1] && !argv[i + 1].startsWith('--')) corpora.push({ name: arg.slice(2), path: argv[++i] });
    else throw new Error(`unexpected argument ${arg}`);
  }
  if (!corpora.length || !(limit > 0)) {
    throw new Error('usage: npm run bench -- --news FILE.jsonl --press FILE.jsonl [--limit N] [--json]');
  }
  return { corpora, limit, json };
}

function load(name: string, path: string, limit: number): Corpus {
  const texts: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (texts.length >= limit) break;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { text?: unknown };
    if (typeof record.text === 'string' && record.text.trim()) texts.push(record.text);
  }
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  return { name, path, texts, chars, bytes };
}

function time(texts: string[], run: (text: string) => unknown): Timing {
  const perDoc: number[] = [];
  const started = performance.now();
  for (const text of texts) {
    const t0 = performance.now();
    run(text);
    perDoc.push(performance.now() - t0);
  }
  return { totalMs: performance.now() - started, perDoc };
}

function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const { corpora: specs, limit, json } = parseCli(process.argv.slice(2));
  const corpora = specs.map((s) => load(s.name, s.path, limit));

  // Warm both paths up (JIT, lexicons) on a few documents so the first corpus is not penalised.
  for (const text of corpora.flatMap((c) => c.texts.slice(0, 5))) {
    extract(text);
    nlp(text);
  }

  const extraction = corpora.map((c) => time(c.texts, (t) => extract(t)));
  const rssAfterExtraction = peakRssMb();
  const plain = corpora.map((c) => time(c.texts, (t) => nlp(t)));
  const rssAtEnd = peakRssMb();

  const rows: Array<Record<string, string | number>> = [];
  const figures: Record<string, number> = {};
  corpora.forEach((c, i) => {
    for (const [what, timing] of [['extract', extraction[i]], ['nlp(text)', plain[i]]] as const) {
      const seconds = timing.totalMs / 1000;
      const row = {
        corpus: c.name,
        run: what,
        docs: String(c.texts.length),
        MB: (c.bytes / 1e6).toFixed(2),
        'MB/s': (c.bytes / 1e6 / seconds).toFixed(3),
        'docs/s': (c.texts.length / seconds).toFixed(1),
        'p50 ms': percentile(timing.perDoc, 50).toFixed(2),
        'p99 ms': percentile(timing.perDoc, 99).toFixed(2),
      };
      rows.push(row);
      const key = `${c.name}.${what === 'extract' ? 'extract' : 'nlp'}`;
      figures[`${key}.mbPerSecond`] = c.bytes / 1e6 / seconds;
      figures[`${key}.docsPerSecond`] = c.texts.length / seconds;
      figures[`${key}.p50Ms`] = percentile(timing.perDoc, 50);
      figures[`${key}.p99Ms`] = percentile(timing.perDoc, 99);
    }
    figures[`${c.name}.ratio`] = plain[i].totalMs / extraction[i].totalMs;
  });
  figures['peakRssMb.afterExtraction'] = rssAfterExtraction;
  figures['peakRssMb.atEnd'] = rssAtEnd;

  if (json) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    console.log(formatTable(rows));
    console.log('');
    for (const c of corpora) {
      const ratio = figures[`${c.name}.ratio`];
      console.log(`${c.name}: ratio plain parse / extraction = ${ratio.toFixed(2)} ${ratio >= 1 ? '(ok, >= 1.0)' : '(BELOW 1.0)'}`);
    }
    console.log(`peak RSS: ${rssAfterExtraction.toFixed(0)} MB after extraction, ${rssAtEnd.toFixed(0)} MB at the end (after the plain parses)`);
  }
  const slow = corpora.filter((c) => figures[`${c.name}.ratio`] < 1);
  if (slow.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
