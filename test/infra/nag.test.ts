import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#infra/stack.ts';

// One full synthesis exactly as `npm run synth` runs it (cdk-nag and CDK's built-in CloudFormation
// rules), bundling aside; the validation reports it writes must be empty.
let outdir: string;
let built: ReturnType<typeof createApp>;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotedesk-synth-'));
  built = createApp({ context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validationReportJson': true }, outdir });
  built.app.synth();
}, 240_000); // CDK's CloudFormation rules run in WebAssembly: the slowest synth of the suite

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** Every acknowledgement recorded in the construct tree, with the construct it was made on. */
function acknowledgements(root: IConstruct): Array<{ path: string; id: string; reason: string }> {
  const found: Array<{ path: string; id: string; reason: string }> = [];
  const visit = (node: IConstruct) => {
    for (const entry of node.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: node.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
    node.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

describe('cdk-nag AWS Solutions checks', () => {
  it('synthesises with no unacknowledged finding from cdk-nag or the CloudFormation rules', () => {
    expect(built.nag.validateScope(built.app).violations).toEqual([]);
    for (const report of ['validation-report.json', 'policy-validation-report.json']) {
      const file = path.join(outdir, report);
      expect(fs.existsSync(file), report).toBe(true);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).pluginReports, report).toEqual([]);
    }
    expect(fs.existsSync(path.join(outdir, 'Quotedesk.template.json'))).toBe(true);
  });

  it('acknowledges each finding on the construct that causes it, with a real reason', () => {
    const acks = acknowledgements(built.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      // On a named construct inside the stack, never the app or the whole stack.
      expect(ack.path.split('/').length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(2);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
    const ids = acks.map((a) => `${a.path} ${a.id}`);
    expect(ids).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Quotedesk\/Storage\/AccessLogs AwsSolutions-S1$/),
      expect.stringMatching(/^Quotedesk\/Ingest\/DeadLetters AwsSolutions-SQS3$/),
      expect.stringMatching(/^Quotedesk\/Api\/HttpApi\/GET--health AwsSolutions-APIG4$/),
      expect.stringMatching(/^Quotedesk\/Api\/HttpApi\/GET-- AwsSolutions-APIG4$/),
      expect.stringMatching(/^Quotedesk\/ProcessFunction\/Role AwsSolutions-IAM5\[Resource::<StorageDocuments\w+\.Arn>\/raw\/\*\]$/),
    ]));
    // Prefix wildcards only: no acknowledgement of a bare * resource or a wildcard action.
    expect(acks.filter((a) => a.id.includes('IAM5')).every((a) => /\/(raw|results|raw\/\.redrive|raw\/crawl)\/\*\]$/.test(a.id))).toBe(true);
  });

  it('does catch a violation (the checks are live, not a no-op)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Probe');
    new s3.Bucket(stack, 'Unprotected', { enforceSSL: false });
    const findings = new AwsSolutionsChecks(app).validateScope(app).violations.map((v) => v.ruleName);
    expect(findings).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});
