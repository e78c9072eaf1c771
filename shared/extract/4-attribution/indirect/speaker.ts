/**
 * Finds the speaker phrase next to a reporting verb by walking tokens: the noun phrase ending just before
 * the cue ("a spokesman for the campaign said"), after an inverted cue ("…, said Sen. Jane Smith"),
 * through appositives ("Hugh Hill, a doctor at X, said") and party tags ("Paul Ryan (R-Wis.) said").
 */
import { EVIDENCE_NOUNS, SOURCE_NOUNS, SPEAKER_PRONOUNS, lookupCueVerb } from '#shared/lexicon/cues.ts';
import { BETWEEN_SUBJECT_AND_CUE as BETWEEN, DETERMINERS } from '#shared/lexicon/function-words.ts';
import { SPEAKER_DESCRIPTORS as ROLE_WORDS } from '#shared/lexicon/roles.ts';

export { ROLE_WORDS };
import type { Token } from '../../1-tokens/tokens.ts';

/**
 * Where the source of reported content is written, as token indexes (inclusive). The mention itself is read from
 * these tokens by the one speaker-phrase reader (../speaker-phrase.ts) when the attribution is resolved.
 */
export interface SourceSpan {
  first: number;
  last: number;
  type: 'pronoun' | 'name' | 'noun';
  /** Head word looks like a source ("officials", "spokesman", a name, a pronoun). */
  plausible: boolean;
}


/** Adverbs set off by commas between a speaker and the cue. */
const PARENTHETICALS = new Set(['however', 'though', 'too', 'meanwhile', 'instead', 'nonetheless', 'nevertheless', 'also', 'moreover', 'indeed', 'furthermore', 'likewise', 'similarly', 'though']);

/** Words that end a backward walk over a noun phrase (clause boundaries, verbs, prepositions outside NPs). */
const STOP = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'but', 'or', 'nor', 'because', 'while', 'when', 'whenever', 'as', 'if',
  'although', 'though', 'since', 'after', 'before', 'so', 'than', 'then', 'is', 'are', 'was', 'were', 'be', 'been',
  'has', 'have', 'had', 'not', 'to', 'by', 'with', 'on', 'about', 'into', 'until', 'where', 'why', 'how', 'what',
  'also', 'and', 'yet', 'once', 'even', 'only', 'there', 'here', 'it', 'this', 'these', 'those', 'will', 'would',
  'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'said', 'says', 'say', 'told',
]);


/** Words allowed inside a name or role phrase: "Secretary of State", "spokesman for the campaign", "Ludwig van Beethoven". */
const CONNECTORS = new Set(['of', 'for', 'at', 'in', 'from', 'de', 'del', 'van', 'von', 'der', 'la', 'le', 'di', 'da', 'al', 'bin', '&']);

const AGENT_SUFFIX = /(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents|ee|ees|man|men|woman|women|person|people|ats|ans)$/;

function plausibleHead(t: Token): boolean {
  // Capitalised heads, known sources, agent nouns ("lawmakers"), and plural groups ("environmental groups").
  return t.cap || SOURCE_NOUNS.has(t.lower) || SPEAKER_PRONOUNS.has(t.lower) || AGENT_SUFFIX.test(t.lower) || /[^s]s$/.test(t.lower);
}

/** Index of the token before `index` after skipping auxiliaries/adverbs ("has also said"). */
export function skipBetween(tokens: Token[], index: number, floor: number): number {
  let j = index;
  while (j >= floor) {
    const t = tokens[j];
    // A parenthetical adverb: "Others, however, say".
    if (t.text === ',' && j - 2 >= floor && tokens[j - 2].text === ',' && PARENTHETICALS.has(tokens[j - 1].lower)) {
      j -= 3;
      continue;
    }
    if (t.word && (BETWEEN.has(t.lower) || (/ly$/.test(t.lower) && !t.cap && t.lower.length > 4))) j--;
    else break;
  }
  return j;
}

