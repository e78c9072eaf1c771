// Builds the app the way `npm run synth` does, minus asset bundling (not needed to inspect the
// template), once per test file. The cdk-nag plugin is registered, so synthesis itself fails on
// any unacknowledged finding.
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '#infra/stack.ts';

// CDK's built-in CloudFormation rules (schema and lint, in WebAssembly) cost most of a synth:
// the nag test runs them once, the property tests skip them.
export function synthStack(context: Record<string, unknown> = {}) {
  const built = createApp({ context: { 'aws:cdk:bundling-stacks': [], ...context }, builtinCloudFormationValidation: false });
  const template = Template.fromStack(built.stack);
  return { ...built, template };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The logical id of the single resource of `type` whose id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`Expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}
