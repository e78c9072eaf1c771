import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { compareLine, compareStream } from '#cli/names.ts';

const fixture = fileURLToPath(new URL('../fixtures/names/pairs.jsonl', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/quotedesk.mjs', import.meta.url));

async function collect(stream: PassThrough): Promise<string[]> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text.trim().split('\n');
}

describe('quotedesk names compare', () => {
  it('streams one output line per input line, in order, and reports bad lines without stopping', async () => {
    const out = new PassThrough();
    const done = compareStream(createReadStream(fixture), out).then((r) => {
      out.end();
      return r;
    });
    const lines = (await collect(out)).map((l) => JSON.parse(l));
    const summary = await done;
    expect(summary.errors).toBe(2);
    expect(lines.map((l) => l.id)).toEqual(['p1', 'p2', null, 'p4', 'p5', 'p7']);
    expect(lines[0]).toMatchObject({ same: true, evidence: { codes: expect.any(Object) } });
    expect(lines[1].same).toBe(false);
    expect(lines[2].error).toMatch(/line 3: not valid JSON/);
    expect(lines[3].error).toMatch(/"b" must be a non-empty string/);
    expect(lines[4].same).toBe(true);
    expect(lines[5]).toMatchObject({ id: 'p7', same: true });
    expect(lines[5].evidence.reasons).toContain('nickname: peggy ~ margaret');
  });

  it('accepts a byte-order mark before the first line', () => {
    expect(JSON.parse(compareLine('\uFEFF{"id":1,"a":"Bill Quarry","b":"William Quarry"}', 1).text)).toMatchObject({ id: 1, same: true });
  });

  it('rejects non-object lines and oversized names with a clear error', () => {
    expect(JSON.parse(compareLine('[1,2]', 1).text).error).toMatch(/not a JSON object/);
    expect(JSON.parse(compareLine(JSON.stringify({ id: 9, a: 'x'.repeat(5000), b: 'y' }), 2).text)).toMatchObject({ id: 9, error: expect.stringMatching(/longer than/) });
  });

  it('prints {"same","confidence","evidence"} for two names from the command line', () => {
    const out = execFileSync(process.execPath, [bin, 'names', 'compare', 'Bob Tenning', 'Robert Tenning'], { encoding: 'utf8' });
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['same', 'confidence', 'evidence']);
    expect(result.same).toBe(true);
    expect(result.evidence.reasons).toContain('nickname: bob ~ robert');
  });
});
