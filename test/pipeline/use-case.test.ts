/**
 * The process use case with a scripted extractor standing in for extract() (the real one is covered in
 * process.test.ts): extractor upgrades, a throwing extractor, and a rejected name flag reaching the
 * next extraction as keepApart, all against s3rver + dynalite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../helpers/local-aws.ts';
import { DynamoIndexStore } from '#shared/storage/dynamo-index.ts';
import { S3DocumentStore } from '#shared/storage/s3-documents.ts';
import { DocumentPipeline, type Extract } from '#shared/pipeline/process-document.ts';
import { toDocumentText } from '#shared/text/formats.ts';
import type { Extraction } from '#shared/schema.ts';
import { upload } from './helpers.ts';
import { decideFlag } from '#shared/pipeline/flag-decision.ts';
import { resultKeyFor } from '#shared/pipeline/s3-keys.ts';

const TEXT = [
  'Dr. Mira Castellanos-Reyes opened the clinic on Monday.',
  '"We finally have room for every patient," said Dr. Mira Castellanos-Reyes.',
  '"The waiting list is gone," Castelanos-Reyes added.',
  '',
].join('\n');

/** Quotes are the double-quoted spans; the second spelling is folded in unless kept apart. */
function scriptedExtract(calls: Array<Array<[string, string]>>, quotesToKeep = 2): Extract {
  return (text, options) => {
    const keepApart = options.keepApart ?? [];
    calls.push(keepApart);
    const split = keepApart.some(([a, b]) => [a, b].includes('Castelanos-Reyes'));
    const spans = [...text.matchAll(/"[^"]+"/g)].slice(0, quotesToKeep).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
    const mention = (name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name });
    const speakers: Extraction['speakers'] = [
      { id: 's1', name: 'Mira Castellanos-Reyes', kind: 'person', title: 'Dr.', mentions: [mention('Mira Castellanos-Reyes')], variants: split ? ['Mira Castellanos-Reyes'] : ['Mira Castellanos-Reyes', 'Castelanos-Reyes'] },
    ];
    if (split) speakers.push({ id: 's2', name: 'Castelanos-Reyes', kind: 'person', mentions: [mention('Castelanos-Reyes')], variants: ['Castelanos-Reyes'] });
    return {
      speakers,
      quotes: spans.map((s, i) => ({ id: `q${i + 1}`, ...s, text: text.slice(s.start, s.end), speakerId: i === 1 && split ? 's2' : 's1', speaker: i === 1 && split ? 'Castelanos-Reyes' : 'Mira Castellanos-Reyes', cue: 'said', kind: 'direct' as const, confidence: 0.9, via: 'cue-after' as const })),
      claims: [],
      nameFlags: split
        ? []
        : [{ speakerId: 's1', canonical: 'Mira Castellanos-Reyes', variants: [{ name: 'Castelanos-Reyes', mentions: [mention('Castelanos-Reyes')] }], evidence: [{ variant: 'Castelanos-Reyes', canonical: 'Mira Castellanos-Reyes', reasons: ['one letter apart'], similarity: 0.95 }], confidence: 0.8 }],
    };
  };
}

