import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '#infra/constructs/access.ts';
import { ENV, FUNCTIONS, type FunctionSpec } from '#infra/wiring.ts';
import { RAW_PREFIX } from '#shared/pipeline/s3-keys.ts';
import { BUFFERED_EXPORT_BYTES } from '#shared/limits.ts';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';
import { PUBLIC_PATHS } from '#shared/api/routes/page.ts';
import { PUBLIC_ROUTES } from '#infra/constructs/api.ts';
import { logicalId, resourcesOf, synthStack } from './synth.ts';
import { EXPORT_CONCURRENCY } from '#infra/stack.ts';

let template: Template;
let ids: {
  bucket: string; logBucket: string; table: string; queue: string; dlq: string; topic: string; authorizer: string; api: string;
  functions: Record<FunctionSpec['name'], { fn: string; role: string; logs: string }>;
};

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

beforeAll(() => {
  ({ template } = synthStack());
  const fnIds = (name: string) => ({
    fn: logicalId(template, 'AWS::Lambda::Function', `${capitalised(name)}Function`),
    role: logicalId(template, 'AWS::IAM::Role', `${capitalised(name)}FunctionRole`),
    logs: logicalId(template, 'AWS::Logs::LogGroup', `${capitalised(name)}FunctionLogs`),
  });
  ids = {
    bucket: logicalId(template, 'AWS::S3::Bucket', 'StorageDocuments'),
    logBucket: logicalId(template, 'AWS::S3::Bucket', 'StorageAccessLogs'),
    table: logicalId(template, 'AWS::DynamoDB::Table', 'StorageIndex'),
    queue: logicalId(template, 'AWS::SQS::Queue', 'IngestQueue'),
    dlq: logicalId(template, 'AWS::SQS::Queue', 'IngestDeadLetters'),
    topic: logicalId(template, 'AWS::SNS::Topic', 'MonitoringAlarms'),
    authorizer: logicalId(template, 'AWS::ApiGatewayV2::Authorizer', 'ApiHttpApiCognitoAuthorizer'),
    api: logicalId(template, 'AWS::ApiGatewayV2::Api', 'ApiHttpApi'),
    functions: Object.fromEntries(FUNCTIONS.map((f) => [f.name, fnIds(f.name)])) as typeof ids.functions,
  };
});

