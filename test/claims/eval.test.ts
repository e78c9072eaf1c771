import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_THRESHOLD, scoreClaim } from '#shared/claims/index.ts';
import { evaluate, readClaimGold } from '#scripts/eval/claims.ts';

const sample = new URL('../fixtures/claims/gold-sample.jsonl', import.meta.url).pathname;

describe('claims evaluation', () => {
  it('reads a gold file, skipping blank lines', () => {
    const gold = readClaimGold(sample);
    expect(gold).toHaveLength(8);
    expect(gold[0]).toEqual({ id: 'g1', text: 'The county spent $12.5 million on road repairs in 2022.', label: 1 });
  });

  it('scores precision, recall, F1 and accuracy of the positive class', async () => {
    const gold = readClaimGold(sample);
    const predicted = gold.map((g) => scoreClaim(g.text).score >= CLAIM_THRESHOLD);
    const tp = gold.filter((g, i) => g.label === 1 && predicted[i]).length;
    const report = await evaluate(sample);
    expect(report.metrics.precision).toBeCloseTo(tp / predicted.filter(Boolean).length, 6);
    expect(report.metrics.recall).toBeCloseTo(tp / 4, 6);
    expect(report.metrics.accuracy).toBeCloseTo(gold.filter((g, i) => predicted[i] === (g.label === 1)).length / 8, 6);
    // The intention-only sentence labelled 1 here is not a factual claim: recall on this sample cannot be perfect.
    expect(report.metrics.recall).toBeLessThan(1);
    expect(report.metrics.precision).toBe(1);
    expect(report.table).toMatch(/precision\s+recall\s+f1/);
  });

  it('fails with the line number on a malformed gold line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-gold-'));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"Fine.","label":0}\n{not json}\n');
    expect(() => readClaimGold(bad)).toThrow(/bad\.jsonl:2: not valid JSON/);
    writeFileSync(bad, '{"id":"a","text":"Fine.","label":"yes"}\n');
    expect(() => readClaimGold(bad)).toThrow(/bad\.jsonl:1: expected/);
  });
});
