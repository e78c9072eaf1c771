/** What every evaluation returns: named figures (0..1 unless the name says otherwise) and a printable table. */
export interface EvalReport {
  metrics: Record<string, number>;
  table: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(truePositives: number, predicted: number, actual: number): PRF {
  return spanPrf(truePositives, predicted, truePositives, actual);
}

/** P/R/F1 where a right prediction and a found gold item are counted apart (one prediction may cover several fragments). */
export function spanPrf(correctPredictions: number, predicted: number, matchedGold: number, gold: number): PRF {
  const precision = predicted ? correctPredictions / predicted : 0;
  const recall = gold ? matchedGold / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export function formatTable(rows: Array<Record<string, string | number>>): string {
  if (!rows.length) return '';
  const headers = Object.keys(rows[0]);
  const cells = rows.map((row) => headers.map((h) => (typeof row[h] === 'number' ? (row[h] as number).toFixed(3) : String(row[h]))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
