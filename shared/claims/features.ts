/**
 * Interpretable sentence features for check-worthiness: numeric patterns, comparison and superlative
 * lexicons, change and event verbs, and the markers of what is NOT a factual claim (opinions, intentions,
 * obligations, questions, hedges, greetings, page boilerplate). Regex and word-set lookups only, so every
 * sentence of a long document can be scored for a fraction of the cost of one NLP parse. The word lists are
 * general English (number words, superlatives, change verbs, public-policy and economic nouns), written by hand,
 * not taken from any training set; scripts/fit-claims.ts only learns one weight per feature.
 *
 * The kinds vocabulary (what made a sentence check-worthy), reported on every claim:
 *   number      a figure written in digits or words ("600", "three million", "a dozen")
 *   percentage  "12%", "40 percent"
 *   money       "$1.2 billion", "20 dollars", "€5"
 *   date        a year, month, weekday or dated period ("in 1968", "last year", "on Monday")
 *   quantity    an amount of something or a duration ("60 clinics", "a year and a half", "over 500 days")
 *   comparison  "more than", "-er than", "twice as", "over 500", "at least 10"
 *   superlative "the largest …", "the worst …", "most"
 *   ranking     "ranked third", "No. 1", "top ten", "second-largest"
 *   record      "record", "ever", "in history", "for the first time"
 *   trend       a change in a quantity ("rose", "doubled", "cut", "has gone down")
 *   prediction  a forecast or expected outcome ("will cost", "expect to spend", "is projected to")
 *   statistic   statistical and economic measures ("average", "rate", "unemployment", "deficit")
 *   causal      a stated cause or effect ("because of", "led to", "as a result")
 *   event       a reported action or record of someone ("voted for", "signed", "was killed")
 *   evidence    a statement of evidence or consensus ("no evidence that …", "studies show …"; context.ts)
 * A sentence that scores as a claim without any of these gets the kind "factual".
 */

