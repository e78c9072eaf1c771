import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '#shared/extract/index.ts';
import { ExtractionSchema, type Extraction } from '#shared/schema.ts';

const fixture = readFileSync(new URL('../fixtures/extract/harbor-clinic.txt', import.meta.url), 'utf8');

const direct = (r: Extraction) => r.quotes.filter((q) => q.kind === 'direct');
const quoteOf = (r: Extraction, fragment: string) => {
  const q = r.quotes.find((x) => x.text.includes(fragment));
  if (!q) throw new Error(`no quote containing ${fragment}`);
  return q;
};
const speakerOf = (r: Extraction, fragment: string) => quoteOf(r, fragment).speaker;

describe('extract: attribution patterns', () => {
  it('inverted cue with title and hyphenated surname', () => {
    const r = extract('“The bridge stays open,” said Dr. Jane Smith-Jones, the county engineer.');
    expect(speakerOf(r, 'bridge stays open')).toBe('Jane Smith-Jones');
    const s = r.speakers.find((x) => x.name === 'Jane Smith-Jones');
    expect(s?.title).toBe('Dr.');
    expect(s?.role).toBe('county engineer');
  });

  it('subject then cue after the quote', () => {
    const r = extract('Anna Brill runs the bakery.\n\n“We sold out by noon,” Brill said.');
    expect(speakerOf(r, 'sold out')).toBe('Anna Brill');
  });

  it('cue before the quote with a comma or a colon', () => {
    const r = extract('Mayor Tom Ekwueme spoke first.\n\nEkwueme added, “We will rebuild the pier.”\n\nFrom the harbor master: “The channel is clear.”');
    expect(speakerOf(r, 'rebuild the pier')).toBe('Tom Ekwueme');
    expect(speakerOf(r, 'channel is clear')).toBe('the harbor master');
  });

  it('appositive between the name and the cue', () => {
    const r = extract('“The water came in fast,” Hugh Hale, a fisherman at Port Renny, said.');
    expect(speakerOf(r, 'water came in')).toBe('Hugh Hale');
    const s = r.speakers.find((x) => x.name === 'Hugh Hale');
    expect(s?.role).toBe('fisherman');
    expect(s?.organization).toBe('Port Renny');
  });

  it('according to', () => {
    const r = extract('“Fares will rise in March,” according to the transit authority.');
    expect(speakerOf(r, 'Fares will rise')).toBe('the transit authority');
  });

  it('resolves pronouns by gender to the full speaker', () => {
    const r = extract(
      '“We start on Monday,” said Sen. Maria Oduya.\n\n“It took two years,” Gov. Peter Lind said.\n\n“Nobody expected it,” she continued.',
    );
    expect(speakerOf(r, 'Nobody expected')).toBe('Maria Oduya');
    expect(r.quotes.every((q) => q.speaker !== 'she')).toBe(true);
  });

  it('carries the speaker to a second quote sentence in the same paragraph', () => {
    const r = extract('“The vote is done,” Ilse Marr said. “Now we bargain.”');
    expect(speakerOf(r, 'Now we bargain')).toBe('Ilse Marr');
  });

  it('uses the speaker introduced by the paragraph before a quoted paragraph', () => {
    const r = extract('Councilwoman Rita Vance said:\n\n“Parking downtown is a mess and it is getting worse every month.”');
    expect(speakerOf(r, 'Parking downtown')).toBe('Rita Vance');
  });

  it('reads statement blocks introduced by a colon', () => {
    const r = extract(
      'The company did not answer questions. Northwind’s full statement is below:\n\nNorthwind Marine regrets the delay and will refund every ticket bought for the cancelled crossings this week.\n\nShare this story',
    );
    const block = quoteOf(r, 'regrets the delay');
    expect(block.kind).toBe('direct');
    expect(block.speaker).toBe('Northwind');
    expect(r.quotes.some((q) => q.text.includes('Share this story'))).toBe(false);
  });

  it('attributes byline-style dashes', () => {
    const r = extract('“The best soup in town, every single winter.” ― Carla Mendes');
    expect(speakerOf(r, 'best soup')).toBe('Carla Mendes');
  });

  it('skips party and state parentheticals', () => {
    const r = extract('“This bill is a start,” said Rep. Dana Kirk (D-Ore.), who wrote it.');
    expect(speakerOf(r, 'bill is a start')).toBe('Dana Kirk');
  });

  it('gives a participle cue the subject of its sentence', () => {
    const r = extract('Harbor Chief Calvin Oduro asked the council to close the pier, saying, “The risk is too high.”');
    expect(speakerOf(r, 'risk is too high')).toBe('Calvin Oduro');
  });

  it('gives a participle cue an unnamed source subject', () => {
    const r = extract('“We regret the delay,” a Northwind Ferries spokesperson wrote in a statement, adding, “Refunds start Monday.”');
    expect(speakerOf(r, 'Refunds start')).toBe('a Northwind Ferries spokesperson');
  });

  it('reads a subject whose appositive holds an apostrophe', () => {
    const r = extract('Rita Hollis, who runs the farmers’ market, said, “We lost half our stalls.”');
    expect(speakerOf(r, 'lost half our stalls')).toBe('Rita Hollis');
  });

  it('carries the speaker of a quoted fragment to the next quote in the paragraph', () => {
    const r = extract('The repairs are “long overdue,” says Paul Okafor, who chairs the board. “We have waited ten years for this.”');
    expect(speakerOf(r, 'waited ten years')).toBe('Paul Okafor');
  });

  it('gives an unattributed quote the speaker of the reporting clause before it', () => {
    const r = extract('The ferry may stop in winter, Mayor Ines Falk said. “We cannot pay for it alone.”');
    expect(speakerOf(r, 'cannot pay for it')).toBe('Ines Falk');
    const next = extract('Coach Rafe Dunn continued his remarks after the game.\n\n“We lost our legs in the second half and never found them again.”');
    expect(speakerOf(next, 'lost our legs')).toBe('Rafe Dunn');
  });

  it('finds the speaker of a clause that ends with a colon', () => {
    const r = extract('Senator Lia Moss said yes and turned to the crowd: “This bridge will be built.”');
    expect(speakerOf(r, 'bridge will be built')).toBe('Lia Moss');
  });

  it('keeps unnamed sources as role speakers', () => {
    const r = extract('“We are reviewing the report,” a Harbor Transit spokesperson said.');
    const q = quoteOf(r, 'reviewing the report');
    const s = r.speakers.find((x) => x.id === q.speakerId);
    expect(s?.kind).toBe('role');
    expect(s?.role).toBe('spokesperson');
    expect(s?.organization).toBe('Harbor Transit');
  });
});

