/**
 * Whether two name words can be the same word: identical, an initial, a hypocorism, a short form,
 * a sound-alike or a typo. Thresholds are deliberately strict on surnames, where a near miss
 * (Sanders / Sandberg, Oyster / Foster) is usually a different family.
 */
import { editDistance, jaroWinkler, phoneticCodes, sharePhoneticCode } from './metrics.ts';
import { areNicknames } from './nicknames.ts';

export type TokenReason = 'identical' | 'initial' | 'nickname' | 'short form' | 'spelling' | 'phonetic' | 'prefix';

export interface TokenMatch {
  score: number;
  reason: TokenReason;
  similarity: number;
}

/** Role of the word in the name: given names allow nicknames and short forms, surnames do not. */
export type TokenRole = 'given' | 'surname' | 'any';

const PATRONYMIC_ENDING = /^(ovich|evich|ovych|ovic|evic|ovna|evna|ivna|ich|vich|ovitch|evitch|son|sen|sson|dottir|dóttir|ov|ova|ev|eva|in|ina|sky|ski|ska)$/;
const DIMINUTIVE_ENDING = /^(ie|y|i|ey|ee|o|a|ah|ette|ine|ina)$/;
/** Surname prefixes that are often dropped or added (O'Flynn / Flynn, McBride / Bride). */
const SURNAME_PREFIX = /^(o|mc|mac)(?=[a-z]{3})/;

function isLatin(word: string): boolean {
  return /^[a-z]+$/.test(word);
}

/** Edit distance allowed for a plain typo, by length of the shorter word. */
function allowedTypos(shorter: number, jw: number): number {
  if (shorter >= 9 && jw >= 0.9) return 2;
  if (shorter >= 4) return 1;
  return 0;
}

export function compareTokens(a: string, b: string, role: TokenRole = 'any', aInitial = a.length === 1, bInitial = b.length === 1): TokenMatch | null {
  if (a === b) return { score: 1, reason: 'identical', similarity: 1 };
  if (aInitial || bInitial) {
    if (aInitial && bInitial) return null;
    return a[0] === b[0] ? { score: 0.75, reason: 'initial', similarity: 0.5 } : null;
  }
  const jw = jaroWinkler(a, b);
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];

  if (role !== 'surname' && areNicknames(a, b)) return { score: 0.9, reason: 'nickname', similarity: jw };

  const distance = editDistance(a, b);
  if (distance <= allowedTypos(shorter.length, jw)) return { score: 0.8 + 0.15 * jw, reason: 'spelling', similarity: jw };

  if (!isLatin(a) || !isLatin(b)) return null;

  // O'Flynn / Flynn, McBride / Bride: compare what follows the prefix.
  const strippedA = a.replace(SURNAME_PREFIX, '');
  const strippedB = b.replace(SURNAME_PREFIX, '');
  if (strippedA !== a || strippedB !== b) {
    if (strippedA === strippedB) return { score: 0.85, reason: 'prefix', similarity: jw };
    const inner = compareTokens(strippedA, strippedB, 'surname', false, false);
    if (inner) return { score: inner.score - 0.05, reason: 'prefix', similarity: jw };
  }

  if (sharePhoneticCode(a, b)) {
    const codeLength = Math.max(...phoneticCodes(a).filter((c) => phoneticCodes(b).includes(c)).map((c) => c.length));
    // A long shared code is good evidence by itself (Gendreau / Jandro); a short one needs the spelling to agree too.
    const firstSoundAgrees = a[0] === b[0] || codeLength >= 4;
    if ((codeLength >= 4 && jw >= 0.6) || (codeLength === 3 && jw >= 0.75 && firstSoundAgrees) || (codeLength <= 2 && jw >= 0.8 && distance <= 1)) {
      return { score: 0.72 + 0.2 * jw, reason: 'phonetic', similarity: jw };
    }
  }

  if (role !== 'surname' && shorter.length >= 2 && shorter.length <= 6) {
    // Short forms: Zac / Zachary, Cleve / Cleveland, Aggie / Agnes (common stem + pet ending).
    if (longer.startsWith(shorter) && shorter.length >= 3 && !PATRONYMIC_ENDING.test(longer.slice(shorter.length))) {
      return { score: 0.8, reason: 'short form', similarity: jw };
    }
    if (shorter.length === 2 && longer.startsWith(shorter) && longer.length <= 5) return { score: 0.72, reason: 'short form', similarity: jw };
    let stem = 0;
    while (stem < shorter.length && shorter[stem] === longer[stem]) stem++;
    if (stem >= 3 && DIMINUTIVE_ENDING.test(shorter.slice(stem)) && !PATRONYMIC_ENDING.test(longer.slice(stem))) {
      return { score: 0.76, reason: 'short form', similarity: jw };
    }
  }
  return null;
}
