/** Word lists for reading figures (figures.ts, comparison.ts): data, not logic. */

/** Currency symbols and words → ISO 4217 codes. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD', US$: 'USD', CDN$: 'CAD', CA$: 'CAD', C$: 'CAD', AU$: 'AUD', A$: 'AUD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD',
  '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR',
};
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', yen: 'JPY',
  yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', pesos: 'MXN', peso: 'MXN',
};

/** Scale words and abbreviations ("$1.13bn", "4.5 trillion", "20k"). */
export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, billions: 1e9,
  bn: 1e9, b: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12, t: 1e12,
};

/** Words before a figure that bound it: "over 500 days" is at least 500 days. */
export const BOUNDS: Array<[RegExp, 'at-least' | 'at-most' | 'about']> = [
  // negated forms first: "no more than 15,000" is at most 15,000
  [/\b(?:no|not) (?:more|greater|higher|larger) than\s*$/i, 'at-most'],
  [/\b(?:no|not) (?:fewer|less|lower|smaller) than\s*$/i, 'at-least'],
  [/\b(?:over|more than|above|at least|upwards of|in excess of|exceeding|no fewer than|no less than|greater than|higher than|as many as|as much as)\s*$/i, 'at-least'],
  [/\b(?:under|less than|fewer than|below|at most|up to|no more than|lower than|not more than|only|just)\s*$/i, 'at-most'],
  [/\b(?:about|around|approximately|roughly|nearly|almost|some|an estimated|estimated|close to|circa|approx\.|~)\s*$/i, 'about'],
];

/** Units of time, for durations ("over 500 days") and rates ("per year"). */
export const TIME_UNITS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'decade', 'decades', 'century', 'centuries',
]);

/** Words that follow a number but are not what it counts. */
export const NOT_UNITS = new Set([
  'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'than', 'the', 'a', 'an', 'is', 'was', 'are', 'were',
  'has', 'have', 'had', 'will', 'would', 'that', 'this', 'who', 'which', 'as', 'per', 'percent', 'be', 'been', 'it', 'its',
  'their', 'his', 'her', 'our', 'more', 'less', 'times', 'after', 'before', 'since', 'during', 'ago', 'later', 'earlier', 'each',
  'every', 'last', 'next', 'over', 'under', 'about', 'into', 'across', 'among', 'between', 'up', 'down', 'out', 'off', 'so', 'but',
  'if', 'than', 'while', 'when', 'where', 'also', 'now', 'then', 'all', 'both', 'some', 'not', 'no',
]);

/** Plural nouns without an -s: a counted noun ends the unit's noun phrase. */
export const IRREGULAR_PLURALS = new Set([
  'people', 'men', 'women', 'children', 'staff', 'police', 'personnel', 'cattle', 'sheep', 'fish', 'feet', 'teeth', 'mice',
  'geese', 'deer', 'troops', 'data', 'media', 'crew', 'faculty',
]);

/** Number words read by compromise (its numbers plugin, part of compromise 14): "three million", "two and a half". */
export const NUMBER_WORD =
  /\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|third|thirds|quarter|quarters)(?:[\s-]+(?:and[\s-]+)?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|half|third|thirds|quarter|quarters))*)\b/gi;

/** Number words that are not a figure on their own ("a", "one of them", "half-hearted"). */
export const WEAK_NUMBER_WORDS = new Set(['a', 'one', 'half', 'a half', 'third', 'quarter']);

/** Period expressions: when the figure holds. */
export const PERIOD =
  /\b(?:(?:in|during|since|by|until|through|before|after|for|from)\s+)?(?:(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:quarter|half)\s+of\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:1[6-9]\d\d|20\d\d)(?:s)?(?:\s*(?:[–-]|to|and)\s*(?:1[6-9]\d\d|20\d\d))?\b|\b(?:last|next|this|past|previous|the past|the last|the next)\s+(?:\d+\s+|few\s+|two\s+|three\s+|five\s+|ten\s+)?(?:year|years|month|months|week|weeks|decade|decades|quarter|century|fiscal year|school year)\b|\b(?:a|per|each|every)\s+(?:year|month|week|day)\b|\b(?:in|during|since|by|until|through)\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:annually|yearly|monthly|weekly|daily)\b|\b(?:today|yesterday|this morning)\b/g;

/** Verbs that say a quantity went up or down. */
export const UP_VERBS = /\b(?:rose|risen|rise|rises|rising|increased?|increases|increasing|grew|grown|grows|growing|jumped|jumps|climbed|climbs|soared|surged|doubled|tripled|gained|went up|gone up|up from|expanded|boosted|raised)\b/i;
export const DOWN_VERBS = /\b(?:fell|fallen|falls|falling|dropped|drops|declined|declines|declining|decreased?|decreases|shrank|shrunk|plunged|slumped|cut|cuts|halved|lowered|reduced|reduces|went down|gone down|down from|lost|slashed)\b/i;
export const MORE_WORDS = /\b(?:more|greater|higher|larger|bigger|longer|faster|older|over|above|exceed|exceeds|twice|double)\b/i;
export const LESS_WORDS = /\b(?:less|fewer|lower|smaller|shorter|slower|younger|under|below|half)\b/i;

/** Superlatives that make "the same claim" across documents ("the largest …", "the first …"). */
export const SUPERLATIVE_WORDS = new Set([
  'largest', 'biggest', 'highest', 'lowest', 'greatest', 'smallest', 'fastest', 'longest', 'oldest', 'youngest', 'richest',
  'poorest', 'deadliest', 'worst', 'best', 'first', 'only', 'most', 'least', 'costliest', 'busiest', 'hottest', 'coldest',
]);

/** Words that say nothing about what a claim is about, left out when two claims' words are compared. */
export const SIMILARITY_STOPWORDS = new Set(
  `the and for are but not you all any can had her was one our out has have him his how its may new now own say she too
  use who why yes yet also been from into just more most much must only over said says such than that them then there
  these they this those very were what when where which while will with would your about after again against because
  before being between both could during each every further here itself ourselves should through under until upon
  percent million billion thousand year years last today according statement told added month week day
  january february march april june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday past next within least reportedly since including roughly ago nearly almost
  around approximately total annual annually per two three four five six seven eight nine ten hundred dozen`.split(/\s+/),
);

/** Capitalised words that are not names: titles, months, weekdays, sentence openers. */
export const NAME_STOPWORDS = new Set(
  `mr mrs ms dr rep sen gov president governor senator congressman congresswoman representative secretary chairman
  minister mayor judge the this that these those there their they it he she we i in on at for and but or if as of
  january february march april may june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday u.s american americans federal state national`.split(/\s+/),
);
