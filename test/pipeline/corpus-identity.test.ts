/**
 * One person across documents when an article writes only the surname: the real extractor and the process use
 * case against s3rver + dynalite. Two people who share the surname stay two; the match keeps its evidence, in the
 * speakers export and in the result JSON the search projection is rebuilt from.
 */
import { resultKeyFor } from '#shared/pipeline/s3-keys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentPipeline } from '#shared/pipeline/process-document.ts';
import { extract } from '#shared/extract/index.ts';
import { toDocumentText } from '#shared/text/formats.ts';
import { processInOrder } from './helpers.ts';
import { decideMerge } from '#shared/pipeline/merge-decision.ts';

const ARTICLES: Record<string, string> = {
  'raw/mayor.txt': '“The bridge opens in June,” said Mayor Odile Fenwick.',
  'raw/surname-mayor.txt': '“The bridge is on time,” Fenwick said.',
  'raw/president-1.txt': '“The harbour will be dredged this year,” said President Edmund Marwick.',
  'raw/president-2.txt': '“Our ports are open for business,” said President Edmund Marwick on Monday.',
  'raw/president-3.txt': '“Tariffs on steel stay,” President Edmund Marwick said.',
  'raw/first-lady.txt': '“Every child deserves a library,” said First Lady Clara Marwick.',
  'raw/surname-president.txt': '“The dredging starts in May,” said President Marwick.',
  'raw/surname-mrs.txt': '“Books change lives,” said Mrs. Marwick.',
};

