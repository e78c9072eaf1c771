/**
 * Sentence-level context that debate transcripts (the training data) do not teach the model: press-release and
 * news boilerplate, biography and procedure (true, but nothing a fact-checker would check), and statements of
 * evidence or consensus (check-worthy even without a figure). Rules are data: each moves the model's log-odds by
 * its effect, or rules a sentence out, and names its reason.
 */

export interface ContextRule {
  name: string;
  match: RegExp;
  /** 'none': not a claim whatever the model says; a number: added to the model's log-odds. */
  effect: 'none' | number;
  reason: string;
  /** Only in a sentence without a figure (FIGURE): a figure stated beside a judgement or a forecast is still a claim. */
  withoutFigure?: true;
}

const LOWER = -2.5;
const RAISE = 2.5;

/** A figure in digits or words ("half a million", not the vague "millions"); an ordinal ("26th District") is none. */
const FIGURE = /\d(?![\d,.]*(?:st|nd|rd|th)\b)|\b(?:hundred|thousand|million|billion|trillion|percent)\b/u;

export const CONTEXT_RULES: ContextRule[] = [
  {
    name: 'boilerplate',
    match:
      /\b(?:media contact|press contact|contact:|follow (?:him|her|them|us) on|sincerely,|click here|watch (?:the )?(?:video|here)|photos? (?:available|courtesy)|for more information|more information (?:is available|can be found)|is available (?:online|here|at)|all rights reserved|subscribe to|sign up for)|\+ share|@[\w.-]+\.(?:gov|com|org)\b/i,
    effect: 'none',
    reason: 'press-release or page boilerplate: contacts, sign-offs, share links',
  },
  {
    name: 'markup',
    match: /\bmso-|MsoNormal|font-family|MicrosoftInternetExplorer|\{[^{}]{0,80}:[^{}]{0,80};/u,
    effect: 'none',
    reason: 'style sheets or markup left in the text by a word processor',
  },
  {
    name: 'letter-head',
    match: /(?:^|[\s,.:])(?:dear|[Tt]he [Hh]onorable)\s+\p{Lu}/u,
    effect: 'none',
    reason: 'the address or salutation of a letter',
  },
  {
    name: 'series-note',
    match: /^\W*(?:the following (?:is|are|statement|op-ed|remarks|letter)|this (?:article|story|page|is part of)|it features original)\b/i,
    effect: 'none',
    reason: 'an editor’s note about the text itself',
  },
  {
    name: 'biography',
    match:
      /\b(?:was born (?:in|on)|is (?:the )?(?:son|daughter|wife|husband|widow|grandson|granddaughter) of|is married to|married to|graduated (?:from|with)|attended \p{Lu}|received (?:a|an|his|her|their) (?:bachelor|master|law|medical|doctoral|ph\.?d)|earned (?:a|an|his|her) (?:degree|bachelor|master|law)|(?:serves|served|sits|sat) on the|(?:is|was|served as) (?:also )?a member of|(?:joined|left) the (?:House|Senate) [\p{L} ]{0,40}Committee|as an aide|(?:his|her) memoir|, (?:was|is|is survived|dies|died) (?:at )?\d{2,3}\.?$|has represented|was (?:first )?elected to (?:serve|represent|Congress|the House|the Senate)|is a (?:\p{L}+ )?native|lives in \p{Lu}[\p{L} ,]* with (?:his|her)|is survived by|(?:began|started) (?:his|her) career|worked (?:for \p{L}+ years )?as an?\b|prior to (?:serving|joining|his|her)|before (?:joining|entering) (?:Congress|the House|the Senate)|spent (?:most of )?(?:his|her) (?:\d+-year )?career|(?:was|were|been|is) (?:unanimously )?(?:named|elected|appointed|selected|chosen|re-elected) (?:as |to serve as |to be )?(?:the )?(?:new )?(?:\p{Lu}\p{L}+ )?(?:[Cc]hair(?:man|woman|person)?|[Rr]anking [Mm]ember|[Vv]ice[- ][Cc]hair(?:man|woman)?|[Cc]o-[Cc]hair|[Ww]hip)|elected \p{Lu}\p{L}+ to serve as|serves on (?:two|three|four|five|several) |(?:was|were|has been|is being) (?:presented (?:with )?(?:the|a|an)\b|honou?red (?:with|by|for)|recognized (?:with|for) (?:his|her|their|a|an|the)\b))/u,
    effect: 2 * LOWER,
    reason: 'biography: true, but not what a fact-checker checks',
  },
  {
    name: 'procedure',
    match:
      /\b(?:was referred to|is scheduled to|will be (?:held|discussed|marked up|considered|voted on)|(?:sent|wrote|signed) a letter|(?:led|joined) (?:a|the) letter|(?:has )?continued? to (?:keep|monitor|follow|stay)|continu(?:es|ing|ed) to work (?:with|on|to)|sworn in as a [Mm]ember|(?:keeps?|kept|in) close contact|(?:held|hosted|hosts?|hosting|will host|will hold|holds?) (?:a |an |his |her |their |its )?(?:[Mm]obile |[Vv]irtual |[Tt]elephone |[Tt]ele-|weekly |monthly )?(?:[Tt]own [Hh]alls?|[Oo]ffice [Hh]ours|press conference|roundtable|meeting|hearing|forum|informational|workshop|[Jj]ob [Ff]air|listening session)|testified before(?![^.;]*\bthat\b)|(?:event|forum|hearing|panel|roundtable|ceremony|conference|dinner) (?:featured|included)|op-ed|(?:was|were) in \p{Lu}[\p{L}]+ (?:on|for)|introduced (?:the|a|bipartisan|legislation|his|her|bill|H\.\s?R\.|S\.\s?\d)|(?:favorably )?reported (?:out )?(?:by|of) the (?:[\p{L}, ]{0,80})?(?:[Ss]ubcommittee|[Cc]ommittee)|spoke (?:on the (?:House|Senate) floor|at a|at the)|penned an? |(?:original )?co-?sponsors (?:include|are)\b|co-?signed by|co-?signing were|added to the rolls|upon executing the oath|answered (?:some |a few |several )?questions|Wikinews (?:contacted|interviewed|reached out)|(?:with|to) Wikinews\b|sworn (?:into|in (?:for|to)) (?:his|her|a|their) \p{L}+ term|the bill (?:now )?(?:heads|goes|moves) to|released (?:the following |a |his |her |their |written |new )*(?:video|statement|report|responses?|letters?)|(?:will|to) be (?:held|hosted) (?:at|on|in)|begins at|(?:is|are) open to the public|featured speakers?)/u,
    effect: LOWER,
    reason: 'procedure or schedule: who met, wrote, introduced or will hold what, not a checkable statement of fact',
  },
  {
    name: 'program-description',
    match: /\b(?:(?:is|are) administered by|(?:the )?(?:program|grant|fund|initiative) (?:provides|offers|is designed|supports|helps|combines|is part of)|(?:grants|funds) (?:are|were) (?:awarded|used|issued)|funds? (?:awarded|provided) (?:under|through)|the grant was (?:issued|awarded)|(?:is|are) part of the [\p{L}.()’'&\- ]{0,160}(?:[Pp]rogram|[Ii]nitiative)|(?:funding|funds|grants?|money|assistance) will (?:go to|be used (?:to|for))|(?:is|was|are|were) funded (?:by|through) the)\b/u,
    effect: LOWER,
    reason: 'what a program is for: a description, not a claim',
  },
  {
    name: 'sentiment',
    match:
      /\b(?:[Ii]|we)(?: am| are|['’]m|['’]re)(?: (?:very|so|deeply|truly|extremely|most|\p{L}+ly))? (?:proud|pleased|honou?red|grateful|thrilled|delighted|excited|glad|happy|troubled|disappointed|saddened|encouraged|humbled|outraged|appalled)\b|\b(?:[Ii]|we) (?:applaud|commend|congratulate|thank|urge|welcome|salute|look forward|offer (?:my|our))\b|\b(?:is|was) a testament to\b|\bit (?:has been|is|was) (?:a|an) (?:pleasure|honou?r|privilege)\b|\b(?:[Ii]|we) have (?:long |always |proudly )?(?:championed|fought for|worked (?:hard )?to)\b|\bdesignated [\p{L} ]{1,30} as [\p{L} ]{1,40}(?:[Mm]onth|[Ww]eek|[Dd]ay)\b/u,
    effect: LOWER,
    reason: 'the speaker’s feelings, thanks or appeals',
  },
  {
    name: 'judgement',
    match: /\b(?:is|are|was|remains?|be) (?:absolutely |so |truly |especially |particularly |also )?(?:crucial|critical|vital|essential|imperative|paramount)\b|\bit(?:['’]s| is) (?:clear|obvious|evident) (?:that|to)\b/u,
    withoutFigure: true,
    effect: LOWER,
    reason: 'a judgement that something is crucial, vital or clear: an opinion, not a checkable fact',
  },
  {
    name: 'praise',
    match: /\b(?:tireless(?:ly)?|worked tirelessly|(?:a|an) (?:strong|leading|vocal|staunch|fierce|longtime) (?:advocate|champion|supporter|voice))\b/u,
    withoutFigure: true,
    effect: LOWER,
    reason: 'a tribute to someone’s work or commitment, not a checkable fact',
  },
  {
    name: 'benefit-forecast',
    // Not in a relative clause: "a law that would provide …" says what a law does, which can be checked.
    match: /(?<!\b(?:that|which) )\b(?:will|would|could|can|should)(?: \p{L}+ly)? (?:help|benefit|ensure|allow|enable|provide|protect|strengthen|improve|make|bring|give|boost|support|facilitate|promote|keep|put|go a long way)\b/u,
    withoutFigure: true,
    effect: LOWER,
    reason: 'what a measure will or would do for people, without a figure: a forecast or an argument, not a checkable fact',
  },
  {
    name: 'evidence',
    match:
      /\b(?:no|little|scant|strong|growing|ample|clear|credible|scientific) evidence (?:that|to suggest|of|linking)\b|\b(?:studies|research|data|surveys?|polls?|scientists|experts|records|reports?|analyses|audits?) (?:have )?(?:show|shows|showed|shown|found|find|suggest|suggests|indicate|indicates|confirm|confirms|confirmed|demonstrate|demonstrates)\b|\b(?:overwhelming|scientific|broad|medical|expert|international) consensus\b|\bthere is no (?:evidence|proof|link|data|record)\b/u,
    effect: RAISE,
    reason: 'a statement of evidence or consensus is check-worthy with or without a figure',
  },
];

export interface ContextVerdict {
  /** Added to the model's log-odds; -Infinity rules the sentence out. */
  shift: number;
  rules: string[];
}

/**
 * Rules are written in lower case and match case-sensitively, so that \p{Lu} in them means a real capital; the
 * sentence's first letter is lowered so that they also match at its start.
 */
export function contextOf(sentence: string): ContextVerdict {
  let shift = 0;
  const rules: string[] = [];
  const text = sentence.replace(/^[^\p{L}]*\p{Lu}(?!\p{Lu})/u, (m) => m.toLowerCase());
  let figure: boolean | undefined;
  for (const rule of CONTEXT_RULES) {
    if (!rule.match.test(text) || (rule.withoutFigure && (figure ??= FIGURE.test(text)))) continue;
    rules.push(rule.name);
    shift = rule.effect === 'none' ? -Infinity : shift + rule.effect;
  }
  return { shift, rules };
}

/** A headline: no closing punctuation and most words capitalised ("Schiff Receives Official Responses From Google"). */
export function isHeadline(sentence: string): boolean {
  const s = sentence.trim();
  if (/[.!?:;”"’)\]]$/.test(s)) return false;
  const words = s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  const small = /^(?:a|an|the|of|in|on|at|to|for|and|or|but|with|by|from|as|is|vs)$/i;
  const content = words.filter((w) => !small.test(w));
  return content.filter((w) => /^\p{Lu}/u.test(w)).length >= content.length * 0.7;
}
