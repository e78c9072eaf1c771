/** API Gateway HTTP API → the quotedesk Hono app. The app and its dependencies are built once per container. */
import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/api/app.ts';
import { depsFromEnv } from '../shared/api/runtime.ts';

export const handler = handle(createApp(depsFromEnv()));
