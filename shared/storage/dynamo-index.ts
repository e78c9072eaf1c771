/**
 * The index on DynamoDB (single table, see `table.ts` for the key design), through the
 * DocumentClient. No scans, no transactions (dynalite has none): a document's derived items live in
 * its own partition, so reindexing = read the partition's keys, write the new items, delete the stale.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { docClient, tableName } from './clients.ts';
import { batchGet, batchWrite, type WriteRequest } from './batch.ts';
import { queryCount, queryItems } from './query-all.ts';
import { clampLimit, cursorScope, decodeCursor, decodeOffset, encodeCursor, offsetPage } from './cursor.ts';
import { GSI, TABLE_DEFINITION, TABLE_KEYS } from './table.ts';
import { DECISION_PK, DOCUMENT_SHARDS, KEEPAPART_PK, PENDING_SHARDS, SHARDS_PK, dateRange, UNDATED, pendingPartition, isKeptDecision, key, monthOf, normalizeName, parseFlagId, queryWords } from './keys.ts';
import { inReadingOrder, isQuotePack, packQuotes, unpackQuotes } from './quote-packs.ts';
import { NestedStream, QueryStream, takePage, validateNestedPosition, validatePosition, type Item, type PageStream, type StreamSpec } from './paging.ts';
import { PROFILE_FIELDS_KEPT_FROM_FIRST, speakerAliases } from '../pipeline/records.ts';
import type { CorpusPerson } from '../pipeline/corpus-match.ts';
import {
  InvalidCursorError,
  type DocumentIndexEntry,
  type DocumentRecord,
  type DocumentSpeakerRecord,
  type DocumentStatus,
  type FlagRecord,
  type FlagStatus,
  type MergeRecord,
  type MergeStatus,
  type IndexStore,
  type IndexWriteStats,
  type Page,
  type PageRequest,
  type PendingMarker,
  type QuoteQuery,
  type QuoteRecord,
  type SpeakerProfile,
  type SpeakerRecord,
} from './ports.ts';

const STATUSES: DocumentStatus[] = ['queued', 'processing', 'done', 'failed'];
/** The longest page of quotes the store reads at once (the API asks for at most 100; exports for more). */
export const MAX_QUOTE_PAGE = 1000;
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);

/** A speaker profile item as a record: canonical name first among its spellings. */
function profileOf(id: string, item: Item): SpeakerProfile {
  const profile = strip<Item>(item);
  const variants = [...((profile.variants as Set<string> | undefined) ?? [])];
  const canonical = String(profile.canonical);
  return {
    id,
    canonical,
    kind: String(profile.kind ?? 'person'),
    title: profile.title as string | undefined,
    role: profile.role as string | undefined,
    organization: profile.organization as string | undefined,
    variants: [canonical, ...variants.filter((v) => v !== canonical).sort()],
  };
}

/** The fields a speaker profile keeps besides its spellings. */
const PROFILE_FIELDS = ['canonical', 'kind', 'title', 'role', 'organization'] as const;
const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
/** The spellings a profile gathers from a document's speaker (its canonical name when it lists none). */
const spellingsOf = (speaker: SpeakerRecord): string[] => (speaker.variants.length ? speaker.variants : [speaker.canonical]);

/** Whether a document's speaker adds to its stored profile: a spelling it lacks, or a newer field where the latest wins. */
function adds(speaker: SpeakerRecord, profile: Item): boolean {
  const spellings = (profile.variants as Set<string> | undefined) ?? new Set<string>();
  if (spellingsOf(speaker).some((v) => !spellings.has(v))) return true;
  return PROFILE_FIELDS.some((name) => {
    if (!given(speaker[name])) return false;
    return PROFILE_FIELDS_KEPT_FROM_FIRST.has(name) ? profile[name] === undefined : profile[name] !== speaker[name];
  });
}

function strip<T>(item: Item | undefined): T {
  const out: Item = {};
  for (const [name, value] of Object.entries(item ?? {})) if (!KEY_ATTRIBUTES.has(name)) out[name] = value;
  return out as T;
}

/** Bytes of an item as DynamoDB sizes it (attribute names + values), for the write-unit figures. */
export function itemSize(item: Item): number {
  let size = 0;
  const valueSize = (value: unknown): number => {
    if (value === null || value === undefined || typeof value === 'boolean') return 1;
    if (typeof value === 'string') return Buffer.byteLength(value);
    if (typeof value === 'number') return Math.ceil(String(value).length / 2) + 1;
    if (value instanceof Set) return [...value].reduce((n: number, v) => n + valueSize(v), 0);
    if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueSize(v), 0);
    if (typeof value === 'object') return 3 + Object.entries(value as Item).reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + valueSize(v), 0);
    return 8;
  };
  for (const [name, value] of Object.entries(item)) if (value !== undefined) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

/**
 * Write units of `item` in each GSI it is in, as DynamoDB bills them: 1 per KB of what the GSI projects of it.
 * `touched`: the attributes an update sets; a GSI none of whose attributes it sets is not written.
 */
export function gsiWriteUnits(item: Item | undefined, touched?: Set<string>): number {
  if (!item) return 0;
  let units = 0;
  for (const gsi of TABLE_DEFINITION.globalSecondaryIndexes) {
    if (item[gsi.partitionKey] === undefined || item[gsi.sortKey] === undefined) continue;
    const projected = gsi.projection === 'ALL' ? Object.keys(item) : [TABLE_KEYS.partition, TABLE_KEYS.sort, gsi.partitionKey, gsi.sortKey, ...(gsi.include ?? [])];
    if (touched && !projected.some((name) => touched.has(name))) continue;
    const image: Item = {};
    for (const name of projected) if (item[name] !== undefined) image[name] = item[name];
    units += Math.max(1, Math.ceil(itemSize(image) / 1024));
  }
  return units;
}

/** Write units of one put: 1 per KB in the table, and what each GSI the item is in projects of it. */
export function writeUnits(item: Item): number {
  return Math.max(1, Math.ceil(itemSize(item) / 1024)) + gsiWriteUnits(item);
}


