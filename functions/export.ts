/**
 * The streamed export: a Lambda function URL in response-streaming mode → GET /export of the quotedesk app, so an
 * export of any size leaves as it is encoded (API Gateway would buffer it, 6 MB at most). No authorizer runs in
 * front of a function URL, so the app verifies the caller's Cognito token itself, with the same pool and client
 * API Gateway checks for every other route.
 */
import { streamHandle } from 'hono/aws-lambda';
import { createExportApp } from '../shared/api/app.ts';
import { exportDepsFromEnv } from '../shared/api/runtime.ts';
import { cognitoPoolFromEnv, cognitoTokenVerifier } from '../shared/storage/cognito-tokens.ts';

const verify = cognitoTokenVerifier(cognitoPoolFromEnv());

export const handler = streamHandle(createExportApp(exportDepsFromEnv({ mode: 'jwt-verify', verify })));
