/**
 * The attribution-cue lexicon: reporting verbs ("said", "argued", "believes"), nominal cues ("statement",
 * "claim") and source nouns ("officials", "a spokesman"), built from English reporting structure.
 * Shared by the direct- and indirect-quote scanners; pure data plus tiny lookups, no NLP parse.
 */

/** What a cue reports: speech, a belief or feeling, an intention, or what evidence shows. */
export type CueClass = 'speech' | 'cognition' | 'intent' | 'evidence';

/** Grammatical form of a cue word, which decides where its speaker sits. */
export type CueForm = 'finite' | 'base' | 'participle' | 'gerund';

export interface CueVerb {
  lemma: string;
  cls: CueClass;
  /** How reliable the verb is as a reporting cue on its own (0..1): "said" 1, "called" much less. */
  strength: number;
  /** Takes a hearer before its content: "told reporters that …", "assured voters …". */
  hearer?: boolean;
  /** Needs "that"/"to"/a quote right after it (or after its hearer) to count: "knows that …", not "knows Smith". */
  needsComplement?: boolean;
  /** May appear inverted after its content: "…, said Smith." */
  invertible?: boolean;
  /** Its content may be a noun-phrase object: "endorsed Trump", "cited the report as evidence". */
  object?: boolean;
  /** The object is reported only with an "as" phrase: "described the plan as reckless". */
  asPhrase?: boolean;
}

export interface CueMatch extends CueVerb {
  form: CueForm;
}