/** Renders CloudFormation intrinsics to readable strings: {"Fn::GetAtt":["X","Arn"]} → "<X.Arn>". */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}>`;
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}

/** Every (action, resource) pair a role is allowed, over all policies attached to it. */
function permissionsOf(roleId: string): Set<string> {
  const pairs = new Set<string>();
  for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const roles = (policy.Properties!.Roles as unknown[]).map(render);
    if (!roles.includes(`<${roleId}>`)) continue;
    for (const statement of policy.Properties!.PolicyDocument.Statement) {
      expect(statement.Effect).toBe('Allow');
      const actions = [statement.Action].flat() as string[];
      const resources = [statement.Resource].flat().map(render);
      const condition = statement.Condition ? ` if ${JSON.stringify(statement.Condition)}` : '';
      for (const action of actions) for (const resource of resources) pairs.add(`${action} ${resource}${condition}`);
    }
  }
  return pairs;
}

describe('document storage', () => {
  it('encrypts, blocks public access, versions and logs the document bucket', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: ids.logBucket }, LogFilePrefix: 'documents/' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({
            Status: 'Enabled',
            NoncurrentVersionExpiration: Match.objectLike({ NoncurrentDays: 30 }),
          })]),
        },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    const buckets = resourcesOf(template, 'AWS::S3::Bucket');
    expect(buckets[ids.bucket].Properties!.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('encrypts and blocks public access on the access-log bucket too, and keeps it', () => {
    const logBucket = resourcesOf(template, 'AWS::S3::Bucket')[ids.logBucket];
    expect(logBucket.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(logBucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true,
    });
    expect(logBucket.DeletionPolicy).toBe('Retain');
  });

  it('denies every request to either bucket that does not use TLS 1.2 or newer', () => {
    for (const bucket of [ids.bucket, ids.logBucket]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
          ]),
        },
      });
    }
  });

  it('declares the table from the shared definition: on demand, PITR, deletion protection, GSIs, TTL, retained', () => {
    const table = resourcesOf(template, 'AWS::DynamoDB::Table')[ids.table];
    expect(table.DeletionPolicy).toBe('Retain');
    const p = table.Properties!;
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_DEFINITION.ttlAttribute, Enabled: true });
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
    ]);
    expect(p.GlobalSecondaryIndexes).toEqual(TABLE_DEFINITION.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
      Projection: { ProjectionType: index.projection, ...(index.include ? { NonKeyAttributes: index.include } : {}) },
    })));
  });
});

describe('search database (Aurora Serverless v2 PostgreSQL)', () => {
  it('pauses at 0 ACU, encrypts storage, keeps backups, protects deletion and opens the Data API', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EngineVersion: Match.stringLikeRegexp('^16\\.'),
      ServerlessV2ScalingConfiguration: { MinCapacity: 0, MaxCapacity: 4, SecondsUntilAutoPause: 600 },
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 7,
      EnableHttpEndpoint: true,
      EnableIAMDatabaseAuthentication: true,
      DatabaseName: 'quotedesk',
      EnableCloudwatchLogsExports: ['postgresql'],
    });
    const [cluster] = Object.values(template.findResources('AWS::RDS::DBCluster')) as Array<{ DeletionPolicy: string }>;
    expect(cluster.DeletionPolicy).toBe('Snapshot');
    template.hasResourceProperties('AWS::RDS::DBInstance', { PubliclyAccessible: false, DBInstanceClass: 'db.serverless' });
  });

  it('keeps the credentials in a generated secret, never in the template', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: JSON.stringify({ username: 'quotedesk_admin' }), GenerateStringKey: 'password' }),
    });
    const cluster = Object.values(template.findResources('AWS::RDS::DBCluster'))[0] as { Properties: Record<string, unknown> };
    expect(JSON.stringify(cluster.Properties.MasterUserPassword)).toContain('resolve:secretsmanager');
  });

  it('has no way in over the network: isolated subnets, no NAT, no inbound rule, no outbound rule', () => {
    expect(Object.keys(template.findResources('AWS::EC2::NatGateway'))).toEqual([]);
    expect(Object.keys(template.findResources('AWS::EC2::InternetGateway'))).toEqual([]);
    const groups = Object.values(template.findResources('AWS::EC2::SecurityGroup')) as Array<{ Properties: { SecurityGroupIngress?: unknown[]; SecurityGroupEgress?: Array<{ CidrIp?: string }> } }>;
    for (const group of groups) {
      expect(group.Properties.SecurityGroupIngress ?? []).toEqual([]);
      // CDK writes a deny-all placeholder rule (255.255.255.255/32) when outbound traffic is off.
      expect((group.Properties.SecurityGroupEgress ?? []).map((rule) => rule.CidrIp)).toEqual(['255.255.255.255/32']);
    }
    expect(Object.keys(template.findResources('AWS::EC2::SecurityGroupIngress'))).toEqual([]);
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'REJECT' });
  });

  it('tells process, api and export where it is (ARNs only), and no other function', () => {
    for (const spec of FUNCTIONS) {
      const variables = (Object.values(template.findResources('AWS::Lambda::Function')) as Array<{ Properties: { Environment?: { Variables?: Record<string, unknown> }; Handler?: string } }>)
        .find((fn) => JSON.stringify(fn).includes(ids.functions[spec.name].role))?.Properties.Environment?.Variables ?? {};
      expect(ENV.searchClusterArn in variables, spec.name).toBe(Boolean(spec.access.searchDatabase));
      expect(ENV.searchSecretArn in variables, spec.name).toBe(Boolean(spec.access.searchDatabase));
    }
    expect(FUNCTIONS.filter((f) => f.access.searchDatabase).map((f) => f.name)).toEqual(['process', 'api', 'export', 'sweep']);
  });
});

describe('functions', () => {
  it('declares one function per wiring entry with the house runtime, architecture, sizes and settings', () => {
    expect(Object.keys(resourcesOf(template, 'AWS::Lambda::Function')).filter((id) => /^(Process|Api|Export|Crawl|Sweep)Function/.test(id)))
      .toHaveLength(FUNCTIONS.length);
    for (const spec of FUNCTIONS) {
      const { fn, logs, role } = ids.functions[spec.name];
      const props = resourcesOf(template, 'AWS::Lambda::Function')[fn].Properties!;
      expect(props.Runtime).toBe('nodejs24.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.MemorySize).toBe(spec.memoryMb);
      expect(props.Timeout).toBe(spec.timeoutSeconds);
      expect(props.Handler).toBe('index.handler');
      expect(props.Role).toEqual({ 'Fn::GetAtt': [role, 'Arn'] });
      expect(props.LoggingConfig).toEqual({ LogGroup: { Ref: logs } });
      expect(props.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'quotedesk',
        POWERTOOLS_METRICS_NAMESPACE: 'quotedesk',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        [ENV.bucket]: { Ref: ids.bucket },
        [ENV.table]: { Ref: ids.table },
      });
    }
  });

  it('runs the API behind the JWT authorizer with a generated cursor secret that never appears in the template', () => {
    const api = resourcesOf(template, 'AWS::Lambda::Function')[ids.functions.api.fn].Properties!.Environment.Variables;
    expect(api[ENV.auth]).toBe('jwt-claims');
    const secret = logicalId(template, 'AWS::SecretsManager::Secret', 'CursorSecret');
    // Only the ARN: the value is read at cold start, never placed in the function's configuration.
    expect(api[ENV.cursorSecret]).toBeUndefined();
    expect(api[ENV.cursorSecretArn]).toEqual({ Ref: secret });
    expect(permissionsOf(ids.functions.api.role).has(`secretsmanager:GetSecretValue <${secret}>`)).toBe(true);
    template.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 48 }) });
    for (const other of FUNCTIONS.filter((f) => f.trigger.kind !== 'http')) {
      const env = resourcesOf(template, 'AWS::Lambda::Function')[ids.functions[other.name].fn].Properties!.Environment.Variables;
      expect(env[ENV.cursorSecret]).toBeUndefined();
      expect(env[ENV.cursorSecretArn]).toBeUndefined();
      expect(env[ENV.auth], other.name).toBe(other.trigger.kind === 'stream-url' ? 'jwt-verify' : undefined);
    }
  });

  it('streams GET /export from the export function\'s URL, which verifies the API\'s own Cognito tokens and writes nothing', () => {
    const exportFn = ids.functions.export;
    template.hasResourceProperties('AWS::Lambda::Url', {
      TargetFunctionArn: { 'Fn::GetAtt': [exportFn.fn, 'Arn'] },
      InvokeMode: 'RESPONSE_STREAM',
      AuthType: 'NONE',
    });
    expect(Object.keys(template.findResources('AWS::Lambda::Url'))).toHaveLength(1);
    // Public invocation through the URL only (not a direct Invoke by anyone).
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true, FunctionName: { 'Fn::GetAtt': [exportFn.fn, 'Arn'] } });
    const env = resourcesOf(template, 'AWS::Lambda::Function')[exportFn.fn].Properties!.Environment.Variables;
    const pool = logicalId(template, 'AWS::Cognito::UserPool', 'ApiUsers');
    const client = logicalId(template, 'AWS::Cognito::UserPoolClient', 'ApiUsersClient');
    expect(env[ENV.userPoolId]).toEqual({ Ref: pool });
    expect(env[ENV.userPoolClientId]).toEqual({ Ref: client });
    const fn = resourcesOf(template, 'AWS::Lambda::Function')[exportFn.fn].Properties!;
    expect(fn.ReservedConcurrentExecutions).toBe(EXPORT_CONCURRENCY);
    // The API's buffered 413 names the streamed URL.
    const api = resourcesOf(template, 'AWS::Lambda::Function')[ids.functions.api.fn].Properties!.Environment.Variables;
    expect(JSON.stringify(api[ENV.streamedExportUrl])).toContain('FunctionUrl');
    // Reads only: no S3 object, no index write, nothing but its logs, the table's reads and the search database.
    const permissions = [...permissionsOf(exportFn.role)];
    expect(permissions.filter((p) => /^s3:/.test(p))).toEqual([]);
    expect(permissions.filter((p) => TABLE_WRITE_ACTIONS.some((a) => p.startsWith(`${a} `)))).toEqual([]);
    expect(permissions.some((p) => p.startsWith('rds-data:ExecuteStatement '))).toBe(true);
  });

  it('tells the API function its answers are buffered, so GET /export refuses past the bound rather than fail mid-way', () => {
    const api = resourcesOf(template, 'AWS::Lambda::Function')[ids.functions.api.fn].Properties!.Environment.Variables;
    expect(api[ENV.bufferedExportBytes]).toBe(String(BUFFERED_EXPORT_BYTES));
    // 4.5 MB base64-encoded is 6 MB: Lambda's buffered response payload.
    expect(Math.ceil(BUFFERED_EXPORT_BYTES / 3) * 4).toBeLessThanOrEqual(6 * 1024 * 1024 - 64 * 1024);
  });

  it('lets the page PUT presigned uploads to the bucket: CORS for the API origin only, and the CSP told that bucket origin', () => {
    const cors = resourcesOf(template, 'AWS::S3::Bucket')[ids.bucket].Properties!.CorsConfiguration.CorsRules;
    expect(cors).toHaveLength(1);
    expect(cors[0].AllowedMethods).toEqual(['PUT']);
    expect(cors[0].AllowedHeaders).toEqual(['content-type', 'x-amz-meta-*']);
    expect(cors[0].AllowedOrigins.map(render)).toEqual([`<${ids.api}.ApiEndpoint>`]);
    const api = resourcesOf(template, 'AWS::Lambda::Function')[ids.functions.api.fn].Properties!.Environment.Variables;
    expect(render(api[ENV.uploadOrigin])).toBe(`https://<${ids.bucket}.RegionalDomainName>`);
    for (const other of FUNCTIONS.filter((f) => f.trigger.kind !== 'http')) {
      expect(resourcesOf(template, 'AWS::Lambda::Function')[ids.functions[other.name].fn].Properties!.Environment.Variables[ENV.uploadOrigin]).toBeUndefined();
    }
  });

  it('gives every function an explicit log group with retention', () => {
    for (const spec of FUNCTIONS) {
      const group = resourcesOf(template, 'AWS::Logs::LogGroup')[ids.functions[spec.name].logs];
      expect(group.Properties!.RetentionInDays).toBe(30);
    }
  });

  it('reserves concurrency for process (protects DynamoDB) and crawl (one crawl at a time), not for the API', () => {
    const fns = resourcesOf(template, 'AWS::Lambda::Function');
    expect(fns[ids.functions.process.fn].Properties!.ReservedConcurrentExecutions).toBe(10);
    expect(fns[ids.functions.crawl.fn].Properties!.ReservedConcurrentExecutions).toBe(1);
    expect(fns[ids.functions.api.fn].Properties!.ReservedConcurrentExecutions).toBeUndefined();
  });
});

