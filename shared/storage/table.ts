/**
 * The single DynamoDB table as plain data. The local stack creates it from this and the CDK stack
 * declares it from this, so the two cannot drift. All attributes are strings.
 *
 * Key design (one partition per document, GSIs for the cross-document patterns; claims live in the search
 * projection, shared/search/claims.ts):
 *   pk=DOC#<docId>  sk=META                 the document: status, reason, counts, metadata  gsi2: DOCS#<yyyy-mm> / <date>#<docId>
 *   pk=DOC#<docId>  sk=Q#<run>#<speakerId>#<part>  a speaker's quotes (quote-packs.ts)  gsi1: SPK#<speakerId> / <date>#<docId>#<999999-part>
 *                                                          (by date: the documents of a month, then each one's Q# packs)
 *   pk=DOC#<docId>  sk=S#<speakerId>        a speaker as seen in this document (name, variants, title…)
 *   pk=DOC#<docId>  sk=A#<name>#<speakerId> an alias      gsi2: NAME#<first letter> / <name>#<speakerId>#<docId>
 *                                                          (the exact name: begins_with "<name>#"; a prefix: begins_with "<prefix>")
 *   pk=DOC#<docId>  sk=F#<speakerId>        a name flag   gsi1: FLAGS#<status> / <date>#<docId>#<speakerId>
 *   pk=SPEAKER#<speakerId> sk=META           global speaker profile (canonical, title, role, organisation, variants)
 *   pk=HASH#<sha256>       sk=META           content hash → docId (dedupe of uploads)
 *   pk=SHARDS              sk=DOCS           the month shards documents are listed under (walked newest first)
 *   pk=KEEPAPART           sk=<a>|<b>        spellings confirmed to be different people
 *   pk=DECISION            sk=<speakerId>|<name> a confirmed flag, so reprocessing keeps the decision
 */
export const TABLE_KEYS = { partition: 'pk', sort: 'sk' } as const;

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** What the GSI copies of each item: everything, only the keys, or the keys and `include`. */
  projection: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  include?: string[];
}

export const GSI: { lists: IndexDefinition; lookups: IndexDefinition } = {
  /** Lists served whole from the index, newest first: a speaker's quotes, flags and merges by status. */
  lists: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
  /**
   * Lookups whose records are read from the table: aliases by first letter (exact names and prefixes) and documents
   * by month. It copies only what the name lookups read, so a document's status changes are not written to it.
   */
  lookups: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'INCLUDE', include: ['speakerId', 'display', 'v'] },
};

export const TABLE_DEFINITION = {
  partitionKey: TABLE_KEYS.partition,
  sortKey: TABLE_KEYS.sort,
  globalSecondaryIndexes: [GSI.lists, GSI.lookups],
  billingMode: 'PAY_PER_REQUEST' as const,
  /** Expiry attribute of items that expire (a TTL in AWS; dynalite ignores it). */
  ttlAttribute: 'expiration',
};

/** The CreateTable input shared by the local stack and the tests. */
export function createTableInput(tableName: string) {
  const attributes = [TABLE_KEYS.partition, TABLE_KEYS.sort, ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey])];
  return {
    TableName: tableName,
    BillingMode: TABLE_DEFINITION.billingMode,
    AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partition, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sort, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE_DEFINITION.globalSecondaryIndexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: g.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: g.projection, ...(g.include ? { NonKeyAttributes: g.include } : {}) },
    })),
  };
}