// One line per lemma: "base 3rd-person past [past-participle] gerund", then class, strength and flags.
// Flags: h = takes a hearer, c = needs a complement, i = invertible ("…, said X"), o = a noun-phrase object can be
// the content ("endorsed Trump"), a = only with an "as" phrase ("described X as Y").
const VERB_TABLE = `
say says said said saying|speech|1|i
tell tells told told telling|speech|0.95|h i
add adds added added adding|speech|0.8|i
note notes noted noted noting|speech|0.85|i
explain explains explained explained explaining|speech|0.85|i
claim claims claimed claimed claiming|speech|0.9|i
argue argues argued argued arguing|speech|0.9|i
announce announces announced announced announcing|speech|0.8|i
insist insists insisted insisted insisting|speech|0.9|i
deny denies denied denied denying|speech|0.6|
warn warns warned warned warning|speech|0.85|h i
state states stated stated stating|speech|0.8|i
declare declares declared declared declaring|speech|0.8|i
suggest suggests suggested suggested suggesting|speech|0.75|i
acknowledge acknowledges acknowledged acknowledged acknowledging|speech|0.85|i
admit admits admitted admitted admitting|speech|0.85|i
assert asserts asserted asserted asserting|speech|0.9|i
contend contends contended contended contending|speech|0.9|i
maintain maintains maintained maintained maintaining|speech|0.5|c
write writes wrote written writing|speech|0.7|c i
tweet tweets tweeted tweeted tweeting|speech|0.8|c i
post posts posted posted posting|speech|0.4|c
report reports reported reported reporting|speech|0.8|i
reveal reveals revealed revealed revealing|evidence|0.7|
confirm confirms confirmed confirmed confirming|speech|0.75|i
stress stresses stressed stressed stressing|speech|0.8|i
emphasize emphasizes emphasized emphasized emphasizing|speech|0.8|i
emphasise emphasises emphasised emphasised emphasising|speech|0.8|i
predict predicts predicted predicted predicting|speech|0.85|i
estimate estimates estimated estimated estimating|speech|0.8|i
concede concedes conceded conceded conceding|speech|0.85|i
complain complains complained complained complaining|speech|0.8|i
testify testifies testified testified testifying|speech|0.8|
speak speaks spoke spoken speaking|speech|0.6|c
talk talks talked talked talking|speech|0.6|c
recall recalls recalled recalled recalling|speech|0.7|i
reply replies replied replied replying|speech|0.8|i
respond responds responded responded responding|speech|0.6|c
answer answers answered answered answering|speech|0.5|c
mention mentions mentioned mentioned mentioning|speech|0.6|c
observe observes observed observed observing|speech|0.7|i
remark remarks remarked remarked remarking|speech|0.8|i
comment comments commented commented commenting|speech|0.5|c
allege alleges alleged alleged alleging|speech|0.85|
charge charges charged charged charging|speech|0.4|c
vow vows vowed vowed vowing|intent|0.85|
pledge pledges pledged pledged pledging|intent|0.85|
promise promises promised promised promising|intent|0.8|h o
propose proposes proposed proposed proposing|intent|0.7|o
urge urges urged urged urging|speech|0.85|
caution cautions cautioned cautioned cautioning|speech|0.85|i
boast boasts boasted boasted boasting|speech|0.85|
brag brags bragged bragged bragging|speech|0.85|
conclude concludes concluded concluded concluding|evidence|0.7|i
disclose discloses disclosed disclosed disclosing|speech|0.7|
indicate indicates indicated indicated indicating|speech|0.65|
repeat repeats repeated repeated repeating|speech|0.5|c
reiterate reiterates reiterated reiterated reiterating|speech|0.7|
counter counters countered countered countering|speech|0.7|i
retort retorts retorted retorted retorting|speech|0.9|i
agree agrees agreed agreed agreeing|intent|0.5|c
decline declines declined declined declining|intent|0.6|c
refuse refuses refused refused refusing|intent|0.6|c
hint hints hinted hinted hinting|speech|0.7|
speculate speculates speculated speculated speculating|cognition|0.8|
forecast forecasts forecast forecast forecasting|speech|0.7|
project projects projected projected projecting|evidence|0.4|c
posit posits posited posited positing|speech|0.8|
recount recounts recounted recounted recounting|speech|0.6|
ask asks asked asked asking|speech|0.6|h
demand demands demanded demanded demanding|speech|0.7|o
assure assures assured assured assuring|speech|0.8|h
inform informs informed informed informing|speech|0.8|h
remind reminds reminded reminded reminding|speech|0.8|h
convince convinces convinced convinced convincing|speech|0.5|h c
accuse accuses accused accused accusing|speech|0.7|c o
blame blames blamed blamed blaming|speech|0.5|c o
criticize criticizes criticized criticized criticizing|speech|0.5|c o
call calls called called calling|speech|0.45|c o
point points pointed pointed pointing|speech|0.7|c
concur concurs concurred concurred concurring|speech|0.7|
signal signals signaled signaled signaling|speech|0.6|
swear swears swore sworn swearing|speech|0.7|
whisper whispers whispered whispered whispering|speech|0.9|i
shout shouts shouted shouted shouting|speech|0.9|i
joke jokes joked joked joking|speech|0.9|i
quip quips quipped quipped quipping|speech|0.9|i
exclaim exclaims exclaimed exclaimed exclaiming|speech|0.9|i
believe believes believed believed believing|cognition|0.85|
think thinks thought thought thinking|cognition|0.6|c
feel feels felt felt feeling|cognition|0.5|c
fear fears feared feared fearing|cognition|0.75|
hope hopes hoped hoped hoping|cognition|0.75|
expect expects expected expected expecting|cognition|0.65|
want wants wanted wanted wanting|intent|0.5|c
worry worries worried worried worrying|cognition|0.7|c
know knows knew known knowing|cognition|0.5|c
doubt doubts doubted doubted doubting|cognition|0.7|
suspect suspects suspected suspected suspecting|cognition|0.6|c
assume assumes assumed assumed assuming|cognition|0.5|c
understand understands understood understood understanding|cognition|0.4|c
consider considers considered considered considering|cognition|0.4|c
reckon reckons reckoned reckoned reckoning|cognition|0.8|
wish wishes wished wished wishing|intent|0.5|c
plan plans planned planned planning|intent|0.5|c
intend intends intended intended intending|intent|0.7|c
decide decides decided decided deciding|intent|0.5|c
recognize recognizes recognized recognized recognizing|cognition|0.5|c
realize realizes realized realized realizing|cognition|0.6|c
seem seems seemed seemed seeming|cognition|0.4|c
appear appears appeared appeared appearing|cognition|0.3|c
show shows showed shown showing|evidence|0.6|c
find finds found found finding|evidence|0.5|c
demonstrate demonstrates demonstrated demonstrated demonstrating|evidence|0.6|c
learn learns learned learned learning|cognition|0.5|c
describe describes described described describing|speech|0.7|c o a
see sees saw seen seeing|cognition|0.5|c o a
view views viewed viewed viewing|cognition|0.6|c o a
regard regards regarded regarded regarding|cognition|0.6|c o a
portray portrays portrayed portrayed portraying|speech|0.7|c o a
characterize characterizes characterized characterized characterizing|speech|0.7|c o a
label labels labeled labeled labeling|speech|0.6|c o a
cite cites cited cited citing|speech|0.6|c o a
dismiss dismisses dismissed dismissed dismissing|speech|0.6|c o a
endorse endorses endorsed endorsed endorsing|intent|0.7|c o
support supports supported supported supporting|intent|0.4|c o
oppose opposes opposed opposed opposing|intent|0.5|c o
reject rejects rejected rejected rejecting|speech|0.5|c o
praise praises praised praised praising|speech|0.6|c o
mock mocks mocked mocked mocking|speech|0.6|c o
attack attacks attacked attacked attacking|speech|0.4|c o
question questions questioned questioned questioning|speech|0.5|c o
tout touts touted touted touting|speech|0.6|c o
condemn condemns condemned condemned condemning|speech|0.6|c o
defend defends defended defended defending|speech|0.4|c o
welcome welcomes welcomed welcomed welcoming|speech|0.5|c o
liken likens likened likened likening|speech|0.7|c o
admire admires admired admired admiring|cognition|0.6|c o a
credit credits credited credited crediting|speech|0.5|c o
`;