describe('ingest wiring: S3 → SQS → process', () => {
  it('sends object-created events under the raw prefix, and only those, to the ingest queue', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: ids.bucket },
      NotificationConfiguration: {
        QueueConfigurations: [{
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: RAW_PREFIX }] } },
          QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
        }],
      },
    });
  });

  it('encrypts both queues, redrives to the dead-letter queue, and sizes visibility to the function timeout', () => {
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const processSpec = FUNCTIONS.find((f) => f.name === 'process')!;
    expect(queues[ids.queue].Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      VisibilityTimeout: processSpec.timeoutSeconds * 6,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] }, maxReceiveCount: 5 },
    });
    expect(queues[ids.dlq].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(queues[ids.dlq].Properties!.RedrivePolicy).toBeUndefined();
  });

  it('denies non-TLS access to both queues and lets only the document bucket send to the ingest queue', () => {
    for (const queue of [ids.queue, ids.dlq]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Effect: 'Deny', Action: 'sqs:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          })]),
        },
      });
    }
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: ids.queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: Match.arrayWith(['sqs:SendMessage']),
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [ids.bucket, 'Arn'] } } },
        })]),
      },
    });
  });

  it('drives the process function from the queue with partial batch failures, capped at its reserved concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
      FunctionName: { Ref: ids.functions.process.fn },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
  });
});

