/**
 * A kill -9 can stop dynalite between writing an item's GSI entries and writing the item. The half-writes
 * here are made by dynalite's own index code on its LevelDB folder (what it had done when the process
 * died), then a restarted dynalite is repaired: every GSI then lists exactly what the table holds.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBucketAndTable, startEmulators, useEmulatorEnvironment, type Emulators } from '#infra/local/emulators.ts';
import { describeIndexRepairs, repairIndexes } from '#infra/local/gsi-repair.ts';
import { dynamoClient } from '#shared/storage/clients.ts';

type Item = Record<string, AttributeValue>;
const s = (value: string) => ({ S: value });
const require = createRequire(import.meta.url);

interface DynaliteStore {
  getTable(name: string, cb: (error: Error | null, table: unknown) => void): void;
  getItemDb(name: string): { get(key: string, cb: (error: Error | null, item: Item) => void): void };
  lifecycleManager: { gracefulClose(cb: (error?: Error) => void): void };
}
interface DynaliteDb {
  create(options: { path: string }): DynaliteStore;
  createKey(item: Item, table: unknown): string;
  updateIndexes(store: DynaliteStore, table: unknown, existing: Item | undefined, item: Item | null, cb: (error?: Error) => void): void;
}

/** What dynalite had done of a PutItem (or DeleteItem, `next` null) when it was killed: the indexes written, not the item. */
async function indexesWrittenNotItem(path: string, tableName: string, writes: Array<{ key: Item; next: Item | null }>): Promise<void> {
  const db = require('dynalite/db') as DynaliteDb;
  const store = db.create({ path });
  const table = await new Promise<unknown>((resolve, reject) => store.getTable(tableName, (error, t) => (error ? reject(error) : resolve(t))));
  for (const { key, next } of writes) {
    const existing = await new Promise<Item | undefined>((resolve) => store.getItemDb(tableName).get(db.createKey(key, table), (error, item) => resolve(error ? undefined : item)));
    await new Promise<void>((resolve, reject) => db.updateIndexes(store, table, existing, next, (error) => (error ? reject(error) : resolve())));
  }
  await new Promise<void>((resolve) => store.lifecycleManager.gracefulClose(() => resolve()));
}

async function entries(index: string, partition: string): Promise<Item[]> {
  const keys = index === 'gsi1' ? ['gsi1pk', 'gsi1sk'] : ['gsi2pk', 'gsi2sk'];
  const page = await dynamoClient().send(new QueryCommand({ TableName: 'quotedesk', IndexName: index, KeyConditionExpression: `${keys[0]} = :p`, ExpressionAttributeValues: { ':p': s(partition) } }));
  return page.Items ?? [];
}
const shown = (items: Item[]) => items.map((i) => `${i.pk.S} ${i.sk.S}${i.status ? ` ${i.status.S}` : ''}`).sort();