/** The noun phrase that ends at token `j` (walking backwards, not past `floor`), or null. */
export function phraseEndingAt(tokens: Token[], j: number, floor: number): SourceSpan | null {
  if (j < floor) return null;
  let last = j;
  // A party/state tag or short aside between the name and the verb: "Paul Ryan (R-Wis.) said".
  if (tokens[j].text === ')') {
    let k = j - 1;
    while (k >= floor && tokens[k].text !== '(' && j - k < 8) k--;
    if (k < floor || tokens[k].text !== '(') return null;
    j = k - 1;
    if (j < floor) return null;
  }
  const head = tokens[j];
  if (!head.word) return null;
  if (SPEAKER_PRONOUNS.has(head.lower)) {
    if (head.lower === 'who' || head.lower === 'which') return relativeAntecedent(tokens, j, floor, last);
    return { first: j, last, type: 'pronoun', plausible: head.lower !== 'it' && head.lower !== 'you' };
  }
  if (STOP.has(head.lower) || DETERMINERS.has(head.lower) || CONNECTORS.has(head.lower)) return null;
  if (lookupCueVerb(head.lower) && !head.cap && !SOURCE_NOUNS.has(head.lower)) return null;
  let first = j;
  let capitalRun = head.cap;
  for (let k = j - 1; k >= floor && j - k < 9; k--) {
    const t = tokens[k];
    if (!t.word) {
      // Possessive and initials stay inside: "the Clinton campaign's spokesman", "Paul D. Ryan".
      if (t.text === '.' && k > floor && tokens[k - 1].word && tokens[k - 1].cap && tokens[k - 1].text.length <= 3) continue;
      break;
    }
    if (DETERMINERS.has(t.lower)) {
      first = k;
      // "newspaper The Hindu reported": a capitalised article inside a name, with a source noun before it.
      if (t.cap && capitalRun && k - 1 >= floor && SOURCE_NOUNS.has(tokens[k - 1].lower) && !tokens[k - 1].cap) continue;
      // "a spokesman for the campaign": a determiner after a connector is inside the phrase.
      if (k - 1 > floor && CONNECTORS.has(tokens[k - 1].lower) && tokens[k - 2].word && !STOP.has(tokens[k - 2].lower)) continue;
      break;
    }
    if (STOP.has(t.lower) && !(t.lower === 'and' && t.cap === false && capitalRun && tokens[k - 1]?.cap)) break;
    if (CONNECTORS.has(t.lower)) {
      // A connector is kept only when a real word precedes it; before it a common noun may head the phrase
      // ("supporters of Hillary Clinton", "a spokesman for the Clinton campaign").
      if (k > floor && tokens[k - 1].word && !STOP.has(tokens[k - 1].lower) && !lookupCueVerb(tokens[k - 1].lower)) {
        if (!tokens[k - 1].cap && !DETERMINERS.has(tokens[k - 1].lower)) capitalRun = false;
        continue;
      }
      break;
    }
    // A descriptor before a name: a role ("spokesman John Hart") or a source noun ("broadcaster NHK").
    if (capitalRun && !t.cap && !ROLE_WORDS.has(t.lower) && !SOURCE_NOUNS.has(t.lower)) break;
    if (lookupCueVerb(t.lower) && !t.cap) break;
    first = k;
  }
  // Trim connectors left dangling at the front.
  while (first < j && CONNECTORS.has(tokens[first].lower)) first++;
  const type = head.cap ? 'name' : 'noun';
  let plausible = plausibleHead(head);
  // "the former secretary of state", "a federal judge": a role word anywhere in the phrase.
  for (let k = first; k <= last && !plausible; k++) plausible = ROLE_WORDS.has(tokens[k].lower) || EVIDENCE_NOUNS.has(tokens[k].lower);
  return { first, last, type, plausible };
}