/**
 * Prepositions that belong to a cue, its content after them: "called for a ban", "warned of a shutdown",
 * "talked about how …", "responded to the charge". Keyed by lemma.
 */
export const CUE_PARTICLES: Readonly<Record<string, ReadonlySet<string>>> = {
  call: new Set(['for', 'on']),
  point: new Set(['out', 'to']),
  warn: new Set(['of', 'about', 'against']),
  caution: new Set(['about', 'against']),
  speak: new Set(['about', 'of']),
  talk: new Set(['about']),
  ask: new Set(['about']),
  complain: new Set(['about', 'of']),
  comment: new Set(['on', 'about']),
  joke: new Set(['about']),
  boast: new Set(['about', 'of']),
  brag: new Set(['about']),
  tweet: new Set(['about']),
  write: new Set(['about', 'of']),
  testify: new Set(['about']),
  worry: new Set(['about']),
  speculate: new Set(['about', 'on']),
  argue: new Set(['for', 'against']),
  respond: new Set(['to']),
};

/** -ing forms that are prepositions, not the verb reporting anything: "a statement regarding the murder of …". */
const PREPOSITION_GERUNDS = new Set(['regarding', 'concerning', 'considering', 'including', 'following', 'according', 'pending', 'excluding', 'barring']);
/** Third-person forms that are nearly always nouns in news text; their base and "-s" forms are not cues. */
const NOUN_FIRST = new Set(['states', 'supports', 'plans', 'attacks', 'questions', 'charges', 'protests', 'posts', 'projects', 'signals', 'counters', 'answers', 'comments', 'remarks', 'doubts']);

function buildVerbIndex(): Map<string, CueMatch> {
  const index = new Map<string, CueMatch>();
  for (const line of VERB_TABLE.split('\n')) {
    if (!line.trim()) continue;
    const [formsField, cls, strength, flags = ''] = line.split('|');
    const [base, third, past, participle, gerund] = formsField.trim().split(/\s+/);
    const verb: CueVerb = {
      lemma: base,
      cls: cls as CueClass,
      strength: Number(strength),
      hearer: flags.includes('h') || undefined,
      needsComplement: flags.includes('c') || undefined,
      invertible: flags.includes('i') || undefined,
      object: flags.includes('o') || undefined,
      asPhrase: flags.includes('a') || undefined,
    };
    const put = (word: string, form: CueForm) => {
      if (!index.has(word) && !(form === 'gerund' && PREPOSITION_GERUNDS.has(word))) index.set(word, { ...verb, form });
    };
    if (NOUN_FIRST.has(third)) {
      // "state(s)", "support", "plans": more often nouns; as cues only with a complement ("the website states that …",
      // "the company plans to …"), a particle ("calls for") or, for evidence, an evidence subject ("the poll shows …").
      put(past, 'finite');
      put(participle, 'participle');
      put(gerund, 'gerund');
      const strict = { ...verb, needsComplement: true, invertible: undefined };
      if (!index.has(third)) index.set(third, { ...strict, form: 'finite' });
      if (!index.has(base)) index.set(base, { ...strict, form: 'base' });
      continue;
    }
    put(past, 'finite');
    put(third, 'finite');
    put(participle, 'participle');
    put(gerund, 'gerund');
    put(base, 'base');
  }
  return index;
}

