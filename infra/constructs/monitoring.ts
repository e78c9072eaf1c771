import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MonitoringProps {
  functions: ReadonlyArray<{ name: string; function: lambda.IFunction }>;
  queue: sqs.IQueue;
  deadLetterQueue: sqs.IQueue;
  httpApi: apigw.HttpApi;
  table: dynamodb.ITable;
  alarmEmail?: string;
}

/**
 * Alarms on what needs a person (dead letters, function errors and throttles, API 5xx), all
 * published to one SNS topic, and a dashboard of the pipeline end to end.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // Alarm notifications carry alarm names and states, no document data: TLS is enforced, and a
    // customer-managed KMS key (the only kind CloudWatch may publish through) is not worth its cost.
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'quotedesk alarms', enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.topic);

    const alarm = (alarmId: string, metric: cloudwatch.Metric, description: string, threshold = 1) => {
      const created = metric.createAlarm(this, alarmId, {
        alarmDescription: description,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms.push(created);
      return created;
    };

    const period = Duration.minutes(5);
    alarm('DeadLetters', props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'Documents failed processing five times and wait in the dead-letter queue: inspect, fix, then redrive them.');
    for (const { name, function: fn } of props.functions) {
      alarm(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `The ${name} function threw (invocation errors, not handled bad input).`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period, statistic: 'Sum' }), `The ${name} function was throttled: its reserved concurrency or the account limit is too low.`);
    }
    alarm('Api5xx', props.httpApi.metricServerError({ period, statistic: 'Sum' }), 'The HTTP API answered with 5xx errors.');

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    const perFunction = (title: string, metric: (fn: lambda.IFunction) => cloudwatch.Metric) =>
      new cloudwatch.GraphWidget({ title, width: 8, left: props.functions.map(({ name, function: fn }) => metric(fn).with({ label: name })) });
    this.dashboard.addWidgets(
      perFunction('Invocations', (fn) => fn.metricInvocations({ period })),
      perFunction('Errors', (fn) => fn.metricErrors({ period })),
      perFunction('Duration p95 (ms)', (fn) => fn.metricDuration({ period, statistic: 'p95' })),
    );
    this.dashboard.addWidgets(
      perFunction('Throttles', (fn) => fn.metricThrottles({ period })),
      new cloudwatch.GraphWidget({
        title: 'Ingest queue',
        width: 8,
        left: [
          props.queue.metricApproximateNumberOfMessagesVisible({ period, label: 'waiting' }),
          props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, label: 'dead letters' }),
        ],
        right: [props.queue.metricApproximateAgeOfOldestMessage({ period, label: 'oldest (s)' })],
      }),
      new cloudwatch.GraphWidget({
        title: 'HTTP API',
        width: 8,
        left: [
          props.httpApi.metricCount({ period, label: 'requests' }),
          props.httpApi.metricClientError({ period, label: '4xx' }),
          props.httpApi.metricServerError({ period, label: '5xx' }),
        ],
        right: [props.httpApi.metricLatency({ period, statistic: 'p95', label: 'latency p95 (ms)' })],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Index capacity (units)',
        width: 12,
        left: [
          props.table.metricConsumedReadCapacityUnits({ period, label: 'read' }),
          props.table.metricConsumedWriteCapacityUnits({ period, label: 'write' }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: 'Index throttled requests',
        width: 12,
        left: [props.table.metricThrottledRequestsForOperations({
          operations: [dynamodb.Operation.GET_ITEM, dynamodb.Operation.QUERY, dynamodb.Operation.PUT_ITEM,
            dynamodb.Operation.UPDATE_ITEM, dynamodb.Operation.DELETE_ITEM, dynamodb.Operation.BATCH_WRITE_ITEM],
          period,
          label: 'throttled',
        })],
      }),
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: this.alarms }),
    );
  }
}
