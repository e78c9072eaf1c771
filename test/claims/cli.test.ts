import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { exportClaims } from '#cli/claims.ts';
import { groupClaims } from '#shared/claims/group.ts';
import { findFigures } from '#shared/claims/figures.ts';

const DOCS = [
  { id: 'a', text: 'Harwick news.\n\nHarwick county’s jobless rate fell to 4.1 percent in March, the lowest since 2008.\n' },
  { id: 'b', text: 'Jobs report.\n\nThe unemployment rate in Harwick county dropped to 4.1% last month, Governor Reyes said.\n' },
  { id: 'c', text: 'Hospital.\n\nThe hospital spent 4.1 percent of its budget on parking in March.\n' },
];

describe('quotedesk claims --jsonl (export)', () => {
  it('writes every claim ranked by score, grouped across documents with the evidence, and reports bad lines', async () => {
    const input = Readable.from([`${DOCS.map((d) => JSON.stringify(d)).join('\n')}\n{not json\n`]);
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk) => (text += chunk));
    const summary = await exportClaims(input, out);
    out.end();
    expect(summary).toEqual({ documents: 3, claims: 3, errors: 1 });
    const lines = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].error).toMatch(/line 4: not valid JSON/);
    const claims = lines.slice(1);
    const scores = claims.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const byKey = Object.fromEntries(claims.map((c) => [c.key, c]));
    expect(byKey['a~c1'].group).toBe(byKey['b~c1'].group);
    expect(byKey['a~c1'].group).not.toBeNull();
    expect(byKey['c~c1'].group).toBeNull(); // the hospital budget shares only the figure
    expect(byKey['a~c1'].sameAs[0]).toMatchObject({ key: 'b~c1', evidence: { figures: [{ a: '4.1 percent', b: '4.1%' }] } });
  });
});

describe('groupClaims', () => {
  it('joins a claim worded several ways in three documents into one group (links are made across documents; two claims of one document join through the others)', () => {
    const claim = (documentId: string, key: string, text: string) => ({ key, documentId, text, figures: findFigures(text) });
    const { groupOf } = groupClaims([
      claim('d1', 'd1~c1', 'The ferry carried 1.2 million passengers in 2022, a record for the Harwick line.'),
      claim('d2', 'd2~c1', 'A record 1.2 million passengers used the Harwick ferry line in 2022.'),
      claim('d3', 'd3~c4', 'The Harwick ferry line set a record with 1.2 million passengers.'),
      claim('d3', 'd3~c5', 'The Harwick ferry line carried 1.2 million passengers, a record.'),
    ]);
    expect(new Set([groupOf.get('d1~c1'), groupOf.get('d2~c1'), groupOf.get('d3~c4'), groupOf.get('d3~c5')])).toEqual(new Set([1]));
  });
});
