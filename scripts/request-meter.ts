/**
 * Counts every S3 and DynamoDB request the SDK clients send, and the capacity units DynamoDB would
 * bill for them, for the benchmarks (`bench:pipeline`, `bench:api`) and `npm run cost`.
 *
 * Table units come from the emulator's ConsumedCapacity (asked for on every request). dynalite does
 * not bill global secondary indexes, so their write units are computed here the way DynamoDB bills
 * them: 1 per KB of the projected item, in every GSI the new (or deleted) item is in (a put over an
 * item of the same GSI key is one GSI write); an update
 * costs a GSI write only when it sets an attribute that GSI projects. Nothing here changes what the
 * caller sees: what the meter asks for extra (ConsumedCapacity, the item's new or old image) is
 * removed from the answer. An update that sets a GSI's key moves the item's entry there (a delete and a put, both
 * billed); one that removes the key deletes it. Not counted: GSI entries removed by BatchWriteItem deletes (their old
 * images are not returned).
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { MiddlewareStack } from '@smithy/types';
import { dynamoClient, s3Client } from '../shared/storage/clients.ts';
import { gsiWriteUnits, itemSize } from '../shared/storage/dynamo-index.ts';
import { TABLE_DEFINITION, TABLE_KEYS } from '../shared/storage/table.ts';

type Item = Record<string, unknown>;

export interface MeterReading {
  requests: Record<string, number>;
  s3Requests: number;
  dynamoRequests: number;
  writeUnits: number;
  gsiWriteUnits: number;
  readUnits: number;
  /** Write units by what was written: the item's `type`, else its partition's prefix (PENDING, SPEAKER…). */
  writeUnitsByKind: Record<string, number>;
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const READS = new Set(['GetItem', 'Query', 'BatchGetItem']);

function looksMarshalled(item: Item): boolean {
  return Object.values(item).every((v) => v !== null && typeof v === 'object' && Object.keys(v as object).length === 1 && /^(S|N|B|SS|NS|BS|M|L|NULL|BOOL)$/.test(Object.keys(v as object)[0]));
}

const plain = (item: Item | undefined): Item | undefined => (item && looksMarshalled(item) ? unmarshall(item as never) : item);

