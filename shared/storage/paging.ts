/**
 * Newest-first paging over one or more DynamoDB query partitions, with positions an opaque cursor
 * can carry. A stream walks a list of partitions in order (e.g. month shards); several streams are
 * merged by sort key (e.g. the quotes of every speaker a name resolves to). Filters run in code, so
 * a page is exactly `limit` matching items and the cursor points just past the last one consumed.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { docClient } from './clients.ts';
import { InvalidCursorError } from './ports.ts';

export type Item = Record<string, unknown>;

export interface StreamSpec {
  /** Stable name of this stream within the query (cursor field). */
  id: string;
  table: string;
  index?: { name: string; partitionKey: string; sortKey: string };
  /** Partition values walked in this order. */
  partitions: string[];
  /** Inclusive sort-key range. */
  range?: { from?: string; to?: string; prefix?: string };
  /** Newest first unless set. */
  ascending?: boolean;
  /** Turn a chunk of raw items into records (may read more, e.g. BatchGet); keeps the key for positions. */
  enrich?: (items: Item[]) => Promise<Item[]>;
  projection?: string;
  chunk?: number;
}

/** Where a stream is: index into `partitions`, and the last consumed item's key (null: start of it). */
export interface StreamPosition {
  p: number;
  k: Record<string, string> | null;
}

const keyAttributesOf = (spec: StreamSpec): string[] =>
  spec.index ? ['pk', 'sk', spec.index.partitionKey, spec.index.sortKey] : ['pk', 'sk'];

export function validatePosition(raw: unknown, spec: StreamSpec): StreamPosition | 'done' {
  if (raw === 'done') return 'done';
  if (!raw || typeof raw !== 'object') throw new InvalidCursorError();
  const { p, k } = raw as { p?: unknown; k?: unknown };
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > spec.partitions.length) throw new InvalidCursorError();
  if (k === null) return { p, k: null };
  if (!k || typeof k !== 'object') throw new InvalidCursorError();
  const expected = keyAttributesOf(spec);
  const entries = Object.entries(k as Record<string, unknown>);
  if (entries.length !== expected.length || !entries.every(([name, value]) => expected.includes(name) && typeof value === 'string')) {
    throw new InvalidCursorError();
  }
  return { p, k: k as Record<string, string> };
}

/** What `takePage` reads from: a stream of items in sort-key order with a position a cursor can carry. */
export interface PageStream {
  readonly spec: { id: string; ascending?: boolean };
  peek(): Promise<Item | null>;
  next(): Promise<Item | null>;
  positionForCursor(): Promise<StreamPosition | 'done'>;
  sortKeyOf(item: Item): string;
}

export class QueryStream implements PageStream {
  private buffer: Item[] = [];
  private lastEvaluated: Record<string, unknown> | undefined;
  private exhaustedPartition = false;
  private position: StreamPosition | 'done';

  constructor(readonly spec: StreamSpec, start: StreamPosition | 'done' | null) {
    this.position = start ?? { p: 0, k: null };
    this.lastEvaluated = this.position !== 'done' && this.position.k ? this.position.k : undefined;
  }

  /** The next item without consuming it, or null when the stream is exhausted. */
  async peek(): Promise<Item | null> {
    while (this.buffer.length === 0) {
      if (this.position === 'done') return null;
      if (this.position.p >= this.spec.partitions.length) {
        this.position = 'done';
        return null;
      }
      if (this.exhaustedPartition) {
        this.position = { p: this.position.p + 1, k: null };
        this.lastEvaluated = undefined;
        this.exhaustedPartition = false;
        continue;
      }
      await this.fetch(this.position.p);
    }
    return this.buffer[0];
  }

  async next(): Promise<Item | null> {
    const item = await this.peek();
    if (!item) return null;
    this.buffer.shift();
    if (this.position !== 'done') this.position = { p: this.position.p, k: this.keyOf(item) };
    return item;
  }

  /** Position after the last consumed item; 'done' when nothing is left. */
  async positionForCursor(): Promise<StreamPosition | 'done'> {
    return (await this.peek()) ? this.position : 'done';
  }

  /** Position after the last consumed item, without reading on. */
  get at(): StreamPosition | 'done' {
    return this.position;
  }

  /** Up to `n` items already read and not yet consumed (nothing is fetched for them). */
  buffered(n: number): Item[] {
    return this.buffer.slice(0, n);
  }

  sortKeyOf(item: Item): string {
    return String(item[this.spec.index ? this.spec.index.sortKey : 'sk'] ?? '');
  }

  private keyOf(item: Item): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of keyAttributesOf(this.spec)) out[name] = String(item[name]);
    return out;
  }

  private async fetch(partitionIndex: number): Promise<void> {
    const spec = this.spec;
    const pkName = spec.index ? spec.index.partitionKey : 'pk';
    const skName = spec.index ? spec.index.sortKey : 'sk';
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': spec.partitions[partitionIndex] };
    let condition = '#pk = :pk';
    const range = spec.range ?? {};
    if (range.prefix !== undefined) {
      names['#sk'] = skName;
      values[':prefix'] = range.prefix;
      condition += ' AND begins_with(#sk, :prefix)';
    } else if (range.from !== undefined && range.to !== undefined) {
      names['#sk'] = skName;
      Object.assign(values, { ':from': range.from, ':to': range.to });
      condition += ' AND #sk BETWEEN :from AND :to';
    } else if (range.from !== undefined) {
      names['#sk'] = skName;
      values[':from'] = range.from;
      condition += ' AND #sk >= :from';
    } else if (range.to !== undefined) {
      names['#sk'] = skName;
      values[':to'] = range.to;
      condition += ' AND #sk <= :to';
    }
    const input: QueryCommandInput = {
      TableName: spec.table,
      IndexName: spec.index?.name,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: spec.ascending ?? false,
      Limit: spec.chunk ?? 50,
      ExclusiveStartKey: this.lastEvaluated,
    };
    const result = await docClient().send(new QueryCommand(input));
    const items = (result.Items ?? []) as Item[];
    this.lastEvaluated = result.LastEvaluatedKey;
    if (!result.LastEvaluatedKey) this.exhaustedPartition = true;
    this.buffer.push(...(spec.enrich ? await spec.enrich(items) : items));
  }
}

