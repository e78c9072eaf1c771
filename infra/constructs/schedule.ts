import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface CrawlScheduleProps {
  crawlFunction: lambda.IFunction;
  rateMinutes: number;
  description?: string;
}

/** EventBridge rule that runs a scheduled function (the crawler, the sweeper) every `rateMinutes` minutes. */
export class CrawlSchedule extends Construct {
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: CrawlScheduleProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'Rule', {
      description: props.description ?? `Crawl the registered news feeds every ${props.rateMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(props.rateMinutes)),
    });
    this.rule.addTarget(new targets.LambdaFunction(props.crawlFunction, {
      // A missed run is caught up by the next one: a crawl is idempotent (items are deduplicated).
      retryAttempts: 2,
      maxEventAge: Duration.minutes(Math.max(1, Math.min(props.rateMinutes, 60))),
    }));
  }
}
