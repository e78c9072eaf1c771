// One place for the environment every test shares: a region for the SDK, quiet logs.
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_SERVICE_NAME ??= 'quotedesk';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