const VERB_INDEX = buildVerbIndex();

/** Is the word a third-person form that is nearly always a noun ("states", "plans")? */
export function isNounFirst(word: string): boolean {
  return NOUN_FIRST.has(word.toLowerCase());
}

/** The cue reading of a word ("Said" → say/finite), or undefined when it is not a reporting verb. */
export function lookupCueVerb(word: string): CueMatch | undefined {
  return VERB_INDEX.get(word.toLowerCase());
}

/** Every reporting-verb form in the lexicon, lower case. */
export function cueVerbForms(): string[] {
  return [...VERB_INDEX.keys()];
}

/**
 * Nouns that introduce reported content with "that": "his claim that …", "the report's conclusion that …".
 * Only counted with a following "that" (or a colon), which keeps "the report" alone from firing.
 */
export const NOMINAL_CUES = new Set([
  'statement', 'statements', 'claim', 'claims', 'assertion', 'assertions', 'argument', 'arguments', 'belief', 'beliefs',
  'view', 'views', 'warning', 'warnings', 'promise', 'promises', 'pledge', 'pledges', 'announcement', 'allegation',
  'allegations', 'accusation', 'accusations', 'suggestion', 'suggestions', 'insistence', 'contention', 'fear', 'fears',
  'hope', 'hopes', 'expectation', 'expectations', 'estimate', 'estimates', 'prediction', 'predictions', 'charge', 'charges',
  'assurance', 'assurances', 'admission', 'denial', 'remark', 'remarks', 'comment', 'comments', 'message', 'notion', 'idea',
  'conclusion', 'finding', 'findings', 'report', 'reports', 'testimony', 'suspicion', 'suspicions', 'concern', 'concerns',
  'confidence', 'conviction', 'vow', 'threat', 'threats', 'complaint', 'complaints', 'speculation', 'rumor', 'rumors',
  'rumours', 'theory', 'position', 'proposal', 'argument', 'impression', 'sense', 'acknowledgment', 'acknowledgement',
]);

/** Nouns that name an unnamed source that speaks: "officials said", "a spokesman for X said". */
export const SOURCE_NOUNS = new Set([
  'official', 'officials', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'aide',
  'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'analyst', 'analysts', 'expert', 'experts', 'critic', 'critics',
  'supporter', 'supporters', 'opponent', 'opponents', 'lawmaker', 'lawmakers', 'investigator', 'investigators',
  'prosecutor', 'prosecutors', 'police', 'authorities', 'witness', 'witnesses', 'researcher', 'researchers', 'report',
  'study', 'survey', 'poll', 'polls', 'data', 'statement', 'document', 'documents', 'filing', 'memo', 'letter', 'lawsuit',
  'complaint', 'campaign', 'spokespersons', 'representative', 'representatives', 'observers', 'people', 'residents',
  'voters', 'economists', 'scientists', 'democrats', 'republicans', 'leaders', 'members', 'activists', 'advocates',
  'government', 'administration', 'agency', 'company', 'committee', 'department', 'ministry', 'court', 'council',
  'board', 'commission', 'office', 'union', 'group', 'party', 'firm', 'bank', 'team', 'website', 'network', 'paper',
  'newspaper', 'magazine', 'judge', 'panel', 'jury', 'family', 'lawyer', 'lawyers', 'attorney', 'attorneys',
  'broadcaster', 'broadcasters', 'newspapers', 'outlet', 'outlets', 'tabloid', 'daily', 'channel', 'station',
]);

