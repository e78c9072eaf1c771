import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, half } from '#scripts/eval/names.ts';

const gold = fileURLToPath(new URL('../fixtures/names/gold-pairs.jsonl', import.meta.url));

describe('names evaluation', () => {
  it('scores the same-person class per slice and the share of different people kept apart', async () => {
    const report = await evaluate(gold);
    expect(report.metrics['person.f1']).toBe(1);
    expect(report.metrics['person.keptApart']).toBe(1);
    expect(report.metrics['given.recall']).toBe(1);
    expect(report.metrics['organization.precision']).toBe(1);
    expect(report.metrics['names.f1']).toBe(1);
    expect(report.metrics['all.keptApart']).toBe(1);
    // Both halves of the fixed split are reported, and together they hold every pair.
    expect(report.metrics['all.tune.f1'] ?? report.metrics['all.check.f1']).toBeDefined();
    expect(report.table).toMatch(/reference: JW>=0.92/);
    expect(report.table).toMatch(/speed: compareNames \d+ pairs\/s/);
    expect(Object.keys(report.metrics).some((k) => k.includes('speed'))).toBe(false);
  });

  it('splits pairs into halves by a fixed hash of the names', () => {
    const pair = { a: 'Marta Lindqvist', b: 'Marta Lindquist', same: true };
    expect(half(pair)).toBe(half({ ...pair }));
    const halves = new Set(Array.from({ length: 40 }, (_, i) => half({ a: `Name ${i}`, b: 'Other', same: true })));
    expect(halves).toEqual(new Set(['tune', 'check']));
  });

  it('names the line of a gold file that is not valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'names-eval-'));
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"a":"X","b":"Y","same":true}\n{"a":"X"}\n');
    await expect(evaluate(bad)).rejects.toThrow(/bad\.jsonl:2: expected/);
  });
});
