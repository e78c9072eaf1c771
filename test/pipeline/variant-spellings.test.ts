/**
 * One person across documents when an article spells the name another way: the real extractor and the process use
 * case against s3rver + dynalite. A distinctive surname written differently ("Saunders-Jandro") goes to the one corpus
 * person it is a spelling of, for review; a plain one ("Saunders" beside "Sanders") stays a speaker of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentPipeline } from '#shared/pipeline/process-document.ts';
import { decideMerge } from '#shared/pipeline/merge-decision.ts';
import { extract } from '#shared/extract/index.ts';
import { toDocumentText } from '#shared/text/formats.ts';
import { processInOrder } from './helpers.ts';

const ARTICLES: Record<string, string> = {
  'raw/pediatrician.txt': '“We asked for a seat at the table,” said Dr. Kristin Sanders-Gendreau, a pediatrician at the clinic.',
  'raw/senator.txt': '“The bill will pass this week,” said Senator Bernard Sanders.',
  'raw/variant.txt': '“The vote was not close,” said Saunders-Jandro.',
  'raw/variant-full.txt': '“Patients waited forty days,” said Kristin Saunders-Jandro, a pediatrician.',
  'raw/plain.txt': '“I disagree with the senator,” said Saunders.',
};

describe('a variant spelling across documents', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  let pipeline: DocumentPipeline;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    aws = await startLocalAws({ bucket: 'quotedesk-variants-test', table: 'quotedesk-variants-test' });
    index = new DynamoIndexStore();
    pipeline = new DocumentPipeline({ documents: new S3DocumentStore(), index, toText: toDocumentText, extract, extractorVersion: 'test' });
    // In order: the full names are known before the articles that spell them another way.
    Object.assign(ids, await processInOrder(pipeline, ARTICLES));
  });
  afterAll(async () => aws?.stop());

  const speakerOf = async (key: string) => (await index.quotesOfDocument(ids[key], {})).items[0];

  it('credits "Saunders-Jandro" and "Kristin Saunders-Jandro" to Kristin Sanders-Gendreau, under her full name', async () => {
    const kristin = await speakerOf('raw/pediatrician.txt');
    expect(kristin.speaker).toBe('Kristin Sanders-Gendreau');
    for (const key of ['raw/variant.txt', 'raw/variant-full.txt']) {
      expect(await speakerOf(key), key).toMatchObject({ speakerId: kristin.speakerId, speaker: 'Kristin Sanders-Gendreau' });
    }
    const quotes = await index.listQuotes({ speaker: 'Kristin Sanders-Gendreau', limit: 10 });
    expect(quotes.items.map((q) => q.documentId).sort()).toEqual([ids['raw/pediatrician.txt'], ids['raw/variant.txt'], ids['raw/variant-full.txt']].sort());
    expect((await index.listQuotes({ speaker: 'Saunders-Jandro', limit: 10 })).items.length).toBe(3);
  });

  it('puts each such merge up for review, with the name matcher’s evidence', async () => {
    const open = (await index.listMerges({ status: 'open' })).items;
    const merge = open.find((m) => m.documentId === ids['raw/variant.txt']);
    expect(merge).toMatchObject({ name: 'Saunders-Jandro', canonical: 'Kristin Sanders-Gendreau', confidence: 0.6 });
    expect(merge?.evidence[0]).toBe('spelling Saunders-Jandro');
    expect(merge?.evidence[1]).toMatch(/^a variant of Kristin Sanders-Gendreau \(.*saunders ~ sanders/);
  });

  it('keeps a plain surname that is merely similar ("Saunders" beside Bernard Sanders) a speaker of its own', async () => {
    const senator = await speakerOf('raw/senator.txt');
    const plain = await speakerOf('raw/plain.txt');
    expect(plain.speaker).toBe('Saunders');
    expect(plain.speakerId).not.toBe(senator.speakerId);
    expect((await index.listMerges({ status: 'open' })).items.some((m) => m.name === 'Saunders')).toBe(false);
  });

  it('undoes a rejected variant merge for good', async () => {
    const kristin = await speakerOf('raw/pediatrician.txt');
    const merge = (await index.listMerges({ status: 'open' })).items.find((m) => m.documentId === ids['raw/variant.txt'])!;
    await decideMerge({ index }, merge.id, 'reject');
    expect(await pipeline.reprocess(ids['raw/variant.txt'])).toMatchObject({ status: 'done' });
    const quote = await speakerOf('raw/variant.txt');
    expect(quote.speaker).toBe('Saunders-Jandro');
    expect(quote.speakerId).not.toBe(kristin.speakerId);
  });
});
