import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnOutput, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { grantAccess } from './constructs/access.ts';
import { readConfig, type StackConfig } from './constructs/config.ts';
import { QuotedeskFunction } from './constructs/function.ts';
import { Ingest } from './constructs/ingest.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { CrawlSchedule } from './constructs/schedule.ts';
import { Storage } from './constructs/storage.ts';
import { SEARCH_DATABASE_NAME, SearchDatabase } from './constructs/search.ts';
import { ENV, FUNCTIONS, UPLOAD_CORS_HEADERS, type FunctionSpec } from './wiring.ts';
import { TABLE_DEFINITION } from '../shared/storage/table.ts';
import { BUFFERED_EXPORT_BYTES } from '../shared/limits.ts';

/** The repository root: wiring entries, the lock file and cdk.json are relative to it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STACK_NAME = 'Quotedesk';
/** Streamed exports that may run at once (each holds a function for up to its timeout). */
export const EXPORT_CONCURRENCY = 4;

/**
 * All of quotedesk in one stack: storage, the three functions from the wiring list and their
 * triggers, the authenticated HTTP API, and the alarms and dashboard that watch them.
 */
export class QuotedeskStack extends Stack {
  readonly config: StackConfig;
  readonly storage: Storage;
  readonly functions: Record<FunctionSpec['name'], QuotedeskFunction>;
  readonly ingest: Ingest;
  readonly api: Api;
  readonly schedule: CrawlSchedule;
  readonly sweepSchedule: CrawlSchedule;
  readonly monitoring: Monitoring;
  readonly cursorSecret: secretsmanager.Secret;
  readonly search: SearchDatabase;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: 'quotedesk: quotes, speakers, claims and name flags from news and press statements', ...props });
    const config = (this.config = readConfig(this.node));
    const removalPolicy = config.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.storage = new Storage(this, 'Storage', { dev: config.dev });
    const { bucket, table } = this.storage;
    const environment: Record<string, string> = {
      [ENV.bucket]: bucket.bucketName,
      [ENV.table]: table.tableName,
    };
    // Signs the API's pagination cursors. Generated once at deploy time; the API function gets only its
    // ARN and reads the value at cold start, so it is neither in the template nor in the function's configuration.
    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'quotedesk: HMAC key of the API pagination cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'The secret only signs pagination cursors (it guards no data); rotating it would just invalidate cursors in flight, so no rotation function is deployed for it.',
    });
    this.search = new SearchDatabase(this, 'Search', { dev: config.dev, logRetention: config.logRetentionDays as logs.RetentionDays });
    const searchEnvironment = {
      [ENV.searchClusterArn]: this.search.cluster.clusterArn,
      [ENV.searchSecretArn]: this.search.cluster.secret!.secretArn,
      [ENV.searchDatabase]: SEARCH_DATABASE_NAME,
    };
    const extraEnvironment = (spec: FunctionSpec): Record<string, string> => ({
      ...(spec.trigger.kind === 'http'
        ? {
          [ENV.auth]: 'jwt-claims',
          [ENV.cursorSecretArn]: this.cursorSecret.secretArn,
          [ENV.bufferedExportBytes]: String(BUFFERED_EXPORT_BYTES),
          // The page PUTs presigned uploads to the bucket's regional endpoint (the CSP's connect-src names it).
          [ENV.uploadOrigin]: `https://${bucket.bucketRegionalDomainName}`,
        }
        : {}),
      ...(spec.access.searchDatabase ? searchEnvironment : {}),
    });

    const reserved = (name: FunctionSpec['name']) => {
      const n = name === 'process' ? config.processConcurrency : name === 'crawl' ? config.crawlConcurrency : name === 'sweep' ? 1
        : name === 'export' ? EXPORT_CONCURRENCY : 0;
      return n > 0 ? n : undefined;
    };
    const created = {} as Record<FunctionSpec['name'], QuotedeskFunction>;
    for (const spec of FUNCTIONS) {
      const fn = new QuotedeskFunction(this, `${capitalise(spec.name)}Function`, {
        spec,
        projectRoot: PROJECT_ROOT,
        environment: { ...environment, ...extraEnvironment(spec) },
        logRetention: config.logRetentionDays as logs.RetentionDays,
        logRemovalPolicy: removalPolicy,
        reservedConcurrency: reserved(spec.name),
        metafile: config.metafile,
        bundleAwsSdk: config.bundleAwsSdk,
      });
      grantAccess(fn.role, spec.access, {
        bucket,
        table,
        indexNames: TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.name),
      });
      if (spec.trigger.kind === 'http') {
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.cursorSecret.secretArn] }));
      }
      // One Data API action on this cluster only (no transactions, no batches), and its secret, which the
      // Data API reads with the caller's permissions.
      if (spec.access.searchDatabase) {
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['rds-data:ExecuteStatement'], resources: [this.search.cluster.clusterArn] }));
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.search.cluster.secret!.secretArn] }));
      }
      created[spec.name] = fn;
    }
    this.functions = created;

    const byTrigger = <K extends FunctionSpec['trigger']['kind']>(kind: K) => {
      const spec = FUNCTIONS.find((f) => f.trigger.kind === kind);
      if (!spec) throw new Error(`The wiring list has no function with a ${kind} trigger`);
      return { spec: spec as FunctionSpec & { trigger: Extract<FunctionSpec['trigger'], { kind: K }> }, fn: this.functions[spec.name] };
    };

    const processing = byTrigger('s3');
    const processReserved = reserved(processing.spec.name);
    this.ingest = new Ingest(this, 'Ingest', {
      bucket,
      prefix: processing.spec.trigger.prefix,
      processFunction: processing.fn.function,
      processTimeout: processing.fn.function.timeout!,
      // The queue never drives more invocations than are reserved (else the surplus is throttled and retried).
      maxConcurrency: processReserved !== undefined && processReserved >= 2 ? processReserved : undefined,
    });

    this.api = new Api(this, 'Api', {
      apiFunction: byTrigger('http').fn.function,
      dev: config.dev,
      mfa: config.mfa,
      logRetention: config.logRetentionDays as logs.RetentionDays,
      rateLimit: config.apiRateLimit,
      burstLimit: config.apiBurstLimit,
    });

    // GET /export streamed (Lambda response streaming; API Gateway would buffer it). No IAM auth on the URL, since
    // browsers and the CLI hold Cognito tokens, not AWS credentials: the function verifies the token itself against
    // the same pool and client as API Gateway's authorizer, and its reserved concurrency bounds what callers can run.
    const exporting = byTrigger('stream-url').fn.function;
    const exportUrl = exporting.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE, invokeMode: lambda.InvokeMode.RESPONSE_STREAM });
    exporting.addEnvironment(ENV.auth, 'jwt-verify');
    exporting.addEnvironment(ENV.userPoolId, this.api.userPool.userPoolId);
    exporting.addEnvironment(ENV.userPoolClientId, this.api.userPoolClient.userPoolClientId);
    byTrigger('http').fn.function.addEnvironment(ENV.streamedExportUrl, `${exportUrl.url}export`);

    // The page (served by the API) PUTs presigned uploads to the bucket: its origin only, the signed headers only.
    bucket.addCorsRule({
      allowedOrigins: [this.api.httpApi.apiEndpoint],
      allowedMethods: [s3.HttpMethods.PUT],
      allowedHeaders: UPLOAD_CORS_HEADERS,
      maxAge: 600,
    });

    this.schedule = new CrawlSchedule(this, 'CrawlSchedule', {
      crawlFunction: this.functions.crawl.function,
      rateMinutes: config.crawlRateMinutes,
    });
    const sweep = FUNCTIONS.find((f) => f.name === 'sweep');
    this.sweepSchedule = new CrawlSchedule(this, 'SweepSchedule', {
      crawlFunction: this.functions.sweep.function,
      rateMinutes: sweep?.trigger.kind === 'schedule' ? sweep.trigger.defaultRateMinutes : 5,
      description: 'Re-drive or fail documents stuck in the pipeline (the recovery sweeper)',
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: FUNCTIONS.map((spec) => ({ name: spec.name, function: this.functions[spec.name].function })),
      queue: this.ingest.queue,
      deadLetterQueue: this.ingest.deadLetterQueue,
      httpApi: this.api.httpApi,
      table,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API (and the quote browser page at /)' });
    new CfnOutput(this, 'ExportUrl', { value: `${exportUrl.url}export`, description: 'GET /export streamed, with no size limit (the same Cognito token as the API)' });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName, description: `Document bucket: upload under ${processing.spec.trigger.prefix} to process` });
    new CfnOutput(this, 'TableName', { value: table.tableName, description: 'DynamoDB index table' });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId, description: 'Cognito user pool: create users here and add them to reader or writer' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.api.userPoolClient.userPoolClientId, description: 'Cognito app client for sign-in' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn, description: 'SNS topic the alarms publish to' });
    new CfnOutput(this, 'SearchClusterArn', { value: this.search.cluster.clusterArn, description: 'Aurora cluster of the search projection (RDS Data API; `quotedesk reindex` needs it)' });
    new CfnOutput(this, 'SearchSecretArn', { value: this.search.cluster.secret!.secretArn, description: 'Secret the Data API signs in to the search database with' });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: this.ingest.deadLetterQueue.queueUrl, description: 'Documents that failed processing five times' });

    acknowledgeCdkInternals(this);
  }
}

