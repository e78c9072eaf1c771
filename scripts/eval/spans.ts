/**
 * Span matching shared by the quote evaluators (PolNeAR in ./quotes.ts, resolved speakers in ./resolved.ts).
 * Offsets are UTF-16 offsets into the document text, as in the gold files and the extraction.
 */

export interface Span {
  start: number;
  end: number;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The README's matching rule. For each prediction, the gold fragments it matches: those it covers by at
 * least half, restricted to the one group (PolNeAR attribution, resolved-gold quotation) with the most
 * covered characters, so one prediction may cover several fragments but only of one group.
 */
export function matchPredictions<G extends Span>(predictions: Span[], gold: G[], groupOf: (g: G) => string): number[][] {
  return predictions.map((p) => {
    const byGroup = new Map<string, { covered: number; fragments: number[] }>();
    gold.forEach((g, i) => {
      const length = g.end - g.start;
      const o = overlap(p, g);
      if (length <= 0 || o * 2 < length) return;
      const key = groupOf(g);
      const entry = byGroup.get(key) ?? { covered: 0, fragments: [] };
      entry.covered += o;
      entry.fragments.push(i);
      byGroup.set(key, entry);
    });
    let best: { covered: number; fragments: number[] } | undefined;
    for (const entry of byGroup.values()) if (!best || entry.covered > best.covered) best = entry;
    return best?.fragments ?? [];
  });
}

/** Gold fragment index → index of the first prediction matching it (the output of matchPredictions, inverted). */
export function matchedBy(matches: number[][]): Map<number, number> {
  const byFragment = new Map<number, number>();
  matches.forEach((fragments, p) => {
    for (const f of fragments) if (!byFragment.has(f)) byFragment.set(f, p);
  });
  return byFragment;
}

/** Characters trimmed off both ends for exact-span matching: white space, punctuation (quote marks included), and ` ´. */
const TRIMMABLE = /[\s\p{P}`´]/u;

/** The span with spaces, punctuation and quote marks removed at both ends (an empty span when nothing else is left). */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && TRIMMABLE.test(text[start])) start++;
  while (end > start && TRIMMABLE.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * Exact-span matching. A prediction matches exactly when its trimmed span equals the trimmed span of
 * one gold fragment, or of a run of consecutive fragments of one group separated only by trimmable
 * characters (PolNeAR sometimes cuts one contiguous content span at a sentence or paragraph break; a
 * prediction of the whole stretch is as exact as the annotation). A prediction that spans fragments
 * with the interrupting attribution between them ("“…,” she said, “…”") matches none: it holds words
 * that are not the content. Returns, for each prediction, the fragments it matches exactly.
 */
export function matchExact<G extends Span>(text: string, predictions: Span[], gold: G[], groupOf: (g: G) => string): number[][] {
  const key = (s: Span) => `${s.start}:${s.end}`;
  const targets = new Map<string, number[]>();
  const groups = new Map<string, number[]>();
  gold.forEach((g, i) => groups.set(groupOf(g), [...(groups.get(groupOf(g)) ?? []), i]));
  for (const members of groups.values()) {
    members.sort((a, b) => gold[a].start - gold[b].start);
    for (let i = 0; i < members.length; i++) {
      let end = gold[members[i]].end;
      for (let j = i; j < members.length; j++) {
        const next = gold[members[j]];
        // Stop the run at a gap holding anything but trimmable characters (overlapping fragments have no gap).
        const gap = trimSpan(text, { start: end, end: next.start });
        if (j > i && gap.end > gap.start) break;
        end = Math.max(end, next.end);
        const trimmed = trimSpan(text, { start: gold[members[i]].start, end });
        if (trimmed.end > trimmed.start && !targets.has(key(trimmed))) targets.set(key(trimmed), members.slice(i, j + 1));
      }
    }
  }
  return predictions.map((p) => targets.get(key(trimSpan(text, p))) ?? []);
}
