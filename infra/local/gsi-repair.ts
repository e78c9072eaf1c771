/**
 * Start-up repair of every GSI of the local table, after a kill -9. dynalite writes an item's index
 * entries first (deletes, then puts) and the item last, each a separate LevelDB write, so a crash can leave
 * in any GSI: an entry of a write that never reached the table (other keys than the item's, or an item that
 * does not exist), an entry whose keys match but whose projected attributes are newer than the item's, and
 * an item with no entry at all (its old entry deleted, the new one not yet written). The table is the truth:
 * both are scanned (local only, at start, before anything writes; nothing like it runs in AWS, whose GSIs lag
 * but never keep a stale entry) and every item whose entries disagree is written back through the real
 * client. dynalite only deletes the entries the current item maps to, so a stale entry is first taken over
 * (the item written with the stale keys), then the item is written as it is.
 */
import { createHash } from 'node:crypto';
import { DeleteItemCommand, DescribeTableCommand, GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '#shared/storage/clients.ts';

type Item = Record<string, AttributeValue>;

interface IndexShape {
  name: string;
  keys: string[];
  /** Attributes the index copies; undefined: all of them. */
  projected?: string[];
}

/** What was repaired in one GSI. */
export interface IndexRepair {
  index: string;
  /** Entries of no item, or with keys the item does not have: removed. */
  staleRemoved: number;
  /** Entries with the item's keys but other attributes: rewritten from the item. */
  contentRewritten: number;
  /** Items with the index's keys but no entry: their entry written. */
  missingRestored: number;
}

async function* scan(table: string, index?: string): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await dynamoClient().send(new ScanCommand({ TableName: table, IndexName: index, ExclusiveStartKey: start }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

/** A stable fingerprint of an item (or of the attributes an index projects of it). */
function digest(item: Item, attributes?: string[]): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    return value;
  };
  const picked = attributes ? Object.fromEntries(attributes.filter((a) => a in item).map((a) => [a, item[a]])) : item;
  return createHash('sha1').update(JSON.stringify(canonical(picked))).digest('base64');
}

const keyOf = (item: Item, names: string[]) => JSON.stringify(names.map((name) => item[name] ?? null));

async function indexShapes(table: string): Promise<{ tableKeys: string[]; indexes: IndexShape[] }> {
  const { Table } = await dynamoClient().send(new DescribeTableCommand({ TableName: table }));
  const tableKeys = (Table?.KeySchema ?? []).map((k) => k.AttributeName!);
  const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((g) => {
    const keys = (g.KeySchema ?? []).map((k) => k.AttributeName!);
    const projection = g.Projection?.ProjectionType ?? 'ALL';
    const projected = projection === 'ALL' ? undefined : [...keys, ...tableKeys, ...(projection === 'INCLUDE' ? g.Projection?.NonKeyAttributes ?? [] : [])];
    return { name: g.IndexName!, keys, projected };
  });
  return { tableKeys, indexes };
}

/** Repairs every GSI of `table` from the table; one report per index (all zero when nothing was wrong). */
export async function repairIndexes(table: string): Promise<IndexRepair[]> {
  const { tableKeys, indexes } = await indexShapes(table);
  if (indexes.length === 0) return [];
  // Per item: the keys it has in each index and the digest of what each index should hold of it.
  const truth = new Map<string, { index: Record<string, { key: string; digest: string } | undefined> }>();
  for await (const item of scan(table)) {
    const index: Record<string, { key: string; digest: string } | undefined> = {};
    for (const shape of indexes) index[shape.name] = shape.keys.every((k) => item[k]) ? { key: keyOf(item, shape.keys), digest: digest(item, shape.projected) } : undefined;
    truth.set(keyOf(item, tableKeys), { index });
  }

  // Every index is read before anything is written: a repair in one index writes the item's entries in all.
  const reports: IndexRepair[] = [];
  const stale: Array<{ entry: Item; keys: string[] }> = [];
  const rewrite = new Set<string>();
  for (const shape of indexes) {
    const report: IndexRepair = { index: shape.name, staleRemoved: 0, contentRewritten: 0, missingRestored: 0 };
    const listed = new Set<string>();
    for await (const entry of scan(table, shape.name)) {
      const id = keyOf(entry, tableKeys);
      const expected = truth.get(id)?.index[shape.name];
      if (!expected || expected.key !== keyOf(entry, shape.keys)) {
        stale.push({ entry, keys: shape.keys });
        report.staleRemoved++;
        continue;
      }
      listed.add(id);
      if (expected.digest !== digest(entry, shape.projected)) {
        rewrite.add(id);
        report.contentRewritten++;
      }
    }
    for (const [id, { index }] of truth) {
      if (!index[shape.name] || listed.has(id)) continue;
      rewrite.add(id);
      report.missingRestored++;
    }
    reports.push(report);
  }

  for (const { entry, keys } of stale) {
    // Take the stale entry over, then write the item as it is (or delete it again when there is none).
    const current = await getItem(table, tableKeys, entry);
    await put(table, { ...(current ?? entry), ...Object.fromEntries(keys.map((k) => [k, entry[k]])) });
    if (current) await put(table, current);
    else await dynamoClient().send(new DeleteItemCommand({ TableName: table, Key: Object.fromEntries(tableKeys.map((k) => [k, entry[k]])) }));
  }
  for (const id of rewrite) {
    const values = JSON.parse(id) as AttributeValue[];
    const current = await getItem(table, tableKeys, Object.fromEntries(tableKeys.map((k, i) => [k, values[i]])));
    if (current) await put(table, current);
  }
  return reports;
}

async function getItem(table: string, tableKeys: string[], item: Item): Promise<Item | undefined> {
  const result = await dynamoClient().send(new GetItemCommand({ TableName: table, Key: Object.fromEntries(tableKeys.map((k) => [k, item[k]])), ConsistentRead: true }));
  return result.Item;
}

function put(table: string, item: Item) {
  return dynamoClient().send(new PutItemCommand({ TableName: table, Item: item }));
}

/** One line for the start-up log, or null when every index agreed with the table. */
export function describeIndexRepairs(reports: IndexRepair[]): string | null {
  const parts = reports
    .filter((r) => r.staleRemoved + r.contentRewritten + r.missingRestored > 0)
    .map((r) => `${r.index}: ${[[r.staleRemoved, 'stale entries removed'], [r.contentRewritten, 'entries rewritten from the table'], [r.missingRestored, 'missing entries restored']].filter(([n]) => Number(n) > 0).map(([n, what]) => `${n} ${what}`).join(', ')}`);
  return parts.length ? `repaired after an unclean stop (dynalite's GSIs, from the table): ${parts.join('; ')}` : null;
}
