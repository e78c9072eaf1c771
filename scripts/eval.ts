/**
 * Scores quotedesk against gold sets:
 *   npm run eval -- --quotes GOLD.jsonl --resolved GOLD.jsonl --claims GOLD.jsonl --claims-news GOLD.jsonl --names GOLD.jsonl [--json]
 *   npm run eval -- … --ratchet eval/ratchet.json [--update] [--targets eval/targets.json]
 * With --ratchet, fails (exit 1) when any recorded figure gets worse by more than 0.005 (drops, or
 * rises for a lower-is-better figure); with --update, records the figures that got better.
 * With --targets, fails when a `required` bound is not met and prints each `goal` as met / not met
 * without failing. A bound is a number (a minimum) or a string ">= 0.93" / "<= 0.02".
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EvalReport } from './eval/report.ts';

const TOLERANCE = 0.005;
/**
 * The headline figures the ratchet holds; precision and recall may trade against each other, except on news claims,
 * where precision is the target (a fact-checker reads every sentence flagged).
 */
const RATCHETED = /\.(f1|exactF1|speakerAccuracy|keptApart)$|^resolved\.speaker\.resolved$|^claims-news\.precision$/;
/** Held figures where lower is better: shares of quotes credited to another person or to no one. */
const LOWER_IS_BETTER = /^resolved\.speaker\.(anotherPerson|none)$/;

const evaluators: Record<string, () => Promise<(gold: string) => Promise<EvalReport>>> = {
  quotes: async () => (await import('./eval/quotes.ts')).evaluate,
  resolved: async () => (await import('./eval/resolved.ts')).evaluate,
  claims: async () => (await import('./eval/claims.ts')).evaluate,
  // News and press-release sentences: the same scoring, held to precision (evaluation only, never fitted on).
  'claims-news': async () => (await import('./eval/claims.ts')).evaluate,
  names: async () => (await import('./eval/names.ts')).evaluate,
};

const { values } = parseArgs({
  options: {
    quotes: { type: 'string' },
    resolved: { type: 'string' },
    claims: { type: 'string' },
    'claims-news': { type: 'string' },
    names: { type: 'string' },
    json: { type: 'boolean', default: false },
    ratchet: { type: 'string' },
    update: { type: 'boolean', default: false },
    targets: { type: 'string' },
  },
});

/** A target: a number is a minimum; ">= x" and "<= x" say which way. */
type Bound = number | string;

function readBound(bound: Bound): { op: '>=' | '<='; limit: number } {
  if (typeof bound === 'number') return { op: '>=', limit: bound };
  const m = /^\s*(>=|<=)\s*(\d*\.?\d+)\s*$/.exec(bound);
  if (!m) throw new Error(`eval targets: cannot read the bound ${JSON.stringify(bound)}`);
  return { op: m[1] as '>=' | '<=', limit: Number(m[2]) };
}

function check(value: number, bound: Bound): { ok: boolean; text: string } {
  const { op, limit } = readBound(bound);
  const ok = op === '>=' ? value >= limit : value <= limit;
  return { ok, text: `${value.toFixed(4)} ${ok ? op : op === '>=' ? '<' : '>'} ${limit}` };
}

const figures: Record<string, number> = {};
for (const [name, load] of Object.entries(evaluators)) {
  const gold = values[name as keyof typeof values];
  if (typeof gold !== 'string') continue;
  const report = await (await load())(gold);
  for (const [metric, value] of Object.entries(report.metrics)) figures[`${name}.${metric}`] = value;
  if (!values.json) console.log(`\n## ${name} (${gold})\n${report.table}`);
}
if (!Object.keys(figures).length) {
  console.error('usage: npm run eval -- --quotes GOLD.jsonl | --resolved GOLD.jsonl | --claims GOLD.jsonl | --claims-news GOLD.jsonl | --names GOLD.jsonl [--json] [--ratchet FILE [--update]]');
  process.exit(2);
}
if (values.json) console.log(JSON.stringify(figures, null, 2));

let failed = false;
if (values.targets) {
  const file = JSON.parse(readFileSync(values.targets, 'utf8')) as Record<string, Record<string, Bound>>;
  const unknown = Object.keys(file).filter((k) => k !== 'required' && k !== 'goals');
  if (unknown.length) throw new Error(`${values.targets}: expected {"required": {…}, "goals": {…}}, found ${unknown.join(', ')}`);
  const { required = {}, goals = {} } = file;
  for (const [k, bound] of Object.entries(required)) {
    if (!(k in figures)) continue; // that gold set was not given this run
    const { ok, text } = check(figures[k], bound);
    console.log(`target: ${k} ${text}`);
    failed ||= !ok;
  }
  for (const [k, bound] of Object.entries(goals)) {
    if (!(k in figures)) continue;
    const { ok, text } = check(figures[k], bound);
    console.log(`goal: ${k} ${text} ${ok ? 'met' : 'not met'}`);
  }
}

if (values.ratchet) {
  const recorded: Record<string, number> = existsSync(values.ratchet) ? JSON.parse(readFileSync(values.ratchet, 'utf8')) : {};
  const held = Object.entries(figures).filter(([k]) => RATCHETED.test(k) || LOWER_IS_BETTER.test(k));
  /** How much better v is than w (negative when worse), whichever way the figure points. */
  const gain = (k: string, v: number, w: number) => (LOWER_IS_BETTER.test(k) ? w - v : v - w);
  const worse = held.filter(([k, v]) => k in recorded && gain(k, v, recorded[k]) < -TOLERANCE);
  for (const [k, v] of worse)
    console.error(`ratchet: ${k} ${LOWER_IS_BETTER.test(k) ? 'rose' : 'fell'} from ${recorded[k].toFixed(4)} to ${v.toFixed(4)}`);
  if (values.update) {
    const next = { ...recorded };
    for (const [k, v] of held) if (!(k in next) || gain(k, v, next[k]) > 0) next[k] = Number(v.toFixed(4));
    writeFileSync(values.ratchet, `${JSON.stringify(next, null, 2)}\n`);
  }
  failed ||= worse.length > 0;
  if (!worse.length) console.log(`ratchet: ${held.length} figures held against ${values.ratchet}`);
}
if (failed) process.exit(1);
