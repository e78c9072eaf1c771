import { Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { FunctionAccess } from '../wiring.ts';

/** Index reads: single items, batches, and queries on the table and its named indexes. Never Scan. */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** Index writes: item-level only, never table administration. */
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

export interface AccessTargets {
  bucket: s3.IBucket;
  table: dynamodb.ITable;
  /** Index names from the table definition: queries are granted on each by name, no `index/*`. */
  indexNames: readonly string[];
}

/**
 * Turns a function's access entry from the wiring list into IAM statements that name specific
 * actions and resources. The only wildcards left are object-key prefixes (`bucket/raw/*`), which
 * are acknowledged on the role with the reason.
 */
export function grantAccess(role: iam.Role, access: FunctionAccess, targets: AccessTargets): void {
  const { bucket, table } = targets;
  const bucketLogicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);

  const prefixStatement = (action: string, prefixes: readonly string[], verb: string) => {
    if (prefixes.length === 0) return;
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: [action],
      resources: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
    }));
    for (const prefix of prefixes) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${prefix}*]`,
        reason: `The function ${verb} objects whose keys are generated at run time (document ids) under the ${prefix} prefix; ` +
          `${prefix}* is the narrowest resource that covers them, and no other prefix of the bucket is reachable.`,
      });
    }
  };
  prefixStatement('s3:GetObject', access.readPrefixes, 'reads');
  prefixStatement('s3:PutObject', access.writePrefixes, 'writes');

  // A function confined to some partitions gets the base table only, with a LeadingKeys condition
  // that IAM checks on every item key (and every key condition of a Query).
  const partitions = access.tablePartitions;
  const conditions = partitions ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...partitions] } } : undefined;
  const indexArns = partitions ? [] : targets.indexNames.map((name) => `${table.tableArn}/index/${name}`);
  if (access.tableRead) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: [...TABLE_READ_ACTIONS],
      resources: [table.tableArn, ...indexArns],
      conditions,
    }));
  }
  if (access.tableWrite) {
    const writeConditions = conditions ?? (access.writePartitions ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...access.writePartitions] } } : undefined);
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: [...TABLE_WRITE_ACTIONS],
      resources: [table.tableArn],
      conditions: writeConditions,
    }));
  }
}
