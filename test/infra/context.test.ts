import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '#infra/constructs/config.ts';
import { resourcesOf, synthStack } from './synth.ts';

// A dev deployment with every context setting changed, synthesised once (cdk-nag included).
let template: Template;
let built: ReturnType<typeof synthStack>;

beforeAll(() => {
  built = synthStack({
    dev: 'true',
    crawlRateMinutes: '5',
    processConcurrency: '4',
    crawlConcurrency: '0',
    mfa: 'optional',
    alarmEmail: 'ops@example.com',
    logRetentionDays: '7',
    stackName: 'QuotedeskDev',
  });
  template = built.template;
});

describe('dev context flag', () => {
  it('lets cdk destroy remove data only when dev=true', () => {
    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::Logs::LogGroup', 'AWS::Cognito::UserPool']) {
      for (const [id, resource] of Object.entries(resourcesOf(template, type))) {
        expect(resource.DeletionPolicy, `${type} ${id}`).toBe('Delete');
      }
    }
    const table = Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'))[0].Properties!;
    expect(table.DeletionProtectionEnabled).toBe(false);
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    // Buckets are emptied by the CDK's auto-delete custom resource before deletion.
    expect(Object.keys(template.findResources('Custom::S3AutoDeleteObjects'))).toHaveLength(2);
  });

  it('still passes cdk-nag with every setting changed', () => {
    expect(built.nag.validateScope(built.app).violations).toEqual([]);
  });
});

describe('context settings', () => {
  it('sets the crawl rate, concurrency, MFA mode, alarm e-mail and log retention from context', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
    const functions = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'));
    const byPrefix = (prefix: string) => functions.find(([id]) => id.startsWith(prefix))![1].Properties!;
    expect(byPrefix('ProcessFunction').ReservedConcurrentExecutions).toBe(4);
    expect(byPrefix('CrawlFunction').ReservedConcurrentExecutions).toBeUndefined();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 4 } });
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    for (const group of Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties!.RetentionInDays).toBe(7);
    }
  });

  it('deploys under another CloudFormation stack name when asked, so a dev copy can live beside production', () => {
    expect(built.stack.stackName).toBe('QuotedeskDev');
    expect(() => synthStack({ stackName: 'not a name' })).toThrow(/stackName must be a CloudFormation stack name/);
  });

  it('refuses invalid context values with a clear message', () => {
    const config = (context: Record<string, unknown>) => readConfig(new App({ context }).node);
    expect(config({}).crawlRateMinutes).toBe(30);
    expect(() => config({ crawlRateMinutes: '0' })).toThrow(/crawlRateMinutes must be an integer >= 1/);
    expect(() => config({ crawlRateMinutes: 'often' })).toThrow(/crawlRateMinutes/);
    expect(() => config({ dev: 'yes' })).toThrow(/true or false/);
    expect(() => config({ mfa: 'off' })).toThrow(/mfa must be/);
    expect(() => config({ alarmEmail: 'not-an-address' })).toThrow(/alarmEmail/);
    expect(() => config({ logRetentionDays: '10' })).toThrow(/logRetentionDays/);
  });
});
