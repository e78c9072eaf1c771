import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionSpec } from '../wiring.ts';
import { bundledCode } from './bundle.ts';

/** The one Node.js runtime all functions use: the newest Lambda offers. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const FUNCTION_ARCHITECTURE = lambda.Architecture.ARM_64;

export interface QuotedeskFunctionProps {
  spec: FunctionSpec;
  /** Repository root: entries in the wiring list are relative to it. */
  projectRoot: string;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  /** Reserved concurrency; undefined = draw from the account's unreserved pool. */
  reservedConcurrency?: number;
  /** Write esbuild's metafile beside the bundle (bundle report only, never deployed by default). */
  metafile?: boolean;
  /** Bundle the AWS SDK instead of using the one in the Lambda runtime. */
  bundleAwsSdk?: boolean;
}

/**
 * A quotedesk Lambda function with the house defaults: esbuild on this machine (no Docker),
 * minified ESM with source maps and lazy chunks (bundle.ts), ARM64, the current Node.js runtime, an explicit log group with
 * retention, Powertools settings, and an execution role that starts with nothing but its own
 * log group (callers add exactly the grants the function needs).
 */
export class QuotedeskFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: QuotedeskFunctionProps) {
    super(scope, id);
    const { spec } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    // An own role instead of AWSLambdaBasicExecutionRole: that managed policy may create any log
    // group and write to all of them; this one writes to its own log group only.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `quotedesk ${spec.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new lambda.Function(this, 'Function', {
      code: bundledCode(this, {
        projectRoot: props.projectRoot,
        entry: spec.entry,
        target: FUNCTION_RUNTIME.name.replace('nodejs', 'node').replace('.x', ''),
        metafile: props.metafile,
        bundleAwsSdk: props.bundleAwsSdk,
      }),
      handler: 'index.handler',
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      description: `quotedesk ${spec.name} (${spec.entry})`,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'quotedesk',
        POWERTOOLS_METRICS_NAMESPACE: 'quotedesk',
        POWERTOOLS_METRICS_FUNCTION_NAME: spec.name,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
    });
  }
}
