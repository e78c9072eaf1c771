import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, EXPORT_TABLES } from '#shared/export/tables.ts';

describe('the codebook in the README', () => {
  it('documents every column of every export table, with its meaning from tables.ts', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const table of EXPORT_TABLES) {
      expect(readme).toContain(`\`${table}\`, then:`);
      for (const column of COLUMNS[table]) expect(readme).toContain(`| \`${column.name}\` | ${column.type} | ${column.about} |`);
    }
  });
});
