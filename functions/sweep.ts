/**
 * Sweep function: the recovery sweeper (shared/pipeline/sweeper.ts) on a schedule in AWS, on the local
 * stack's timer and once at every local start (with `assumeDead`: the previous process is gone).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { RecoverySweeper, type SweepReport } from '../shared/pipeline/sweeper.ts';
import { DocumentIntakeService } from '../shared/pipeline/intake.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';

const logger = new Logger({ serviceName: 'quotedesk-sweep' });

function numberFromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value >= 0 ? value : undefined;
}

export async function handler(event?: { assumeDead?: boolean }): Promise<SweepReport> {
  const documents = new S3DocumentStore();
  const index = new DynamoIndexStore();
  const intake = new DocumentIntakeService(documents, index);
  const sweeper = new RecoverySweeper({
    index,
    documents,
    redrive: (id, rawKey) => intake.redrive(id, rawKey),
    // Loaded on first use: only a run that died between its commit and its projection needs the search code.
    catchUp: async (doc) => {
      const [{ searchServices }, { catchUpProjection }] = await Promise.all([import('../shared/storage/search-database.ts'), import('../shared/search/rebuild.ts')]);
      const search = await searchServices();
      return search ? catchUpProjection(doc, documents, search.projection) : false;
    },
    log: (level, message, detail) => logger[level](message, detail ?? {}),
  });
  const seconds = numberFromEnv('QUOTEDESK_SWEEP_QUEUED_AFTER_SECONDS');
  const report = await sweeper.sweep({
    assumeDead: event?.assumeDead === true,
    queuedAfterMs: seconds === undefined ? undefined : seconds * 1000,
    maxRedrives: numberFromEnv('QUOTEDESK_SWEEP_MAX_REDRIVES'),
  });
  if (report.examined > 0) logger.info('sweep finished', { ...report });
  return report;
}