describe('start-up repair of every GSI (dynalite after kill -9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quotedesk-gsirepair-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const names = { bucket: 'quotedesk-local', table: 'quotedesk' };
  const start = async () => {
    const emulators = await startEmulators({ s3Directory: join(dir, 's3'), dynamoPath: join(dir, 'dynamodb') });
    useEmulatorEnvironment(emulators, names);
    await ensureBucketAndTable(names);
    return emulators;
  };

  const doc = (id: string, month: string, status: string): Item => ({ pk: s(`DOC#${id}`), sk: s('META'), status: s(status), gsi1pk: s(`DOCS#${month}`), gsi1sk: s(`${month}-01T00:00:00.000Z#${id}`) });
  const quote = (id: string, month: string): Item => ({ pk: s(`DOC#${id}`), sk: s('Q#q000001'), text: s('"The pier is open."'), gsi1pk: s('SPK#jo-ann'), gsi1sk: s(`${month}-01#${id}#999998#q1`), gsi2pk: s(`QDATE#${month}`), gsi2sk: s(`${month}-01#${id}#999998#q1`) });

  it('finds stale, outdated and missing entries in gsi1 and gsi2, and leaves each GSI equal to the table', async () => {
    let emulators: Emulators = await start();
    for (const item of [doc('d1', '2024-01', 'done'), doc('d2', '2024-01', 'processing'), doc('d3', '2024-02', 'done'), quote('d1', '2024-01')]) {
      await dynamoClient().send(new PutItemCommand({ TableName: 'quotedesk', Item: item }));
    }
    await emulators.stop();

    await indexesWrittenNotItem(join(dir, 'dynamodb'), 'quotedesk', [
      { key: doc('d1', '2024-01', 'done'), next: doc('d1', '2024-03', 'done') }, // its date moved: entry under a month the record is not in, its own entry gone
      { key: doc('d2', '2024-01', 'processing'), next: doc('d2', '2024-01', 'done') }, // same keys, the index says done, the table processing
      { key: doc('d9', '2024-02', 'queued'), next: doc('d9', '2024-02', 'queued') }, // a document whose record was never written
      { key: doc('d3', '2024-02', 'done'), next: null }, // a delete that removed the entries only
      { key: quote('d1', '2024-01'), next: quote('d1', '2024-05') }, // the quote's month moved in gsi2 (and gsi1's sort key)
    ]);

    emulators = await start();
    try {
      // What a restart without the repair would list.
      expect(shown(await entries('gsi1', 'DOCS#2024-03'))).toEqual(['DOC#d1 META done']);
      expect(shown(await entries('gsi1', 'DOCS#2024-01'))).toEqual(['DOC#d2 META done']);
      expect(shown(await entries('gsi1', 'DOCS#2024-02'))).toEqual(['DOC#d9 META queued']);
      expect(shown(await entries('gsi2', 'QDATE#2024-05'))).toEqual(['DOC#d1 Q#q000001']);
      expect(await entries('gsi2', 'QDATE#2024-01')).toEqual([]);

      const reports = await repairIndexes('quotedesk');
      expect(reports).toEqual([
        { index: 'gsi1', staleRemoved: 3, contentRewritten: 1, missingRestored: 3 },
        { index: 'gsi2', staleRemoved: 1, contentRewritten: 0, missingRestored: 1 },
      ]);
      expect(describeIndexRepairs(reports)).toBe("repaired after an unclean stop (dynalite's GSIs, from the table): gsi1: 3 stale entries removed, 1 entries rewritten from the table, 3 missing entries restored; gsi2: 1 stale entries removed, 1 missing entries restored");

      // Each GSI now lists what the table holds, and the table kept every record as it was.
      expect(shown(await entries('gsi1', 'DOCS#2024-01'))).toEqual(['DOC#d1 META done', 'DOC#d2 META processing']);
      expect(shown(await entries('gsi1', 'DOCS#2024-02'))).toEqual(['DOC#d3 META done']);
      expect(await entries('gsi1', 'DOCS#2024-03')).toEqual([]);
      expect(shown(await entries('gsi1', 'SPK#jo-ann'))).toEqual(['DOC#d1 Q#q000001']);
      expect((await entries('gsi1', 'SPK#jo-ann'))[0].gsi1sk.S).toBe('2024-01-01#d1#999998#q1');
      expect(shown(await entries('gsi2', 'QDATE#2024-01'))).toEqual(['DOC#d1 Q#q000001']);
      expect(await entries('gsi2', 'QDATE#2024-05')).toEqual([]);
      expect((await dynamoClient().send(new GetItemCommand({ TableName: 'quotedesk', Key: { pk: s('DOC#d9'), sk: s('META') } }))).Item).toBeUndefined();
      expect((await dynamoClient().send(new GetItemCommand({ TableName: 'quotedesk', Key: { pk: s('DOC#d2'), sk: s('META') } }))).Item?.status).toEqual(s('processing'));

      // A second start finds nothing left to repair.
      expect(describeIndexRepairs(await repairIndexes('quotedesk'))).toBeNull();
    } finally {
      await emulators.stop();
    }
  }, 60_000);
});
