import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { ROW_GROUP, csvField, encodeCsv, encodeJsonl, encodeParquet } from '#shared/export/formats.ts';
import type { Cell } from '#shared/export/tables.ts';

const columns = [
  { name: 'text', type: 'string' as const },
  { name: 'start', type: 'integer' as const },
  { name: 'score', type: 'number' as const },
];

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  yield* rows;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe('export formats', () => {
  it('quotes CSV fields as RFC 4180 says: commas, quotes and line breaks inside quotes, quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
  });

  it('neutralises formula cells only in the Excel variant, leaving the text readable', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"=HYPERLINK(""http://x"")"');
    expect(csvField('=HYPERLINK("http://x")', true)).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('-- the mayor', true)).toBe("'-- the mayor");
    expect(csvField(-3, true)).toBe('-3');
  });

  it('writes a header, CRLF line ends and, on request, a byte order mark', async () => {
    const csv = (await collect(encodeCsv(columns, rowsOf([['a', 1, 0.5], [null, 2, null]]), { bom: true }))).toString('utf8');
    expect(csv).toBe('\ufefftext,start,score\r\na,1,0.5\r\n,2,\r\n');
  });

  it('writes one JSON object a line with null for absent values', async () => {
    const jsonl = (await collect(encodeJsonl(columns, rowsOf([['a', 1, 0.5], [null, 2, null]])))).toString('utf8');
    expect(jsonl).toBe('{"text":"a","start":1,"score":0.5}\n{"text":null,"start":2,"score":null}\n');
  });

  it('writes Parquet in row groups as the rows stream by, readable as one table', async () => {
    const count = ROW_GROUP + 5;
    const rows = Array.from({ length: count }, (_, i): Cell[] => [i % 7 === 0 ? null : `quote ${i}, “curly”`, i, i / count]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encodeParquet(columns, rowsOf(rows))) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThanOrEqual(3); // two row groups, then the footer
    const bytes = Buffer.concat(chunks.map((c) => Buffer.from(c)));
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const read = await parquetReadObjects({ file });
    expect(read).toHaveLength(count);
    expect(read[1]).toEqual({ text: 'quote 1, “curly”', start: 1n, score: 1 / count });
    expect(read[7].text).toBeNull();
    expect(read[count - 1].start).toBe(BigInt(count - 1));
  });
});
