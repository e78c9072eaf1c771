/** Deterministic generated articles for the load scripts: named speakers, direct and indirect quotes, figures. */

export interface SeedDoc {
  id: string;
  title?: string;
  text: string;
  publishedAt?: string;
  source?: string;
}

const FIRST = ['Maria', 'James', 'Aisha', 'Tomas', 'Li', 'Fatima', 'Oliver', 'Priya', 'Kwame', 'Elena', 'Hiroshi', 'Grace', 'Mateo', 'Ingrid', 'Omar', 'Chloe'];
const LAST = ['Alvarez', 'Okonkwo', 'Lindqvist', 'Nakamura', 'Brennan', 'Haddad', 'Kowalski', 'Osei', 'Fitzgerald', 'Moreau', 'Sato', 'Delgado', 'Whitaker'];
const TOPICS = ['budget', 'hospital', 'ferry', 'library', 'housing', 'transit', 'school', 'water', 'energy', 'harbour', 'police', 'climate'];
const VERBS = ['will fund', 'cannot ignore', 'must protect', 'has delayed', 'will review', 'supports', 'opposes', 'is expanding'];

/** `count` articles numbered from `first`: the same numbers always give the same articles. */
export function generated(count: number, first = 0): SeedDoc[] {
  return articles(first + count).slice(first);
}

function articles(count: number): SeedDoc[] {
  let seed = 42;
  const pick = <T>(list: T[]) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length];
  return Array.from({ length: count }, (_, i) => {
    const a = `${pick(FIRST)} ${pick(LAST)}`;
    const b = `${pick(FIRST)} ${pick(LAST)}`;
    const topic = pick(TOPICS);
    const day = new Date(Date.UTC(2019, 0, 1) + i * 86_400_000 * 0.7).toISOString().slice(0, 10);
    const text = [
      `Council debates the ${topic} plan`,
      `The city council met on Tuesday to debate the ${topic} plan, which would cost ${10 + (i % 90)} million dollars over ${2 + (i % 5)} years.`,
      `"The council ${pick(VERBS)} the ${topic} plan because residents asked for it," said ${a}, who chairs the ${topic} committee.`,
      `${b} said that the ${topic} plan ${pick(VERBS)} the ${pick(TOPICS)} programme and that costs had risen by ${5 + (i % 30)} percent.`,
      `"We ${pick(VERBS)} every ${pick(TOPICS)} project in this city," ${a.split(' ')[1]} said. "Nobody should be surprised."`,
    ].join('\n\n');
    return { id: `gen-${i}`, title: `Council debates the ${topic} plan (${i})`, text, publishedAt: day, source: i % 2 ? 'gazette' : 'herald' };
  });
}

