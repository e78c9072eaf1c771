/** Speakers named as a reader would name them: the fullest form the document writes, the issuer of a release. */
import { describe, expect, it } from 'vitest';
import { extract } from '#shared/extract/index.ts';

const speakerOf = (text: string, quoteStart: string) => extract(text).quotes.find((q) => q.text.includes(quoteStart))?.speaker ?? null;

describe('speaker resolution', () => {
  it('names a surname-only speaker by the full name written later in the document', () => {
    const text = [
      'Today Rep. Okafor will introduce the Harbor Dredging Act.',
      '“For ten years the harbor has silted up while we waited,” Okafor said.',
      'Representative Adaeze Okafor has served the district since 2011.',
    ].join('\n\n');
    expect(speakerOf(text, 'For ten years')).toBe('Adaeze Okafor');
  });

  it('gives the fullest written form of a two-word name', () => {
    const text = 'Governor Marisol Vega Ortiz spoke on Monday.\n\n“We will rebuild the bridge,” said Marisol Vega.';
    expect(speakerOf(text, 'We will rebuild')).toBe('Marisol Vega Ortiz');
  });

  it('credits the unattributed statement of a press release to its issuing member', () => {
    const text =
      'WASHINGTON – Congressman Harlan P. Whitcombe (OH-19) today issued the following statement on the flood relief bill: “I have fought for this funding since the river rose. “Every family in the valley deserves a roof before winter.”';
    const result = extract(text);
    expect(result.quotes.map((q) => q.speaker)).toEqual(['Harlan P. Whitcombe', 'Harlan P. Whitcombe']);
  });

  it('does not take a title-case headline for a longer name', () => {
    const text = 'Nadia Brandt Blasts Harbor Board Over Delays\n\n“The board has failed the city,” Nadia Brandt said.';
    expect(speakerOf(text, 'The board has failed')).toBe('Nadia Brandt');
  });

  it('keeps two people who share a surname apart, by who was named last', () => {
    const text = [
      'Ronald Castellano and his daughter Maria Castellano run the bakery.',
      'Maria Castellano opened the shop at dawn. “We sold out by nine,” Castellano said.',
    ].join('\n\n');
    expect(speakerOf(text, 'We sold out')).toBe('Maria Castellano');
  });
});

describe('speaker phrases', () => {
  it('takes the name an apposition gives after a description', () => {
    const text = 'The harbor master, Olga Brennan, said: “The channel reopens on Friday.”';
    expect(speakerOf(text, 'The channel reopens')).toBe('Olga Brennan');
    const inverted = '“Fares stay the same,” said Ohio Democrat, Marcus Feld, who chairs the board.';
    expect(speakerOf(inverted, 'Fares stay')).toBe('Marcus Feld');
  });

  it('names a news organisation its descriptor introduces as an organisation, with its "The"', () => {
    const result = extract('The ferry service will resume in March, newspaper The Harwick Courier reported. “The pier is safe,” said Olga Brennan.');
    expect(result.quotes.find((q) => q.text.startsWith('The ferry'))?.speaker).toBe('The Harwick Courier');
    expect(result.speakers.find((s) => s.name === 'The Harwick Courier')).toMatchObject({ kind: 'organization', role: 'newspaper' });
    expect(result.speakers.find((s) => s.name === 'Olga Brennan')?.kind).toBe('person');
    expect(speakerOf('Two bridges will close for repairs in May, broadcaster NHK reported.', 'Two bridges')).toBe('NHK');
  });

  it('keeps an initial written without its period ("B Shiva Parvathi"), never an article', () => {
    expect(speakerOf('“The line is open,” said loco pilot B Shiva Parvathi.', 'The line is open')).toBe('B Shiva Parvathi');
    expect(speakerOf('Commissioner K Ravi Kumar said the suspects were held. “We found the car,” Kumar said.', 'We found the car')).toBe('K Ravi Kumar');
    expect(speakerOf('“We will rebuild,” said Rival Hillary Clinton.', 'We will rebuild')).toBe('Hillary Clinton');
  });

  it('does not glue a name to the next sentence at a period without a space', () => {
    const text = 'Rep. Lena Marsh spoke at the hearing. “We got to work on day one,” said Rep. Marsh.Rep. Marsh later voted.';
    expect(speakerOf(text, 'We got to work')).toBe('Lena Marsh');
  });

  it('does not run a name back across a sentence end', () => {
    const text = 'The vote went to Prime Minister Anton Keel. Ferris spoke next.\n\nFerris, who led the petition, said, “The law was broken.”';
    expect(speakerOf(text, 'The law was broken')).toBe('Ferris');
  });

  it('reads a title word as a surname before a suffix', () => {
    const text = 'Congressman Reuben T. Bishop Jr. (GA-02) issued the following statement: “The aid agreement keeps our ally safe.”';
    expect(speakerOf(text, 'The aid agreement')).toBe('Reuben T. Bishop Jr.');
  });

  it('finds the issuer of a release by the district tag after the name', () => {
    const text =
      'WASHINGTON – House Budget Committee Ranking Member Carla Wynn (WA-11) today voted against the budget. “The budget shortchanges our schools. “We will keep fighting for every classroom.”';
    expect(extract(text).quotes.map((q) => [q.speaker, q.via])).toEqual([
      ['Carla Wynn', 'press-issuer'],
      ['Carla Wynn', 'press-issuer'],
    ]);
    // a lead that names her says so: "released the following statement:"
    const led = 'House Budget Committee Ranking Member Carla Wynn (WA-11) released the following statement: “The budget shortchanges our schools.”';
    expect(extract(led).quotes.map((q) => [q.speaker, q.via])).toEqual([['Carla Wynn', 'statement-block']]);
  });
});

describe('decisions carry their reason', () => {
  it('says why each quote has its speaker', () => {
    const text = '“We start on Monday,” said Sen. Maria Oduya. “It took two years.”\n\n“Nobody expected it,” she continued.';
    const quotes = extract(text).quotes;
    expect(quotes.map((q) => q.via)).toEqual(['cue-after', 'continuation', 'pronoun']);
    expect(quotes.every((q) => q.speaker === 'Maria Oduya')).toBe(true);
    expect(quotes[0].evidence?.length).toBeGreaterThan(0);
  });
});

