/**
 * Why a quote has its speaker: a small fixed vocabulary, so a reviewer can read the decision.
 *   cue-after          “…,” said Roe / “…,” Roe said
 *   cue-before         Roe said, “…” / Roe said in a statement: “…”
 *   colon-lead         Roe agreed: “…” / ROE: “…” / "Roe continued:" closing the paragraph before
 *   speaker-label      a transcript names the speaker of the turn: “ROE: …”, or an interview paragraph “((Roe))  …”
 *   according-to       “…,” according to Roe
 *   pronoun            “…,” she said: the person the pronoun refers to
 *   continuation       an unattributed quote after Roe's quote, in the same or the next paragraph
 *   later-in-paragraph an unattributed quote before Roe's attributed one in the same paragraph
 *   narration          a reporting clause ("…, Roe said.") earlier in the paragraph or the one before
 *   subject            words quoted in narration: the subject of their sentence ("Khan thanked “the police …”")
 *   statement-block    a statement introduced as its issuer's: "Roe issued the following statement: “…”", or a
 *                      paragraph of one introduced by "Roe said in a statement:"
 *   reported           an indirect or mixed attribution: the subject of its cue
 *   press-issuer       an unattributed statement in a press release: the member issuing it
 *   ranked             the attribution model preferred another candidate than the rules' pick
 *   none               no speaker
 */
export const VIA = [
  'cue-after',
  'cue-before',
  'colon-lead',
  'speaker-label',
  'according-to',
  'pronoun',
  'continuation',
  'later-in-paragraph',
  'narration',
  'subject',
  'statement-block',
  'reported',
  'press-issuer',
  'ranked',
  'none',
] as const;

export type Via = (typeof VIA)[number];
