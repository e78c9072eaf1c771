/**
 * CDK entry point (`cdk.json` runs it through tsx): `npm run synth`, `npx cdk deploy`.
 * Synthesis needs no AWS credentials: the stack is environment-agnostic and does no lookups.
 */
import { createApp } from './stack.ts';

createApp().app.synth();