describe('a surname-only speaker across documents', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  let pipeline: DocumentPipeline;
  let documents: S3DocumentStore;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    aws = await startLocalAws({ bucket: 'quotedesk-identity-test', table: 'quotedesk-identity-test' });
    index = new DynamoIndexStore();
    documents = new S3DocumentStore();
    pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract, extractorVersion: 'test' });
    // In order: the full names are known before the articles that write only the surname.
    Object.assign(ids, await processInOrder(pipeline, ARTICLES));
  });
  afterAll(async () => aws?.stop());

  const speakerOf = async (key: string) => (await index.quotesOfDocument(ids[key], {})).items[0];

  it('goes to the person with that surname and title, under their full name, with the evidence', async () => {
    const president = await speakerOf('raw/president-1.txt');
    const quote = await speakerOf('raw/surname-president.txt');
    expect(quote).toMatchObject({ speakerId: president.speakerId, speaker: 'Edmund Marwick' });
    const [speaker] = (await index.speakersOfDocument(ids['raw/surname-president.txt'], {})).items;
    expect(speaker).toMatchObject({ id: president.speakerId, canonical: 'Edmund Marwick', matchedBy: 'surname Marwick; title President (confidence 0.9)' });
    expect(speaker.variants).toContain('Marwick');
    const byName = await index.listQuotes({ speaker: 'Edmund Marwick', limit: 10 });
    expect(byName.items.map((q) => q.text)).toContain('“The dredging starts in May,”');
  });

  it('names the only person of that surname in full, with the evidence', async () => {
    const mayor = await speakerOf('raw/mayor.txt');
    expect(await speakerOf('raw/surname-mayor.txt')).toMatchObject({ speakerId: mayor.speakerId, speaker: 'Odile Fenwick' });
    const [speaker] = (await index.speakersOfDocument(ids['raw/surname-mayor.txt'], {})).items;
    expect(speaker.matchedBy).toBe('surname Fenwick; the only person of that surname (confidence 0.8)');
  });

  it('keeps the two people who share the surname apart: "Mrs. Marwick" is the First Lady', async () => {
    const president = await speakerOf('raw/president-1.txt');
    const firstLady = await speakerOf('raw/first-lady.txt');
    expect(firstLady.speakerId).not.toBe(president.speakerId);
    expect(await speakerOf('raw/surname-mrs.txt')).toMatchObject({ speakerId: firstLady.speakerId, speaker: 'Clara Marwick' });
  });

  it('finds one person for a searched title with the surname, and both for the bare surname', async () => {
    const president = (await speakerOf('raw/president-1.txt')).speakerId;
    const firstLady = (await speakerOf('raw/first-lady.txt')).speakerId;
    expect(await index.resolveSpeaker('President Marwick', { anyForm: true })).toEqual([president]);
    expect(await index.resolveSpeaker('Mrs. Marwick', { anyForm: true })).toEqual([firstLady]);
    expect((await index.resolveSpeaker('Marwick', { anyForm: true })).sort()).toEqual([president, firstLady].sort());
  });

  it('records every merge with its evidence: a title match as made, the only person of the surname for review', async () => {
    const auto = (await index.listMerges({ status: 'auto' })).items;
    expect(auto).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: ids['raw/surname-president.txt'], name: 'Marwick', canonical: 'Edmund Marwick', confidence: 0.9 })]));
    const open = (await index.listMerges({ status: 'open' })).items;
    expect(open.map((m) => m.name).sort()).toEqual(['Fenwick', 'Marwick']);
    expect(open.find((m) => m.name === 'Fenwick')).toMatchObject({ documentId: ids['raw/surname-mayor.txt'], canonical: 'Odile Fenwick', evidence: ['surname Fenwick', 'the only person of that surname'], confidence: 0.8 });
    expect(open.find((m) => m.name === 'Marwick')).toMatchObject({ canonical: 'Clara Marwick', evidence: ['surname Marwick', 'female (title Mrs.)', 'the only person of that surname'] });
  });

  it('undoes a rejected merge, and the rejection holds when the document is extracted again', async () => {
    const mayor = await speakerOf('raw/mayor.txt');
    const merge = (await index.listMerges({ status: 'open' })).items.find((m) => m.name === 'Fenwick')!;
    const reprocessed: string[] = [];
    const decided = await decideMerge({ index, reprocess: async (id) => void reprocessed.push(id) }, merge.id, 'reject');
    expect(decided).toMatchObject({ reextraction: 'requested', merge: { status: 'rejected' } });
    expect(reprocessed).toEqual([ids['raw/surname-mayor.txt']]);
    for (let run = 0; run < 2; run++) {
      expect(await pipeline.reprocess(ids['raw/surname-mayor.txt'])).toMatchObject({ status: 'done' });
      const quote = await speakerOf('raw/surname-mayor.txt');
      expect(quote.speaker).toBe('Fenwick');
      expect(quote.speakerId).not.toBe(mayor.speakerId);
      expect((await index.getMerge(merge.id))?.status).toBe('rejected');
    }
    expect((await index.listMerges({ status: 'open' })).items.map((m) => m.name)).toEqual(['Marwick']);
    expect((await index.listMerges({ status: 'rejected' })).items.map((m) => m.id)).toEqual([merge.id]);
    await expect(decideMerge({ index }, merge.id, 'confirm')).rejects.toThrow('rejected');
  });

  it('keeps a confirmed merge confirmed when the document is extracted again', async () => {
    const [merge] = (await index.listMerges({ status: 'auto' })).items;
    expect((await decideMerge({ index }, merge.id, 'confirm')).merge.status).toBe('confirmed');
    await pipeline.reprocess(merge.documentId);
    expect(await index.getMerge(merge.id)).toMatchObject({ status: 'confirmed', canonical: merge.canonical });
    expect((await index.listMerges({ status: 'confirmed' })).items.map((m) => m.id)).toEqual([merge.id]);
  });

  it('keeps the match in the result JSON, which the search projection is rebuilt from', async () => {
    const document = await index.getDocument(ids['raw/surname-president.txt']);
    const result = (await documents.getResult(resultKeyFor(document!.id))) as { corpusMatches?: Record<string, { canonical: string; evidence: string[] }> };
    expect(Object.values(result.corpusMatches ?? {})).toEqual([expect.objectContaining({ canonical: 'Edmund Marwick', evidence: ['surname Marwick', 'title President'] })]);
  });
});
