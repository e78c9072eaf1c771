/**
 * Claims evaluation: each gold line is {"id","text","label"} (1 = check-worthy factual claim); the sentence is
 * scored with scoreClaim and counted as predicted positive at CLAIM_THRESHOLD. Prints precision / recall / F1
 * of the positive class and accuracy.
 *   npm run eval -- --claims ../shared/data/claims-claimbuster-dev.jsonl
 */
import { readFileSync } from 'node:fs';
import { CLAIM_THRESHOLD, scoreClaim } from '../../shared/claims/index.ts';
import { type EvalReport, formatTable, prf } from './report.ts';

export interface ClaimGold {
  id: string;
  text: string;
  label: 0 | 1;
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
      const { id, text, label } = row as Record<string, unknown>;
      if (typeof text !== 'string' || (label !== 0 && label !== 1)) {
        throw new Error(`${path}:${i + 1}: expected {"text": string, "label": 0|1}`);
      }
      rows.push({ id: String(id ?? i + 1), text, label });
    });
  return rows;
}

export async function evaluate(goldPath: string): Promise<EvalReport> {
  const gold = readClaimGold(goldPath);
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  let correct = 0;
  for (const { text, label } of gold) {
    const positive = scoreClaim(text).score >= CLAIM_THRESHOLD;
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
  return { metrics: { precision, recall, f1, accuracy }, table };
}
