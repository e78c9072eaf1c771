#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx quotedesk` works on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
const { main, endQuietlyOnClosedPipe } = await import('../cli/main.ts');
endQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