describe('HTTP API', () => {
  it('puts the Cognito JWT authorizer on every route but GET /health and the page shell the app serves without a token', () => {
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!);
    const open = [...PUBLIC_ROUTES];
    expect(open).toEqual(PUBLIC_PATHS.map((path) => `GET ${path}`));
    expect(open).toContain('GET /health');
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(['ANY /{proxy+}', ...open].sort());
    for (const route of routes) {
      if (open.includes(route.RouteKey)) {
        expect(route.AuthorizationType, route.RouteKey).toBe('NONE');
        expect(route.AuthorizerId, route.RouteKey).toBeUndefined();
      } else {
        expect(route.AuthorizationType, route.RouteKey).toBe('JWT');
        expect(route.AuthorizerId, route.RouteKey).toEqual({ Ref: ids.authorizer });
      }
    }
    // Only the static shell: no data path (documents, quotes, speakers, flags, feeds, uploads) is public.
    for (const path of PUBLIC_PATHS) expect(path).toMatch(/^\/(health|favicon\.ico|assets\/(app|uplot)\.(js|css))?$/);
  });

  it('verifies tokens issued by the stack\'s user pool for its app client', () => {
    const pool = logicalId(template, 'AWS::Cognito::UserPool', 'ApiUsers');
    const client = logicalId(template, 'AWS::Cognito::UserPoolClient', 'ApiUsersClient');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool }]] },
      },
    });
  });

  it('has a user pool without self sign-up, with MFA required, and the reader and writer groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true }) },
      DeletionProtection: 'ACTIVE',
    });
    const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties!.GroupName).sort();
    expect(groups).toEqual(['reader', 'writer']);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { GenerateSecret: false });
  });

  it('logs access as JSON and throttles the stage', () => {
    const accessLogs = logicalId(template, 'AWS::Logs::LogGroup', 'ApiAccessLogs');
    const stage = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'))[0].Properties!;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [accessLogs, 'Arn'] });
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' });
    expect(stage.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
  });
});