/** Each stream's position in a cursor, checked by `validate` (a nested stream's also holds the last child returned). */
function positionsFrom<P = ReturnType<typeof validatePosition>>(
  cursor: string | null | undefined,
  scope: string,
  specs: StreamSpec[],
  validate: (raw: unknown, spec: StreamSpec) => P = validatePosition as (raw: unknown, spec: StreamSpec) => P,
): Map<string, P> {
  const decoded = decodeCursor(cursor, scope);
  const positions = new Map<string, P>();
  if (!decoded) return positions;
  const raw = decoded.s;
  if (!raw || typeof raw !== 'object') throw new InvalidCursorError();
  for (const spec of specs) {
    const position = (raw as Record<string, unknown>)[spec.id];
    if (position !== undefined) positions.set(spec.id, validate(position, spec));
  }
  return positions;
}

function pageCursor(positions: Record<string, unknown> | null, scope: string): string | null {
  return positions ? encodeCursor({ s: positions }, scope) : null;
}

/**
 * Whether a derived item belongs to the document's committed version: items of a run that has not
 * committed (or was superseded) stay hidden. Untagged items (written in place) show while no version
 * is committed; a rejected flag is a person's decision and shows whatever run wrote it.
 */
export function isCommitted(item: Item, meta: Item | undefined): boolean {
  if (!meta) return false;
  if (isKeptDecision(item)) return true;
  if (meta.version === undefined) return item.v === undefined;
  return item.v === meta.version;
}

function documentIdOf(item: Item): string | null {
  if (typeof item.documentId === 'string') return item.documentId;
  const pk = String(item.pk ?? '');
  return pk.startsWith('DOC#') ? pk.slice(4) : null;
}

export class DynamoIndexStore implements IndexStore {
  constructor(private readonly table: string = tableName()) {}

