import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findIndirectAttributions, type AttributionCandidate } from '#shared/extract/4-attribution/indirect.ts';
import { lookupCueVerb } from '#shared/lexicon/cues.ts';

const content = (text: string, c: AttributionCandidate) => text.slice(c.start, c.end);
const speaker = (text: string, c: AttributionCandidate) => text.slice(c.speakerStart, c.speakerEnd);
const only = (text: string, direct: Array<{ start: number; end: number }> = []) => {
  const found = findIndirectAttributions(text, direct);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('findIndirectAttributions', () => {
  it('finds "X said that …" with the clause as content', () => {
    const text = 'The mayor of Lakeside said that the new bridge would open in the spring.';
    const c = only(text);
    expect(content(text, c)).toBe('that the new bridge would open in the spring');
    expect(speaker(text, c)).toBe('The mayor of Lakeside');
    expect(c.cue).toBe('said');
    expect(text.slice(c.cueStart, c.cueEnd)).toBe('said');
    expect(c.kind).toBe('indirect');
  });

  it('skips the hearer of "told": "told reporters (that) …"', () => {
    const text = 'Governor Amelia Ruiz told reporters on Monday that the budget gap had narrowed.';
    const c = only(text);
    expect(content(text, c)).toBe('that the budget gap had narrowed');
    expect(speaker(text, c)).toBe('Governor Amelia Ruiz');
    expect(c.cue).toBe('told');
  });

  it('reads a noun-first cue word as the noun where a name qualifies it or a relative clause follows', () => {
    for (const text of [
      'The race now moves to Western states this week that the senator is counting on winning.',
      'Voters went to the polls in Illinois and Ohio, Rust Belt states that have lost many factory jobs.',
      'She is favoured in the coastal states where her campaign has built large organisations.',
    ])
      expect(findIndirectAttributions(text, [])).toEqual([]);
    const verb = 'The court filing states that the ferry company ignored three safety warnings.';
    expect(content(verb, only(verb))).toBe('that the ferry company ignored three safety warnings');
  });

  it('finds "according to X, …" with the source before the content', () => {
    const text = 'According to the county health department, flu cases doubled over the past month.';
    const c = only(text);
    expect(content(text, c)).toBe('flu cases doubled over the past month');
    expect(speaker(text, c)).toBe('the county health department');
    expect(c.cue).toBe('According to');
  });

  it('finds "…, according to X." with the source after the content', () => {
    const text = 'The factory will cut 300 jobs by March, according to two people familiar with the plan.';
    const c = only(text);
    expect(content(text, c)).toBe('The factory will cut 300 jobs by March');
    expect(speaker(text, c)).toBe('two people familiar with the plan');
  });

  it('after "…, according to X," takes neither the source\'s appositive nor a new clause as more content', () => {
    const appositive = 'Ferry traffic fell by a third, according to Dana Whitcombe, director of the harbour survey office.';
    const a = only(appositive);
    expect(content(appositive, a)).toBe('Ferry traffic fell by a third');
    expect(speaker(appositive, a)).toBe('Dana Whitcombe');
    const clause = 'The mayor has 40 votes, according to a council tally, but her path to a majority is narrowing.';
    expect(content(clause, only(clause))).toBe('The mayor has 40 votes');
  });

  it('after an introductory phrase, "…, according to X, CONTENT" takes the clause, not the phrase', () => {
    const text = 'Entering the final week of talks, according to a count by the union, the workers hold a clear majority.';
    const c = only(text);
    expect(content(text, c)).toBe('the workers hold a clear majority');
    expect(speaker(text, c)).toBe('a count by the union');
  });

  it('takes the whole sentence when "according to X" splits one clause', () => {
    const text = 'The plan, according to aides, is to cut fares for commuters.';
    expect(content(text, only(text))).toBe('The plan, according to aides, is to cut fares for commuters');
  });

  it('reads a clause after a time expression as content with no "that": "said Tuesday his plan …"', () => {
    for (const [text, expected] of [
      ['Senator Alma Reyes said Tuesday her plan would cut ferry fares.', 'her plan would cut ferry fares'],
      ['The harbour master said on Sunday the pier would reopen in May.', 'the pier would reopen in May'],
    ]) {
      const c = only(text);
      expect(content(text, c)).toBe(expected);
    }
  });

  it('reads a reporting word after "more", "fewer", "enough" or "of" as a modifier: "more pledged delegates"', () => {
    expect(findIndirectAttributions('She will arrive at the convention with more pledged delegates than any rival.', [])).toEqual([]);
  });

  it('ignores "according to plan"', () => {
    expect(findIndirectAttributions('Everything at the harbour went according to plan, and the ferries left on time.', [])).toEqual([]);
  });

  it('finds inverted "…, said X."', () => {
    const text = 'The council would vote again next week on the zoning change, said Councilwoman Dana Whitfield.';
    const c = only(text);
    expect(content(text, c)).toBe('The council would vote again next week on the zoning change');
    expect(speaker(text, c)).toBe('Councilwoman Dana Whitfield');
  });

  it('finds "…, officials said." with an unnamed source', () => {
    const text = 'Two suspects were detained near the border early Sunday, officials said.';
    const c = only(text);
    expect(content(text, c)).toBe('Two suspects were detained near the border early Sunday');
    expect(speaker(text, c)).toBe('officials');
  });

  it('finds "…, newspaper The Hindu reported." with the source noun and the name it describes', () => {
    for (const [source, name] of [['newspaper The Harwick Courier', 'The Harwick Courier'], ['broadcaster NHK', 'NHK'], ['newspaper Dawn', 'Dawn']]) {
      const text = `The ferry service will resume in March after the repairs, ${source} reported.`;
      const c = only(text);
      expect(content(text, c), name).toBe('The ferry service will resume in March after the repairs');
      expect(speaker(text, c), name).toBe(source);
    }
  });

  it('finds a speaker through an appositive', () => {
    const text = 'Hugh Hill, a nurse at Riverside Clinic, said staffing levels had fallen for three years.';
    const c = only(text);
    expect(speaker(text, c)).toBe('Hugh Hill, a nurse at Riverside Clinic');
    expect(content(text, c)).toBe('staffing levels had fallen for three years');
  });

  it('marks content holding a quoted fragment as mixed', () => {
    const text = 'Senator Paul Okafor said the proposal was “dead on arrival” in the chamber.';
    const fragment = text.indexOf('“');
    const direct = [{ start: fragment, end: text.indexOf('”') + 1 }];
    const c = only(text, direct);
    expect(c.kind).toBe('mixed');
    expect(content(text, c)).toBe('the proposal was “dead on arrival” in the chamber');
  });

  it('does not return a candidate whose content is just a direct quote', () => {
    const text = '“We will rebuild the library before winter,” the director said.';
    const direct = [{ start: 0, end: text.indexOf('”') + 1 }];
    expect(findIndirectAttributions(text, direct)).toEqual([]);
    const before = 'The director said: “We will rebuild the library before winter.”';
    expect(findIndirectAttributions(before, [{ start: before.indexOf('“'), end: before.length }])).toEqual([]);
  });

  it('does not fire on "said" as an adjective or on "to say"', () => {
    expect(findIndirectAttributions('The said property was sold to a developer from Ohio last year.', [])).toEqual([]);
    expect(findIndirectAttributions('It is hard to say how the storm will move over the weekend.', [])).toEqual([]);
  });

  it('does not report speech asked about in a question', () => {
    expect(findIndirectAttributions('Did the minister say that taxes would rise next year?', [])).toEqual([]);
  });

  it('finds a participle cue with the sentence subject as speaker', () => {
    const text = 'Maria Lopez left the meeting on Friday, saying that the terms were unfair to small farms.';
    const c = only(text);
    expect(content(text, c)).toBe('that the terms were unfair to small farms');
    expect(speaker(text, c)).toBe('Maria Lopez');
  });

  it('finds belief and plan cues with a complement', () => {
    const text = 'Analysts expect that interest rates will stay high through the summer.';
    const c = only(text);
    expect(content(text, c)).toBe('that interest rates will stay high through the summer');
    expect(speaker(text, c)).toBe('Analysts');
  });

  it('finds nominal cues: "her claim that …"', () => {
    const text = 'Critics questioned her claim that the program paid for itself within two years.';
    const found = findIndirectAttributions(text, []);
    const c = found.find((f) => f.cue === 'claim');
    expect(c).toBeDefined();
    expect(content(text, c!)).toBe('that the program paid for itself within two years');
    expect(speaker(text, c!)).toBe('her');
  });

  it('returns nothing for empty, whitespace-only and non-English text', () => {
    expect(findIndirectAttributions('', [])).toEqual([]);
    expect(findIndirectAttributions('   \n\n  ', [])).toEqual([]);
    const german = 'Der Bürgermeister sagte, dass die neue Brücke im Frühjahr eröffnet werde. Die Kosten stiegen stark.';
    expect(findIndirectAttributions(german, [])).toEqual([]);
  });

  it('rejects a non-string text with a clear error and ignores malformed direct-quote spans', () => {
    expect(() => findIndirectAttributions(undefined as unknown as string, [])).toThrow(/text must be a string/);
    const text = 'Officials said that the road would reopen next week.';
    const found = findIndirectAttributions(text, [{ start: Number.NaN, end: 4 }, { start: 30, end: 10 }, { start: 0, end: 10_000 }]);
    expect(found.map((c) => content(text, c))).toEqual(['that the road would reopen next week']);
  });

  it('keeps offsets into the original text across several paragraphs', () => {
    const text = readFileSync(new URL('../fixtures/indirect/statement.txt', import.meta.url), 'utf8');
    const found = findIndirectAttributions(text, []);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const c of found) {
      expect(c.start).toBeLessThan(c.end);
      expect(text.slice(c.start, c.end).trim()).toBe(text.slice(c.start, c.end));
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    const speakers = found.map((c) => speaker(text, c));
    expect(speakers).toContain('a spokeswoman for the utility');
    expect(speakers).toContain('The report');
  });
});

describe('findIndirectAttributions: quoted words in reported content', () => {
  it('counts one quoted word as a scare quote, not a quotation: indirect', () => {
    const text = 'Port officials admitted the crane had been “inadequately” inspected before the storm.';
    const c = only(text);
    expect(c.kind).toBe('indirect');
  });

  it('counts a quoted title as no quotation either', () => {
    const text = 'Councillor Vera Holm said the “Open Streets For All” scheme would return next spring.';
    expect(only(text).kind).toBe('indirect');
  });

  it('counts two quoted words as a quotation: mixed', () => {
    const text = 'Councillor Vera Holm said the plan was “deeply flawed” and should be withdrawn.';
    expect(only(text).kind).toBe('mixed');
  });

  it('runs content that opens a quote on to the quote’s close, across a cut the sentence splitter made', () => {
    const text = 'Captain Ruth Tamsin said the bridge crew had "a great deal of noise. [...] [The pilot] was asking for a position." Rescue boats arrived later.';
    const c = only(text);
    expect(content(text, c)).toBe('the bridge crew had "a great deal of noise. [...] [The pilot] was asking for a position."');
    expect(c.kind).toBe('mixed');
  });
});

describe('findIndirectAttributions: further reporting structures', () => {
  it('takes the object of "called" with its description as content', () => {
    const text = 'Senator Ana Ruiz called the proposal “a disaster for dairy farmers” on Tuesday.';
    const fragment = { start: text.indexOf('“'), end: text.indexOf('”') + 1 };
    const c = only(text, [fragment]);
    expect(speaker(text, c)).toBe('Senator Ana Ruiz');
    expect(content(text, c)).toBe('the proposal “a disaster for dairy farmers” on Tuesday');
    expect(c.kind).toBe('mixed');
  });

  it('needs an "as" phrase for "described"', () => {
    const text = 'The union described the contract as the best deal in a decade.';
    expect(content(text, only(text))).toBe('the contract as the best deal in a decade');
    expect(findIndirectAttributions('The union described the contract in a long email to members.', [])).toEqual([]);
  });

  it('reads "is telling" as a progressive cue, not a passive', () => {
    const text = 'The mayor is telling residents that the tap water is safe to drink.';
    const c = only(text);
    expect(speaker(text, c)).toBe('The mayor');
    expect(content(text, c)).toBe('that the tap water is safe to drink');
  });

  it('takes the whole sentence when the attribution splits one clause', () => {
    const text = 'The new tax, the governor said, would raise $40 million a year.';
    const c = only(text);
    expect(content(text, c)).toBe(text.slice(0, -1));
    expect(speaker(text, c)).toBe('the governor');
  });

  it('takes the rest of the sentence after a short opener and a parenthetical cue', () => {
    const text = 'Otherwise, she said, the county would lose its state funding.';
    const c = only(text);
    expect(content(text, c)).toBe('the county would lose its state funding');
    expect(speaker(text, c)).toBe('she');
  });

  it('does not take the narration after a direct quote as content', () => {
    const text = '“We are done here,” Hollis said Friday as she left the council chamber.';
    expect(findIndirectAttributions(text, [{ start: 0, end: text.indexOf('”') + 1 }])).toEqual([]);
  });

  it('reports "is expected to" as a sourceless attribution over the sentence', () => {
    const text = 'The central bank is expected to raise interest rates again in June.';
    const c = only(text);
    expect(content(text, c)).toBe(text.slice(0, -1));
    expect(c.speakerStart).toBe(c.speakerEnd);
  });

  it('lets evidence "show" without a "that"', () => {
    const text = 'A new poll shows a close race in the district.';
    const c = only(text);
    expect(speaker(text, c)).toBe('A new poll');
    expect(content(text, c)).toBe('a close race in the district');
  });

  it('reads "declined to comment" as an attribution and "the United States" as no cue', () => {
    const text = 'The company declined to comment on the lawsuit.';
    expect(content(text, only(text))).toBe('to comment on the lawsuit');
    expect(findIndirectAttributions('Exports from the United States rose sharply in the third quarter.', [])).toEqual([]);
  });

  it('takes a speaker through a relative clause and continues a participle cue with it', () => {
    const text = 'Ms. Okafor, who runs the shelter, said demand had doubled, adding that volunteers were exhausted.';
    const found = findIndirectAttributions(text, []);
    expect(found.map((c) => speaker(text, c))).toEqual(['Ms. Okafor, who runs the shelter', 'Ms. Okafor, who runs the shelter']);
    expect(found.map((c) => c.cue)).toEqual(['said', 'adding']);
  });

  it('scans a long run of text without sentence punctuation in bounded windows', () => {
    const text = 'officials said that the plan would fail and he told them '.repeat(2000);
    const found = findIndirectAttributions(text, []);
    expect(found.length).toBeGreaterThan(100);
    for (const c of found) expect(c.end - c.start).toBeLessThanOrEqual(2000);
  });

  it('reads a headline "Name: statement" as an attribution, but not a label or a time', () => {
    const text = 'Governor Ruiz: Budget cuts will spare the schools this year';
    const c = only(text);
    expect(speaker(text, c)).toBe('Governor Ruiz');
    expect(content(text, c)).toBe('Budget cuts will spare the schools this year');
    expect(findIndirectAttributions('Update: The bridge will reopen on Monday morning.', [])).toEqual([]);
    expect(findIndirectAttributions('9:05 a.m. The mayor arrived at the hall with the police chief.', [])).toEqual([]);
  });

  it('ends one content where the same speaker goes on to say something else', () => {
    const contents = (text: string) => findIndirectAttributions(text, []).map((c) => content(text, c));
    const coordinated = 'Senator Okafor called the levy a mistake and said the council would have to repeal it by spring.';
    expect(contents(coordinated)).toEqual(['the levy a mistake', 'the council would have to repeal it by spring']);
    const participle = 'The mayor praised the new depot on Tuesday, insisting that the buses would run on time all winter.';
    expect(contents(participle)).toContain('the new depot on Tuesday');
    expect(contents(participle)).toContain('that the buses would run on time all winter');
    // a participle of thought, a means clause, or another subject's verb stays inside the content
    const thought = 'Farrell said he had served in the navy for the country, knowing that his town would never thank him.';
    expect(contents(thought)[0]).toBe('he had served in the navy for the country, knowing that his town would never thank him');
    const means = 'Inspectors said builders had stretched the zone by adding three empty lots to the district map.';
    expect(contents(means)[0]).toBe('builders had stretched the zone by adding three empty lots to the district map');
  });

  it('takes the content after a cue\'s preposition: "talked about how …", "warned of …", "responded to …"', () => {
    const talked = 'Marwick has talked about how he would rebuild the harbour wall before the storms.';
    const c = only(talked);
    expect(content(talked, c)).toBe('how he would rebuild the harbour wall before the storms');
    expect(c.cue).toBe('has talked about');
    const warned = 'The senator warned of a looming shutdown if the talks fail.';
    expect(content(warned, only(warned))).toBe('a looming shutdown if the talks fail');
    expect(only(warned).cue).toBe('warned of');
    expect(findIndirectAttributions('Marwick spoke on Monday at a rally in the harbour town.', [])).toEqual([]);
  });

  it('ends a content where another source opens a new clause, but not at a thought of the same person', () => {
    const contents = (text: string) => findIndirectAttributions(text, []).map((c) => content(text, c));
    const rebuttal = 'Inspectors said the pumps were repaired in May, but the utility said the leaks would return by winter.';
    expect(contents(rebuttal)).toEqual(['the pumps were repaired in May', 'the leaks would return by winter']);
    const however = 'The ministry denied all claims that the dam had cracked, however, a safety report concluded the wall was failing.';
    expect(contents(however)).toEqual(['all claims that the dam had cracked', 'the wall was failing']);
    const thought = 'She hopes to be elected president, but she knows that the school board will always come first.';
    expect(contents(thought)[0]).toBe('to be elected president, but she knows that the school board will always come first');
  });

  it('handles a long document and keeps candidates in text order', () => {
    const paragraph = readFileSync(new URL('../fixtures/indirect/statement.txt', import.meta.url), 'utf8');
    const text = Array.from({ length: 300 }, () => paragraph).join('\n\n');
    const found = findIndirectAttributions(text, []);
    expect(found.length).toBeGreaterThanOrEqual(900);
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].start);
  });
});

describe('cue lexicon', () => {
  it('knows reporting verbs in every form and nothing else', () => {
    expect(lookupCueVerb('Said')?.lemma).toBe('say');
    expect(lookupCueVerb('argues')?.form).toBe('finite');
    expect(lookupCueVerb('insisting')?.form).toBe('gerund');
    expect(lookupCueVerb('table')).toBeUndefined();
  });
});
