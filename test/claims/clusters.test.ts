import { afterEach, describe, expect, it } from 'vitest';
import { clusterClasses, parseClusters } from '#shared/claims/clusters.ts';
import { ngramFeatures, useWordClusters } from '#shared/claims/ngrams.ts';
import { WORD_CLUSTERS } from '#shared/lexicon/data/word-clusters.generated.ts';

// A made-up table in the generated format: line n is fine cluster n, its first field the coarse cluster.
const FIXTURE = `
0 taxes tariffs levies
0 wages salaries
1 rose fell climbed
`;

describe('word clusters', () => {
  it('reads one fine cluster a line with its coarse cluster', () => {
    const table = parseClusters(FIXTURE);
    expect(table.get('tariffs')).toEqual({ fine: 0, coarse: 0 });
    expect(table.get('salaries')).toEqual({ fine: 1, coarse: 0 });
    expect(table.get('climbed')).toEqual({ fine: 2, coarse: 1 });
    expect(table.get('giraffes')).toBeUndefined();
  });

  it('maps tokens to classes, a token outside the table standing for itself', () => {
    const table = parseClusters(FIXTURE);
    expect(clusterClasses(['tariffs', 'rose', '00', '%'], table)).toEqual({ fine: ['f0', 'f2', '00', '%'], coarse: ['c0', 'c1', '00', '%'] });
    expect(clusterClasses(['levies', 'climbed'], table)).toEqual(clusterClasses(['taxes', 'fell'], table));
  });

  it('the generated table puts words used alike together', () => {
    const table = parseClusters(WORD_CLUSTERS);
    expect(table.size).toBeGreaterThan(20000);
    expect(table.get('billion')?.fine).toBe(table.get('million')?.fine);
    expect(table.get('tariffs')?.fine).toBe(table.get('taxes')?.fine);
    expect(table.get('wednesday')?.fine).toBe(table.get('tuesday')?.fine);
  });
});

describe('cluster n-grams (the fit script’s --clusters experiment)', () => {
  afterEach(() => useWordClusters(undefined));
  const shared = (a: string, b: string) => {
    const x = new Set(ngramFeatures(a).index);
    return ngramFeatures(b).index.filter((i) => x.has(i)).length;
  };

  it('are off by default, as the fitted weights expect', () => {
    const before = ngramFeatures('Tariffs rose.');
    useWordClusters(parseClusters(FIXTURE));
    expect(ngramFeatures('Tariffs rose.').index.length).toBeGreaterThan(before.index.length);
    useWordClusters(undefined);
    expect(ngramFeatures('Tariffs rose.')).toEqual(before);
  });

  it('make sentences with words of one cluster share buckets', () => {
    const without = shared('Levies climbed.', 'Taxes fell.');
    useWordClusters(parseClusters(FIXTURE));
    expect(shared('Levies climbed.', 'Taxes fell.')).toBeGreaterThanOrEqual(without + 4); // f, c unigrams and c bigrams
  });
});