  // ---------------------------------------------------------------- documents

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.doc(id), sk: key.meta } }));
    return got.Item ? strip<DocumentRecord>(got.Item) : null;
  }

  async getDocuments(ids: string[]): Promise<DocumentRecord[]> {
    if (ids.length === 0) return [];
    const items = await batchGet(this.table, [...new Set(ids)].map((id) => ({ pk: key.doc(id), sk: key.meta })));
    return items.map((item) => strip<DocumentRecord>(item));
  }

  private documentItem(doc: DocumentRecord): Item {
    return {
      pk: key.doc(doc.id),
      sk: key.meta,
      type: 'document',
      ...doc,
      gsi2pk: key.docsMonth(monthOf(doc.sortDate)),
      gsi2sk: `${doc.sortDate}#${doc.id}`,
    };
  }

  async registerDocument(doc: DocumentRecord): Promise<{ created: boolean; document: DocumentRecord }> {
    await this.addShard(monthOf(doc.sortDate));
    // The work-list marker first: a crash after it leaves the sweeper something to find. Callers read
    // the record before registering, so the conditional put below rarely loses.
    await this.markPending(doc.id, { rawKey: doc.rawKeys[0] });
    try {
      await docClient().send(
        new PutCommand({ TableName: this.table, Item: this.documentItem(doc), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return { created: true, document: doc };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.getDocument(doc.id);
      if (!existing) throw error;
      return { created: false, document: existing };
    }
  }

  async setStatus(id: string, status: DocumentStatus, extra: Partial<DocumentRecord> = {}): Promise<void> {
    const { names, values, sets } = await this.statusFields(id, status, extra);
    let expression = `SET ${sets.join(', ')}`;
    if (status !== 'failed' && extra.reason === undefined) {
      names['#reason'] = 'reason';
      expression += ' REMOVE #reason';
    }
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: key.doc(id), sk: key.meta },
        UpdateExpression: expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  }

  /** A status change's SET clause: the status, the time, the extra fields and, with a date, the month listing. */
  private async statusFields(id: string, status: DocumentStatus, extra: Partial<DocumentRecord>): Promise<{ names: Record<string, string>; values: Record<string, unknown>; sets: string[] }> {
    const fields: Item = { ...extra, status, updatedAt: new Date().toISOString() };
    delete fields.id;
    if (extra.sortDate) {
      fields.gsi2pk = key.docsMonth(monthOf(extra.sortDate));
      fields.gsi2sk = `${extra.sortDate}#${id}`;
      await this.addShard(monthOf(extra.sortDate));
    }
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    Object.entries(fields).forEach(([name, value], i) => {
      if (value === undefined) return;
      names[`#f${i}`] = name;
      values[`:v${i}`] = value;
      sets.push(`#f${i} = :v${i}`);
    });
    return { names, values, sets };
  }

  /** An update of a document's record that may lose its condition: the new attributes, or null when it did. */
  private async updateMeta(id: string, update: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>): Promise<Item | null> {
    try {
      const result = await docClient().send(new UpdateCommand({ TableName: this.table, Key: { pk: key.doc(id), sk: key.meta }, ...update }));
      return (result.Attributes as Item | undefined) ?? {};
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  async beginRun(id: string, runId: string, leaseUntil: number, options: { onWorkList?: boolean } = {}): Promise<DocumentRecord | null> {
    // The work-list marker first (a document registered moments ago already has its own).
    if (!options.onWorkList) await this.markPending(id, {});
    return this.startRun(id, runId, leaseUntil, '#s <> :processing OR attribute_not_exists(leaseUntil) OR leaseUntil < :nowMs OR runId = :run', { ':nowMs': Date.now() });
  }

  beginQueuedRun(id: string, rawKey: string, runId: string, leaseUntil: number): Promise<DocumentRecord | null> {
    return this.startRun(id, runId, leaseUntil, '#s = :queued AND contains(rawKeys, :key)', { ':queued': 'queued', ':key': rawKey });
  }

  /** The document → processing under `runId` when `condition` holds (the record must exist); null when it does not. */
  private async startRun(id: string, runId: string, leaseUntil: number, condition: string, values: Record<string, unknown>): Promise<DocumentRecord | null> {
    const got = await this.updateMeta(id, {
      UpdateExpression: 'SET #s = :processing, runId = :run, leaseUntil = :lease, updatedAt = :now ADD attempts :one',
      ConditionExpression: `attribute_exists(pk) AND (${condition})`,
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':processing': 'processing', ':run': runId, ':lease': leaseUntil, ':now': new Date().toISOString(), ':one': 1, ...values },
      ReturnValues: 'ALL_NEW',
    });
    return got && strip<DocumentRecord>(got);
  }

  async commitRun(id: string, runId: string, status: 'done' | 'failed', extra: Partial<DocumentRecord> = {}, options: { dropVersion?: boolean } = {}): Promise<boolean> {
    const { names, values, sets } = await this.statusFields(id, status, status === 'done' ? { ...extra, version: runId } : extra);
    Object.assign(names, { '#run': 'runId', '#lease': 'leaseUntil' });
    values[':run'] = runId;
    const removes = ['#lease'];
    if (options.dropVersion) {
      names['#version'] = 'version';
      removes.push('#version');
    }
    if (status === 'done' && extra.reason === undefined) {
      names['#reason'] = 'reason';
      removes.push('#reason');
    }
    const committed = await this.updateMeta(id, {
      UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
      ConditionExpression: 'attribute_exists(pk) AND #run = :run',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
    return committed !== null;
  }

  async releaseRun(id: string, runId: string): Promise<void> {
    await this.updateMeta(id, { UpdateExpression: 'SET leaseUntil = :zero', ConditionExpression: 'runId = :run', ExpressionAttributeValues: { ':zero': 0, ':run': runId } });
  }

  async *pendingDocuments(): AsyncIterable<PendingMarker> {
    for (const partition of PENDING_SHARDS) {
      const items = queryItems({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition }, ConsistentRead: true });
      for await (const item of items) {
        yield { id: String(item.sk), rawKey: item.rawKey as string | undefined, since: Number(item.since ?? 0), redrives: Number(item.redrives ?? 0) };
      }
    }
  }

  async markPending(id: string, fields: { rawKey?: string; redrives?: number }): Promise<void> {
    const sets = ['since = if_not_exists(since, :now)'];
    const values: Record<string, unknown> = { ':now': Date.now() };
    if (fields.rawKey) {
      sets.push('rawKey = if_not_exists(rawKey, :raw)');
      values[':raw'] = fields.rawKey;
    }
    if (fields.redrives !== undefined) {
      sets.push('redrives = :r');
      values[':r'] = fields.redrives;
    }
    await docClient().send(
      new UpdateCommand({ TableName: this.table, Key: { pk: pendingPartition(id), sk: id }, UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeValues: values }),
    );
  }

  async clearPending(id: string): Promise<void> {
    await docClient().send(new DeleteCommand({ TableName: this.table, Key: { pk: pendingPartition(id), sk: id } }));
  }

  async removeStaleItems(id: string, version: string | undefined): Promise<number> {
    let removed = 0;
    const items = queryItems({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': key.doc(id) },
      ProjectionExpression: 'pk, sk, v, #s',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    const stale: Item[] = [];
    for await (const item of items) {
      if (item.sk === key.meta || item.v === version) continue;
      if (isKeptDecision(item)) continue;
      stale.push(item);
    }
    // Conditional on the version read: an item a newer run rewrote meanwhile is not deleted.
    for (const item of stale) {
      try {
        await docClient().send(
          new DeleteCommand({
            TableName: this.table,
            Key: { pk: String(item.pk), sk: String(item.sk) },
            ConditionExpression: item.v === undefined ? 'attribute_not_exists(v)' : 'v = :v',
            ...(item.v === undefined ? {} : { ExpressionAttributeValues: { ':v': item.v } }),
          }),
        );
        removed++;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    return removed;
  }

  /** Keep only items of their document's committed version (one BatchGet of the documents' records). */
  private async committedOnly(items: Item[]): Promise<Item[]> {
    const ids = [...new Set(items.map(documentIdOf).filter((id): id is string => id !== null))];
    if (ids.length === 0) return items;
    const metas = await batchGet(this.table, ids.map((id) => ({ pk: key.doc(id), sk: key.meta })));
    const byId = new Map(metas.map((m) => [String(m.pk).slice(4), m]));
    return items.filter((item) => {
      const id = documentIdOf(item);
      return id === null || isCommitted(item, byId.get(id));
    });
  }

  /** Month shards this container already recorded: the SHARDS item is written once per month, not per document. */
  private readonly knownShards = new Set<string>();

  async addRawKey(id: string, rawKey: string): Promise<void> {
    // (a key already listed loses the condition: nothing to add)
    await this.updateMeta(id, {
      UpdateExpression: 'SET rawKeys = list_append(rawKeys, :keys)',
      ConditionExpression: 'attribute_exists(pk) AND NOT contains(rawKeys, :key)',
      ExpressionAttributeValues: { ':keys': [rawKey], ':key': rawKey },
    });
  }

  private async addShard(month: string): Promise<void> {
    if (this.knownShards.has(month)) return;
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: SHARDS_PK, sk: DOCUMENT_SHARDS },
        UpdateExpression: 'ADD months :m',
        ExpressionAttributeValues: { ':m': new Set([month]) },
      }),
    );
    this.knownShards.add(month);
  }

  /** Month shards in use, newest first, optionally limited to a date range. */
  private async shards(from?: string, to?: string): Promise<string[]> {
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: SHARDS_PK, sk: DOCUMENT_SHARDS } }));
    const months = [...((got.Item?.months as Set<string> | undefined) ?? [])].sort().reverse();
    return months.filter((m) => (!from || m >= monthOf(from)) && (!to || m <= monthOf(to)));
  }

  async listDocuments(page: PageRequest & { status?: DocumentStatus }): Promise<Page<DocumentRecord>> {
    const months = await this.shards();
    const spec: StreamSpec = { id: 'd', table: this.table, index: GSI_2, partitions: months.map(key.docsMonth), enrich: (items) => this.currentRecords(items) };
    const scope = cursorScope('documents', { status: page.status ?? null });
    const positions = positionsFrom(page.cursor, scope, [spec]);
    const stream = new QueryStream(spec, positions.get('d') ?? null);
    const taken = await takePage([stream], clampLimit(page.limit), (item) => !page.status || item.status === page.status);
    return { items: taken.items.map((i) => strip<DocumentRecord>(i)), cursor: pageCursor(taken.positions, scope) };
  }

  /**
   * The records of documents listed by month, as the table has them now. The table, not the GSI, is the truth: a GSI
   * entry the record no longer has (left by a crash, or not yet removed in an eventually consistent index) is dropped,
   * so a document lists once.
   */
  private async currentRecords(listed: Item[]): Promise<Item[]> {
    if (listed.length === 0) return listed;
    const metas = await batchGet(this.table, listed.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
    const byPk = new Map(metas.map((m) => [String(m.pk), m]));
    return listed.flatMap((item) => {
      const meta = byPk.get(String(item.pk));
      return meta && meta.gsi2pk === item.gsi2pk && meta.gsi2sk === item.gsi2sk ? [meta] : [];
    });
  }

  /** A listed document's committed quotes, in reading order; none read for a document the filter rules out, or with none. */
  private quotesOfRecord(filter: { source?: string; collection?: string }): (record: Item) => Promise<Item[]> {
    return async (record) => {
      const counts = record.counts as { quotes?: number } | undefined;
      if (counts?.quotes === 0 || (filter.source && record.source !== filter.source) || (filter.collection && record.collection !== filter.collection)) return [];
      return this.packedQuotes(String(record.pk), record);
    };
  }

  /** Every committed quote in a document partition, unpacked, in reading order. */
  private async packedQuotes(pk: string, meta: Item | undefined): Promise<Item[]> {
    const quotes: Item[] = [];
    const packs = queryItems({ TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)', ExpressionAttributeValues: { ':pk': pk, ':q': key.quotePacks } });
    for await (const pack of packs) if (isQuotePack(pack as Item) && isCommitted(pack as Item, meta)) quotes.push(...unpackQuotes(pack as Item));
    return inReadingOrder(quotes);
  }

  /** Every document's status, read from its record (the month listing holds keys only): for reports, not requests. */
  async countByStatus(): Promise<Record<DocumentStatus, number>> {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>;
    const spec: StreamSpec = { id: 'd', table: this.table, index: GSI_2, partitions: (await this.shards()).map(key.docsMonth), enrich: (items) => this.currentRecords(items), chunk: 100 };
    const stream = new QueryStream(spec, null);
    for (let item = await stream.next(); item; item = await stream.next()) {
      const status = item.status as DocumentStatus;
      if (status in counts) counts[status]++;
    }
    return counts;
  }

  countUndated(): Promise<number> {
    return queryCount({
      TableName: this.table,
      IndexName: GSI_2.name,
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': key.docsMonth(monthOf(UNDATED)) },
    });
  }

  async findByContentHash(hash: string): Promise<string | null> {
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.hash(hash), sk: key.meta } }));
    return (got.Item?.documentId as string | undefined) ?? null;
  }

  async claimContentHash(hash: string, documentId: string): Promise<string> {
    try {
      await docClient().send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: key.hash(hash), sk: key.meta, type: 'hash', documentId, createdAt: new Date().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return documentId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return (await this.findByContentHash(hash)) ?? documentId;
    }
  }

  // ---------------------------------------------------------------- one document's derived items

  /** Every key in the document partition but META, with the attributes reindexing must keep. */
  private async partitionKeys(documentId: string): Promise<Item[]> {
    const out: Item[] = [];
    const items = queryItems({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': key.doc(documentId) },
      ProjectionExpression: 'pk, sk, #s, decidedAt',
      ExpressionAttributeNames: { '#s': 'status' },
    });
    for await (const item of items) if (item.sk !== key.meta) out.push(item as Item);
    return out;
  }

  /** Map a document's records to table items (pure: the key design in one place). */
  buildItems(entry: DocumentIndexEntry, version?: string): Item[] {
    const doc = entry.document;
    const pk = key.doc(doc.id);
    const items: Item[] = packQuotes(doc.id, entry.quotes, version);
    // Claims are not indexed here: they live in the search projection (shared/search/claims.ts).
    for (const speaker of entry.speakers) {
      const record = { documentId: doc.id, ...speaker };
      const aliases = [...speakerAliases(speaker)];
      // The speaker as this document has them rides on the item of their first spelling, in the table only (the names
      // index projects none of it), so it costs no write of its own; a speaker with no spelling to index has an item.
      if (aliases.length === 0) items.push({ pk, sk: key.docSpeaker(speaker.id), type: 'docSpeaker', ...record });
      for (const [i, [name, display]] of aliases.entries()) {
        items.push({
          ...(i === 0 ? { documentSpeaker: record } : {}),
          pk,
          sk: key.alias(name, speaker.id),
          type: 'alias',
          name,
          display,
          speakerId: speaker.id,
          canonical: speaker.canonical,
          documentId: doc.id,
          // One index serves both the exact name (begins with "name#") and a prefix of it.
          gsi2pk: key.namePrefix(name),
          gsi2sk: `${name}#${speaker.id}#${doc.id}`,
        });
      }
    }
    for (const flag of entry.flags) {
      items.push({
        pk,
        sk: key.flag(flag.speakerId),
        type: 'flag',
        ...flag,
        gsi1pk: key.flags(flag.status),
        gsi1sk: `${flag.sortDate}#${doc.id}#${flag.speakerId}`,
      });
    }
    for (const merge of entry.merges ?? []) {
      items.push({
        pk,
        sk: key.merge(merge.fromSpeakerId),
        type: 'merge',
        ...merge,
        gsi1pk: key.merges(merge.status),
        gsi1sk: `${merge.sortDate}#${doc.id}#${merge.fromSpeakerId}`,
      });
    }
    return items;
  }

  async indexDocument(entry: DocumentIndexEntry, version?: string, options: { firstRun?: boolean } = {}): Promise<IndexWriteStats> {
    const documentId = entry.document.id;
    // A document's first run finds its partition holding only its record: nothing to read there.
    const existing = options.firstRun ? [] : await this.partitionKeys(documentId);
    const existingBySk = new Map(existing.map((item) => [String(item.sk), item]));
    const decisions = await this.flagDecisions(entry.flags.map((f) => f.speakerId));

    const items = this.buildItems(entry, version);
    for (const item of items) {
      if (item.type !== 'flag' && item.type !== 'merge') continue;
      // A person's decision on a flag or a merge survives reprocessing (a rejected merge is not made again).
      const previous = existingBySk.get(String(item.sk));
      const decided = (previous?.status as FlagStatus | MergeStatus | undefined) ?? (item.type === 'flag' ? decisions.get(String(item.speakerId)) : undefined);
      if (decided === 'confirmed' || decided === 'rejected') {
        item.status = decided;
        item.gsi1pk = item.type === 'flag' ? key.flags(decided) : key.merges(decided);
        if (previous?.decidedAt) item.decidedAt = previous.decidedAt;
      }
    }
    if (version !== undefined) for (const item of items) item.v = version;
    const newKeys = new Set(items.map((item) => String(item.sk)));
    // Versioned: the old items stay until the new version is committed (removeStaleItems).
    const stale = version !== undefined ? [] : existing.filter((item) => !newKeys.has(String(item.sk)) && !isKeptDecision(item));

    const { newProfiles, changedProfiles } = await this.profileWrites(entry.speakers);
    let writeUnitsTotal = 0;
    for (const item of [...items, ...newProfiles]) writeUnitsTotal += writeUnits(item);
    try {
      await batchWrite(this.table, [...items, ...newProfiles].map((item): WriteRequest => ({ PutRequest: { Item: item } })));
    } catch (error) {
      // Roll back what this attempt added, so a failed document leaves no half-written new items
      // (versioned items are invisible anyway, and removed by the next cleanup).
      if (version !== undefined) throw error;
      const added = items.filter((item) => !existingBySk.has(String(item.sk)));
      await batchWrite(this.table, added.map((item): WriteRequest => ({ DeleteRequest: { Key: { pk: String(item.pk), sk: String(item.sk) } } }))).catch(() => undefined);
      throw error;
    }
    await batchWrite(this.table, stale.map((item): WriteRequest => ({ DeleteRequest: { Key: { pk: String(item.pk), sk: String(item.sk) } } })));
    writeUnitsTotal += stale.length;

    const upserts = await Promise.all(changedProfiles.map((speaker) => this.upsertSpeaker(speaker)));
    writeUnitsTotal += upserts.reduce((a, b) => a + b, 0);

    return { itemsWritten: items.length, itemsDeleted: stale.length, writeUnits: writeUnitsTotal, itemCount: items.length + 1 };
  }

  /**
   * What the document's speakers change in their profiles, read in one request: a person the corpus has no profile
   * of yet gets one put with the document's items; a known one is updated only when this document adds a spelling
   * or a newer title, role or organisation. (Two documents naming a new person at the same moment both put the
   * profile, and the later one's spellings stand until a next document adds its own; search and the names index
   * read each document's own spellings, so none is lost to them.)
   */
  private async profileWrites(speakers: SpeakerRecord[]): Promise<{ newProfiles: Item[]; changedProfiles: SpeakerRecord[] }> {
    const stored = new Map((await batchGet(this.table, speakers.map((s) => ({ pk: key.speaker(s.id), sk: key.meta })))).map((item) => [String(item.pk), item]));
    const newProfiles: Item[] = [];
    const changedProfiles: SpeakerRecord[] = [];
    for (const speaker of speakers) {
      const profile = stored.get(key.speaker(speaker.id));
      if (!profile) newProfiles.push(this.profileItem(speaker));
      else if (adds(speaker, profile)) changedProfiles.push(speaker);
    }
    return { newProfiles, changedProfiles };
  }

  /** A new speaker profile, as upsertSpeaker would create it. */
  private profileItem(speaker: SpeakerRecord): Item {
    const item: Item = { pk: key.speaker(speaker.id), sk: key.meta, id: speaker.id, updatedAt: new Date().toISOString(), variants: new Set(spellingsOf(speaker)) };
    for (const name of PROFILE_FIELDS) if (given(speaker[name])) item[name] = speaker[name];
    return item;
  }

  private async upsertSpeaker(speaker: SpeakerRecord): Promise<number> {
    const fields: Item = Object.fromEntries(PROFILE_FIELDS.map((name) => [name, speaker[name]]));
    const names: Record<string, string> = { '#variants': 'variants', '#id': 'id' };
    const values: Record<string, unknown> = { ':variants': new Set(spellingsOf(speaker)), ':id': speaker.id };
    const sets = ['#id = :id', 'updatedAt = :now'];
    values[':now'] = new Date().toISOString();
    Object.entries(fields).forEach(([name, value], i) => {
      if (!given(value)) return;
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      sets.push(PROFILE_FIELDS_KEPT_FROM_FIRST.has(name as keyof SpeakerRecord) ? `#f${i} = if_not_exists(#f${i}, :f${i})` : `#f${i} = :f${i}`);
    });
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: key.speaker(speaker.id), sk: key.meta },
        UpdateExpression: `SET ${sets.join(', ')} ADD #variants :variants`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return 1;
  }

  async clearDocument(id: string): Promise<number> {
    const existing = await this.partitionKeys(id);
    await batchWrite(this.table, existing.map((item): WriteRequest => ({ DeleteRequest: { Key: { pk: String(item.pk), sk: String(item.sk) } } })));
    return existing.length;
  }

  private partitionPage<T>(documentId: string, prefix: string, page: PageRequest, kind: string): Promise<Page<T>> {
    const spec: StreamSpec = { id: 'p', table: this.table, partitions: [key.doc(documentId)], range: { prefix }, ascending: true, enrich: (items) => this.committedOnly(items) };
    const scope = cursorScope(kind, { documentId });
    const positions = positionsFrom(page.cursor, scope, [spec]);
    const stream = new QueryStream(spec, positions.get('p') ?? null);
    return takePage([stream], clampLimit(page.limit)).then((taken) => ({
      items: taken.items.map((i) => strip<T>(i)),
      cursor: pageCursor(taken.positions, scope),
    }));
  }

  async quotesOfDocument(id: string, page: PageRequest): Promise<Page<QuoteRecord>> {
    const scope = cursorScope('doc-quotes', { documentId: id });
    const offset = decodeOffset(page.cursor, scope);
    // Packed by speaker, a document's quotes are read whole (a few items) for reading order across speakers.
    const quotes = await this.packedQuotes(key.doc(id), ((await this.getDocument(id)) as Item | null) ?? undefined);
    const taken = offsetPage(quotes, offset, clampLimit(page.limit), scope);
    return { items: taken.items.map((q) => strip<QuoteRecord>(q)), cursor: taken.cursor };
  }

  flagsOfDocument(id: string, page: PageRequest): Promise<Page<FlagRecord>> {
    return this.partitionPage<FlagRecord>(id, 'F#', page, 'doc-flags');
  }

  async speakersOfDocument(id: string, page: PageRequest): Promise<Page<DocumentSpeakerRecord>> {
    const scope = cursorScope('doc-speakers', { documentId: id });
    const offset = decodeOffset(page.cursor, scope);
    const meta = ((await this.getDocument(id)) as Item | null) ?? undefined;
    const speakers: DocumentSpeakerRecord[] = [];
    // On the first spelling's item (see buildItems), or an item of their own (no spelling; an index written before).
    for (const prefix of [key.aliases, key.docSpeakers]) {
      const items = queryItems({ TableName: this.table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': key.doc(id), ':p': prefix } });
      for await (const item of items) {
        if (!isCommitted(item as Item, meta)) continue;
        const record = (item.type === 'docSpeaker' ? strip<Item>(item as Item) : item.documentSpeaker) as DocumentSpeakerRecord | undefined;
        // Variants are stored as a list on the document's item (a set on the profile).
        if (record) speakers.push({ ...record, variants: [...(record.variants ?? [])] });
      }
    }
    speakers.sort((a, b) => a.id.localeCompare(b.id));
    return offsetPage(speakers, offset, clampLimit(page.limit), scope);
  }

  // ---------------------------------------------------------------- cross-document

  /**
   * The speaker ids a name stands for, the person it usually means first. `anyForm` (searches) also tries the
   * name without titles and middle initials; a document's own speakers are looked up as written.
   */
  async resolveSpeaker(nameOrId: string, options: { anyForm?: boolean } = {}): Promise<string[]> {
    if (/^sp_[a-z0-9]+$/.test(nameOrId)) {
      const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.speaker(nameOrId), sk: key.meta } }));
      if (got.Item) return [nameOrId];
    }
    // The name readers (and the given-name and place tables under them) load on the first search, not at cold start.
    const names = options.anyForm ? await import('./speaker-names.ts') : null;
    const forms = names ? names.speakerNameForms(nameOrId) : [nameOrId];
    // Each form's alias counts are read once, also when the titled surname below already read them.
    const counted = new Map<string, Map<string, number>>();
    const countsOf = async (name: string) => counted.get(name) ?? counted.set(name, await this.aliasDocumentCounts(name)).get(name)!;
    // "President Trump", "Mrs. Trump": a title with a surname names the one person it fits, as in a document.
    const titled = names?.titledSurname(nameOrId);
    if (names && titled) {
      const match = names.matchSurname(titled, await this.profilesOf(await countsOf(normalizeName(titled.name))));
      if (match) return [match.speakerId];
    }
    for (const name of new Set(forms.map(normalizeName).filter(Boolean))) {
      const counts = await countsOf(name);
      // Most documents first: the person the name usually means leads.
      if (counts.size > 0) return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id).slice(0, 20);
    }
    // "Kristin", "Melania": one word that is no spelling or surname of anyone is a given name, and finds the one
    // person whose written names start with it; when several people share it, nobody (a reader would ask which).
    const word = names ? normalizeName(names.stripTitles(nameOrId) || nameOrId) : '';
    if (word && !word.includes(' ')) {
      const people = (await this.profilesOf(await this.speakersNamed(`${word} `))).filter((p) => p.kind === 'person');
      if (people.length === 1) return [people[0].id];
    }
    return [];
  }

  /**
   * Speakers with a written name starting with `prefix` (normalised), each once, from the first `maxItems` names read;
   * `surnamesOnly`: spellings written as one word ("Sanders-Gendreau"), the surnames a person is written with.
   */
  private async speakersNamed(prefix: string, options: { surnamesOnly?: boolean; maxItems?: number } = {}): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const aliases = queryItems({
      TableName: this.table,
      IndexName: GSI_2.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': GSI_2.partitionKey, '#sk': GSI_2.sortKey },
      ExpressionAttributeValues: { ':pk': key.namePrefix(prefix), ':prefix': prefix },
      ProjectionExpression: 'speakerId, display',
    });
    let read = 0;
    for await (const alias of aliases) {
      if (!options.surnamesOnly || !/\s/.test(String(alias.display ?? ' '))) ids.set(String(alias.speakerId), 0);
      if (++read >= (options.maxItems ?? 300)) break;
    }
    return ids;
  }

  async speakerCandidates(name: string): Promise<CorpusPerson[]> {
    return this.profilesOf(await this.aliasDocumentCounts(normalizeName(name)));
  }

  async surnameNeighbours(name: string): Promise<CorpusPerson[]> {
    const prefix = normalizeName(name.trim().split(/\s+/).pop() ?? '').slice(0, 2);
    return prefix.length < 2 ? [] : this.profilesOf(await this.speakersNamed(prefix, { surnamesOnly: true }));
  }

  /** The profiles of the counted speaker ids, each with its count of documents. */
  private async profilesOf(counts: Map<string, number>): Promise<CorpusPerson[]> {
    if (counts.size === 0) return [];
    const profiles = await batchGet(this.table, [...counts.keys()].map((id) => ({ pk: key.speaker(id), sk: key.meta })));
    return profiles.map((item) => {
      const id = String(item.id ?? String(item.pk).slice('SPEAKER#'.length));
      return { id, canonical: String(item.canonical), kind: String(item.kind ?? 'person'), title: item.title as string | undefined, documents: counts.get(id) ?? 0 };
    });
  }

  /** Speaker id → documents that write the (normalised) name for it. */
  private async aliasDocumentCounts(name: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!name) return counts;
    const aliases = queryItems(
      {
        TableName: this.table,
        IndexName: GSI_2.name,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :name)',
        ExpressionAttributeNames: { '#pk': GSI_2.partitionKey, '#sk': GSI_2.sortKey },
        // A normalised name holds no "#": "lee#" is the name "lee" exactly, not "leeds".
        ExpressionAttributeValues: { ':pk': key.namePrefix(name), ':name': `${name}#` },
        ProjectionExpression: 'speakerId',
      },
      10,
    );
    for await (const item of aliases) counts.set(String(item.speakerId), (counts.get(String(item.speakerId)) ?? 0) + 1);
    return counts;
  }

  /** Quotes newest first, by speaker (any spelling) or, through their documents, by publication month. */
  async listQuotes(query: QuoteQuery): Promise<Page<QuoteRecord>> {
    // Words filter the quotes read by speaker or month (exports); full-text search is the search projection's.
    const words = query.q ? queryWords(query.q) : [];
    const scope = cursorScope('quotes', { speaker: query.speaker ?? null, q: words.join(' ') || null, from: query.from ?? null, to: query.to ?? null, undated: query.undated ?? null, source: query.source ?? null, collection: query.collection ?? null, kind: query.kind ?? null });
    const range = dateRange(query);
    const limit = clampLimit(query.limit, MAX_QUOTE_PAGE);
    const filtered = words.length > 0 || query.kind || query.source || query.collection;
    let streams: PageStream[];
    if (query.speaker) {
      const ids = await this.resolveSpeaker(query.speaker, { anyForm: true });
      // Page size + 1 quotes tell whether there is a next page; a pack holds one or more (more read when filters drop some).
      const chunk = filtered ? Math.max(50, limit + 1) : Math.ceil((limit + 1) / 2);
      const specs = ids.map((id): StreamSpec => ({ id, table: this.table, index: GSI_1, partitions: [key.speakerQuotes(id)], range, enrich: (items) => this.committedOnly(items), chunk }));
      const positions = positionsFrom(query.cursor, scope, specs, validateNestedPosition);
      streams = specs.map((spec) => new NestedStream(spec, positions.get(spec.id) ?? null, async (pack) => unpackQuotes(pack)));
    } else {
      const months = await this.shards(range.from, range.to);
      // A document holds several quotes: a few documents fill a page.
      const chunk = filtered ? 25 : Math.min(25, Math.ceil((limit + 1) / 4));
      const spec: StreamSpec = { id: 'm', table: this.table, index: GSI_2, partitions: months.map(key.docsMonth), range, enrich: (items) => this.currentRecords(items), chunk };
      streams = months.length > 0 ? [new NestedStream(spec, positionsFrom(query.cursor, scope, [spec], validateNestedPosition).get(spec.id) ?? null, this.quotesOfRecord(query))] : [];
    }
    if (streams.length === 0) {
      decodeCursor(query.cursor, scope);
      return { items: [], cursor: null };
    }
    const accept = (item: Item): boolean => {
      if (item.type !== undefined && item.type !== 'quote') return false;
      if (query.kind && item.kind !== query.kind) return false;
      if (query.source && item.source !== query.source) return false;
      if (query.collection && item.collection !== query.collection) return false;
      if (words.length > 0) {
        const have = new Set(normalizeName(String(item.text ?? '')).split(' '));
        if (!words.every((w) => have.has(w))) return false;
      }
      return true;
    };
    const taken = await takePage(streams, limit, accept);
    return { items: taken.items.map((i) => strip<QuoteRecord>(i)), cursor: pageCursor(taken.positions, scope) };
  }

  async speakersByPrefix(prefix: string, page: PageRequest): Promise<Page<SpeakerRecord>> {
    // "Dr. Sanders" lists the Sanders: a title is not part of any name the profiles are listed under.
    const name = normalizeName((await import('./speaker-names.ts')).stripTitles(prefix) || prefix);
    const scope = cursorScope('speakers', { name });
    if (!name) {
      decodeCursor(page.cursor, scope);
      return { items: [], cursor: null };
    }
    const spec: StreamSpec = { id: 'n', table: this.table, index: GSI_2, partitions: [key.namePrefix(name)], range: { prefix: name }, ascending: true, enrich: (items) => this.committedOnly(items) };
    const positions = positionsFrom(page.cursor, scope, [spec]);
    const stream = new QueryStream(spec, positions.get('n') ?? null);
    const taken = await takePage([stream], clampLimit(page.limit), () => true, (item) => String(item.speakerId));
    const speakers = await Promise.all(taken.items.map((item) => this.getSpeaker(String(item.speakerId))));
    return { items: speakers.filter((s): s is SpeakerRecord => s !== null), cursor: pageCursor(taken.positions, scope) };
  }

  async getSpeaker(id: string): Promise<SpeakerRecord | null> {
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.speaker(id), sk: key.meta } }));
    return got.Item ? { ...profileOf(id, got.Item), quoteCount: await this.countSpeakerQuotes(id) } : null;
  }

  async speakerProfiles(ids: string[]): Promise<Map<string, SpeakerProfile>> {
    const items = await batchGet(this.table, ids.map((id) => ({ pk: key.speaker(id), sk: key.meta })));
    const profiles = new Map<string, SpeakerProfile>();
    for (const item of items) {
      const id = String(item.pk).slice(key.speaker('').length);
      profiles.set(id, profileOf(id, item));
    }
    return profiles;
  }

  /** The speaker's quotes, counted from the packs that hold them. */
  private async countSpeakerQuotes(id: string): Promise<number> {
    let count = 0;
    const packs = queryItems({
      TableName: this.table,
      IndexName: GSI_1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': key.speakerQuotes(id) },
      ProjectionExpression: 'packed',
    });
    for await (const pack of packs) count += Number(pack.packed ?? 0);
    return count;
  }

  listFlags(page: PageRequest & { status?: FlagStatus }): Promise<Page<FlagRecord>> {
    const status = page.status ?? 'open';
    return this.byStatusPage<FlagRecord>('flags', key.flags(status), status, page);
  }

  /** One status partition of flags or merges (gsi1), newest first, committed items only. */
  private async byStatusPage<T>(kind: 'flags' | 'merges', partition: string, status: string, page: PageRequest): Promise<Page<T>> {
    const spec: StreamSpec = { id: kind[0], table: this.table, index: GSI_1, partitions: [partition], enrich: (items) => this.committedOnly(items) };
    const scope = cursorScope(kind, { status });
    const positions = positionsFrom(page.cursor, scope, [spec]);
    const taken = await takePage([new QueryStream(spec, positions.get(spec.id) ?? null)], clampLimit(page.limit));
    return { items: taken.items.map((i) => strip<T>(i)), cursor: pageCursor(taken.positions, scope) };
  }

  async getFlag(id: string): Promise<FlagRecord | null> {
    const parsed = parseFlagId(id);
    if (!parsed) return null;
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.doc(parsed.documentId), sk: key.flag(parsed.speakerId) } }));
    return got.Item ? strip<FlagRecord>(got.Item) : null;
  }

  async recordFlagDecision(flag: FlagRecord, status: FlagStatus, decidedAt: string): Promise<void> {
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: key.doc(flag.documentId), sk: key.flag(flag.speakerId) },
        UpdateExpression: 'SET #s = :s, gsi1pk = :g, decidedAt = :t',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':g': key.flags(status), ':t': decidedAt },
      }),
    );
    await docClient().send(
      new PutCommand({ TableName: this.table, Item: { pk: DECISION_PK, sk: flag.speakerId, type: 'decision', status, flagId: flag.id, decidedAt } }),
    );
  }

  listMerges(page: PageRequest & { status?: MergeStatus }): Promise<Page<MergeRecord>> {
    const status = page.status ?? 'open';
    return this.byStatusPage<MergeRecord>('merges', key.merges(status), status, page);
  }

  async getMerge(id: string): Promise<MergeRecord | null> {
    const parsed = parseFlagId(id);
    if (!parsed) return null;
    const got = await docClient().send(new GetCommand({ TableName: this.table, Key: { pk: key.doc(parsed.documentId), sk: key.merge(parsed.speakerId) } }));
    return got.Item ? strip<MergeRecord>(got.Item) : null;
  }

  async recordMergeDecision(merge: MergeRecord, status: MergeStatus, decidedAt: string): Promise<void> {
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: key.doc(merge.documentId), sk: key.merge(merge.fromSpeakerId) },
        UpdateExpression: 'SET #s = :s, gsi1pk = :g, decidedAt = :t',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': status, ':g': key.merges(status), ':t': decidedAt },
      }),
    );
  }

  async rejectedMerges(documentId: string): Promise<MergeRecord[]> {
    const out: MergeRecord[] = [];
    const items = queryItems({
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      FilterExpression: '#s = :r',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':pk': key.doc(documentId), ':m': key.merge(''), ':r': 'rejected' },
    });
    for await (const item of items) out.push(strip<MergeRecord>(item as Item));
    return out;
  }

  async addKeepApartPairs(pairs: Array<[string, string]>, origin: { flagId: string; decidedAt: string }): Promise<void> {
    for (const [a, b] of pairs) {
      await docClient().send(new PutCommand({ TableName: this.table, Item: { pk: KEEPAPART_PK, sk: `${a}|${b}`, type: 'keepApart', a, b, ...origin } }));
    }
  }

  async removeSpeakerVariants(speakerId: string, names: string[]): Promise<void> {
    if (names.length === 0) return;
    await docClient().send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: key.speaker(speakerId), sk: key.meta },
        UpdateExpression: 'DELETE variants :v',
        ExpressionAttributeValues: { ':v': new Set(names) },
      }),
    );
  }

  private async flagDecisions(speakerIds: string[]): Promise<Map<string, FlagStatus>> {
    const out = new Map<string, FlagStatus>();
    if (speakerIds.length === 0) return out;
    const items = await batchGet(this.table, speakerIds.map((id) => ({ pk: DECISION_PK, sk: id })));
    for (const item of items) if (item.status === 'confirmed') out.set(String(item.sk), 'confirmed');
    return out;
  }

  async keepApartPairs(): Promise<Array<[string, string]>> {
    const pairs: Array<[string, string]> = [];
    const items = queryItems({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': KEEPAPART_PK } });
    for await (const item of items) pairs.push([String(item.a), String(item.b)]);
    return pairs;
  }

  /** Remove one raw-key reference (not used by processing: raw objects are never deleted). */
  async deleteItem(pk: string, sk: string): Promise<void> {
    await docClient().send(new DeleteCommand({ TableName: this.table, Key: { pk, sk } }));
  }
}

const GSI_1 = { name: GSI.lists.name, partitionKey: GSI.lists.partitionKey, sortKey: GSI.lists.sortKey };
const GSI_2 = { name: GSI.lookups.name, partitionKey: GSI.lookups.partitionKey, sortKey: GSI.lookups.sortKey };