export const CLAIM_KINDS = [
  'number', 'percentage', 'money', 'date', 'quantity', 'comparison', 'superlative', 'ranking', 'record', 'trend',
  'prediction', 'statistic', 'causal', 'event', 'evidence', 'factual',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

const words = (list: string) => new Set(list.trim().split(/\s+/));

const NUMBER_WORDS = words(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
  twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions
  trillion trillions dozen dozens half twice double triple quarter`);
const SCALE_WORDS = words('hundred hundreds thousand thousands million millions billion billions trillion trillions');
const MONEY_WORDS = words('dollar dollars cents euro euros pounds sterling yen yuan rupees');
const MONTHS = words('january february march april june july august september october november december');
const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');
const SUPERLATIVES = words(`
  largest biggest highest lowest greatest smallest fastest slowest longest shortest oldest youngest richest poorest deadliest
  strongest weakest worst best most least heaviest wealthiest cheapest costliest hottest coldest warmest earliest busiest
  safest poorest tallest widest`);
const TREND_WORDS = words(`
  increase increased increases increasing decrease decreased decreases decreasing rose risen rising fell fallen falling grew
  grown growing doubled tripled quadrupled halved cut cuts raised lowered reduced reduces dropped declined declining jumped
  soared plunged surged climbed shrank shrunk expanded tripling doubling slashed`);
const STAT_WORDS = words(`
  average averages rate rates median percent percentage ratio majority statistics data survey poll polls census study
  unemployment unemployed inflation deficit deficits debt gdp population income incomes wages wage tax taxes budget
  spending revenue revenues cost costs price prices economy jobs growth exports imports trade salary per capita`);
const EVENT_WORDS = words(`
  voted vote votes passed signed vetoed appointed elected created lost killed died spent built closed opened won announced
  reported launched approved rejected sold bought hired fired invaded attacked arrested charged convicted banned sent
  sponsored proposed opposed supported cost paid raised borrowed collapsed destroyed injured founded established acquired
  confirmed recorded enacted ratified invested funded filed sued ruled`);
const POLICY_WORDS = words(`
  plan plans program programs bill bills law laws legislation amendment treaty policy policies platform proposal proposals
  administration congress senate government military troops weapons nuclear medicare medicaid insurance education schools
  energy oil security welfare abortion crime drugs immigration border war veterans pension pensions earmarks loopholes
  regulations sanctions agreement deal contract union election campaign court taxpayers`);
const OPINION_WORDS = words(`
  good bad great wrong right important terrible wonderful fair unfair shame disgrace tremendous horrible fantastic disaster
  ridiculous outrageous amazing beautiful awful nice stupid silly foolish proud sad happy excited glad sorry agree disagree
  believe think feel hope wish guess`);
const HEDGE_WORDS = words('maybe perhaps might could possibly probably seems seem apparently somewhat may');
const OBLIGATION = /\b(?:should|must|ought|need to|needs to|have to|has to|got to|gotta)\b/;
const FIRST_PERSON_OPINION =
  /\b(?:i|we)(?: really| do| don['’]t| strongly)? (?:think|believe|feel|hope|want|wish|guess|suppose|agree|disagree|know|say)\b|\bin my (?:view|opinion|judgment)\b|\bi['’]m (?:sure|confident|convinced|not sure|proud|glad|happy|excited)\b/;
const FIRST_PERSON_INTENT =
  /\b(?:i|we)(?:['’]ll| will| shall|['’]m going to| am going to|['’]re going to| are going to| want to| intend to| plan to| would like)\b|\blet(?:['’]s| us| me)\b/;
const PHATIC =
  /\b(?:thank you|thanks|good (?:evening|morning|night)|ladies and gentlemen|congratulations|welcome|leave a (?:comment|reply)|comments?|subscribe|sign up|log in|click|e-?mail address|cookies?|share this|follow us|all rights reserved|copyright|advertisement|read more|newsletter|required fields|bloggers like this|related articles?)\b/;
const COMPARATIVE_THAN =
  /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|faster|slower|cheaper|older|younger|longer|shorter|\w{3,}er)\b[^.;:!?]{0,40}?\bthan\b/;
const MULTIPLE = /\b(?:twice|three times|four times|\w+ times) (?:as|more|less|the)\b|\bas (?:much|many|high|low|large) as\b/;
const APPROXIMATOR =
  /\b(?:over|under|nearly|almost|about|approximately|roughly|around|at least|at most|up to|more than|less than|fewer than|some|only|just)\s+(?:\$|€|£)?(?:\d|(?:a |one )?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|a year|a month|a week|a decade))/;
const COMPARISON_HEAD = /\b(?:over|under|nearly|almost|at least|at most|up to|more than|less than|fewer than)\s/;
const RANKING =
  /\b(?:rank(?:ed|s|ing)?|No\. ?\d+|number (?:one|two|three|1|2|3)|top (?:\d+|ten|five|three|twenty)|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|highest|lowest|most|least|best|worst|place|time|in))\b/i;
const RECORD = /\b(?:record|all-time|in (?:our )?history|ever|never before|for the first time|unprecedented)\b/;
const PREDICTION_VERB =
  /\b(?:expects?|expected|expecting|projects?|projected|forecasts?|forecasted|predicts?|predicted|estimates?|estimated|anticipates?|anticipated|on track to|is set to|are set to|likely to)\b/;
const THIRD_PERSON_FUTURE = /\b(?:it|this|that|they|he|she|which|\w+s)(?: will| would|['’]ll| is going to| are going to)\b/;
const WILL_COST = /\bwill (?:cost|save|add|reduce|increase|create|raise|lose|take|be \$?\d)/;
const CAUSAL = /\b(?:because of|caused|causes|due to|led to|leads to|lead to|resulted in|results in|as a result|thanks to|responsible for)\b/;
const YEAR = /\b(?:1[6-9]\d\d|20\d\d)s?\b/;
const YEARS = new RegExp(YEAR.source, 'g');
const RELATIVE_DATE = /\b(?:last|next|this|past|previous) (?:year|month|week|decade|century|quarter|summer|winter|spring|fall)\b|\b(?:years|months|weeks|days|decades) ago\b|\bsince \d/;
const DURATION =
  /\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d[\d,.]*)(?: and a half)? (?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries)\b|\b(?:a|one) (?:year|month|week|day|decade) and a half\b/;
const DIGIT_QUANTITY = /(?:^|[^\w.,$€£-])\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|hundred))?\s+(?:[a-z]+[ -]){0,2}?[a-z]{3,}/;
const PERCENT = /%|\bper ?cent\b|\bpercentage points?\b/;
const MONEY_SYMBOL = /[$€£¥]\s?\d/;
const PAST_TENSE_AUX = /\b(?:was|were|has been|have been|had been|did|has|had)\b/;
// "We cut taxes…", "I voted for…", "we've created…": a speaker's own record, as opposed to a promise.
const FIRST_PERSON_RECORD =
  /\b(?:i|we)(?:'ve| have| had)?(?: \w+ly)? (?:\w{3,}ed|cut|put|won|lost|spent|sent|built|paid|made|gave|took|brought|fought|set|led|met|left|ran|wrote)\b/;
const QUOTE_MARK = /["“”]/;
// A figure standing on its own ("600", "3.5", "7-2", "1990s", "12%"), not part of a code like "COVID-19", "737-800" or "N2".
const FIGURE = /(?<![\p{L}\p{N}_]|\p{L}[-–/])\d[\d,.]*(?:[-–]\d[\d,.]*)?(?:s|st|nd|rd|th|%)?(?![\p{L}\p{N}_]|[-–/]\p{L})/u;
const FIGURES = new RegExp(FIGURE.source, 'gu');
const THIRD_PERSON_SUBJECT =
  /^\W*(?:(?:and|but|so|now|well|yet|also)\W+)?(?:he|she|they|it|his|her|their|the (?:\w+ )?(?:administration|government|congress|senate|house|president|governor|senator|company|council|court|report|study|agency|department|ministry|police)|(?:governor|senator|president|mr|mrs|ms|dr|gov|sen|rep)\b|\p{Lu}\p{Ll}+ (?:\p{Lu}\p{Ll}+ )?(?:has|have|had|is|was|were|said|says|wants|voted|supports|opposed|proposed|\p{Ll}+s|\p{Ll}+ed)\b)/u;
const EXISTENTIAL = /\bthere(?:'s| is| are| was| were| have been| has been| had been)\b/;
const NEGATORS = words('not never no none nobody nothing');
const DATELINE =
  /^\W*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|october|november|december),?\s+\d{4})\W*$/;

export const FEATURE_NAMES = [
  'digits', 'numberWords', 'scaleWords', 'percent', 'money', 'year', 'dateWords', 'duration', 'digitQuantity',
  'comparativeThan', 'multiple', 'approximator', 'superlative', 'ranking', 'record', 'trend', 'predictionVerb',
  'thirdPersonFuture', 'willCost', 'statWords', 'eventWords', 'causal', 'pastTense', 'pastAux', 'properNouns',
  'length', 'shortWithoutFigure', 'question', 'firstPersonOpinion', 'firstPersonIntent', 'firstPersonCount', 'secondPerson',
  'obligation', 'hedge', 'opinionWords', 'phatic', 'conditional', 'quoteMark', 'thirdPersonSubject', 'existential',
  'negation', 'reporting', 'intentWithFigure', 'figureCount', 'policyWords', 'firstPersonRecord',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface SentenceFeatures {
  /** One value per FEATURE_NAMES entry, each in [0, 1]. */
  values: number[];
  /** The check-worthy kinds the sentence shows (before scoring). */
  kinds: ClaimKind[];
}

const cap = (n: number, max: number) => Math.min(n, max) / max;

// Every lexicon word maps to the bit of each list it belongs to, so one pass over the tokens counts them all.
// Word tokens of lower-cased text; explicit letter ranges (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, CJK, Hangul)
// are several times faster than \p{L} and only serve lexicon look-ups and a length count.
const TOKEN =
  /[a-z0-9\u00df-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u0dff\u3040-\u9fff\uac00-\ud7af]+(?:'[a-z\u00df-\u00f6\u00f8-\u024f]+)?/g;
const LISTS = [NUMBER_WORDS, SCALE_WORDS, MONEY_WORDS, MONTHS, WEEKDAYS, SUPERLATIVES, TREND_WORDS, STAT_WORDS, EVENT_WORDS, OPINION_WORDS, HEDGE_WORDS, POLICY_WORDS];
const [NUM, SCALE, MONEY, MONTH, WEEKDAY, SUPER, TREND, STAT, EVENT, OPINION, HEDGE, POLICY] = LISTS.map((_, i) => i);
const LEXICON = new Map<string, number>();
LISTS.forEach((list, i) => list.forEach((w) => LEXICON.set(w, (LEXICON.get(w) ?? 0) | (1 << i))));

function countLists(tokens: string[]): number[] {
  const counts = new Array(LISTS.length).fill(0);
  for (const t of tokens) {
    const bits = LEXICON.get(t);
    if (bits === undefined) continue;
    for (let i = 0; i < LISTS.length; i++) if (bits & (1 << i)) counts[i]++;
  }
  return counts;
}

/** Cheap gate before a costly regex: the regex cannot match unless one of these words is among the tokens. */
function gated(tokens: Set<string>, triggers: string[], re: RegExp, text: string): boolean {
  for (const word of triggers) if (tokens.has(word)) return re.test(text);
  return false;
}

const TRIGGERS = {
  percent: words('percent per percentage'),
  relativeDate: words('year month week decade century quarter summer winter spring fall ago since'),
  duration: words('year years month months week weeks day days hour hours minute minutes decade decades century centuries'),
  multiple: words('twice times as'),
  ranking: words('rank ranked ranks ranking no number top second third fourth fifth'),
  record: words('record all history ever never first unprecedented'),
  upDown: words('up down'),
  prediction: words(`expect expects expected expecting project projects projected forecast forecasts forecasted predict predicts
    predicted estimate estimates estimated anticipate anticipates anticipated track set likely`),
  causal: words('because caused causes due led leads lead resulted results result thanks responsible'),
  pastAux: words('was were been did has had'),
  intent: words("i we let i'll we'll i'm we're let's"),
  obligation: words('should must ought need needs have has got gotta'),
  opinion: words("i we my i'm"),
  phatic: words(`thank thanks good ladies congratulations welcome leave comment comments subscribe sign log click email mail
    cookie cookies share follow rights copyright advertisement read newsletter required bloggers related`),
  existential: words("there there's"),
  firstPersonRecord: words("i we i've we've"),
  reporting: words('said says told stated claimed announced reported admitted testified wrote'),
};
const list = (set: Set<string>) => [...set];
const T = Object.fromEntries(Object.entries(TRIGGERS).map(([k, v]) => [k, list(v)])) as Record<keyof typeof TRIGGERS, string[]>;

/** Capitalised words that are not the first word, "I" or a sentence-internal opener after a quote. */
function countProperNouns(sentence: string): number {
  let n = 0;
  const re = /(?<=[\s(“"‘'-])\p{Lu}[\p{L}'’.-]*/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (!/^I(?:['’].*)?$/.test(m[0])) n++;
  }
  return n;
}

const QUOTE_CHARS = /[“”„"]/;
const SPEECH_CUE =
  /\b(?:said|says|say|added|adds|told|tells|continued|continues|wrote|writes|explained|explains|concluded|asked|asks|noted|notes|argued|argues|stated|states|insisted|replied|according to)\b/i;

/**
 * What a sentence asserts: for a quotation with its attribution ("“…,” said Dr. X, a pediatrician at Y"), the
 * quoted words only, so that the attribution frame (names, "said", the speaker's job) does not make an
 * opinion look like a factual report. Other sentences are returned whole.
 */
export function claimContent(sentence: string): string {
  if (!QUOTE_CHARS.test(sentence)) return sentence;
  const marks: Array<{ at: number; open: boolean }> = [];
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === '“' || ch === '„') marks.push({ at: i, open: true });
    else if (ch === '”') marks.push({ at: i, open: false });
  }
  if (!marks.length) {
    // Straight double quotes: only when balanced, alternating open/close.
    const straight = [...sentence.matchAll(/"/g)].map((m) => m.index!);
    if (!straight.length || straight.length % 2) return sentence;
    straight.forEach((at, n) => marks.push({ at, open: n % 2 === 0 }));
  }
  const inside: string[] = [];
  const outside: string[] = [];
  let from = 0;
  let open = !marks[0].open; // a sentence that starts inside a quote continued from the previous sentence
  for (const mark of marks) {
    (open ? inside : outside).push(sentence.slice(from, mark.at));
    from = mark.at + 1;
    open = mark.open;
  }
  (open ? inside : outside).push(sentence.slice(from));
  const quoted = inside.join(' ').trim();
  if (quoted.length < 12 || !SPEECH_CUE.test(outside.join(' '))) return sentence;
  return quoted;
}

/** A line that is only a date ("Thursday, September 26, 2019"): a dateline, not a statement. */
export function isDateline(sentence: string): boolean {
  return DATELINE.test(sentence.toLowerCase());
}

export function sentenceFeatures(whole: string): SentenceFeatures {
  const sentence = claimContent(whole);
  const lower = sentence.toLowerCase().replace(/[’]/g, "'");
  const tokens = lower.match(TOKEN) ?? [];
  const tokenSet = new Set(tokens);
  const counts = countLists(tokens);
  const anyDigit = /\d/.test(sentence);
  const hasDigit = anyDigit && FIGURE.test(sentence);
  const year = anyDigit && YEAR.test(sentence);
  const numberWords = counts[NUM];
  const scale = counts[SCALE];
  const percent = (sentence.includes('%') || gated(tokenSet, T.percent, PERCENT, lower));
  const money = (anyDigit && MONEY_SYMBOL.test(sentence)) || counts[MONEY] > 0;
  const dateWords =
    counts[MONTH] + counts[WEEKDAY] > 0 ||
    gated(tokenSet, T.relativeDate, RELATIVE_DATE, lower);
  const duration = gated(tokenSet, T.duration, DURATION, lower);
  const digitQuantity = anyDigit && DIGIT_QUANTITY.test(lower) && !percent;
  const comparativeThan = tokenSet.has('than') && COMPARATIVE_THAN.test(lower);
  const multiple = gated(tokenSet, T.multiple, MULTIPLE, lower);
  const approximator = (anyDigit || numberWords > 0 || /year|month|week|decade|ten/.test(lower)) && APPROXIMATOR.test(lower);
  const superlative = counts[SUPER] > 0;
  const ranking = (anyDigit ? RANKING.test(sentence) : gated(tokenSet, T.ranking, RANKING, sentence));
  const record = gated(tokenSet, T.record, RECORD, lower);
  const trend = counts[TREND] > 0 || gated(tokenSet, T.upDown, /\b(?:gone|went|going) (?:up|down)\b/, lower);
  const predictionVerb = gated(tokenSet, T.prediction, PREDICTION_VERB, lower);
  const futureCue = tokenSet.has('will') || tokenSet.has('would') || tokenSet.has('going') || tokens.some((t) => t.endsWith("'ll"));
  const thirdPersonFuture = futureCue && THIRD_PERSON_FUTURE.test(lower);
  const willCost = futureCue && WILL_COST.test(lower);
  const statWords = counts[STAT];
  const eventWords = counts[EVENT];
  const causal = gated(tokenSet, T.causal, CAUSAL, lower);
  let negation = false;
  let pastTense = 0;
  let firstPerson = 0;
  let secondPerson = 0;
  for (const t of tokens) {
    if (NEGATORS.has(t) || t.endsWith("n't")) negation = true;
    if (t.length > 4 && t.endsWith('ed') && !t.endsWith('eed')) pastTense++;
    else if (t === 'i' || t === 'me' || t === 'my' || t.startsWith("i'")) firstPerson++;
    else if (t === 'you' || t === 'your' || t.startsWith("you'")) secondPerson++;
  }
  const pastAux = gated(tokenSet, T.pastAux, PAST_TENSE_AUX, lower);
  const properNouns = countProperNouns(sentence);
  const opinionWords = counts[OPINION];
  const question = /\?["”’')\]]*\s*$/.test(sentence.trim());
  const firstPersonIntent = gated(tokenSet, T.intent, FIRST_PERSON_INTENT, lower);
  const obligation = gated(tokenSet, T.obligation, OBLIGATION, lower);

  const values = [
    hasDigit && FIGURE.test(year ? sentence.replace(YEARS, '') : sentence) ? 1 : 0,
    cap(numberWords, 2),
    cap(scale, 1),
    percent ? 1 : 0,
    money ? 1 : 0,
    year ? 1 : 0,
    dateWords ? 1 : 0,
    duration ? 1 : 0,
    digitQuantity ? 1 : 0,
    comparativeThan ? 1 : 0,
    multiple ? 1 : 0,
    approximator ? 1 : 0,
    superlative ? 1 : 0,
    ranking ? 1 : 0,
    record ? 1 : 0,
    trend ? 1 : 0,
    predictionVerb ? 1 : 0,
    thirdPersonFuture ? 1 : 0,
    willCost ? 1 : 0,
    cap(statWords, 3),
    cap(eventWords, 2),
    causal ? 1 : 0,
    cap(pastTense, 3),
    pastAux ? 1 : 0,
    cap(properNouns, 4),
    cap(tokens.length, 40),
    tokens.length < 7 && !(hasDigit || money || percent) ? 1 : 0,
    question ? 1 : 0,
    gated(tokenSet, T.opinion, FIRST_PERSON_OPINION, lower) ? 1 : 0,
    firstPersonIntent ? 1 : 0,
    cap(firstPerson, 3),
    cap(secondPerson, 3),
    obligation ? 1 : 0,
    counts[HEDGE] > 0 ? 1 : 0,
    cap(opinionWords, 2),
    gated(tokenSet, T.phatic, PHATIC, lower) ? 1 : 0,
    /^\s*["“‘']?(?:if|unless)\b/.test(lower) ? 1 : 0,
    QUOTE_MARK.test(whole) ? 1 : 0,
    THIRD_PERSON_SUBJECT.test(sentence.replace(/^\W+/, '')) || THIRD_PERSON_SUBJECT.test(lower) ? 1 : 0,
    gated(tokenSet, T.existential, EXISTENTIAL, lower) ? 1 : 0,
    negation ? 1 : 0,
    T.reporting.some((w) => tokenSet.has(w)) ? 1 : 0,
    (firstPersonIntent || obligation || /\b(?:i|we) want\b/.test(lower)) && (hasDigit || money || numberWords) ? 1 : 0,
    cap((anyDigit ? (sentence.match(FIGURES) ?? []).length : 0) + numberWords, 4),
    cap(counts[POLICY], 2),
    gated(tokenSet, T.firstPersonRecord, FIRST_PERSON_RECORD, lower) ? 1 : 0,
  ];

  const kinds: ClaimKind[] = [];
  if (hasDigit || numberWords) kinds.push('number');
  if (percent) kinds.push('percentage');
  if (money) kinds.push('money');
  if (year || dateWords) kinds.push('date');
  if (duration || digitQuantity || (scale && !money)) kinds.push('quantity');
  if (comparativeThan || multiple || (approximator && COMPARISON_HEAD.test(lower))) kinds.push('comparison');
  if (superlative) kinds.push('superlative');
  if (ranking) kinds.push('ranking');
  if (record) kinds.push('record');
  if (trend) kinds.push('trend');
  if (predictionVerb || willCost) kinds.push('prediction');
  if (statWords) kinds.push('statistic');
  if (causal) kinds.push('causal');
  if (eventWords) kinds.push('event');
  return { values, kinds };
}
