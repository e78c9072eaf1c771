import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PUBLIC_PATHS } from '#shared/api/routes/page.ts';

/** Cognito groups the API reads from the `cognito:groups` claim of the verified token. */
export const API_GROUPS = { reader: 'reader', writer: 'writer' } as const;
/**
 * Routes API Gateway lets through without a token: exactly the paths the app itself serves without
 * one (the health check and the static shell of the quote browser, which holds no data and asks for
 * a token before its first data call). Every other request needs a valid JWT.
 */
export const PUBLIC_ROUTES: readonly string[] = PUBLIC_PATHS.map((path) => `GET ${path}`);

export interface ApiProps {
  apiFunction: lambda.IFunction;
  dev: boolean;
  mfa: 'required' | 'optional';
  logRetention: logs.RetentionDays;
  rateLimit: number;
  burstLimit: number;
}

/**
 * The HTTP API (API Gateway v2) in front of the API function, and the Cognito user pool whose
 * JWTs it verifies. Every route but the PUBLIC_ROUTES needs a valid token; which role a user has
 * (`reader`, `writer`) is decided by the app from the token's groups.
 */
export class Api extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly accessLogs: logs.LogGroup;
  readonly publicRoutes: apigw.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are created by an administrator and put in a group; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: props.mfa === 'required' ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: !props.dev,
      removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason: 'The Plus feature plan adds threat protection billed per active user; this pool holds a few staff accounts created by an administrator (no self sign-up) with MFA required by default, which the Essentials plan covers.',
    });
    if (props.mfa === 'optional') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'MFA was made optional on purpose with the mfa=optional context flag (demo deployments); the default deployment requires TOTP MFA.',
      });
    }
    for (const [role, groupName] of Object.entries(API_GROUPS)) {
      this.userPool.addGroup(`${role}Group`, {
        groupName,
        description: role === 'writer' ? 'Upload documents, manage feeds, confirm or reject name flags (and read)' : 'Query documents, quotes, speakers and flags',
      });
    }
    this.userPoolClient = this.userPool.addClient('Client', {
      // A public client (browser page, CLI): no secret to leak, SRP or password over TLS.
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
    });

    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'quotedesk query and upload API',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      disableExecuteApiEndpoint: false,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy,
    });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId',
          ip: '$context.identity.sourceIp',
          requestTime: '$context.requestTime',
          routeKey: '$context.routeKey',
          path: '$context.path',
          status: '$context.status',
          responseLength: '$context.responseLength',
          latencyMs: '$context.responseLatency',
          user: '$context.authorizer.claims.sub',
          authorizerError: '$context.authorizer.error',
          integrationError: '$context.integrationErrorMessage',
        })),
      },
    });

    const integration = new HttpLambdaIntegration('ApiIntegration', props.apiFunction, {
      payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
    });
    // Every API path, authorized by the default (JWT) authorizer.
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    for (const path of PUBLIC_PATHS) {
      const [route] = this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod.GET], integration, authorizer: new apigw.HttpNoneAuthorizer() });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: path === '/health'
          ? 'GET /health is public on purpose: uptime checks call it without credentials, and it answers only a liveness status, no data.'
          : `GET ${path} is part of the static shell of the quote browser: a browser cannot send a bearer token when it loads a page, the shell holds no data, and every data call it makes carries the token and is authorized.`,
      });
      this.publicRoutes.push(route);
    }
  }

  /** The stage's invoke URL (no custom domain). */
  get url(): string {
    return this.stage.url;
  }
}
