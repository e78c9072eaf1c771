/**
 * Places (countries, regions, cities) and demonyms, from compromise's lexicon (data/places.generated.ts)
 * plus the common forms it lacks. Built on first use.
 */
import { CITIES, COUNTRIES, DEMONYMS, REGIONS } from './data/places.generated.ts';

/** Common forms compromise's lexicon does not tag as places. */
const EXTRA_PLACES = ['britain', 'great britain', 'europe', 'africa', 'asia', 'latin america', 'middle east', 'u.s.', 'u.k.', 'türkiye'];
const EXTRA_DEMONYMS = ['turkish', 'british', 'european', 'kurdish', 'dutch', 'welsh', 'scottish', 'irish', 'english', 'spanish', 'danish', 'swedish', 'finnish', 'polish'];

/** First words that make a two-word name a place the lexicon lacks: "Santa Monica", "Fort Myers". */
const PLACE_PREFIX = /^(?:santa|san|los|las|fort|port|mount|lake) \S+$/;

let places: Map<string, PlaceKind> | undefined;
let demonyms: Set<string> | undefined;

export type PlaceKind = 'country' | 'region' | 'city';

const lines = (text: string) => text.split('\n').filter(Boolean);
const fold = (name: string) => name.trim().toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ');

/** 'country', 'region' or 'city' for the name of a place as a whole ("Turkey", "the United States", "Michigan"). */
export function placeKind(name: string): PlaceKind | undefined {
  if (!places) {
    places = new Map();
    // Cities first: a name that is also a country or region ("New York", "Mexico") is the larger place.
    for (const [kind, list] of [['city', lines(CITIES)], ['region', lines(REGIONS)], ['country', [...lines(COUNTRIES), ...EXTRA_PLACES]]] as const) {
      for (const place of list) places.set(place, kind);
    }
  }
  const folded = fold(name);
  return places.get(folded) ?? (PLACE_PREFIX.test(folded) ? 'city' : undefined);
}

export function isPlaceName(name: string): boolean {
  return placeKind(name) !== undefined;
}

/** True for a demonym or national adjective ("Syrian", "Turkish"). */
export function isDemonym(word: string): boolean {
  demonyms ??= new Set([...lines(DEMONYMS), ...EXTRA_DEMONYMS]);
  return demonyms.has(fold(word));
}