/**
 * Findings on resources the CDK creates for us (not our code), acknowledged where they arise.
 */
function acknowledgeCdkInternals(stack: Stack): void {
  // S3 → SQS notifications are configured by a CDK-provided singleton function (a custom resource):
  // its role is created by the CDK with the basic-execution managed policy, outside our control.
  const notificationsHandler = stack.node.children.find((child) => child.node.id.startsWith('BucketNotificationsHandler'));
  if (notificationsHandler) {
    Validations.of(notificationsHandler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'CDK-managed BucketNotificationsHandler (sets the S3 → SQS notification at deploy time); the CDK attaches this managed policy to its role and offers no way to replace it.',
    });
  }
}

function stackNameFrom(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(value)) {
    throw new Error(`Context stackName must be a CloudFormation stack name (letters, digits, hyphens), got ${JSON.stringify(value)}`);
  }
  return value;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The context cdk.json gives the CLI, so tests and scripts build the app with the same feature flags. */
export function cdkJsonContext(): Record<string, unknown> {
  const file = path.join(PROJECT_ROOT, 'cdk.json');
  if (!fs.existsSync(file)) return {};
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { context?: Record<string, unknown> }).context ?? {};
}

export interface CreateAppOptions {
  /** Extra context, e.g. `{ 'aws:cdk:bundling-stacks': [] }` to skip bundling in tests. */
  context?: Record<string, unknown>;
  outdir?: string;
  /** CDK's built-in CloudFormation schema and lint rules (default on, as in `npm run synth`). */
  builtinCloudFormationValidation?: boolean;
}

/**
 * The app as `npm run synth`, the tests and the bundle report build it: the stack, with the cdk-nag
 * AWS Solutions rules registered over the whole app (violations stop synthesis).
 */
export function createApp(options: CreateAppOptions = {}): { app: App; stack: QuotedeskStack; nag: AwsSolutionsChecks } {
  const app = new App({
    context: { ...cdkJsonContext(), ...options.context },
    outdir: options.outdir,
    builtinCloudFormationValidation: options.builtinCloudFormationValidation,
  });
  // `-c stackName=QuotedeskDev` deploys a second, independent copy (e.g. a dev stack) to the same account.
  const stack = new QuotedeskStack(app, STACK_NAME, { stackName: stackNameFrom(app.node.tryGetContext('stackName')) });
  const nag = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag };
}