describe('crawl schedule', () => {
  it('runs the crawl function at the wiring list\'s default rate', () => {
    const crawl = FUNCTIONS.find((f) => f.name === 'crawl')!;
    const minutes = crawl.trigger.kind === 'schedule' ? crawl.trigger.defaultRateMinutes : NaN;
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: `rate(${minutes} minutes)`,
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [ids.functions.crawl.fn, 'Arn'] }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }) })],
    });
  });
});

describe('least privilege', () => {
  const s3Arn = () => `<${ids.bucket}.Arn>`;
  const tableArn = () => `<${ids.table}.Arn>`;

  function expectedPermissions(spec: FunctionSpec): string[] {
    const { role, logs } = ids.functions[spec.name];
    void role;
    const pairs = [`logs:CreateLogStream <${logs}.Arn>`, `logs:PutLogEvents <${logs}.Arn>`];
    for (const prefix of spec.access.readPrefixes) pairs.push(`s3:GetObject ${s3Arn()}/${prefix}*`);
    for (const prefix of spec.access.writePrefixes) pairs.push(`s3:PutObject ${s3Arn()}/${prefix}*`);
    const partitions = spec.access.tablePartitions;
    const condition = partitions ? ` if ${JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions } })}` : '';
    if (spec.access.tableRead) {
      const indexes = partitions ? [] : TABLE_DEFINITION.globalSecondaryIndexes.map((index) => `${tableArn()}/index/${index.name}`);
      for (const action of TABLE_READ_ACTIONS) for (const resource of [tableArn(), ...indexes]) pairs.push(`${action} ${resource}${condition}`);
    }
    const writes = partitions ?? spec.access.writePartitions;
    const writeCondition = writes ? ` if ${JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': writes } })}` : '';
    if (spec.access.tableWrite) for (const action of TABLE_WRITE_ACTIONS) pairs.push(`${action} ${tableArn()}${writeCondition}`);
    // The API reads its cursor key from the generated secret at cold start.
    if (spec.trigger.kind === 'http') pairs.push(`secretsmanager:GetSecretValue <${logicalId(template, 'AWS::SecretsManager::Secret', 'CursorSecret')}>`);
    // The search projection: Data API statements on the search cluster only, and the secret it signs in with.
    if (spec.access.searchDatabase) {
      pairs.push(`rds-data:ExecuteStatement arn:<AWS::Partition>:rds:<AWS::Region>:<AWS::AccountId>:cluster:<${logicalId(template, 'AWS::RDS::DBCluster', 'SearchCluster')}>`);
      pairs.push(`secretsmanager:GetSecretValue <${logicalId(template, 'AWS::SecretsManager::SecretTargetAttachment', 'SearchClusterSecretAttachment')}>`);
    }
    if (spec.trigger.kind === 's3') {
      for (const action of ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']) {
        pairs.push(`${action} <${ids.queue}.Arn>`);
      }
    }
    return pairs.sort();
  }

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('grants %s exactly the actions and resources its wiring entry names', (_name, spec) => {
    expect([...permissionsOf(ids.functions[spec.name].role)].sort()).toEqual(expectedPermissions(spec));
  });

  it('keeps each function to its own prefixes: only process reads raw uploads, and it cannot overwrite them', () => {
    const process = permissionsOf(ids.functions.process.role);
    const api = permissionsOf(ids.functions.api.role);
    const crawl = permissionsOf(ids.functions.crawl.role);
    expect(process.has(`s3:GetObject ${s3Arn()}/raw/*`)).toBe(true);
    expect(process.has(`s3:PutObject ${s3Arn()}/raw/*`)).toBe(false);
    expect(api.has(`s3:GetObject ${s3Arn()}/raw/*`)).toBe(false);
    expect(api.has(`s3:PutObject ${s3Arn()}/raw/*`)).toBe(true);
    expect(crawl.has(`s3:PutObject ${s3Arn()}/raw/*`)).toBe(false);
    expect(crawl.has(`s3:PutObject ${s3Arn()}/raw/crawl/*`)).toBe(true);
    expect([...crawl].some((p) => p.startsWith('s3:GetObject'))).toBe(false);
  });

  it('lets only the API write reprocess requests under raw/.reprocess/', () => {
    for (const spec of FUNCTIONS) {
      const puts = [...permissionsOf(ids.functions[spec.name].role)].filter((p) => p.startsWith('s3:PutObject '));
      const covers = puts.some((p) => p === `s3:PutObject ${s3Arn()}/raw/*` || p === `s3:PutObject ${s3Arn()}/raw/.reprocess/*`);
      expect(covers, spec.name).toBe(spec.name === 'api');
    }
  });

  it('writes the index only under LeadingKeys conditions naming each role\'s partitions', () => {
    const expected: Record<string, string[]> = {
      process: ['DOC#*', 'PENDING#*', 'SPEAKER#*', 'SHARDS'],
      api: ['DOC#*', 'PENDING#*', 'SHARDS', 'DECISION', 'KEEPAPART', 'SPEAKER#*', 'FEEDS'],
      crawl: ['FEEDS', 'SEEN#*'],
      sweep: ['DOC#*', 'PENDING#*'],
    };
    for (const spec of FUNCTIONS.filter((f) => f.access.tableWrite)) {
      const writes = [...permissionsOf(ids.functions[spec.name].role)].filter((p) => TABLE_WRITE_ACTIONS.some((a) => p.startsWith(`${a} `)));
      expect(writes, spec.name).toHaveLength(TABLE_WRITE_ACTIONS.length);
      for (const permission of writes) expect(permission, spec.name).toContain(` if ${JSON.stringify({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': expected[spec.name] } })}`);
    }
  });

  it('runs the recovery sweeper on a schedule, reading the table itself (no GSI) and writing only re-drive requests', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [ids.functions.sweep.fn, 'Arn'] } })],
    });
    const sweep = [...permissionsOf(ids.functions.sweep.role)];
    expect(sweep.filter((p) => p.startsWith('s3:PutObject'))).toEqual([`s3:PutObject ${s3Arn()}/raw/.redrive/*`]);
    expect(sweep.some((p) => p.includes('/index/'))).toBe(false);
  });

  it('confines the crawler to the feed registry and its dedupe records: no index queries, no other partition', () => {
    const crawl = [...permissionsOf(ids.functions.crawl.role)].filter((p) => p.startsWith('dynamodb:'));
    expect(crawl.length).toBeGreaterThan(0);
    for (const permission of crawl) {
      expect(permission).not.toContain('/index/');
      expect(permission).toMatch(/ if \{"ForAllValues:StringLike":\{"dynamodb:LeadingKeys":\["FEEDS","SEEN#\*"\]\}\}$/);
    }
  });

  it('has no wildcard action and no bare * resource in any policy of the stack', () => {
    for (const [id, policy] of Object.entries(resourcesOf(template, 'AWS::IAM::Policy'))) {
      for (const statement of policy.Properties!.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat()) expect(action, id).not.toMatch(/\*/);
        for (const resource of [statement.Resource].flat().map(render)) expect(resource, id).not.toBe('*');
        expect([statement.Action].flat(), id).not.toContain('dynamodb:Scan');
      }
    }
  });

  it('attaches no AWS managed policy to the function roles', () => {
    for (const spec of FUNCTIONS) {
      const role = resourcesOf(template, 'AWS::IAM::Role')[ids.functions[spec.name].role].Properties!;
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(role.AssumeRolePolicyDocument.Statement).toEqual([
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
      ]);
    }
  });
});