describe('press statements after someone else’s words', () => {
  it('credit the member issuing the statement, whose surname may be a title word', () => {
    const text = 'WASHINGTON – Rep. Mark Bishop (CA-14) issued the following statement after President Lena Ford\'s remarks from the Rose Garden: "This impasse is entirely due to the misuse of the filibuster. Let us reopen the government."';
    const { quotes, speakers } = extract(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Mark Bishop']);
    expect(speakers.map((s) => s.name)).not.toContain('Rose Garden');
  });

  it('read a title word after a lone given name as the surname of the issuing member', () => {
    const text = 'WASHINGTON – Rep. Mark Bishop (CA-14) voted against the spending bill today.\n\n"This bill spends money we do not have, and families will pay for it."';
    expect(speakerOf(text, 'This bill spends')).toBe('Mark Bishop');
    expect(speakerOf(text.replace('Mark Bishop', 'Mark T. Bishop'), 'This bill spends')).toBe('Mark T. Bishop');
  });

  it('keep the issuer of "the following statement" though the clause names someone nearer the quote', () => {
    const text = 'WASHINGTON – U.S. Representative Mark Sayer (R-N.C.) released the following statement after the Senate voted to confirm Robert Wilkes as the next Veterans Affairs Secretary:“North Carolina should be proud to have one of its own leading the department.”';
    const [quote] = extract(text).quotes;
    expect([quote.speaker, quote.via]).toEqual(['Mark Sayer', 'statement-block']);
  });

  it('credit each statement of a list to the member heading it, glued to the quote before or not', () => {
    const text =
      'Members of the Rivers Caucus released statements applauding the rule on the recovery of the river otter:Chairman Paul Gorman (AZ-09): "This is a huge win for the people of the West. The otter has made one of the most successful recoveries in history."House Natural Resources Committee Ranking Republican Dale Hatch (UT-02): "This decision is long-awaited and the science is clear."The Department of the Interior released the following statements:U.S. Department of the Interior Acting Secretary Ruth Barnard: "The facts are clear and indisputable."';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Paul Gorman', 'Dale Hatch', 'Ruth Barnard']);
  });

  it('credit "who also issued the following statement" to every member the letter lists', () => {
    const text =
      'A group of House Democrats led by Rep. Don Bayer (D-VA) today wrote to the bureau. The letter was signed by Reps. Don Bayer (D-VA), Ted Lyons (D-CA), Jamie Rask (D-MD), and Peter Welk (D-VT), who also issued the following statement: “We were concerned last week that a story had come out.”';
    const { quotes, speakers } = extract(text);
    expect(quotes.map((q) => [q.speaker, q.via])).toEqual([['Don Bayer, Ted Lyons, Jamie Rask and Peter Welk', 'statement-block']]);
    expect(speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Don Bayer', 'Ted Lyons', 'Jamie Rask', 'Peter Welk']));
  });

  it('name a member written by surname after an office, without the office', () => {
    const text = 'House Republican Whip Roy Blanton (Mo.) today announced his deputy. “Patrick will be an excellent Deputy Whip,” Blanton said.';
    expect(speakerOf(text, 'Patrick will be')).toBe('Roy Blanton');
    const speaker = 'In announcing the appointment, Speaker of the House Paul Rayne praised Carter. "He has been on the front lines for thirty years," Rayne said.';
    expect(speakerOf(speaker, 'He has been on the front')).toBe('Paul Rayne');
  });

  it('name the member after a suffix set off by a comma', () => {
    const text = 'Washington, D.C. – Congressman Walter D. Pryce, Jr. (GA-09) issued the following statement after the vote: “Today is a good day for the families of our district.”';
    const { quotes, speakers } = extract(text);
    expect(quotes.map((q) => [q.speaker, q.via])).toEqual([['Walter D. Pryce', 'statement-block']]);
    expect(speakers.map((s) => s.name)).toEqual(['Walter D. Pryce']);
  });

  it('name the member before a degree and an office whose name holds commas', () => {
    const text = 'Washington, D.C. – Congressman Paul R. Hendry, M.D. (R-TX), Chairman of the Subcommittee on Commerce, Manufacturing and Trade, issued the following statement on the ruling: “This news is not surprising. The agency had many chances.”';
    expect(speakerOf(text, 'This news is not surprising')).toBe('Paul R. Hendry');
  });

  it('give a day’s figures no speaker', () => {
    const text = 'Rep. Tom Ruiz spoke on Friday. Today’s job numbers reveal that the economy shed 95,000 jobs in September.';
    expect(extract(text).speakers.map((s) => s.name)).not.toContain('Today’s');
  });

  it('credit unattributed quotes to the issuing member by the fullest name, nickname included', () => {
    const text = 'Today, Congressman Harold “Hank” Voss (KY-07) shared information for flood victims: “Hello, this is Congressman Hank Voss.\n\n“If you suffered damage from the flooding, be sure to call the agency.”';
    expect(speakerOf(text, 'If you suffered damage')).toBe('Harold “Hank” Voss');
  });

  it('resolve “the Congressman” to the one member the release names', () => {
    const text = 'WASHINGTON – Congressman Luis Ortega (IL-04) called for an investigation on Monday.\n\n“It has been hard to get information on this case,” the Congressman said.';
    expect(speakerOf(text, 'It has been hard')).toBe('Luis Ortega');
  });

  it('do not take a passive after a quotation for its attribution', () => {
    const text = 'Rep. Ann Ortiz spoke after the vote. "This bill is a sham, and the people deserve better." President Hale is expected to veto the bill.';
    expect(speakerOf(text, 'This bill is a sham')).toBe('Ann Ortiz');
  });
});

describe('speaker phrases read on Wikinews', () => {
  it('take the person of an organisation’s department, after a lower-case description', () => {
    const text = '"We wanted to find out how these germs spread" said lead author Professor Dana Whitfield of the University of Leeds\'s medical school.';
    const { quotes, speakers } = extract(text);
    expect(quotes[0].speaker).toBe('Dana Whitfield');
    expect(speakers[0]).toMatchObject({ name: 'Dana Whitfield', organization: 'University of Leeds' });
  });

  it('end the subject before "having"', () => {
    const text = 'Analysts called it early, with analyst Kevin Marsh having declared it on his blog "the most boring race in years".';
    expect(extract(text).speakers.map((s) => s.name)).toEqual(['Kevin Marsh']);
  });

  it('take the name in apposition to a description as the subject, for the quote and the pronoun after it', () => {
    const text = 'Since then, a Democrat, Lena Ortiz, has publicly voiced support for the inquiry, telling the Daily Herald: "I\'m a big fan of oversight, so let\'s let the committees get to work." She continued by noting that "using agencies to put a finger on the scale is a problem."';
    const { quotes, speakers } = extract(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Lena Ortiz', 'Lena Ortiz']);
    expect(speakers.map((s) => s.name)).toEqual(['Lena Ortiz']);
  });

  it('do not take the object of a participle after a quote for its speaker', () => {
    const text = 'Ryan Keller, the director of the film, wrote of Boseman, "I noticed then that Chad was an anomaly", recalling their first meeting. "He was calm. Assured. Constantly studying."';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Ryan Keller', 'Ryan Keller']);
  });
});

describe('the clause right before a quote', () => {
  it('keeps its subject when the cue touches the quote without a comma', () => {
    const text = 'Senate Majority Leader Dana Whitcomb and House Intelligence Committee chair Adam Ferris both questioned the plan. Ferris called it "a non-starter". Pruitt said "I can just tell you, I don\'t know what he\'s basing this on."';
    expect(speakerOf(text, 'I can just tell you')).toBe('Pruitt');
  });

  it('closed by a colon introduces its subject’s words, not those of a person it names', () => {
    const campaign = 'The senator has not conceded. The Reyes campaign recycled a statement it first put out in July: "The voters will decide this election, and the count will go on."';
    expect(speakerOf(campaign, 'The voters will decide')).toBe('The Reyes campaign');
    const scare = 'In a statement released after the attack, the United States Department of Defense justified the strike, which was approved by President Dan Ford, as "defensive" in nature: "At the direction of the President, the military has taken decisive defensive action."';
    expect(speakerOf(scare, 'At the direction')).toBe('United States Department of Defense');
    const pronoun = 'Supreme Leader Ali Tabrizi ordered three days of mourning after the strike. In his message, he praised Kazemi\'s life: "He was a stellar example of those educated in the school of faith."';
    expect(speakerOf(pronoun, 'He was a stellar example')).toBe('Ali Tabrizi');
  });
});

describe('whom the words were said to', () => {
  it('is not who said them, against an explicit attribution to a description', () => {
    const text =
      'WASHINGTON – A bipartisan group of six House Members today sent a letter to President Dana Whitford urging the dismissal of Director Sam Ortiz. “Internet freedom is indispensable, and the reports underscore the need for clarity,” the six Members wrote in a joint letter to President Whitford.';
    const { quotes, speakers } = extract(text);
    const quote = quotes.find((q) => q.kind === 'direct');
    expect([quote?.speaker, quote?.via]).toEqual(['Members', 'cue-after']);
    // a description, not a person named "Members" (whom other documents' Members would join)
    expect(speakers.find((s) => s.name === 'Members')?.kind).toBe('role');
  });
});

describe('an adverbial phrase between the subject and its cue', () => {
  it('is stepped over to the name opening the clause', () => {
    const text = 'The parliament held a minute of silence. Assembly president Richard Ferrel in relaying the news to parliament said, "Jacques Chirac is part of the history of France". Former president Nicolas Sarno said of Chirac, "He incarnated a France that was true to its values".';
    expect(speakerOf(text, 'Jacques Chirac is part')).toBe('Richard Ferrel');
  });

  it('is not read after an object or a sentence-opening adverb', () => {
    const text = 'Immediately after the attacks, Don Trask issued a statement, "Last night, our nation was attacked by a terrorist and we must act now."';
    expect(speakerOf(text, 'Last night, our nation')).toBe('Don Trask');
  });
});

describe('"it" said', () => {
  it('goes to the organisation opening the sentence before, never to a person', () => {
    const text = 'The Georgian Tennis Federation (GTF) released a statement addressing Nika Basil\'s arrest. It read, "First of all, we would like to state that the federation does not tolerate violence."';
    const { quotes, speakers } = extract(text);
    expect(quotes.map((q) => [q.speaker, q.via])).toEqual([['Georgian Tennis Federation', 'pronoun']]);
    expect(speakers[0].mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Georgian Tennis Federation']);
  });

  it('stays unattributed when no organisation was just named', () => {
    const text = 'Nika Basil was arrested on Friday. It read, "First of all, we would like to state that violence is never tolerated."';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual([null]);
  });
});

describe('whose words they are about', () => {
  it('is not who said them: a person named only as an owner around the quote', () => {
    const text = 'WASHINGTON – Mayor Ana Diaz’s plan drew criticism on Monday. “The plan ignores the river towns and their families,” the council wrote of Diaz’s plan.';
    expect(speakerOf(text, 'The plan ignores')).toBe('the council');
  });
});

describe('a colon after an answer to someone else’s words', () => {
  it('credits the one answering, not the owner of the words answered', () => {
    const text = [
      '"The reefs are dying. We must act now," Premier Lena Carlsson wrote on Thursday.',
      'Carlsson asked that the ban be put on the agenda.',
      '"We stand ready" wrote Tomas Berg "to help in any way we can."',
      'Chilean President Marta Ruiz opposed Carlsson\'s statement: "The Swedish leader\'s idea that fishing rules be set without the coastal states is out of place today."',
    ].join('\n\n');
    expect(speakerOf(text, 'idea that fishing rules')).toBe('Marta Ruiz');
  });
});

describe('pronouns', () => {
  it('go to the subject of the sentence before, not to the person it names after the verb', () => {
    const text = 'The mayor left the race on Tuesday.\n\nThat evening Harold Voss endorsed his former rival, Daniel Okafor. “Two years ago,” he said, “I ran to fix the roads.”';
    expect(speakerOf(text, 'Two years ago')).toBe('Harold Voss');
    expect(speakerOf(text, 'I ran to fix')).toBe('Harold Voss');
  });

  it('skip a person named after a preposition', () => {
    const text = 'Crown Prince Omar Haddad accepted the blame in an interview. Speaking to Peter Lang of the BBC, he said, “It happened on my watch.”';
    expect(speakerOf(text, 'It happened on my watch')).toBe('Omar Haddad');
  });

  it('see a later surname-only mention of a person named in full', () => {
    const text = [
      '“We were slow in the first half,” coach Liam Porter said.',
      'Half back Jarrod Kellerman enjoyed the win. “It was our best start in a while,” Kellerman said.',
      '“They came back hard,” Porter said.',
      'Fitness made the difference, according to Kellerman. “We have worked on it all winter,” he said.',
    ].join('\n\n');
    expect(speakerOf(text, 'worked on it all winter')).toBe('Jarrod Kellerman');
  });

  it('take a titled name for a gendered pronoun', () => {
    const text = '“This is the worst case,” said Sheriff Ben Ostrow.\n\nUSCG Captain Monica Ferrante told the press the search had ended. “It is never an easy decision,” she said.';
    expect(speakerOf(text, 'never an easy decision')).toBe('Monica Ferrante');
  });
});

describe('attribution forms', () => {
  it('attributes a quote closed by a full stop to the clause that introduced it, not the next sentence', () => {
    const text = 'On live television he said, “The museum will be a mosque again.” UNESCO reportedly said a change needed its approval.\n\nEarlier, President Kemal Arslan had hinted at the move.';
    const quote = extract(text).quotes.find((q) => q.text.includes('museum will be'));
    expect(quote?.speaker).not.toBe('UNESCO');
  });

  it('steps over several appositions to the subject', () => {
    const text = 'Anders Kolb, of Channel Nine, one of her four sons, stated, “She lived life on her own terms.”';
    expect(speakerOf(text, 'She lived life')).toBe('Anders Kolb');
  });

  it('reads a full name closing the clause before a colon', () => {
    const text = 'The bill is supported by the Democratic Whip, Stella Hoyt: “This is a smarter approach to clearances.”';
    expect(speakerOf(text, 'smarter approach')).toBe('Stella Hoyt');
  });

  it('ends a name at a possessive that repeats it', () => {
    const text = 'Congressman C.A. Dutch Rasmussen Dutch’s team will help constituents.\n\n“We are here for you,” Congressman Rasmussen said.';
    expect(speakerOf(text, 'We are here')).toBe('C.A. Dutch Rasmussen');
  });
});

describe('junk speakers', () => {
  it('never makes a nationality the speaker', () => {
    const text = 'The ministry denied the report. “The strikes hit only military targets,” said Syrian state television.';
    const quote = extract(text).quotes.find((q) => q.text.includes('strikes hit'));
    expect(quote?.speaker).not.toBe('Syrian');
  });

  it('drops a place abbreviation before a name', () => {
    const text = '“We will win,” said U.S. Senator Dana Whitcombe.\n\nThe U.S. Dana Whitcombe campaign bus left at noon. “Every vote counts,” Whitcombe said.';
    const speakers = extract(text).quotes.map((q) => q.speaker);
    expect(speakers).toEqual(['Dana Whitcombe', 'Dana Whitcombe']);
  });
});

describe('the neighbouring quote', () => {
  it('does not take the next quote’s speaker for a continuation', () => {
    const text =
      '"Parents are struggling to afford care," Senator Gillibrook said. "This bill will ease the burden on families." "It gives families more flexibility," Senator Johansen said. "I am pleased to sponsor it."';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Gillibrook', 'Gillibrook', 'Johansen', 'Johansen']);
  });

  it('keeps list-like paragraphs apart', () => {
    const text = [
      'Anna Pike, mayor of Eastbridge: “The bridge must open this year.”',
      'Tomas Reyes, head of the harbor board: “We cannot pay for it alone.”',
    ].join('\n\n');
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Anna Pike', 'Tomas Reyes']);
  });
});

describe('descriptions', () => {
  it('resolve to the one person in the document with that title', () => {
    const text = 'Prime Minister Ruth Alder visited the flooded valley on Monday.\n\n“We will rebuild every home,” the prime minister said.';
    expect(speakerOf(text, 'rebuild every home')).toBe('Ruth Alder');
  });

  it('stay descriptions when nobody, or more than one person, fits', () => {
    const nobody = '“We will rebuild every home,” the prime minister said.';
    expect(speakerOf(nobody, 'rebuild every home')).toBe('the prime minister');
    const two = 'Senator Ann Lowe and Senator Bo Kim toured the plant.\n\n“It must stay open,” the senator said.';
    expect(speakerOf(two, 'must stay open')).toBe('the senator');
    const other = 'Minister Ida Vos spoke first.\n\n“We will rebuild every home,” the prime minister said.';
    expect(speakerOf(other, 'rebuild every home')).toBe('the prime minister');
  });
});

describe('joint speakers', () => {
  it('are one speaker naming both people', () => {
    const text = 'Representatives Elena Cummins and John Conroy asked the agency for its files.\n\n“The public deserves answers,” Cummins and Conroy wrote.';
    expect(speakerOf(text, 'public deserves')).toBe('Elena Cummins and John Conroy');
    const titled = '“This bill protects our farms,” said Reps. Dolan and Buchner.';
    expect(speakerOf(titled, 'protects our farms')).toBe('Dolan and Buchner');
  });
});

describe('press-release labels and colon leads', () => {
  it('never takes release labels or text across a line break for a speaker', () => {
    const text = 'FOR IMMEDIATE RELEASE\nContact: Dana Holt (202) 555-0100\n\nWASHINGTON – Rep. Lena Marsh (OH-04) issued the following statement: “The flood bill is overdue.”';
    const result = extract(text);
    expect(result.quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker)).toEqual(['Lena Marsh']);
    expect(result.speakers.map((s) => s.name)).toEqual(['Lena Marsh']);
  });

  it('reads a colon lead closed by the medium of the words', () => {
    expect(speakerOf('Clinton swiped at Trump in a series of tweets: “He has no plan.”', 'no plan')).toBe('Clinton');
    expect(speakerOf('Mook agreed: “We have the votes.”', 'have the votes')).toBe('Mook');
  });
});

describe('names that are no people', () => {
  it('never makes a law a speaker', () => {
    const text = '“It creates jobs in every county,” the Harbor Renewal Act says in its preamble.\n\n“We wrote it for the workers,” said Rep. Ada Quinn.';
    const speakers = extract(text).quotes.filter((q) => q.kind === 'direct').map((q) => q.speaker);
    expect(speakers).not.toContain('Harbor Renewal Act');
  });

  it('does not pair two ordinary words as a joint speaker', () => {
    const text = 'Dr. Sam Weller, director of the Center for Oceanography: Research and Education, said, “The expedition was unique.”';
    expect(speakerOf(text, 'expedition was unique')).not.toBe('Research and Education');
  });
});

describe('organisations and sources', () => {
  it('resolve "the party" to the one party the document names', () => {
    const text = 'The Thai Raksa Chart Party nominated the princess.\n\n"We comply with the royal command," the party informed the press.';
    expect(speakerOf(text, 'royal command')).toBe('Thai Raksa Chart Party');
  });

  it('read the author of a statement introduced by "from"', () => {
    const text = 'King Rama Vajira spoke on Friday.\n\nThe palace issued the following statement from the king: “She remains a member of the dynasty.”';
    expect(speakerOf(text, 'member of the dynasty')).toBe('Rama Vajira');
  });

  it('take an unnamed source opening the sentence of a participle cue', () => {
    const text = 'An eyewitness described the attack to reporters, stating, “I saw a man running with a knife.”';
    expect(speakerOf(text, 'I saw a man')).toBe('An eyewitness');
  });
});

describe('full names the document writes unusually', () => {
  it('keep a quoted nickname inside the name', () => {
    const text = 'Rep. Earl L. “Buddy” Carter (GA-01) voted no. “This is a bad deal,” Carter said.';
    expect(speakerOf(text, 'bad deal')).toBe('Earl L. “Buddy” Carter');
  });

  it('find an unlisted given name written before the surname later on', () => {
    const text = '“As women we must stand up for ourselves,” Baloch wrote.\n\nQandeel Baloch made videos that drew millions of views.';
    expect(speakerOf(text, 'stand up')).toBe('Qandeel Baloch');
  });
});

describe('one speaker per name', () => {
  it('never lists two speakers of one kind under one name', () => {
    const text = [
      'Representatives Elena Cummins and John Conroy wrote to the agency.',
      '“The public deserves answers,” Cummins and Conroy wrote.',
      '“We will keep asking,” said Reps. Elena Cummins and John Conroy.',
    ].join('\n\n');
    const names = extract(text).speakers.map((s) => `${s.kind}:${s.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('person:Elena Cummins and John Conroy');
  });
});

describe('attribution read where a reader reads it', () => {
  it('attributes a quote that runs over a paragraph break to the speaker named where it closes', () => {
    const text = [
      '“The port is a lifeline for the valley,” Rep. Ilse Marchetti (D-Ore.) said Friday. “If the dredging stops, the boats stop, and then the jobs go.',
      '“I have spent a long time thinking about what this town can expect,” added Rep. Tobias Wren (R-Ore.), the ranking member. “The answer is nothing good.”',
    ].join('\n');
    expect(speakerOf(text, 'The port is a lifeline')).toBe('Ilse Marchetti');
    expect(speakerOf(text, 'If the dredging stops')).toBe('Tobias Wren');
    expect(speakerOf(text, 'The answer is nothing good')).toBe('Tobias Wren');
  });

  it('looks past a fronted clause for the subject of a colon lead', () => {
    const text = 'With party leaders increasingly worried about turnout, Governor Odile Ferrand is rolling out a blunt new message: "It is about us."';
    expect(speakerOf(text, 'It is about us')).toBe('Odile Ferrand');
  });

  it('looks past a fronted time phrase for the subject of a participle cue', () => {
    const text = 'Marchetti praised the mayor.\n\nHours later, Councillor Bram Oduya returned the compliment, telling reporters, “She and I have worked together for a long time.”';
    expect(speakerOf(text, 'She and I have worked')).toBe('Bram Oduya');
  });

  it('credits the person, not the organisation they write for', () => {
    const text = 'Polls barely moved.\n\n“The impact of the debate is still small,” wrote Talia Brenner for Harbor Polling Group.';
    expect(speakerOf(text, 'The impact of the debate')).toBe('Talia Brenner');
  });

  it('keeps a continuation with the speaker the ranking gave the quote before it', () => {
    const text = [
      'His remarks came on Sunday, The Ledger reported.',
      '“He keeps calling me ‘Little Joe.’ I admit, he is taller than me; he is like 6’2”,” Joel Amsel said Sunday in Ohio.',
      '“Which is why I do not understand his shoes.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Which is why')).toBe('Joel Amsel');
  });
});

describe('names that are not the person', () => {
  it('does not read a quoted event title as a longer form of a name', () => {
    const text = [
      'President Obama spoke on Saturday.',
      '"Our progress is on the ballot," Mr. Obama said.',
      'Volunteers are organising "Barack Obama Election Day," a day of voter drives.',
    ].join('\n\n');
    expect(speakerOf(text, 'Our progress')).not.toMatch(/Election Day/);
  });

  it('never gives a "Mr." the full name of a woman who shares his surname', () => {
    const text = [
      'President Obama spoke on Saturday.',
      '"My name may not be on the ballot," Mr. Obama said.',
      'The campaign will also send the first lady, Michelle Obama, to Ohio.',
    ].join('\n\n');
    expect(speakerOf(text, 'My name may not')).not.toBe('Michelle Obama');
  });

  it('takes a place with a saint-style prefix for a place, not a woman', () => {
    const text = [
      'Representative Ted Lorne was sworn in today. “It is a great honor to serve,” said Congressman Lorne.',
      '“I will work with my colleagues on jobs and climate.”',
      'The district stretches from Malibu to Santa Monica and the Beach Cities.',
    ].join(' ');
    expect(speakerOf(text, 'I will work with')).not.toBe('Santa Monica');
  });
});

describe('quotes written carelessly', () => {
  it('finds a quotation glued to the sentence before it', () => {
    const text = 'She was the first member from Alder County.“It is truly an honor to represent the valley,” said Rep. Wilma Frost.';
    const quote = extract(text).quotes.find((q) => q.text.includes('It is truly'));
    expect(quote?.kind).toBe('direct');
    expect(quote?.speaker).toBe('Wilma Frost');
  });

  it('reads doubled straight quotes ("") as one mark', () => {
    const text = 'The workshop was full. ""Paying for college can be a challenge,"" said Dr. Arlo Penn, the college president.';
    const quote = extract(text).quotes.find((q) => q.text.includes('Paying for college'));
    expect(quote?.kind).toBe('direct');
    expect(quote?.speaker).toBe('Arlo Penn');
  });

  it('credits a list entry, a name and a description before the quote, to that person, not the issuer', () => {
    const text = [
      'WASHINGTON – Congressman Milo Farrant (MO-07) welcomed the new research campus today.',
      'Leaders praised the plan. Dana Whitlow President and CEO of the Riverside Development Council, “Building on strengths is a great strategy for the whole region.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Building on strengths')).toBe('Dana Whitlow');
  });

  it('does not take a title-case headline before a colon for a list entry', () => {
    const text = 'Nora Vail Hammers Harbor Bank Chief: “You should resign.”\n\n“You should resign,” Vail told the bank chief.';
    expect(extract(text).speakers.map((s) => s.name)).not.toContain('Nora Vail Hammers Harbor Bank');
  });
});

describe('titles are not speech', () => {
  it('does not credit a release’s quoted headline to its issuer', () => {
    const text = '“Harbor Law Looks Worse Than Ever” WASHINGTON, D.C. – Rep. Alma Dorsey (R-WA) released a report today. “The law has failed the harbor towns,” Dorsey said.';
    const quotes = extract(text).quotes.filter((q) => q.kind === 'direct');
    expect(quotes.map((q) => q.text)).toEqual(['“The law has failed the harbor towns,”']);
  });

  it('keeps an attributed exclamation written in capitals', () => {
    const text = 'The crowd grew loud. “We Are Here!” the mayor, Tomas Reyes, shouted.';
    expect(speakerOf(text, 'We Are Here')).toBe('Tomas Reyes');
  });
});

describe('reported speech after a hearer', () => {
  it('reads the content after a named hearer with no "that"', () => {
    const text = 'The town is small. County sheriff Dale Ambrose told the Gazette even a tenth of the visitors "would be more than we can handle". Officials issued warnings.';
    const quote = extract(text).quotes.find((q) => q.text.includes('more than we can handle'));
    expect(quote?.kind).toBe('mixed');
    expect(quote?.speaker).toBe('Dale Ambrose');
  });
});

describe('more attribution forms', () => {
  it('reads a two-word reporting verb after the quote', () => {
    const text = 'Odell Marsh pressed on. “You know, it happens, right?” Marsh went on, as if he had not heard her.';
    expect(speakerOf(text, 'it happens, right')).toBe('Odell Marsh');
  });

  it('credits a quoted paragraph to the subject of "issued the following statement:" after a fronted clause', () => {
    const text = 'In response to the storm, Republican nominee Carla Ventimiglia issued the following statement:\n\n“Our prayers are with all those affected by the flooding in the valley.”';
    expect(speakerOf(text, 'Our prayers')).toBe('Carla Ventimiglia');
  });

  it('does not take a title-case headline before a colon for the speaker', () => {
    const text = 'Whitlow Addresses Harbor Attack: ‘This Cannot Continue.’\n\nThe attack shook the town.';
    expect(extract(text).speakers.map((s) => s.name).join('|')).not.toMatch(/Harbor Attack/);
  });
});

describe('transcripts', () => {
  it('credits a quoted transcript line to the speaker label that opens it, whoever is named nearby', () => {
    const text = [
      'Fox host Chris Harlan interviewed Governor Mike Dorn on Sunday about Senator Ada Voss.',
      '"HARLAN: If I may, sir, because we have got limited time. Will Ada Voss be there?"',
      '"DORN: Well, the question really should be why her campaign invited anyone at all."',
    ].join('\n\n');
    const quotes = extract(text).quotes.filter((q) => q.kind === 'direct');
    expect(quotes.map((q) => [q.speaker, q.via])).toEqual([
      ['Chris Harlan', 'speaker-label'],
      ['Mike Dorn', 'speaker-label'],
    ]);
  });

  it('splits a quoted transcript whose turns open with a mark and no close into one quote per turn, after each label', () => {
    const text = [
      'Fox host Chris Harlan interviewed Governor Mike Dorn on Sunday.',
      '"HARLAN: Let us start with the news. Your rival says this is an episode of “Harbor Tank.” Is it?',
      '"DORN: Well, look, the people have an enormously important choice to make.',
      '"HARLAN: Will Ada Voss be there?"',
    ].join('\n\n');
    const quotes = extract(text).quotes.filter((q) => q.kind === 'direct');
    expect(quotes.map((q) => [q.speaker, q.text.slice(0, 14)])).toEqual([
      ['Chris Harlan', 'Let us start w'],
      ['Mike Dorn', 'Well, look, th'],
      ['Chris Harlan', 'Will Ada Voss '],
    ]);
  });

  it('never takes the clause after a cue for a speaker', () => {
    const text = 'But, Governor, because as “The Harbor Journal” wrote, it shows people are worried about taxes, one wonders.';
    expect(extract(text).speakers.map((s) => s.name).join('|')).not.toMatch(/^,|it shows/);
  });
});

describe('descriptions, participles and neighbouring attributions', () => {
  it('reads a subject opened by "former" and a description after the quote', () => {
    const text = '"These are the darkest days for people like myself," former Harbor Board speechwriter Noam Velez wrote in a column.';
    expect(speakerOf(text, 'darkest days')).toBe('Noam Velez');
  });

  it('gives a participle cue ("…, X said, adding, “…”") the subject of the cue before it', () => {
    const text = 'Omar Dakhil left as soon as prayers were finished, Karim Nefzi said, adding, "He was not very religious."';
    expect(speakerOf(text, 'not very religious')).toBe('Karim Nefzi');
  });

  it('ends reported content at the comma before another quote’s own attribution', () => {
    const text = 'So when Harbor Mining signaled that it was going to make a deal with Mr. Clarke, Mr. Barrett said, "we were floored."';
    const quotes = extract(text).quotes;
    const reported = quotes.find((q) => q.text.startsWith('that it was going'));
    expect(reported?.text).toBe('that it was going to make a deal with Mr. Clarke');
    expect(quotes.find((q) => q.text.includes('we were floored'))?.speaker).toBe('Barrett');
  });
});

describe('subjects further away', () => {
  it('reads a role word between a place and a name after an inverted cue', () => {
    const text = '“This is just a scripted show,” said Ohio delegate Beau Corrin, angered that leaders ignored the movement.';
    expect(speakerOf(text, 'scripted show')).toBe('Beau Corrin');
  });

  it('gives a participle cue the subject of its whole sentence, across an earlier quote in it', () => {
    const text = "Mr. Dorsey hardly clarified the matter, treating the remark as a compliment -- ''That is smart'' -- and, when questioned after the debate, asserting, ''Of course, I pay my taxes.''";
    expect(speakerOf(text, 'Of course, I pay')).toBe('Dorsey');
  });
});

describe('descriptions that name someone else', () => {
  it('keeps the role that serves a person as the speaker, not the person', () => {
    const text = '“His knowledge is about 20 years old,” said a longtime adviser to Senator Ada Voss, who declined to be identified.';
    const quote = extract(text).quotes.find((q) => q.text.includes('20 years old'));
    expect(quote?.speaker).toBe('a longtime adviser to Senator Ada Voss');
    expect(extract(text).speakers.find((s) => s.name === quote?.speaker)?.kind).toBe('role');
  });

  it('reads "known as" to the name it gives', () => {
    const text = '"There never was a stand-down order," said the base chief known as Bob, speaking publicly for the first time.';
    expect(speakerOf(text, 'stand-down order')).toBe('Bob');
  });
});

describe('participles after a noun', () => {
  it('does not read a plural noun before ", telling" as a reporting verb', () => {
    const text = 'Ryan’s campaign shrugged off Dorsey’s comments, telling reporters, “Nobody on the team has ever asked for an endorsement.”';
    expect(speakerOf(text, 'Nobody on the team')).toBe('Ryan’s campaign');
  });
});

describe('reported content on the right side of its cue', () => {
  it('does not take a fronted clause for what an intent cue reports', () => {
    const text = 'After his conviction in that case last summer, Tomas Vell agreed to help with the inquiry.';
    const reported = extract(text).quotes.filter((q) => q.kind === 'indirect').map((q) => q.text);
    expect(reported).toEqual(['to help with the inquiry']);
  });
});

describe('nationalities', () => {
  it('never make a nationality the speaker of reported speech', () => {
    const text = 'The talks ended. The Turkish statement called for the safe zone to be set up east of the river.';
    expect(extract(text).quotes.map((q) => q.speaker)).not.toContain('Turkish');
  });

  it('keep a person whose surname is a nationality', () => {
    const text = 'Investor Mark Cuban spoke on Monday. Cuban said the senator sees issues as “absolutely black and white.”';
    expect(extract(text).quotes.find((q) => q.text.startsWith('the senator sees'))?.speaker).toMatch(/Mark Cuban$/);
  });
});

describe('words quoted in narration, in no attribution', () => {
  const quoteOf = (text: string, start: string) => extract(text).quotes.find((q) => q.text.includes(start));

  it('are the words of their sentence’s subject', () => {
    const text = 'Fire crews worked through the night.\n\nThe mayor of Lindfield, Oren Castell, thanked "the volunteers and the hospital staff for their calm and quick response".';
    const q = quoteOf(text, 'the volunteers');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker).toBe('Oren Castell');
    expect(q?.via).toBe('subject');
  });

  it('go to the sentence’s subject when a later cue leaves its own subject out', () => {
    const text = 'The State Highways Department gave its "warmest thanks" and said the repairs were given "close attention by engineers at every stage of the work".';
    expect(quoteOf(text, 'close attention')?.speaker).toBe('State Highways Department');
  });

  it('go to a reporting clause between the subject and the words', () => {
    const text = 'Hale “signed the waiver in March,” Senator Ada Korver said, and still "sat in on every meeting about the contract after that."';
    expect(quoteOf(text, 'sat in on every')?.speaker).toBe('Ada Korver');
  });

  it('are no one’s words when quoted right after their subject: someone is quoted about them', () => {
    const text = 'Retired admirals backed the governor.\n\nWinslow "is the only candidate with the judgment to keep the coast safe," the letter read.';
    expect(quoteOf(text, 'is the only candidate')?.speaker).not.toBe('Winslow');
  });

  it('go to the name a description after a preposition leads to', () => {
    const text = 'Talks stalled again. Trade Envoy to Norway Pieter Voss claimed, without evidence, the firm had "broken every promise it made to the fishing towns".';
    expect(quoteOf(text, 'broken every promise')?.speaker).toBe('Pieter Voss');
  });

  it('are no quotation when a possessive names them: a policy, not someone’s words', () => {
    const text = 'The council scrapped the city’s “clean streets for every ward” policy on Monday.';
    expect(extract(text).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });

  it('are no quotation when they name a thing or a law', () => {
    const text = 'The two bills were combined to become the “Rural Clinics and Recovery Support Act,” which the House passed in June.';
    expect(extract(text).quotes.filter((q) => q.kind === 'direct')).toEqual([]);
  });

  it('have no speaker in a fronted clause or a pronoun contraction', () => {
    const text = 'Despite his "famously short temper with the press," Mr. Arlo Penn stayed.\n\nThe shop uses hot glue guns. They\'re "like putting your hand in a toaster."';
    const speakers = extract(text).quotes.map((q) => q.speaker);
    expect(speakers).not.toContain('Despite');
    expect(speakers).not.toContain('They\'re');
  });
});

describe('pronouns and people named after a preposition', () => {
  it('go to a person named after a preposition only when no one else fits', () => {
    const text = 'Detectives traced the car to the base and spoke with Ms. Ilona Varga as a suspect. She told officers she had immunity, but "that she had no plans to leave the country in the near future".';
    expect(extract(text).quotes.find((q) => q.text.includes('no plans to leave'))?.speaker).toBe('Ilona Varga');
  });

  it('still prefer the subject over the hearer', () => {
    const text = 'Mayor Rhea Ost met with Ms. Dana Pell on Friday. She said, "The bridge will reopen before the school term starts."';
    expect(speakerOf(text, 'The bridge will reopen')).toBe('Rhea Ost');
  });
});

describe('people known by their age', () => {
  it('resolve a pronoun to a full name given with an age, though the given name is unknown', () => {
    const text = 'The driver, identified as Tavish Orrun, 24, was arrested at the scene. Orrun, who was described as calm, waited for the police. He told an officer: "I did not see the light change, and I am sorry for the people on the corner."';
    expect(speakerOf(text, 'I did not see the light')).toBe('Tavish Orrun');
  });
});

describe('organisations named as a reader would name them', () => {
  it('take the fullest name the document writes for them', () => {
    const text = 'Farm aid is run by the United States Department of Agriculture.\n\nThe Agriculture Department said, “Every county will get its share before the harvest.”';
    expect(speakerOf(text, 'Every county')).toBe('United States Department of Agriculture');
  });

  it('fold plurals when they match a short name to the full one', () => {
    const text = 'The Fisheries Protection Agency closed the bay.\n\nThe Fishery Agency said, “No boat may leave the harbour before Friday.”';
    expect(speakerOf(text, 'No boat may')).toBe('Fisheries Protection Agency');
  });

  it('are what a later "it" refers to once they are quoted in narration', () => {
    const text = 'The Harbour Safety Agency has, in a notice, told skippers to "keep every passenger below deck until the storm has passed." It also urged crews to "check the lifeboats twice a day while at sea."';
    expect(speakerOf(text, 'check the lifeboats')).toBe('Harbour Safety Agency');
  });

  it('never take a person with their organisation for a longer name', () => {
    const text = 'Talks were led by Marta Lindqvist of the World Trade Forum.\n\nThe Trade Forum said, “The rules will be published in May.”';
    expect(speakerOf(text, 'The rules will')).not.toMatch(/Marta/);
  });
});

describe('documents speaking for their owner', () => {
  it('credit a statement, summary or letter to the one whose it is', () => {
    const text = 'Dockers at the port belong to the Harbour Workers Union.\n\nThe union\'s official statement yesterday read "We will return to work on Monday, and we thank every family for their patience."';
    expect(speakerOf(text, 'We will return to work')).toBe('Harbour Workers Union');
  });

  it('read an acronym between the owner and the document, in reported speech too', () => {
    const text = 'The National Recording Board (NRB) asked the host to remove the tool.\n\nNRB\'s DMCA notice alleged the tool was built "to get around the protection measures" of the site.';
    const reported = extract(text).quotes.find((q) => q.text.includes('to get around'));
    expect(reported?.kind).toBe('mixed');
    expect(reported?.speaker).toBe('National Recording Board');
  });

  it('name an organisation by the name its acronym was introduced with', () => {
    const text = 'The Coastal Fisheries Council (CFC) met on Friday.\n\n"Quotas will fall by a third," CFC said. The FBI declined to comment.';
    const { quotes, speakers } = extract(text);
    expect(quotes.find((q) => q.text.includes('Quotas'))?.speaker).toBe('Coastal Fisheries Council');
    expect(speakers.map((s) => s.name)).not.toContain('CFC');
  });

  it('keep a description when no one in the document fits it', () => {
    const text = 'Ferries were cancelled.\n\nThe ministry\'s statement said, "All ferries will run on the winter timetable from Sunday."';
    expect(speakerOf(text, 'All ferries will run')).toMatch(/^the ministry$/i);
  });
});

describe('quotations reported by a pattern the quote finder does not read', () => {
  it('makes content that is one quotation and nothing else a direct quote of the reporting clause’s source', () => {
    const text = 'A 2014 Harbor Board report found “no evidence that the dredging caused the flooding of the lower town.”';
    const [quote] = extract(text).quotes;
    expect([quote.kind, quote.via]).toEqual(['direct', 'reported']);
    expect(quote.speaker).toMatch(/Harbor Board report/);
  });

  it('keeps words around the quotation mixed', () => {
    const text = 'Mayor Ines Ferreira said that the harbor plan was “a gift to developers and nobody else.”';
    expect(extract(text).quotes.map((q) => q.kind)).toEqual(['mixed']);
  });
});

describe('section headings', () => {
  it('does not continue a quote into a quoted title-case heading in the next paragraph', () => {
    const text = [
      '“The harbor will not wait for us,” Mayor Ines Ferreira said. “We have to move now.”',
      '‘Legend in the Coal Fields.’',
      'The mine closed in 1998.',
    ].join('\n\n');
    expect(extract(text).quotes.map((q) => q.text)).not.toContain('‘Legend in the Coal Fields.’');
  });
});

describe('words quoted in narration', () => {
  it('reports the words after the subject’s verb as mixed, with the quoted ones among them', () => {
    const text = 'Radio host Glenn Harlow has in the past described Mayor Ines Ferreira as “a reckless friend of every harbor developer in the state.”';
    const [quote] = extract(text).quotes;
    expect([quote.kind, quote.speaker, quote.via]).toEqual(['mixed', 'Glenn Harlow', 'subject']);
    expect(quote.text.startsWith('Mayor Ines Ferreira as “a reckless')).toBe(true);
  });

  it('keeps words quoted after a setting or a lead-in comma a direct quote', () => {
    const text = 'Senator Ada Voss also reacted on Twitter, “Sad news that our founder has died, we remember him fondly and always will.”';
    const [quote] = extract(text).quotes;
    expect([quote.kind, quote.speaker, quote.text.slice(0, 9)]).toEqual(['direct', 'Ada Voss', '“Sad news']);
  });

  it('keeps words quoted right after the verb a direct quote', () => {
    const text = 'The mayor of Bristol, Anna Whitcombe, thanked “the volunteers who worked through the night for their swift response.”';
    const [quote] = extract(text).quotes;
    expect([quote.kind, quote.speaker]).toEqual(['direct', 'Anna Whitcombe']);
  });
});

describe('a speaker’s name and role as a reader would write them', () => {
  const speakerNamed = (text: string, name: RegExp) => extract(text).speakers.find((s) => name.test(s.name));

  it('drops a possessive, and a place left in front of a given name, from the name', () => {
    const possessive = '“The levee will hold,” said Governor Ilse Marrow’s. Marrow spoke at the dam.';
    expect(extract(possessive).quotes[0]?.speaker).toBe('Ilse Marrow');
    const place = 'On Saturday, former Vice President of the United States Maria Quispe won the primary. “We won,” Quispe said.';
    expect(extract(place).quotes[0]?.speaker).toBe('Maria Quispe');
    expect(speakerNamed('On Friday former Vice President of Peru Maria Quispe said that “the border stays open.”', /Quispe/)?.role ?? null).toBeNull();
  });

  it('keeps a description that says what the person is as the role, and nothing that merely follows the name', () => {
    const described = '“We found the fault,” said Tomas Reuter, a senior engineer at Brightline Rail.';
    expect(speakerNamed(described, /Reuter/)).toMatchObject({ role: 'senior engineer', organization: 'Brightline Rail' });
    expect(speakerNamed('“We will win,” said Buck, a former college football player himself.', /Buck/)?.role).toBe('former college football player');
    for (const [text, name] of [
      ['“The count is final,” said Wanda Pell, because the ballots were in.', /Pell/],
      ['“We won the vote,” said Arno Teague, by a narrow margin on Tuesday.', /Teague/],
      ['“It was a long night,” said Imre Sollas, after the vote.', /Sollas/],
    ] as const) {
      const speaker = speakerNamed(text, name);
      expect(speaker, text).toBeDefined();
      expect(speaker?.role ?? null, text).toBeNull();
    }
  });
});

describe('words around a statement that name no speaker', () => {
  it('a statement "regarding" someone is not that person’s statement', () => {
    const text = 'On Friday, Congressman Harlan Whitcombe made the following statement regarding the death of Lina Okafor: “I learned of the tragic loss of Lina Okafor. I offer my condolences.”';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Harlan Whitcombe']);
  });

  it('a press release’s header words and a sentence’s opening preposition are no speakers', () => {
    const header = 'For Immediate Release Contact: Pat Orwell, 202-555-0100 Washington, D.C. – On Monday, Congressman Ned Arbel (R-OH) announced a wager on the game.';
    expect(extract(header).speakers.map((s) => s.name)).toEqual(['Ned Arbel']);
    const cosponsors = 'The bill has wide support. Original House Cosponsors: Ada Kestrel (D-NH), Hal Brandt (R-KY), Lyle Fenn (D-MA), and Bea Tolle (R-VA).';
    expect(extract(cosponsors).quotes).toEqual([]);
    const opener = 'Within roughly a day, the police arrested 33 people, claiming them to be smugglers.';
    expect(extract(opener).speakers.map((s) => s.name)).not.toContain('Within');
  });
});

describe('interviews written with speaker labels', () => {
  const interview = [
    'Dr. Ines Varga spoke to us about the study.',
    '((Wikinews))  What did your team find?',
    '((Ines Varga))  We found that the rats avoid harming each other, which surprised us.',
    'It held for every group we tested, male and female alike, over two years.',
    '((WN))  What comes next?',
    'We will test the same circuit in monkeys, because the anatomy is so similar.',
  ].join('\n\n\n');

  it('gives each labelled turn to its speaker, verbatim, and an answer running over paragraphs too', () => {
    const quotes = extract(interview).quotes.map((q) => [q.speaker, q.via, q.text.slice(0, 24)]);
    expect(quotes).toEqual([
      ['Wikinews', 'speaker-label', 'What did your team find?'],
      ['Ines Varga', 'speaker-label', 'We found that the rats a'],
      ['Ines Varga', 'continuation', 'It held for every group '],
      ['WN', 'speaker-label', 'What comes next?'],
    ]);
  });

  it('never gives the answer after a question, whose label the text lost, to the one who asked', () => {
    const answers = extract(interview).quotes.filter((q) => q.text.startsWith('We will test'));
    expect(answers.every((q) => q.speaker !== 'WN')).toBe(true);
  });
});

describe('people and organisations named with "of the"', () => {
  const speakerOf = (text: string) => extract(text).speakers[0];

  it('a person of an organisation is the person, with the organisation', () => {
    expect(speakerOf('Ilse Brandt of the University of Kestrel, speaking to reporters, said, “The ruling changes nothing.”')).toMatchObject({ name: 'Ilse Brandt', organization: 'University of Kestrel' });
  });

  it('an organisation’s name runs over its "of", and a role speaks for it', () => {
    expect(speakerOf('The Department of Harbours said, “We will appeal the ruling.”')?.name).toMatch(/Department of Harbours$/);
    expect(speakerOf('A spokesman for the Department of Harbours said, “We will appeal.”')).toMatchObject({ kind: 'role', role: 'spokesman', organization: 'Department of Harbours' });
    expect(speakerOf('Officials of the Port Authority said, “We will appeal the ruling soon.”')).toMatchObject({ kind: 'role', role: 'Officials', organization: 'Port Authority' });
  });
});

describe('organisations named after a person', () => {
  it('are organisations, and a "he" is never one', () => {
    expect(extract('“We fund new toilets,” said the Harriet Vance Foundation.').speakers.map((s) => [s.name, s.kind])).toEqual([['Harriet Vance Foundation', 'organization']]);
    const text = 'Support came from the Omar Tull Foundation. “I am excited to contribute,” he remarked.';
    expect(extract(text).quotes[0]?.speaker ?? null).not.toBe('Omar Tull Foundation');
  });
});

describe('statements made after a vote', () => {
  it('"X made this statement following the vote:" is X’s', () => {
    const text = 'Last night the House voted on the bill. Congressman Reuben Alder made this statement following the vote: “The bill is a sham, and the voters know it.”';
    expect(extract(text).quotes.map((q) => q.speaker)).toEqual(['Reuben Alder']);
  });
});
