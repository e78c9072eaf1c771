/**
 * Scores compareNames() on a gold file of name pairs, one JSON object a line:
 *   {"a","b","same": true|false, "entity_type"?: "Person"|"given_name"|"surname"|"Company"|…}
 *   npm run eval -- --names ../shared/data/names-pairs-dev.jsonl
 * Reports precision / recall / F1 of the same-entity class and the share of different-entity pairs
 * kept apart, overall and per slice; `names` is person + given-name + surname pairs (the target).
 * The gold entity type is passed as context kind (person / organisation), as the extractor does.
 * Pairs are also split in two fixed halves by a hash of the names ("tune" / "check"), so a figure
 * on data that was never looked at while tuning is always printed beside the overall one.
 * The last row is the reference: whole-string Jaro-Winkler >= 0.92 on the same pairs.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { clusterNames, compareNames } from '#shared/names/index.ts';
import { jaroWinkler } from '#shared/names/metrics.ts';
import { formatTable, prf, type EvalReport } from './report.ts';

interface GoldPair {
  a: string;
  b: string;
  same: boolean;
  entity_type?: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const PERSON_SLICES: Record<string, string> = { person: 'person', given_name: 'given', surname: 'surname' };

function sliceOf(entityType: string | undefined): string {
  const t = (entityType ?? '').toLowerCase();
  if (t in PERSON_SLICES) return PERSON_SLICES[t];
  if (t === 'company' || t === 'organization' || t === 'legalentity') return 'organization';
  return t || 'unknown';
}

/** FNV-1a: a fixed, data-independent split into halves. */
export function half(pair: GoldPair): 'tune' | 'check' {
  let h = 0x811c9dc5;
  for (const ch of `${pair.a}\u0000${pair.b}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'check';
}

function tally(map: Map<string, Tally>, name: string, gold: boolean, predicted: boolean): void {
  let t = map.get(name);
  if (!t) map.set(name, (t = { tp: 0, fp: 0, fn: 0, tn: 0 }));
  if (gold && predicted) t.tp++;
  else if (!gold && predicted) t.fp++;
  else if (gold) t.fn++;
  else t.tn++;
}

export async function evaluate(goldPath: string): Promise<EvalReport> {
  const ours = new Map<string, Tally>();
  const reference = new Map<string, Tally>();
  const lines = createInterface({ input: createReadStream(goldPath, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let pair: GoldPair;
    try {
      pair = JSON.parse(line) as GoldPair;
    } catch {
      throw new Error(`${goldPath}:${lineNo}: not valid JSON`);
    }
    if (typeof pair.a !== 'string' || typeof pair.b !== 'string' || typeof pair.same !== 'boolean') {
      throw new Error(`${goldPath}:${lineNo}: expected {"a","b","same"}`);
    }
    const slice = sliceOf(pair.entity_type);
    const kind = slice === 'organization' || slice === 'vessel' ? 'organization' : slice === 'unknown' ? undefined : 'person';
    const context = kind ? { a: { kind }, b: { kind } } : undefined;
    const predicted = compareNames(pair.a, pair.b, context as Parameters<typeof compareNames>[2]).same;
    const baseline = jaroWinkler(pair.a.toLowerCase(), pair.b.toLowerCase()) >= 0.92;
    const names = [slice, 'all', `all.${half(pair)}`];
    if (slice in { person: 1, given: 1, surname: 1 }) names.push('names', `names.${half(pair)}`);
    for (const name of names) {
      tally(ours, name, pair.same, predicted);
      tally(reference, name, pair.same, baseline);
    }
  }

  const metrics: Record<string, number> = {};
  const rows: Array<Record<string, string | number>> = [];
  const order = ['names', 'names.tune', 'names.check', 'person', 'given', 'surname', 'organization', 'vessel', 'all', 'all.tune', 'all.check'];
  const sliceNames = [...ours.keys()].sort((x, y) => (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99) || x.localeCompare(y));
  const row = (label: string, t: Tally) => {
    const p = prf(t.tp, t.tp + t.fp, t.tp + t.fn);
    const negatives = t.tn + t.fp;
    return { p, keptApart: negatives ? t.tn / negatives : 1, negatives, row: { slice: label, pairs: String(t.tp + t.fp + t.fn + t.tn), negatives: String(negatives), precision: p.precision, recall: p.recall, f1: p.f1, keptApart: negatives ? t.tn / negatives : 1 } };
  };
  for (const name of sliceNames) {
    const r = row(name, ours.get(name)!);
    metrics[`${name}.precision`] = r.p.precision;
    metrics[`${name}.recall`] = r.p.recall;
    metrics[`${name}.f1`] = r.p.f1;
    if (r.negatives) metrics[`${name}.keptApart`] = r.keptApart;
    rows.push(r.row);
  }
  for (const name of ['names', 'all']) {
    const t = reference.get(name);
    if (t) rows.push(row(`${name} (reference: JW>=0.92)`, t).row);
  }
  return { metrics, table: `${formatTable(rows)}\n${speedLine()}` };
}

/**
 * Informational speed figures (not metrics: they depend on the machine, so the ratchet ignores them):
 * compareNames on synthetic pairs and clusterNames on a synthetic document of 400 mentions.
 */
function speedLine(): string {
  const given = ['Anna', 'Boris', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Karl', 'Lena'];
  const family = ['Abbott', 'Brennan', 'Carvalho', 'Dietrich', 'Eklund', 'Fujita', 'Gallo', 'Halvorsen', 'Ibarra', 'Jovanovic', 'Lindgren', 'Moreau', 'Okafor', 'Petrov', 'Rossi', 'Weber'];
  const misspell = (w: string, i: number) => (i % 3 ? w : `${w.slice(0, 2)}${w[2]}${w.slice(2)}`);
  const names = Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? misspell(family[(i * 7) % 16], i) : `${given[(i * 5) % 12]} ${misspell(family[(i * 7) % 16], i)}`));
  let start = performance.now();
  let pairs = 0;
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j += 29, pairs++) compareNames(names[i], names[j]);
  const perPair = (performance.now() - start) / pairs;
  const mentions = names.map((name, i) => ({ key: `m${i}`, name, order: i }));
  clusterNames(mentions);
  start = performance.now();
  const clusters = clusterNames(mentions);
  const clusterMs = performance.now() - start;
  return `speed: compareNames ${(1000 / perPair).toFixed(0)} pairs/s; clusterNames ${mentions.length} mentions (${new Set(names).size} spellings → ${clusters.length} clusters) in ${clusterMs.toFixed(1)} ms`;
}