/** "Smith, who has argued that …": the speaker is the phrase before the comma. */
function relativeAntecedent(tokens: Token[], who: number, floor: number, last: number): SourceSpan | null {
  if (who - 1 < floor) return { first: who, last, type: 'pronoun', plausible: false };
  // "a campaign surrogate who said …": the phrase right before.
  if (tokens[who - 1].text !== ',') return phraseEndingAt(tokens, who - 1, floor) ?? { first: who, last, type: 'pronoun', plausible: false };
  const phrase = phraseEndingAt(tokens, who - 2, floor);
  return phrase ? { ...phrase, last: phrase.last } : null;
}

/** Lower-case role words that may precede a name inside one phrase: "campaign spokesman Jason Miller". */

/**
 * The speaker of a cue at `cue`: the phrase before it (after auxiliaries), or through an appositive
 * ("Hill, a doctor at X, said" gives "Hill, a doctor at X").
 */
export function speakerBefore(tokens: Token[], cue: number, floor: number): SourceSpan | null {
  const j = skipBetween(tokens, cue - 1, floor);
  if (j < floor) return null;
  if (tokens[j].text === ',') {
    // Appositive: NAME , DESCRIPTION , cue
    for (let k = j - 1; k > floor && j - k <= 32; k--) {
      const t = tokens[k];
      if (t.text === ',') {
        const name = phraseEndingAt(tokens, k - 1, floor);
        if (!name || name.type !== 'name') continue;
        // Before a relative clause the phrase must open like a name ("Ms. Gedrich, who works …, said"); otherwise it is
        // part of the appositive ("Mulgrew, president of X, which represents Y, said"): keep walking.
        if (tokens[k + 1] && /^(?:which|who|whose|where)$/.test(tokens[k + 1].lower) && !tokens[name.first].cap) continue;
        return { first: name.first, last: j - 1, type: 'name', plausible: true };
      }
      if (!t.word && t.text !== '.' && t.text !== '(' && t.text !== ')' && !/^[’']s$/.test(t.text)) break;
      if (lookupCueVerb(t.lower) && !t.cap && !SOURCE_NOUNS.has(t.lower)) return null;
    }
    // A stray comma after a name: "Sen. Jack Reed (D-R.I.), said".
    const name = phraseEndingAt(tokens, j - 1, floor);
    return name && name.type === 'name' ? name : null;
  }
  return phraseEndingAt(tokens, j, floor);
}

/** The speaker written after an inverted cue ("…, said Sen. Jane Smith, a Democrat."), up to a comma or the end. */
export function speakerAfter(tokens: Token[], cue: number, limit: number): SourceSpan | null {
  let k = cue + 1;
  if (k >= limit || !tokens[k].word) return null;
  const first = k;
  let last = k;
  if (SPEAKER_PRONOUNS.has(tokens[k].lower)) return { first, last, type: 'pronoun', plausible: tokens[k].lower !== 'it' };
  while (k < limit && k - first < 10) {
    const t = tokens[k];
    if (!t.word) {
      if (t.text === '.' && tokens[k - 1]?.cap && tokens[k - 1].text.length <= 3 && k + 1 < limit) {
        k++;
        continue;
      }
      if (t.text === '(') {
        while (k < limit && tokens[k].text !== ')') k++;
        last = Math.min(k, limit - 1);
        k++;
        continue;
      }
      break;
    }
    if (STOP.has(t.lower) && !DETERMINERS.has(t.lower)) break;
    if (!t.cap && lookupCueVerb(t.lower) && !SOURCE_NOUNS.has(t.lower)) break;
    last = k;
    k++;
  }
  const head = tokens[last];
  const type = SPEAKER_PRONOUNS.has(tokens[first].lower) ? 'pronoun' : head.cap ? 'name' : 'noun';
  return { first, last, type, plausible: plausibleHead(head) || plausibleHead(tokens[first]) };
}