describe('operations', () => {
  const alarms = () => Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);

  it('alarms when anything waits in the dead-letter queue', () => {
    const dlqAlarm = alarms().find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarm).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.dlq, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms on errors and throttles of every function', () => {
    for (const spec of FUNCTIONS) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms().find((a) => a.MetricName === metric && render(a.Dimensions?.[0]?.Value) === `<${ids.functions[spec.name].fn}>`);
        expect(found, `${metric} alarm of ${spec.name}`).toMatchObject({ Namespace: 'AWS/Lambda', Threshold: 1, Statistic: 'Sum' });
      }
    }
  });

  it('alarms on API 5xx', () => {
    expect(alarms().find((a) => a.MetricName === '5xx')).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: ids.api } }],
      Threshold: 1,
    });
  });

  it('sends every alarm, and its recovery, to the alarm topic, which requires TLS', () => {
    const all = alarms();
    expect(all).toHaveLength(2 + FUNCTIONS.length * 2);
    for (const alarm of all) {
      expect(alarm.AlarmActions).toEqual([{ Ref: ids.topic }]);
      expect(alarm.OKActions).toEqual([{ Ref: ids.topic }]);
    }
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('has a dashboard and the outputs a deployer needs', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const outputs = template.findOutputs('*');
    for (const name of ['ApiUrl', 'BucketName', 'TableName', 'UserPoolId', 'UserPoolClientId', 'AlarmTopicArn', 'DeadLetterQueueUrl']) {
      expect(outputs[name], name).toBeDefined();
    }
    expect(outputs.BucketName.Value).toEqual({ Ref: ids.bucket });
    expect(outputs.TableName.Value).toEqual({ Ref: ids.table });
  });
});
