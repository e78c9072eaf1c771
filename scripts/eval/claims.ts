/**
 * Claims evaluation: each gold line is {"id","text","label"} (1 = check-worthy factual claim); the sentence is
 * scored with scoreClaim and counted as predicted positive at CLAIM_THRESHOLD. Prints precision / recall / F1
 * of the positive class and accuracy.
 *   npm run eval -- --claims ../shared/data/claims-claimbuster-dev.jsonl --claims-news ../shared/data/claims-news-dev.jsonl
 * A gold file with a "why" per line (the news file) also gets a table of how often each category is called a claim.
 */
import { readFileSync } from 'node:fs';
import { CLAIM_THRESHOLD, scoreClaim } from '#shared/claims/index.ts';
import { type EvalReport, formatTable, prf } from './report.ts';

export interface ClaimGold {
  id: string;
  text: string;
  label: 0 | 1;
  /** Why the sentence got its label (news gold: figure, event, opinion, trivia, boilerplate…), when given. */
  why?: string;
}

/** Reads a claims gold file, failing with the line number on a malformed line. */
export function readClaimGold(path: string): ClaimGold[] {
  const rows: ClaimGold[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
      const { id, text, label, why } = row as Record<string, unknown>;
      if (typeof text !== 'string' || (label !== 0 && label !== 1)) {
        throw new Error(`${path}:${i + 1}: expected {"text": string, "label": 0|1}`);
      }
      rows.push({ id: String(id ?? i + 1), text, label, ...(typeof why === 'string' ? { why } : {}) });
    });
  return rows;
}

export async function evaluate(goldPath: string): Promise<EvalReport> {
  const gold = readClaimGold(goldPath);
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  let correct = 0;
  // Per label category (news gold): how many sentences the model calls claims, so errors show where they sit.
  const byWhy = new Map<string, { label: number; n: number; called: number }>();
  for (const { text, label, why } of gold) {
    const positive = scoreClaim(text).score >= CLAIM_THRESHOLD;
    if (why) {
      const row = byWhy.get(why) ?? { label, n: 0, called: 0 };
      row.n++;
      if (positive) row.called++;
      byWhy.set(why, row);
    }
    if (positive) predicted++;
    if (label) actual++;
    if (positive && label) tp++;
    if (positive === (label === 1)) correct++;
  }
  const { precision, recall, f1 } = prf(tp, predicted, actual);
  const accuracy = gold.length ? correct / gold.length : 0;
  const table = formatTable([
    { sentences: String(gold.length), claims: String(actual), predicted: String(predicted), precision, recall, f1, accuracy },
  ]);
  const whyTable = byWhy.size
    ? `\n\n${formatTable(
        [...byWhy].sort((a, b) => b[1].label - a[1].label || b[1].n - a[1].n)
          .map(([why, r]) => ({ why, label: String(r.label), sentences: String(r.n), 'called claims': String(r.called) })),
      )}`
    : '';
  return { metrics: { precision, recall, f1, accuracy }, table: table + whyTable };
}