describe('extract: what is not a quote', () => {
  it('drops scare quotes and titles that nobody says', () => {
    const r = extract('The show “Harbor Nights” returns in May, and critics called its finale a “masterpiece” of the genre.');
    expect(direct(r)).toEqual([]);
  });

  it('does not take an unattributed title-case span for a quote', () => {
    const r = extract('Reviews were mixed.\n\n“Harbor Lights Over The Bay.”\n\n“We will keep the harbor open all winter.”');
    expect(r.quotes.some((q) => q.text.includes('Harbor Lights'))).toBe(false);
    expect(r.quotes.some((q) => q.text.includes('keep the harbor open'))).toBe(true);
  });

  it('reports a quoted fragment inside reported speech once, as part of a mixed attribution', () => {
    const r = extract('The mayor said the new pier would be “the pride of the coast” when it opens next year.');
    const covering = r.quotes.filter((q) => q.start <= r.quotes[0]?.start && q.text.includes('pride of the coast'));
    expect(covering).toHaveLength(1);
    expect(covering[0].kind).toBe('mixed');
  });
});

describe('extract: the invented clinic article', () => {
  const r = extract(fixture);

  it('finds every direct quote with its speaker', () => {
    const expected: Array<[string, string]> = [
      ['We have waited a long time', 'Marisol Quintero-Abbott'],
      ['It’s not about money', 'Lena Voskuijlen'],
      ['We want safe staffing', 'Marisol Quintero-Abbott'],
      ['The board heard us', 'Marisol Quintero-Abbott'],
      ['It will take months', 'Marisol Quintero-Abbott'],
      ['Most of us just want', 'Owen Pell'],
      ['Nobody here wanted a fight', 'Owen Pell'],
      ['But we were not going to be ignored', 'Owen Pell'],
      ['If the nurses are happy', 'Hugh Lindqvist'],
    ];
    for (const [fragment, speaker] of expected) {
      const q = quoteOf(r, fragment);
      expect(q.kind, fragment).toBe('direct');
      expect(q.speaker, fragment).toBe(speaker);
    }
  });

  it('clusters the three spellings into one person with one flag and keeps others apart', () => {
    expect(r.nameFlags).toHaveLength(1);
    const flag = r.nameFlags[0];
    expect(flag.canonical).toBe('Marisol Quintero-Abbott');
    expect(flag.variants.map((v) => v.name).sort()).toEqual(['Quintero-Abot', 'Quinteros-Abot']);
    for (const v of flag.variants) expect(v.mentions.length).toBeGreaterThan(0);
    const people = r.speakers.filter((s) => s.kind === 'person').map((s) => s.name);
    expect(people).toEqual(expect.arrayContaining(['Marisol Quintero-Abbott', 'Lena Voskuijlen', 'Owen Pell', 'Hugh Lindqvist']));
  });

  it('never merges spellings confirmed to be different people', () => {
    const apart = extract(fixture, { keepApart: [['Marisol Quintero-Abbott', 'Quinteros-Abot']] });
    const merged = apart.nameFlags.flatMap((f) => f.variants.map((v) => v.name));
    expect(merged).not.toContain('Quinteros-Abot');
    expect(apart.speakers.some((s) => s.name === 'Quinteros-Abot')).toBe(true);
  });

  it('reads titles, roles and organisations from pre-modifiers and appositives', () => {
    const lena = r.speakers.find((s) => s.name === 'Lena Voskuijlen');
    expect(lena).toMatchObject({ title: 'Dr.', role: 'pediatrician', organization: 'Tidewater Family Clinic' });
    const marisol = r.speakers.find((s) => s.name === 'Marisol Quintero-Abbott');
    expect(marisol).toMatchObject({ title: 'Dr.', role: 'family physician', organization: 'Tidewater Family Clinic' });
  });

  it('lists mentions with offsets into the text', () => {
    for (const s of r.speakers) for (const m of s.mentions) expect(fixture.slice(m.start, m.end)).toBe(m.text);
    for (const q of r.quotes) expect(fixture.slice(q.start, q.end)).toBe(q.text);
  });

  it('includes the figure-bearing sentence among the claims', () => {
    expect(r.claims.some((c) => c.text.includes('About 140 nurses'))).toBe(true);
  });

  it('satisfies the output schema', () => {
    expect(ExtractionSchema.safeParse(r).success).toBe(true);
  });
});

