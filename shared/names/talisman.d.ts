// talisman ships no type declarations; these cover the two metrics quotedesk uses.
declare module 'talisman/metrics/jaro-winkler.js' {
  const jaroWinkler: (a: string, b: string) => number;
  export default jaroWinkler;
}
declare module 'talisman/metrics/damerau-levenshtein.js' {
  const damerauLevenshtein: (a: string, b: string) => number;
  export default damerauLevenshtein;
}
