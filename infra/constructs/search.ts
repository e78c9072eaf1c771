import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export interface SearchDatabaseProps {
  dev: boolean;
  /** Aurora capacity units at most (each ACU is about 2 GB of memory). */
  maxCapacity?: number;
  logRetention: logs.RetentionDays;
}

/** The database every function reaches it by: the schema's name (shared/search/schema.ts creates the tables). */
export const SEARCH_DATABASE_NAME = 'quotedesk';

/**
 * The search projection's database: Aurora Serverless v2 PostgreSQL that pauses at 0 ACU when idle
 * (no always-on floor but storage), reached only through the RDS Data API over HTTPS, so the
 * functions need no VPC and there is no NAT gateway. The cluster sits in isolated subnets with no
 * route out and no inbound rule: nothing reaches it over the network. Storage is encrypted, backups
 * are kept 7 days, deletion is protected (outside dev stacks) and the master credentials are a
 * generated Secrets Manager secret that only the Data API reads, on the caller's behalf.
 */
export class SearchDatabase extends Construct {
  readonly cluster: rds.DatabaseCluster;
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: SearchDatabaseProps) {
    super(scope, id);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const flowLogs = new logs.LogGroup(this, 'FlowLogs', { retention: props.logRetention, removalPolicy });
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      flowLogs: { rejected: { trafficType: ec2.FlowLogTrafficType.REJECT, destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) } },
    });
    const securityGroup = new ec2.SecurityGroup(this, 'ClusterSecurityGroup', {
      vpc: this.vpc,
      description: 'quotedesk search database: no inbound rule (reached through the Data API only)',
      allowAllOutbound: false,
    });
    // The cluster's log group is declared here, with its retention, rather than through the CDK's
    // log-retention custom resource (a Lambda of its own with a managed policy and a wildcard).
    const clusterIdentifier = `${Stack.of(this).stackName}-search`.toLowerCase();
    const logGroup = new logs.LogGroup(this, 'PostgresLogs', {
      logGroupName: `/aws/rds/cluster/${clusterIdentifier}/postgresql`,
      retention: props.logRetention,
      removalPolicy,
    });
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      clusterIdentifier,
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_6 }),
      writer: rds.ClusterInstance.serverlessV2('Writer', { publiclyAccessible: false, autoMinorVersionUpgrade: true }),
      serverlessV2MinCapacity: 0,
      serverlessV2MaxCapacity: props.maxCapacity ?? 4,
      serverlessV2AutoPauseDuration: Duration.minutes(10),
      vpc: this.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [securityGroup],
      enableDataApi: true,
      iamAuthentication: true,
      storageEncrypted: true,
      deletionProtection: !props.dev,
      backup: { retention: Duration.days(7) },
      credentials: rds.Credentials.fromGeneratedSecret('quotedesk_admin'),
      defaultDatabaseName: SEARCH_DATABASE_NAME,
      cloudwatchLogsExports: ['postgresql'],
      removalPolicy: props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.SNAPSHOT,
    });
    Validations.of(this.cluster).acknowledge(
      {
        id: 'AwsSolutions-RDS11',
        reason: 'The port is never reachable: the cluster has no inbound security-group rule and sits in isolated subnets; every caller goes through the Data API, so a non-default port would hide nothing.',
      },
      {
        id: 'AwsSolutions-SMG4',
        reason: 'The master secret is used only by the Data API on behalf of IAM-authorised callers; rotation needs a rotation Lambda with network access to the cluster (a VPC endpoint or NAT), which this design avoids. Rotate by hand with `aws secretsmanager rotate-secret` after adding one.',
      },
    );
    this.cluster.node.addDependency(logGroup);
    if (props.dev) {
      Validations.of(this.cluster).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason: 'Dev stacks (-c dev=true) are meant to be destroyed with their data; every other stack has deletion protection on.',
      });
    }
    Validations.of(this.vpc).acknowledge({
      id: 'AwsSolutions-VPC7',
      reason: 'Flow logs are on for rejected traffic (the only traffic there can be: nothing is allowed in or out).',
    });
  }
}
