/**
 * Speaker ranking: every direct quote's candidates (./candidates.ts) are scored by the fitted model
 * (./model.ts) and the best one becomes its speaker. Candidates are built from the rules' decisions
 * for all quotes before any is changed, so a quote's features never depend on the model's other picks.
 */
import type { SpeakerEntry, SpeakerRegistry } from '../../3-entities/speakers.ts';
import type { Via } from '../via.ts';
import { candidateKind, candidatesFor, type Candidate, type QuoteToRank, type RankingContext } from './candidates.ts';
import { bestCandidate, WEIGHTS, type AttributionWeights } from './model.ts';

export interface RankedQuote extends QuoteToRank {
  /** The features that decided the speaker. */
  evidence?: string[];
}

export type CandidateObserver = (quote: QuoteToRank, candidates: Candidate[]) => void;

/** Why a candidate that was not the rules' pick won. */
function viaOf(c: Candidate): Via {
  const f = c.features;
  if (f.issuer) return 'press-issuer';
  if (f['previous-quote'] || f['previous-quote:same-paragraph'] || f['next-quote:same-paragraph']) return 'continuation';
  return 'ranked';
}

export function rankSpeakers(quotes: RankedQuote[], ctx: RankingContext, registry: SpeakerRegistry, observe?: CandidateObserver, weights: AttributionWeights = WEIGHTS): void {
  const all = quotes.map((_, i) => candidatesFor(quotes, i, ctx));
  // the previous quote's speaker as the rules had it and as ranked: a continuation follows the ranked one
  let previous: { rules: SpeakerEntry | null; ranked: SpeakerEntry | null } = { rules: null, ranked: null };
  quotes.forEach((q, i) => {
    const candidates = all[i];
    observe?.(q, candidates);
    const { best, evidence } = bestCandidate(candidates, weights);
    const rules = q.speaker;
    if (q.via === 'speaker-label' || q.via === 'subject' || q.via === 'statement-block') {
      // the transcript names its speaker, the quoted words are the predicate of their sentence's subject, or a
      // statement is introduced as its issuer's ("X issued the following statement:"): nothing to weigh
      previous = { rules, ranked: rules };
      q.evidence = [`rule:${q.via}`];
      return;
    }
    if (best.name === null) {
      q.speaker = null;
      q.via = 'none';
      previous = { rules, ranked: null };
      return;
    }
    const rulesPick = q.speaker !== null && Object.keys(best.features).some((f) => f.startsWith('rule:'));
    if (!rulesPick) {
      q.speaker = best.entry ?? createEntry(best, registry);
      q.via = viaOf(best);
    } else if (q.via === 'continuation' && q.speaker === previous.rules && previous.ranked && previous.ranked !== previous.rules) {
      q.speaker = previous.ranked; // "“…,” Rubio said. “…”" after the ranking gave the first quote to Rubio
    }
    previous = { rules, ranked: q.speaker };
    q.evidence = evidence;
    if (q.speaker) registry.spoke(q.speaker, q.start);
  });
}

function createEntry(c: Candidate, registry: SpeakerRegistry): SpeakerEntry | null {
  const { start, end } = c.written;
  const kind = candidateKind(c) === 'organization' ? 'organization' : 'person';
  return registry.resolve({ kind, start, end, name: c.name as string, nameStart: start, nameEnd: end, title: c.title }, start);
}
