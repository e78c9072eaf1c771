/**
 * Distributional word clusters (shared/lexicon/data/word-clusters.generated.ts, built offline from word vectors by
 * scripts/build-word-clusters.ts): words used alike share a cluster, so a model can weigh a word it never saw in
 * training ("tariffs") by what it learnt of its neighbours ("taxes"). Two granularities: a fine cluster and the
 * coarse cluster that contains it. Used only by `fit-claims.ts --clusters` (an experiment, not in today's model),
 * so nothing loads the table at run time.
 */

export interface WordCluster {
  fine: number;
  coarse: number;
}

export type ClusterTable = Map<string, WordCluster>;

/** Reads the generated format: one fine cluster a line, its coarse cluster first, then its words. */
export function parseClusters(text: string): ClusterTable {
  const table: ClusterTable = new Map();
  text
    .trim()
    .split('\n')
    .forEach((line, fine) => {
      const [coarse, ...words] = line.split(' ');
      const cluster = { fine, coarse: Number(coarse) };
      for (const w of words) table.set(w, cluster);
    });
  return table;
}

/**
 * The class sequences read beside the words: each token's fine and coarse cluster ("f12", "c3"); a token outside
 * the table stands for itself in both, so digits ("0"), "$", "%" and "?" stay classes of their own.
 */
export function clusterClasses(tokens: string[], table: ClusterTable): { fine: string[]; coarse: string[] } {
  const fine: string[] = [];
  const coarse: string[] = [];
  for (const t of tokens) {
    const c = table.get(t);
    fine.push(c ? `f${c.fine}` : t);
    coarse.push(c ? `c${c.coarse}` : t);
  }
  return { fine, coarse };
}
