/**
 * Scores quotedesk against gold sets:
 *   npm run eval -- --quotes GOLD.jsonl --claims GOLD.jsonl --claims-news GOLD.jsonl --names GOLD.jsonl [--json]
 *   npm run eval -- … --ratchet eval/ratchet.json [--update] [--targets eval/targets.json]
 * With --ratchet, fails (exit 1) when any recorded figure drops by more than 0.005;
 * with --update, records the figures that went up. With --targets, fails when a figure is
 * below its required minimum.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EvalReport } from './eval/report.ts';

const TOLERANCE = 0.005;
/**
 * The headline figures the ratchet holds; precision and recall may trade against each other, except on news claims,
 * where precision is the target (a fact-checker reads every sentence flagged).
 */
const RATCHETED = /\.(f1|speakerAccuracy|keptApart)$|^claims-news\.precision$/;

const evaluators: Record<string, () => Promise<(gold: string) => Promise<EvalReport>>> = {
  quotes: async () => (await import('./eval/quotes.ts')).evaluate,
  claims: async () => (await import('./eval/claims.ts')).evaluate,
  // News and press-release sentences: the same scoring, held to precision (evaluation only, never fitted on).
  'claims-news': async () => (await import('./eval/claims.ts')).evaluate,
  names: async () => (await import('./eval/names.ts')).evaluate,
};

const { values } = parseArgs({
  options: {
    quotes: { type: 'string' },
    claims: { type: 'string' },
    'claims-news': { type: 'string' },
    names: { type: 'string' },
    json: { type: 'boolean', default: false },
    ratchet: { type: 'string' },
    update: { type: 'boolean', default: false },
    targets: { type: 'string' },
  },
});

const figures: Record<string, number> = {};
for (const [name, load] of Object.entries(evaluators)) {
  const gold = values[name as keyof typeof values];
  if (typeof gold !== 'string') continue;
  const report = await (await load())(gold);
  for (const [metric, value] of Object.entries(report.metrics)) figures[`${name}.${metric}`] = value;
  if (!values.json) console.log(`\n## ${name} (${gold})\n${report.table}`);
}
if (!Object.keys(figures).length) {
  console.error('usage: npm run eval -- --quotes GOLD.jsonl | --claims GOLD.jsonl | --claims-news GOLD.jsonl | --names GOLD.jsonl [--json] [--ratchet FILE [--update]]');
  process.exit(2);
}
if (values.json) console.log(JSON.stringify(figures, null, 2));

let failed = false;
if (values.targets) {
  const targets: Record<string, number> = JSON.parse(readFileSync(values.targets, 'utf8'));
  for (const [k, min] of Object.entries(targets)) {
    if (!(k in figures)) continue; // that gold set was not given this run
    const ok = figures[k] >= min;
    console.log(`target: ${k} ${figures[k].toFixed(4)} ${ok ? '>=' : '<'} ${min}`);
    failed ||= !ok;
  }
}

if (values.ratchet) {
  const recorded: Record<string, number> = existsSync(values.ratchet) ? JSON.parse(readFileSync(values.ratchet, 'utf8')) : {};
  const held = Object.entries(figures).filter(([k]) => RATCHETED.test(k));
  const drops = held.filter(([k, v]) => k in recorded && v < recorded[k] - TOLERANCE);
  for (const [k, v] of drops) console.error(`ratchet: ${k} fell from ${recorded[k].toFixed(4)} to ${v.toFixed(4)}`);
  if (values.update) {
    const next = { ...recorded };
    for (const [k, v] of held) if (!(k in next) || v > next[k]) next[k] = Number(v.toFixed(4));
    writeFileSync(values.ratchet, `${JSON.stringify(next, null, 2)}\n`);
  }
  failed ||= drops.length > 0;
  if (!drops.length) console.log(`ratchet: ${held.length} figures held against ${values.ratchet}`);
}
if (failed) process.exit(1);
