/**
 * Name matching for quotedesk: is "Saunders-Jandro" the "Dr. Kristin Sanders-Gendreau" of the
 * previous paragraph? compareNames() answers for one pair with its evidence; clusterNames()
 * groups all name mentions of a document into people and organisations.
 */
import { comparePersons, differingCodes } from './compare.ts';
import { compareOrganizations, looksLikeOrganization } from './organizations.ts';
import { MAX_NAME_CHARS, parsePersonName } from './normalize.ts';
import { jaroWinkler } from './metrics.ts';
import type { NameComparison, NameContext } from './types.ts';

export type { NameComparison, NameContext } from './types.ts';
export { clusterNames, type NameCandidate, type NameCluster, type ClusterOptions } from './cluster.ts';
export { parsePersonName, stripTitles } from './normalize.ts';
export { looksLikeOrganization } from './organizations.ts';

/** The kind of a name: the caller's context wins, else organisation words and legal forms decide. */
export function nameKind(name: string, context?: NameContext): 'person' | 'organization' {
  return context?.kind ?? (looksLikeOrganization(name) ? 'organization' : 'person');
}

function sameText(a: string | undefined, b: string | undefined): boolean | undefined {
  if (!a?.trim() || !b?.trim()) return undefined;
  return compareOrganizations(a, b).same;
}

/** Adjusts a person comparison with what the text says around the names (organisation, role, title). */
function applyContext(result: NameComparison, a?: NameContext, b?: NameContext): NameComparison {
  if (!a || !b) return result;
  const reasons = [...result.reasons];
  let confidence = result.confidence;
  const sameOrg = sameText(a.organization, b.organization);
  const sameRole = a.role && b.role ? a.role.trim().toLowerCase() === b.role.trim().toLowerCase() : undefined;
  if (sameOrg === true) {
    confidence += 0.08;
    reasons.push('same organisation');
  } else if (sameOrg === false) {
    confidence -= 0.15;
    reasons.push('different organisations');
  }
  const genderA = a.title ? parsePersonName(`${a.title} X Y`).gender : undefined;
  const genderB = b.title ? parsePersonName(`${b.title} X Y`).gender : undefined;
  if (genderA && genderB && genderA !== genderB) {
    return { ...result, same: false, confidence: Math.min(confidence, 0.1), reasons: [...reasons, `titles disagree (${a.title} / ${b.title})`] };
  }
  if (sameRole === true) {
    confidence += 0.05;
    reasons.push('same role');
  }
  confidence = Math.max(0, Math.min(1, confidence));
  // Context can strengthen or weaken a match, never create one from unrelated names.
  const same = result.same && confidence >= 0.6;
  return { ...result, same, confidence, reasons };
}

export function compareNames(fullA: string, fullB: string, context?: { a?: NameContext; b?: NameContext }): NameComparison {
  // Nothing longer is a name; cutting keeps hostile input cheap.
  const a = String(fullA ?? '').slice(0, MAX_NAME_CHARS);
  const b = String(fullB ?? '').slice(0, MAX_NAME_CHARS);
  const kindA = nameKind(a, context?.a);
  const kindB = nameKind(b, context?.b);
  if (kindA !== kindB) {
    // Without a stated kind, "Quillfeather Analytics" may be "Quillfeather Analytics GmbH" without its legal form.
    const guessed = !context?.a?.kind && !context?.b?.kind;
    const personSide = kindA === 'person' ? a : b;
    if (guessed && !parsePersonName(personSide).titles.length) {
      const org = compareOrganizations(a, b);
      if (org.same) return { same: true, confidence: Math.min(org.score, 0.75), reasons: [...org.reasons, 'organisation named without its legal form'], similarity: org.similarity };
    }
    return { same: false, confidence: 0.02, reasons: ['an organisation and a person'], similarity: 0 };
  }
  if (kindA === 'organization') {
    const org = compareOrganizations(a, b);
    return { same: org.same, confidence: org.score, reasons: org.reasons, similarity: org.similarity };
  }
  const parsedA = parsePersonName(a);
  const parsedB = parsePersonName(b);
  const person = comparePersons(parsedA, parsedB);
  const codes = differingCodes(parsedA, parsedB, person.pairs);
  const result: NameComparison = {
    same: person.same,
    confidence: Number(person.confidence.toFixed(3)),
    reasons: person.reasons,
    similarity: Number(jaroWinkler(parsedA.tokens.map((t) => t.text).join(' '), parsedB.tokens.map((t) => t.text).join(' ')).toFixed(3)),
    ...(Object.keys(codes).length ? { codes } : {}),
  };
  const withContext = applyContext(result, context?.a, context?.b);
  return { ...withContext, confidence: Number(withContext.confidence.toFixed(3)) };
}