/** A nested stream's position: its outer stream's before the current outer item, and the last child consumed of it. */
export interface NestedPosition extends StreamPosition {
  after?: string;
}

export function validateNestedPosition(raw: unknown, spec: StreamSpec): NestedPosition | 'done' {
  const outer = validatePosition(raw, spec);
  if (outer === 'done') return outer;
  const after = (raw as { after?: unknown }).after;
  if (after === undefined) return outer;
  if (typeof after !== 'string' || after.length > 1024) throw new InvalidCursorError();
  return { ...outer, after };
}

/**
 * The children of each item of an outer stream, in the outer order and then in the order `childrenOf` gives (by
 * their `sk`, ascending): the quotes of documents listed by month. Children are read when the stream reaches their
 * outer item, and for the next `lookahead` outer items already read at the same time.
 */
export class NestedStream implements PageStream {
  private readonly outer: QueryStream;
  private children: Item[] = [];
  private before: StreamPosition | 'done';
  private outerSortKey = '';
  private lastChild: string | undefined;
  private resumeAfter: string | undefined;
  private readonly reading = new Map<Item, Promise<Item[]>>();

  constructor(
    readonly spec: StreamSpec,
    start: NestedPosition | 'done' | null,
    private readonly childrenOf: (outer: Item) => Promise<Item[]>,
    private readonly lookahead = 8,
  ) {
    const outerStart = start === 'done' || start === null ? start : { p: start.p, k: start.k };
    this.outer = new QueryStream(spec, outerStart);
    this.before = outerStart ?? { p: 0, k: null };
    this.resumeAfter = start === 'done' || start === null ? undefined : start.after;
  }

  async peek(): Promise<Item | null> {
    while (this.children.length === 0) {
      if (!(await this.outer.peek())) return null;
      this.before = this.outer.at;
      const item = (await this.outer.next())!;
      this.outerSortKey = this.outer.sortKeyOf(item);
      for (const upcoming of this.outer.buffered(this.lookahead)) this.read(upcoming);
      const children = await this.read(item);
      this.reading.delete(item);
      // A cursor into the middle of an outer item goes on after the child it last returned.
      const after = this.resumeAfter;
      this.resumeAfter = undefined;
      this.lastChild = after;
      this.children = children.filter((child) => after === undefined || String(child.sk) > after);
    }
    return this.children[0];
  }

  private read(outer: Item): Promise<Item[]> {
    let children = this.reading.get(outer);
    if (!children) {
      children = this.childrenOf(outer);
      // A read ahead that fails is reported when the stream reaches it, not as an unhandled rejection.
      children.catch(() => undefined);
      this.reading.set(outer, children);
    }
    return children;
  }

  async next(): Promise<Item | null> {
    const child = await this.peek();
    if (!child) return null;
    this.children.shift();
    this.lastChild = String(child.sk);
    return child;
  }

  async positionForCursor(): Promise<NestedPosition | 'done'> {
    if (!(await this.peek())) return 'done';
    if (this.before === 'done') return 'done';
    return this.lastChild === undefined ? this.before : { ...this.before, after: this.lastChild };
  }

  /** The outer item's: children of one outer item stay together, in their own order. */
  sortKeyOf(): string {
    return this.outerSortKey;
  }
}

/**
 * Take up to `limit` items matching `accept` from the streams, newest (largest sort key) first.
 * `groupOf` makes consecutive items of one group count once (the first is kept). `maxExamined` bounds the work of
 * a page whose filter rarely matches: the page then ends early, and the cursor goes on from there.
 */
export async function takePage(
  streams: PageStream[],
  limit: number,
  accept: (item: Item) => boolean = () => true,
  groupOf?: (item: Item) => string,
  maxExamined = Infinity,
): Promise<{ items: Item[]; positions: Record<string, StreamPosition | 'done'> | null }> {
  const items: Item[] = [];
  const seenGroups = new Set<string>();
  let examined = 0;
  while (items.length < limit && examined < maxExamined) {
    let best: PageStream | null = null;
    let bestKey = '';
    for (const stream of streams) {
      const head = await stream.peek();
      if (!head) continue;
      const sortKey = stream.sortKeyOf(head);
      const better = best === null || (stream.spec.ascending ? sortKey < bestKey : sortKey > bestKey);
      if (better) {
        best = stream;
        bestKey = sortKey;
      }
    }
    if (!best) break;
    const item = (await best.next())!;
    examined++;
    if (!accept(item)) continue;
    if (groupOf) {
      const group = groupOf(item);
      if (seenGroups.has(group)) continue;
      seenGroups.add(group);
    }
    items.push(item);
  }
  if (groupOf && items.length > 0) {
    // Consume the rest of the last group so the next page does not start with a duplicate.
    const lastGroup = groupOf(items[items.length - 1]);
    for (const stream of streams) {
      for (let head = await stream.peek(); head && groupOf(head) === lastGroup; head = await stream.peek()) await stream.next();
    }
  }
  const positions: Record<string, StreamPosition | 'done'> = {};
  let anyLeft = false;
  for (const stream of streams) {
    const position = await stream.positionForCursor();
    positions[stream.spec.id] = position;
    if (position !== 'done') anyLeft = true;
  }
  return { items, positions: anyLeft ? positions : null };
}
