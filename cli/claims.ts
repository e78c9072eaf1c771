/**
 * `quotedesk claims --jsonl FILE|-`: the claims of many documents as a fact-checker's export. Reads lines
 * {"id","text","publishedAt"?} and writes one JSON line per claim, most check-worthy first, each with its figures,
 * comparison, speaker, and `group`: claims of different documents that state the same figure or superlative about
 * the same thing share a group number, with the evidence in `sameAs` (the grouping GET /claims/{key}/similar uses).
 * A bad input line yields {"id","error"} first and the run goes on.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { UsageError, openInput, parseCommand } from './args.ts';
import { groupClaims } from '../shared/claims/group.ts';
import { extract } from '../shared/extract/index.ts';
import type { Claim } from '../shared/schema.ts';

interface ExportedClaim extends Claim {
  key: string;
  documentId: string;
  publishedAt: string | null;
}

async function writeLine(output: Writable, value: unknown): Promise<void> {
  if (!output.write(`${JSON.stringify(value)}\n`)) await once(output, 'drain');
}

export async function exportClaims(input: Readable, output: Writable): Promise<{ documents: number; claims: number; errors: number }> {
  const claims: ExportedClaim[] = [];
  let lineNo = 0;
  let documents = 0;
  let errors = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const record = JSON.parse(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line) as Record<string, unknown>;
      id = record?.id ?? null;
      if (typeof record?.text !== 'string') throw new Error('"text" must be a string');
      const documentId = String(id ?? `line${lineNo}`);
      const publishedAt = typeof record.publishedAt === 'string' ? record.publishedAt : null;
      for (const claim of extract(record.text).claims) claims.push({ ...claim, key: `${documentId}~${claim.id}`, documentId, publishedAt });
      documents++;
    } catch (error) {
      errors++;
      const message = error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);
      await writeLine(output, { id, error: `line ${lineNo}: ${message}` });
    }
  }
  const { groupOf, links } = groupClaims(claims);
  const sameAs = new Map<string, Array<{ key: string; evidence: unknown }>>();
  for (const { a, b, evidence } of links) {
    (sameAs.get(a) ?? sameAs.set(a, []).get(a)!).push({ key: b, evidence });
    (sameAs.get(b) ?? sameAs.set(b, []).get(b)!).push({ key: a, evidence });
  }
  claims.sort((x, y) => y.score - x.score || x.key.localeCompare(y.key));
  for (const claim of claims) await writeLine(output, { ...claim, group: groupOf.get(claim.key) ?? null, sameAs: sameAs.get(claim.key) ?? [] });
  return { documents, claims: claims.length, errors };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { jsonl: { type: 'string' } });
  if (!values.jsonl) throw new UsageError('missing --jsonl FILE (or - for stdin)');
  const summary = await exportClaims(await openInput(values.jsonl), process.stdout);
  process.stderr.write(`${summary.documents} documents, ${summary.claims} claims${summary.errors ? `, ${summary.errors} bad lines` : ''}\n`);
  return summary.errors ? 1 : 0;
}