describe('extract: bad and unusual input', () => {
  it('handles text without quotes', () => {
    const r = extract('The council met on Tuesday. It adjourned early.');
    expect(direct(r)).toEqual([]);
    expect(ExtractionSchema.safeParse(r).success).toBe(true);
  });

  it('handles whitespace-only and empty text', () => {
    for (const text of ['', '   \n\n\t  ']) {
      const r = extract(text);
      expect(r).toMatchObject({ speakers: [], quotes: [], claims: [], nameFlags: [] });
    }
  });

  it('keeps going after unbalanced marks', () => {
    const r = extract('He wrote “this never closes and\n\n“The next quote works,” said Dr. Ann Ruiz.\n\n“So does this one,” Ruiz said.');
    expect(speakerOf(r, 'next quote works')).toBe('Ann Ruiz');
    expect(speakerOf(r, 'So does this one')).toBe('Ann Ruiz');
  });

  it('handles non-English text without inventing English speakers', () => {
    const r = extract('«Nous allons reconstruire le port», a déclaré le maire. 市长说：“我们会重建港口。”');
    expect(ExtractionSchema.safeParse(r).success).toBe(true);
    for (const q of r.quotes) expect(q.speaker === null || q.speaker.length > 0).toBe(true);
  });

  it('returns the id and, on request, the text', () => {
    const r = extract('“Hi,” Ann Ruiz said.', { id: 'doc-1', includeText: true });
    expect(r.id).toBe('doc-1');
    expect(r.text).toBe('“Hi,” Ann Ruiz said.');
  });

  it('processes a 2 MB document in a few seconds, in time linear in its length', () => {
    const paragraphs = [
      '“We will keep the clinic open,” said Dr. Ann Ruiz, a surgeon at Bayview Hospital.',
      'The board voted 7-2 on Monday to spend $4 million on the east wing, which has been closed since a storm flooded its basement and damaged the heating plant.',
      'Residents packed the hall for three hours, and several of them said the wait for appointments had grown to months while the wing stayed shut.',
      'Ruiz said the money would cover the repairs. “It is not a luxury,” she added.',
    ].join('\n\n');
    const documentOf = (size: number) => `${paragraphs}\n\n`.repeat(Math.ceil(size / (paragraphs.length + 2)));
    const timed = (text: string) => {
      const started = performance.now();
      const result = extract(text);
      return { result, ms: performance.now() - started };
    };
    timed(documentOf(50_000)); // warm-up
    const small = timed(documentOf(200_000));
    const text = documentOf(2_000_000);
    const large = timed(text);
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(direct(large.result).length).toBeGreaterThan(8_000);
    expect(large.result.speakers.filter((s) => s.name === 'Ann Ruiz')).toHaveLength(1);
    // Ten times the text may take at most ~25 times as long (quadratic work would take ~100 times);
    // the absolute bound only catches a hang on a busy machine. Throughput figures come from `npm run bench`.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(25);
    expect(large.ms).toBeLessThan(60_000);
  }, 120_000);
});
