/**
 * Times sentence splitting + claim scoring (findClaims) against one plain compromise parse, nlp(text),
 * of the same documents, and prints the ratio.
 *   npx tsx scripts/bench-claims.ts ../shared/corpora/news/wikinews-2019-2020.jsonl [--rounds 3]
 * Input: JSON lines with a "text" field.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { findClaims } from '../shared/claims/index.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '3' } } });
if (positionals.length !== 1) {
  console.error('usage: npx tsx scripts/bench-claims.ts CORPUS.jsonl [--rounds 3]');
  process.exit(2);
}
const docs = readFileSync(positionals[0], 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => String(JSON.parse(line).text ?? ''));
const chars = docs.reduce((n, d) => n + d.length, 0);

/** Wall-clock milliseconds; CPU milliseconds are kept too, as they are steadier on a shared machine. */
const cpu: Record<string, number[]> = { claims: [], parse: [] };
function time(run: (doc: string) => unknown, label?: string): number {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  for (const doc of docs) run(doc);
  const elapsed = performance.now() - started;
  if (label) cpu[label].push(process.cpuUsage(cpuStart).user / 1000);
  return elapsed;
}

let claims = 0;
time((d) => (claims += findClaims(d, []).length)); // warm-up, and the claim count
nlp('Warm up the lexicon.');
const rounds = Number(values.rounds);
const claimTimes: number[] = [];
const parseTimes: number[] = [];
for (let r = 0; r < rounds; r++) {
  claimTimes.push(time((d) => findClaims(d, []), 'claims'));
  parseTimes.push(time((d) => nlp(d), 'parse'));
}
const best = (xs: number[]) => Math.min(...xs);
const claimMs = best(claimTimes);
const parseMs = best(parseTimes);
console.log(`${docs.length} documents, ${(chars / 1e6).toFixed(2)} M chars, ${claims} claims`);
console.log(`findClaims  ${claimMs.toFixed(0)} ms  (${(chars / 1e6 / (claimMs / 1000)).toFixed(1)} M chars/s)`);
console.log(`nlp(text)   ${parseMs.toFixed(0)} ms  (${(chars / 1e6 / (parseMs / 1000)).toFixed(2)} M chars/s)`);
console.log(`findClaims / nlp(text) = ${((100 * claimMs) / parseMs).toFixed(1)}% wall, ${((100 * best(cpu.claims)) / best(cpu.parse)).toFixed(1)}% CPU  (best of ${rounds} rounds)`);
