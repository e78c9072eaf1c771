import { describe, expect, it } from 'vitest';
import { splitSentences } from '#shared/text/sentences.ts';

const texts = (text: string, from?: number, to?: number) =>
  splitSentences(text, from, to).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits plain sentences and trims whitespace', () => {
    expect(texts('  The vote passed. Turnout was low!  Was it fair?  ')).toEqual([
      'The vote passed.',
      'Turnout was low!',
      'Was it fair?',
    ]);
  });

  it('keeps titles and abbreviations inside the sentence', () => {
    expect(texts('Dr. Ana Ruiz met Sen. Bo Lund and Mr. Kay on Jan. 5 at Acme Inc. headquarters. They talked.')).toEqual([
      'Dr. Ana Ruiz met Sen. Bo Lund and Mr. Kay on Jan. 5 at Acme Inc. headquarters.',
      'They talked.',
    ]);
  });

  it('ends a sentence after an ambiguous abbreviation when a typical opener follows', () => {
    expect(texts('She works for Brightwater Inc. The company makes pumps.')).toEqual([
      'She works for Brightwater Inc.',
      'The company makes pumps.',
    ]);
    expect(texts('Troops left the U.S. The base closed.')).toEqual(['Troops left the U.S.', 'The base closed.']);
  });

  it('keeps dotted acronyms, times, initials and decimals together', () => {
    expect(texts('The U.S. economy grew 3.5 percent by 9 a.m. Tuesday, said J. R. R. Miller. Costs hit $1.2 billion.')).toEqual([
      'The U.S. economy grew 3.5 percent by 9 a.m. Tuesday, said J. R. R. Miller.',
      'Costs hit $1.2 billion.',
    ]);
  });

  it('handles numbered abbreviations only before numbers', () => {
    expect(texts('It ranked No. 4 in the state. I said no. Then I left.')).toEqual([
      'It ranked No. 4 in the state.',
      'I said no.',
      'Then I left.',
    ]);
  });

  it('keeps bill numbers together', () => {
    expect(texts('He voted for H.R. 338 and H.Con.Res. 292 and H. Res. 5 today. It passed. The total was 500. 300 more came.')).toEqual([
      'He voted for H.R. 338 and H.Con.Res. 292 and H. Res. 5 today.',
      'It passed.',
      'The total was 500.',
      '300 more came.',
    ]);
  });

  it('handles ellipses: a break before a capital, none before lower case', () => {
    expect(texts('We waited... and waited… Then the bus came.')).toEqual(['We waited... and waited…', 'Then the bus came.']);
  });

  it('keeps closing quote marks with the sentence they end', () => {
    expect(texts('“We won the vote.” The crowd cheered. He said, "It is over." Then he left.')).toEqual([
      '“We won the vote.”',
      'The crowd cheered.',
      'He said, "It is over."',
      'Then he left.',
    ]);
    expect(texts('“Why now?” she asked. “Because it’s time,’” he said.')).toEqual([
      '“Why now?” she asked.',
      '“Because it’s time,’” he said.',
    ]);
  });

  it('always breaks at paragraph breaks, even without punctuation', () => {
    expect(texts('Headline with no stop\n\nFirst body sentence.\r\n\r\nLeave a Comment\n  \nEnd')).toEqual([
      'Headline with no stop',
      'First body sentence.',
      'Leave a Comment',
      'End',
    ]);
  });

  it('returns offsets exactly into the input and honours from/to', () => {
    const text = 'Skip this. Keep this one. And this. Not this.';
    const from = text.indexOf('Keep');
    const to = text.indexOf('Not');
    const spans = splitSentences(text, from, to);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Keep this one.', 'And this.']);
    expect(spans[0].start).toBe(from);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\t ')).toEqual([]);
  });

  it('splits non-English text with the same punctuation rules', () => {
    expect(texts('Der Bürgermeister sprach. Él dijo que sí! Это правда?')).toEqual([
      'Der Bürgermeister sprach.',
      'Él dijo que sí!',
      'Это правда?',
    ]);
    expect(texts('市长发表讲话。他说：「我们赢了！」然后离开了。')).toEqual(['市长发表讲话。', '他说：「我们赢了！」', '然后离开了。']);
    expect(texts('वहाँ पे काम किया। सब जगह किया।')).toEqual(['वहाँ पे काम किया।', 'सब जगह किया।']);
  });

  it('splits 2 MB of text quickly with contiguous, ordered spans', () => {
    const paragraph = 'Dr. Lee said the U.S. plan cost $1.2 billion. “It works,” she said. Output rose 3.5 percent!\n\n';
    const text = paragraph.repeat(Math.ceil(2_000_000 / paragraph.length));
    const started = performance.now();
    const spans = splitSentences(text);
    const elapsed = performance.now() - started;
    expect(spans.length).toBe(3 * Math.ceil(2_000_000 / paragraph.length));
    const outOfOrder = spans.filter((s, i) => i > 0 && s.start < spans[i - 1].end);
    expect(outOfOrder).toEqual([]);
    expect(elapsed).toBeLessThan(5000); // a guard against pathological slowness only; the real figure is ~250 ms
  });
});