describe('process use case', () => {
  let aws: LocalAws;
  let index: DynamoIndexStore;
  let documents: S3DocumentStore;
  beforeAll(async () => {
    aws = await startLocalAws();
    index = new DynamoIndexStore();
    documents = new S3DocumentStore();
    await upload('raw/clinic.txt', TEXT, { publishedAt: '2022-09-12T08:00:00Z' });
  });
  afterAll(async () => aws?.stop());

  it('an extractor upgrade replaces the items; a rejected flag splits the variant on reprocessing', async () => {
    const calls: Array<Array<[string, string]>> = [];
    const v1 = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: scriptedExtract(calls, 2), extractorVersion: 'v1' });
    const first = await v1.processObject('raw/clinic.txt');
    expect(first.status).toBe('done');
    const id = first.documentId!;
    expect((await index.listQuotes({ speaker: 'Castelanos-Reyes' })).items).toHaveLength(2);
    expect(await v1.processObject('raw/clinic.txt')).toMatchObject({ status: 'skipped' });

    // v2 finds one quote fewer: the stale quote goes
    const v2 = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: scriptedExtract(calls, 1), extractorVersion: 'v2' });
    expect(await v2.processObject('raw/clinic.txt')).toMatchObject({ status: 'done', counts: { quotes: 1 } });
    expect((await index.quotesOfDocument(id, {})).items.map((q) => q.id)).toEqual(['q1']);
    expect((await index.listQuotes({ speaker: 'Mira Castellanos-Reyes' })).items.map((q) => q.id)).toEqual(['q1']);

    // back to two quotes, then the person rejects the flag: the next extraction gets keepApart
    const v3 = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: scriptedExtract(calls, 2), extractorVersion: 'v3' });
    await v3.processObject('raw/clinic.txt');
    const [flag] = (await index.listFlags({ status: 'open' })).items;
    expect(flag).toMatchObject({ documentId: id, canonical: 'Mira Castellanos-Reyes' });
    await decideFlag({ index }, flag.id, 'reject');
    // The decision reprocesses the document (a raw/.reprocess/ request), which reads the decisions afresh.
    expect(await v3.reprocess(id)).toMatchObject({ status: 'done' });
    expect(calls.at(-1)).toEqual([['Castelanos-Reyes', 'Mira Castellanos-Reyes']]);
    const canonical = await index.listQuotes({ speaker: 'Mira Castellanos-Reyes' });
    const variant = await index.listQuotes({ speaker: 'Castelanos-Reyes' });
    expect(canonical.items.map((q) => q.text)).toEqual(['"We finally have room for every patient,"']);
    expect(variant.items.map((q) => q.text)).toEqual(['"The waiting list is gone,"']);
    expect(canonical.items[0].speakerId).not.toBe(variant.items[0].speakerId);
    expect((await index.getFlag(flag.id))?.status).toBe('rejected');
  });

  it('a document that makes the extractor throw ends failed with the reason and leaves nothing indexed', async () => {
    await upload('raw/explodes.txt', 'Mayor Tove Lind said "we will see" on Friday.\n');
    const pipeline = new DocumentPipeline({
      documents,
      index,
      toText: toDocumentText,
      extract: () => {
        throw new RangeError('offset out of range');
      },
    });
    const outcome = await pipeline.processObject('raw/explodes.txt');
    expect(outcome).toMatchObject({ status: 'failed', reason: 'the extractor failed on this document: offset out of range' });
    const doc = await index.getDocument(outcome.documentId!);
    expect(doc).toMatchObject({ status: 'failed', reason: 'the extractor failed on this document: offset out of range' });
    expect((await index.quotesOfDocument(doc!.id, {})).items).toEqual([]);
    expect(await documents.headRaw('raw/explodes.txt')).not.toBeNull();
    expect(await documents.getResult(`results/${doc!.id}.json`)).toBeNull();
  });

  it('ignores objects outside the raw prefix', async () => {
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: scriptedExtract([]) });
    expect(await pipeline.processObject('results/whatever.json')).toMatchObject({ status: 'skipped' });
  });

  it('two speakers of one document that both resolve to one corpus profile stay two speakers', async () => {
    await upload('raw/two-ravens.txt', '"The dam holds," said Ada Raven. "The dam leaks," said Ida Raven.');
    const twoRavens: Extract = (text) => ({
      speakers: [
        { id: 's1', name: 'Ada Raven', kind: 'person', mentions: [], variants: ['Ada Raven'] },
        { id: 's2', name: 'Ida Raven', kind: 'person', mentions: [], variants: ['Ida Raven'] },
      ],
      quotes: [
        { id: 'q1', start: 0, end: 16, text: text.slice(0, 16), speakerId: 's1', speaker: 'Ada Raven', cue: 'said', kind: 'direct', confidence: 0.9, via: 'cue-after' },
        { id: 'q2', start: 33, end: 49, text: text.slice(33, 49), speakerId: 's2', speaker: 'Ida Raven', cue: 'said', kind: 'direct', confidence: 0.9, via: 'cue-after' },
      ],
      claims: [],
      nameFlags: [],
    });
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: twoRavens, extractorVersion: 'ravens' });
    // The corpus knows one profile that both full names resolve to (as a close spelling would).
    const resolveSpeaker = index.resolveSpeaker.bind(index);
    let documentId = '';
    index.resolveSpeaker = async () => ['sp_corpusraven'];
    try {
      const outcome = await pipeline.processObject('raw/two-ravens.txt');
      expect(outcome).toMatchObject({ status: 'done' });
      documentId = outcome.documentId!;
    } finally {
      index.resolveSpeaker = resolveSpeaker;
    }
    const ids = new Set((await index.quotesOfDocument(documentId, {})).items.map((q) => q.speakerId));
    expect(ids.size).toBe(2);
  });

  it('reads the ids of a full name found once while they are fresh; a one-word name, and a name not found, every time', async () => {
    const speakersOf = (names: string[]): Extract => () => ({
      speakers: names.map((name, i) => ({ id: `s${i + 1}`, name, kind: 'person' as const, mentions: [], variants: [name] })),
      quotes: [],
      claims: [],
      nameFlags: [],
    });
    const asked: string[] = [];
    const resolveSpeaker = index.resolveSpeaker.bind(index);
    const speakerCandidates = index.speakerCandidates.bind(index);
    index.resolveSpeaker = async (name, options) => {
      asked.push(name);
      return resolveSpeaker(name, options);
    };
    // a one-word name's ids come with its candidates' profiles, in one read of the names index
    index.speakerCandidates = async (name) => {
      asked.push(`candidates of ${name}`);
      return speakerCandidates(name);
    };
    try {
      const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: speakersOf(['Nell Orchard', 'Orchard']), extractorVersion: 'names' });
      for (const key of ['raw/orchard-1.txt', 'raw/orchard-2.txt', 'raw/orchard-3.txt']) {
        await upload(key, `The orchard opened (${key}).`);
        expect(await pipeline.processObject(key)).toMatchObject({ status: 'done' });
      }
    } finally {
      index.resolveSpeaker = resolveSpeaker;
      index.speakerCandidates = speakerCandidates;
    }
    // the first document finds nobody under the name and indexes it; the second finds it; the third reuses that
    expect(asked.filter((n) => n === 'Nell Orchard')).toHaveLength(2);
    expect(asked.filter((n) => n === 'candidates of Orchard')).toHaveLength(3);
    expect(asked).not.toContain('Orchard');
  });

  it('a new name meeting its own profile, indexed meanwhile by a document beside it, is no variant spelling', async () => {
    const quince: Extract = () => ({ speakers: [{ id: 's1', name: 'Nell Quince-Harrow', kind: 'person', mentions: [], variants: ['Nell Quince-Harrow'] }], quotes: [], claims: [], nameFlags: [] });
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: quince, extractorVersion: 'quince' });
    await upload('raw/quince-1.txt', 'The quince harvest began.');
    await upload('raw/quince-2.txt', 'The quince harvest ended.');
    expect(await pipeline.processObject('raw/quince-1.txt')).toMatchObject({ status: 'done' });
    // the second document asked for the name before the first had indexed it
    const resolveSpeaker = index.resolveSpeaker.bind(index);
    index.resolveSpeaker = async () => [];
    try {
      expect(await pipeline.processObject('raw/quince-2.txt')).toMatchObject({ status: 'done' });
    } finally {
      index.resolveSpeaker = resolveSpeaker;
    }
    expect((await index.listMerges({ status: 'open' })).items.filter((m) => m.name === 'Nell Quince-Harrow')).toEqual([]);
  });

  it('a run whose lease ran out while it extracted writes nothing: another run may hold the document by now', async () => {
    const slow: Extract = async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { speakers: [], quotes: [], claims: [], nameFlags: [] };
    };
    const pipeline = new DocumentPipeline({ documents, index, toText: toDocumentText, extract: slow, extractorVersion: 'lease', leaseMs: 10 });
    await upload('raw/lease.txt', 'The lease ran out.');
    await expect(pipeline.processObject('raw/lease.txt')).rejects.toThrow(/lease ran out/);
    const listed = await index.listDocuments({ status: 'processing' });
    const record = listed.items.find((d) => d.rawKeys.includes('raw/lease.txt'));
    // still the run's own state, with no result written for it
    expect(record).toMatchObject({ status: 'processing' });
    expect(record?.version).toBeUndefined();
    expect(await documents.getResult(resultKeyFor(String(record?.id)))).toBeNull();
  });
});