/** Evidence that "finds" or "shows" without a "that": "an arbitration panel found the United States was in breach". */
export const EVIDENCE_NOUNS = new Set([
  'study', 'studies', 'report', 'reports', 'poll', 'polls', 'survey', 'surveys', 'analysis', 'review', 'investigation',
  'audit', 'panel', 'judge', 'court', 'jury', 'data', 'research', 'researchers', 'results', 'figures', 'numbers',
  'records', 'documents', 'evidence', 'tests', 'statistics', 'estimates', 'inquiry', 'probe', 'investigators', 'average',
  'averages', 'forecast', 'model', 'models', 'findings', 'filings', 'filing', 'memo', 'letter',
]);

/** Documents whose words are their owner's: "the ministry's statement said", "Stardom's official statement read". */
export const DOCUMENT_NOUNS = new Set([
  'statement', 'statements', 'summary', 'letter', 'report', 'release', 'ruling', 'decision', 'judgment', 'judgement',
  'memo', 'tweet', 'tweets', 'post', 'note', 'message', 'email', 'e-mail', 'filing', 'website', 'announcement', 'notice',
  'complaint', 'lawsuit', 'press release', 'communique', 'communiqué', 'order', 'opinion', 'blog',
]);

/** Pronouns that can be the speaker of a reporting verb. */
export const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which']);

/** Multi-word source markers placed before the source: "according to X", "in the words of X". */

/**
 * Verbs that only report speech next to a direct quote ("“…,” she continued"); the verb table
 * leaves them out because without quote marks they rarely introduce reported content.
 */
/** Two-word verbs that report speech next to a quote: "“…,” Trump went on". */
export const QUOTE_PHRASAL_CUES = new Set(['went on', 'goes on', 'go on', 'pointed out', 'points out', 'shot back', 'fired back', 'chimed in', 'weighed in', 'spoke up']);

export const QUOTE_ONLY_CUES = new Set([
  'informed', 'informs',
  'continued', 'continues', 'interjected', 'interjects', 'laughed', 'laughs', 'sighed', 'sighs', 'chimed', 'began', 'begins',
  'offered', 'offers', 'responded', 'responds', 'replied', 'replies', 'answered', 'answers', 'wrote', 'writes', 'tweeted',
  'tweets', 'posted', 'posts', 'added', 'adds', 'asked', 'asks', 'recalled', 'recalls', 'mused', 'muses', 'quipped',
  'shouted', 'yelled', 'screamed', 'cried', 'exclaimed', 'whispered', 'muttered', 'groaned', 'conceded', 'concluded',
  'concludes', 'commented', 'comments', 'remarked', 'observed', 'observes', 'pleaded', 'begged', 'demanded', 'gushed',
  'raved', 'marveled', 'marvelled', 'joked', 'jokes', 'teased', 'chuckled', 'sang', 'chanted', 'read', 'reads', 'explained',
  'noted', 'stated', 'declared', 'announced', 'insisted', 'argued', 'told', 'tells', 'says', 'said', 'say', 'warned',
  'admitted', 'acknowledged', 'emphasized', 'emphasised', 'stressed', 'repeated', 'reiterated', 'countered', 'retorted',
  'snapped', 'barked', 'wondered', 'agreed', 'boasted', 'bragged', 'complained', 'lamented', 'predicted', 'promised',
  'vowed', 'cautioned', 'testified', 'confirmed', 'confided', 'elaborated', 'summed', 'quoted', 'texted', 'emailed',
]);

/**
 * Verbs answering someone else's words, and the words they answer: the subject of "Bolsonaro opposed
 * Macron's statement: “…”" speaks the quote after the colon, not the owner of the statement.
 */
export const REPLY_VERBS = new Set([
  'opposed', 'rejected', 'dismissed', 'criticized', 'criticised', 'slammed', 'blasted', 'attacked', 'mocked', 'disputed',
  'countered', 'answered', 'rebuffed', 'denounced', 'condemned', 'ridiculed', 'questioned', 'challenged', 'welcomed',
  'praised', 'hailed', 'applauded', 'rebutted', 'contradicted', 'refuted',
]);
export const ANSWERED_WORDS = new Set([
  'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'claim', 'claims', 'suggestion', 'proposal',
  'criticism', 'accusation', 'accusations', 'allegation', 'allegations', 'words', 'tweet', 'tweets', 'call', 'decision',
  'announcement', 'idea', 'plan', 'position', 'stance', 'assertion', 'charge', 'charges', 'argument', 'report',
]);
