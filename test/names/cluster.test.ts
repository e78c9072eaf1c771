import { describe, expect, it } from 'vitest';
import { clusterNames, type NameCandidate } from '#shared/names/index.ts';
import { NameEvidenceSchema } from '#shared/schema.ts';

let order = 0;
const mention = (key: string, name: string, extra: Partial<NameCandidate> = {}): NameCandidate => ({ key, name, order: (order += 10), ...extra });

function clusterOf(clusters: ReturnType<typeof clusterNames>, key: string) {
  const found = clusters.find((c) => c.keys.includes(key));
  if (!found) throw new Error(`no cluster holds ${key}`);
  return found;
}

describe('clusterNames', () => {
  const article = [
    mention('a1', 'Dr. Marta Lindqvist-Oberholt'),
    mention('a2', 'Dr. Hugo Pell'),
    mention('a3', 'Lindquist-Oberhold'),
    mention('a4', 'Pell'),
    mention('a5', 'Lindqvist-Oberhold'),
    mention('a6', 'Marrow Health'),
    mention('a7', 'Marta'),
    mention('a8', 'Lindqvist-Oberholt'),
  ];

  it('puts spelling variants of one person in one cluster with the fullest, first form as canonical', () => {
    const clusters = clusterNames(article);
    const marta = clusterOf(clusters, 'a1');
    expect(marta.keys).toEqual(['a1', 'a3', 'a5', 'a7', 'a8']);
    expect(marta.canonical).toBe('Marta Lindqvist-Oberholt');
    expect(marta.variants).toEqual(['Lindquist-Oberhold', 'Lindqvist-Oberhold']);
    expect(marta.variantKeys).toEqual({ 'Lindquist-Oberhold': ['a3'], 'Lindqvist-Oberhold': ['a5'] });
    expect(marta.confidence).toBeGreaterThan(0.5);
    expect(marta.confidence).toBeLessThanOrEqual(1);
  });

  it('gives schema-valid evidence for every variant, with the phonetic codes', () => {
    const marta = clusterOf(clusterNames(article), 'a1');
    expect(marta.evidence).toHaveLength(2);
    for (const e of marta.evidence) {
      expect(NameEvidenceSchema.parse(e)).toEqual(e);
      expect(e.canonical).toBe('Marta Lindqvist-Oberholt');
      expect(e.reasons.length).toBeGreaterThan(0);
      expect(e.codes).toBeDefined();
    }
    expect(marta.evidence[1].reasons.join(' ')).toMatch(/oberhold ~ oberholt/);
  });

  it('treats a surname-only mention with the same spelling as a short reference, not a variant', () => {
    const clusters = clusterNames(article);
    const pell = clusterOf(clusters, 'a2');
    expect(pell.keys).toEqual(['a2', 'a4']);
    expect(pell.variants).toEqual([]);
    expect(pell.canonical).toBe('Hugo Pell');
  });

  it('treats a surname with its particle as a short reference ("Le Pen", "de Vries")', () => {
    const clusters = clusterNames([mention('l1', 'Corinne Le Brasseur'), mention('l2', 'Le Brasseur'), mention('l3', 'Pieter de Vaart'), mention('l4', 'De Vaart')]);
    expect(clusters.map((c) => c.keys)).toEqual([['l1', 'l2'], ['l3', 'l4']]);
    expect(clusters[1].variants).toEqual([]);
  });

  it('never merges an organisation with a person', () => {
    const clusters = clusterNames([mention('o1', 'Marrow Health'), mention('p1', 'Abigail Marrow'), mention('p2', 'Marrow')]);
    expect(clusterOf(clusters, 'o1').keys).toEqual(['o1']);
    expect(clusterOf(clusters, 'o1').kind).toBe('organization');
    expect(clusterOf(clusters, 'p2').keys).toEqual(['p1', 'p2']);
  });

  it('keeps close but different names apart', () => {
    const clusters = clusterNames([
      mention('p1', 'Katherine Oyster'),
      mention('p2', 'Katherine Foster'),
      mention('p3', 'Dana Sanders'),
      mention('p4', 'Dana Sandberg'),
      mention('p5', 'Sandberg'),
      mention('p6', 'Oyster'),
    ]);
    expect(clusters).toHaveLength(4);
    expect(clusterOf(clusters, 'p5').keys).toEqual(['p4', 'p5']);
    expect(clusterOf(clusters, 'p6').keys).toEqual(['p1', 'p6']);
  });

  it('leaves an ambiguous short reference apart (two Smiths, a bare "Smith")', () => {
    const clusters = clusterNames([mention('s1', 'John Smith'), mention('s2', 'Jane Smith'), mention('s3', 'Smith'), mention('s4', 'Jane')]);
    expect(clusters.map((c) => c.keys)).toEqual([['s1'], ['s2', 's4'], ['s3']]);
  });

  it('lets a shared organisation or role settle an ambiguous short reference', () => {
    const clusters = clusterNames([
      mention('r1', 'John Smith', { organization: 'Harbor Steelworks' }),
      mention('r2', 'Jane Smith', { organization: 'Lakeview Clinic' }),
      mention('r3', 'Smith', { organization: 'Lakeview Clinic' }),
    ]);
    expect(clusterOf(clusters, 'r3').keys).toEqual(['r2', 'r3']);
  });

  it('uses a title given beside the name to tell relatives apart', () => {
    const mr = clusterNames([mention('t1', 'Avery Holt', { title: 'Mr.' }), mention('t2', 'Mrs. Holt')]);
    expect(mr.map((c) => c.keys)).toEqual([['t1'], ['t2']]);
    const mrs = clusterNames([mention('u1', 'Avery Holt', { title: 'Mrs.' }), mention('u2', 'Mrs. Holt')]);
    expect(mrs.map((c) => c.keys)).toEqual([['u1', 'u2']]);
  });

  it('joins a lone word to the one organisation it names when no kind is stated', () => {
    const clusters = clusterNames([mention('g1', 'Marrow Health'), mention('g2', 'Marrow Health Eastside Clinic'), mention('g3', 'Marrow')]);
    const marrow = clusterOf(clusters, 'g1');
    expect(marrow.keys).toEqual(['g1', 'g3']);
    expect(marrow.kind).toBe('organization');
    expect(marrow.canonical).toBe('Marrow Health');
    const stated = clusterNames([mention('h1', 'Marrow Health'), mention('h2', 'Marrow', { kind: 'person' })]);
    expect(stated).toHaveLength(2);
    const rejected = clusterNames([mention('j1', 'Marrow Health'), mention('j2', 'Marrow')], { keepApart: [['Marrow', 'Marrow Health']] });
    expect(rejected).toHaveLength(2);
  });

  it('joins a hyphenated given name used alone', () => {
    const clusters = clusterNames([mention('j1', 'Anne-Sophie Marchetti'), mention('j2', 'Anne-Sophie'), mention('j3', 'Paul Ortiz')]);
    expect(clusters.map((c) => c.keys)).toEqual([['j1', 'j2'], ['j3']]);
  });

  it('joins a given-name-only reference and a nickname to the one person they fit', () => {
    const clusters = clusterNames([mention('n1', 'Elizabeth Quarry'), mention('n2', 'Beth Quarry'), mention('n3', 'Elizabeth'), mention('n4', 'Tom Ashby')]);
    const liz = clusterOf(clusters, 'n1');
    expect(liz.keys).toEqual(['n1', 'n2', 'n3']);
    expect(liz.variants).toEqual(['Beth Quarry']);
    expect(liz.evidence[0].reasons.join(' ')).toMatch(/nickname/);
  });

  it('joins familiar forms from the fuller hypocorism list, and keeps look-alike given names apart', () => {
    const clusters = clusterNames([
      mention('h1', 'Edgar Pownall'),
      mention('h2', 'Eddie Pownall'),
      mention('h3', 'Tony Brackwell'),
      mention('h4', 'Toby Brackwell'),
      mention('h5', 'Eloise Fennimore'),
      mention('h6', 'Elaine Fennimore'),
      mention('h7', 'Toby'),
    ]);
    expect(clusters.map((c) => c.keys)).toEqual([['h1', 'h2'], ['h3'], ['h4', 'h7'], ['h5'], ['h6']]);
  });

  it('keeps "Al Jenkinson" and "John Jenkinson" apart, so a bare "Jenkinson" stays ambiguous', () => {
    const clusters = clusterNames([mention('j1', 'Al Jenkinson'), mention('j2', 'John Jenkinson'), mention('j3', 'Jenkinson'), mention('j4', 'Al')]);
    expect(clusters.map((c) => c.keys)).toEqual([['j1', 'j4'], ['j2'], ['j3']]);
  });

  it('reads a peerage name as a person', () => {
    const clusters = clusterNames([mention('e1', 'Edmund Wexcombe, 5th Earl of Harrowgate'), mention('e2', 'Wexcombe'), mention('e3', 'Harrowgate Council')]);
    expect(clusters.map((c) => [c.keys, c.kind, c.canonical])).toEqual([
      [['e1', 'e2'], 'person', 'Edmund Wexcombe'],
      [['e3'], 'organization', 'Harrowgate Council'],
    ]);
  });

  it('never merges a place or an organisation into a person, whatever kind the caller gave', () => {
    const clusters = clusterNames([
      mention('t1', 'Turkish President Recep Tayyip Erdoğan', { kind: 'person' }),
      mention('t2', 'Turkey', { kind: 'person' }),
      mention('t3', 'Erdoğan', { kind: 'person' }),
      mention('t4', 'Turkey', { kind: 'organization' }),
      mention('t5', 'Lisa Chin', { kind: 'person' }),
      mention('t6', 'China', { kind: 'person' }),
      mention('t7', 'Chin', { kind: 'person' }),
      mention('t8', 'Mehmet Turkel', { kind: 'person' }),
    ]);
    expect(clusterOf(clusters, 't1').keys).toEqual(['t1', 't3']);
    expect(clusterOf(clusters, 't1').canonical).toBe('Recep Tayyip Erdoğan');
    expect(clusterOf(clusters, 't2').keys).toEqual(['t2']);
    expect(clusterOf(clusters, 't4').keys).toEqual(['t4']);
    expect(clusterOf(clusters, 't5').keys).toEqual(['t5', 't7']);
    expect(clusterOf(clusters, 't6').keys).toEqual(['t6']);
    expect(clusterOf(clusters, 't8').keys).toEqual(['t8']);
  });

  it('finds sound-alike surnames whose spellings start differently', () => {
    const clusters = clusterNames([mention('q1', 'Nora Kearney'), mention('q2', 'Nora Carney'), mention('q3', 'Carney')]);
    expect(clusters.map((c) => c.keys)).toEqual([['q1', 'q2', 'q3']]);
    expect(clusters[0].variants).toEqual(['Nora Carney', 'Carney']);
  });

  it('never merges pairs the caller marked as different people', () => {
    const names = [mention('k1', 'Marta Lindqvist'), mention('k2', 'Marta Lindquist'), mention('k3', 'Lindquist')];
    expect(clusterNames(names)).toHaveLength(1);
    const apart = clusterNames(names, { keepApart: [['Marta Lindqvist', 'Marta Lindquist']] });
    expect(apart.map((c) => c.keys)).toEqual([['k1'], ['k2', 'k3']]);
  });

  it('does not chain A~B~C into one person when A and C disagree', () => {
    const clusters = clusterNames([mention('c1', 'J. Penhallow'), mention('c2', 'Jonas Penhallow'), mention('c3', 'Julia Penhallow')]);
    expect(clusterOf(clusters, 'c2').keys).not.toContain('c3');
  });

  it('clusters organisations by their names without legal forms', () => {
    const clusters = clusterNames([mention('o1', 'Brannock Mills, Inc.'), mention('o2', 'Brannock Mills Incorporated'), mention('o3', 'Riverside Nurses Union')]);
    expect(clusters.map((c) => c.keys)).toEqual([['o1', 'o2'], ['o3']]);
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = [...article].reverse();
    expect(clusterNames(shuffled)).toEqual(clusterNames(article));
    expect(clusterNames(article)).toEqual(clusterNames(article));
  });

  it('ignores empty names and handles an empty list', () => {
    expect(clusterNames([])).toEqual([]);
    expect(clusterNames([mention('e1', '   '), mention('e2', '')])).toEqual([]);
    const odd = [{ key: 'o1', name: 'Hugo Pell', order: Number.NaN }, { key: 'o2', name: 'Pell', order: 5 }, { key: 'o3', name: 42 as unknown as string, order: 1 }];
    expect(clusterNames(odd).map((c) => c.keys)).toEqual([['o2', 'o1']]);
  });

  it('stays fast on a large input by comparing only within blocks', () => {
    const given = ['Anna', 'Boris', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas'];
    const family = ['Abbott', 'Brennan', 'Carvalho', 'Dietrich', 'Eklund', 'Fujita', 'Gallo', 'Halvorsen', 'Ibarra', 'Jovanovic', 'Kowalczyk', 'Lindgren', 'Moreau', 'Nakamura', 'Okafor'];
    const many: NameCandidate[] = [];
    for (let i = 0; i < 3000; i++) many.push({ key: `m${i}`, name: `${given[i % 10]} ${family[(i * 7) % 15]}${i % 3 === 0 ? '' : ''}`, order: i });
    const clusters = clusterNames(many);
    // 10 × 15 combinations occur, each one person; the test has a generous time limit and asserts the result.
    expect(clusters.length).toBeLessThanOrEqual(150);
    expect(clusters.reduce((n, c) => n + c.keys.length, 0)).toBe(3000);
  });
});
