import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '#cli/main.ts';
import { ExtractionSchema } from '#shared/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command and returns its exit code and what it wrote to stdout. */
async function capture(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(['extract', ...args]);
    return { code, out };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

describe('quotedesk extract', () => {
  it('prints the extraction of one file', async () => {
    const file = join(dir, 'one.txt');
    writeFileSync(file, '“The ferry runs at dawn,” said Captain Ida Berg.');
    const { code, out } = await capture([file]);
    expect(code).toBe(0);
    const result = ExtractionSchema.parse(JSON.parse(out));
    expect(result.quotes[0]).toMatchObject({ speaker: 'Ida Berg', kind: 'direct' });
  });

  it('writes one line per input line, in order, with errors for bad lines', async () => {
    const file = join(dir, 'many.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', text: '“First,” Ida Berg said.' }),
        'not json at all',
        JSON.stringify({ id: 'c' }),
        JSON.stringify({ id: 'd', text: '“Last,” said Ola Sand.' }),
      ].join('\n'),
    );
    const { code, out } = await capture(['--jsonl', file]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(lines[1].error).toMatch(/invalid JSON/);
    expect(lines[2].error).toMatch(/text/);
    expect(lines[3].quotes[0].speaker).toBe('Ola Sand');
  });

  it('reads a web page with --html and returns the article text', async () => {
    const file = join(dir, 'page.html');
    const paragraph = '<p>“We open the new library on Saturday and everyone is invited,” said Mayor Nils Aune, who led the project for six years.</p>';
    writeFileSync(file, `<html><head><title>Library</title></head><body><nav>Home | News</nav><article><h1>Library opens</h1>${paragraph.repeat(3)}</article></body></html>`);
    const { code, out } = await capture(['--html', file]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(typeof result.text).toBe('string');
    const q = result.quotes[0];
    expect(result.text.slice(q.start, q.end)).toBe(q.text);
    expect(q.speaker).toBe('Nils Aune');
  });

  it('fails clearly on a missing file and on bad arguments', async () => {
    expect((await capture([join(dir, 'missing.txt')])).code).toBe(1);
    expect((await capture([])).code).toBe(2);
  });
});