/** Attribute names an update expression sets, adds, removes or deletes. */
function touchedBy(input: Item): Set<string> {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const expression = String(input.UpdateExpression ?? '');
  const out = new Set<string>();
  for (const token of expression.match(/#?[A-Za-z_][A-Za-z0-9_]*/g) ?? []) out.add(token.startsWith('#') ? (names[token] ?? token) : token);
  return out;
}

/**
 * The extra units of an update that sets or removes a GSI's key: the entry under the old key is deleted (our updates
 * set a key only to move an item that is in that GSI already, as a month listing or a flag's status).
 */
function movedEntryUnits(item: Item | undefined, touched: Set<string>): number {
  let units = 0;
  for (const gsi of TABLE_DEFINITION.globalSecondaryIndexes) {
    if (!touched.has(gsi.partitionKey) && !touched.has(gsi.sortKey)) continue;
    const inIndex = item?.[gsi.partitionKey] !== undefined && item?.[gsi.sortKey] !== undefined;
    // moved: the old entry is deleted besides the new put (counted by gsiWriteUnits); removed: only the delete
    units += inIndex ? gsiWriteUnits(onlyIn(item!, gsi.name)) : 1;
  }
  return units;
}

/** The item as only one GSI sees it (its keys kept, the other GSIs' removed), to size that GSI's entry. */
function onlyIn(item: Item, gsiName: string): Item {
  const out: Item = { ...item };
  for (const gsi of TABLE_DEFINITION.globalSecondaryIndexes) if (gsi.name !== gsiName) delete out[gsi.partitionKey];
  return out;
}

function kindOf(item: Item): string {
  if (typeof item.type === 'string') return item.type;
  const pk = String(item[TABLE_KEYS.partition] ?? '');
  if (pk.startsWith('DOC#')) return String(item[TABLE_KEYS.sort]) === 'META' ? 'document' : 'document item';
  return pk.split('#')[0] || 'other';
}

export class RequestMeter {
  private reading: MeterReading = RequestMeter.empty();

  private static empty(): MeterReading {
    return { requests: {}, s3Requests: 0, dynamoRequests: 0, writeUnits: 0, gsiWriteUnits: 0, readUnits: 0, writeUnitsByKind: {} };
  }

  private addKind(kind: string, units: number): void {
    this.reading.writeUnitsByKind[kind] = (this.reading.writeUnitsByKind[kind] ?? 0) + units;
  }

  /** Attach to the clients in use now (call after the local stack started, it creates them). */
  async attach(): Promise<this> {
    const count = (service: string) => (name: string) => {
      this.reading.requests[`${service}:${name}`] = (this.reading.requests[`${service}:${name}`] ?? 0) + 1;
      if (service === 's3') this.reading.s3Requests++;
      else this.reading.dynamoRequests++;
    };
    const s3Count = count('s3');
    ((await s3Client()).middlewareStack as MiddlewareStack<object, object>).add(
      (next, context) => async (args) => {
        s3Count(String((context as { commandName?: string }).commandName ?? '?').replace(/Command$/, ''));
        return next(args);
      },
      { step: 'build', name: 'quotedeskRequestMeter' },
    );
    const dynamoCount = count('dynamodb');
    (dynamoClient().middlewareStack as MiddlewareStack<object, object>).add(
      (next, context) => async (args) => {
        const operation = String((context as { commandName?: string }).commandName ?? '?').replace(/Command$/, '');
        dynamoCount(operation);
        return this.metered(operation, args as never, next as never) as never;
      },
      { step: 'build', name: 'quotedeskRequestMeter', priority: 'low' },
    );
    return this;
  }

  private async metered(operation: string, args: { request: { body?: string | Uint8Array; headers: Record<string, string> } }, next: (a: unknown) => Promise<{ output: Item }>) {
    if (!WRITES.has(operation) && !READS.has(operation)) return next(args);
    const body = args.request.body ?? '{}';
    const input = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8')) as Item;
    const injected: string[] = [];
    if (!input.ReturnConsumedCapacity) {
      input.ReturnConsumedCapacity = 'TOTAL';
      injected.push('ConsumedCapacity');
    }
    const wants = operation === 'UpdateItem' ? 'ALL_NEW' : operation === 'PutItem' || operation === 'DeleteItem' ? 'ALL_OLD' : undefined;
    if (wants && !input.ReturnValues) {
      input.ReturnValues = wants;
      injected.push('Attributes');
    }
    args.request.body = JSON.stringify(input);
    for (const header of Object.keys(args.request.headers)) if (header.toLowerCase() === 'content-length') args.request.headers[header] = String(Buffer.byteLength(args.request.body));
    const result = await next(args);
    const output = result.output;
    const consumed = ([] as Array<{ CapacityUnits?: number }>).concat((output.ConsumedCapacity as never) ?? []);
    const tableUnits = consumed.reduce((n, c) => n + Number(c.CapacityUnits ?? 0), 0);
    if (READS.has(operation)) this.reading.readUnits += tableUnits;
    else {
      this.reading.writeUnits += tableUnits;
      const gsi = this.gsiUnits(operation, input, output);
      this.reading.writeUnits += gsi;
      this.reading.gsiWriteUnits += gsi;
      this.attribute(operation, input, tableUnits + gsi);
    }
    for (const name of injected) delete output[name];
    return result;
  }

  /** Spread a request's units over what it wrote (a batch: in proportion to each item's own units). */
  private attribute(operation: string, input: Item, units: number): void {
    if (operation !== 'BatchWriteItem') {
      this.addKind(kindOf(plain((input.Item ?? input.Key) as Item) ?? {}), units);
      return;
    }
    const items: Item[] = [];
    for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }>>)) {
      for (const request of requests) items.push(plain(request.PutRequest?.Item ?? request.DeleteRequest?.Key) ?? {});
    }
    const own = items.map((item) => Math.max(1, Math.ceil(itemSize(item) / 1024)) + gsiWriteUnits(item));
    const sum = own.reduce((a, b) => a + b, 0) || 1;
    items.forEach((item, i) => this.addKind(kindOf(item), (units * own[i]) / sum));
  }

  private gsiUnits(operation: string, input: Item, output: Item): number {
    const attributes = plain(output.Attributes as Item | undefined);
    switch (operation) {
      case 'PutItem':
        return gsiWriteUnits(plain(input.Item as Item));
      case 'UpdateItem':
        return String(input.ReturnValues) === 'ALL_NEW' ? gsiWriteUnits(attributes, touchedBy(input)) + movedEntryUnits(attributes, touchedBy(input)) : 0;
      case 'DeleteItem':
        return gsiWriteUnits(attributes);
      case 'BatchWriteItem': {
        let units = 0;
        for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item: Item } }>>)) {
          for (const request of requests) units += gsiWriteUnits(plain(request.PutRequest?.Item));
        }
        return units;
      }
      default:
        return 0;
    }
  }

  /** The counts so far, and reset them when asked (to measure one phase). */
  read(reset = false): MeterReading {
    const out = structuredClone(this.reading);
    if (reset) this.reading = RequestMeter.empty();
    return out;
  }
}
