/**
 * Ranks of nobility. "Charles Spencer, 9th Earl Spencer" and "John Smith, 5th Earl of Wexley" name a
 * person: the rank and its territorial designation are a title, not part of the name.
 */
export const PEERAGE_RANKS = [
  'duke', 'duchess', 'marquess', 'marquis', 'marchioness', 'earl', 'countess', 'count', 'viscount', 'viscountess',
  'baron', 'baroness', 'baronet', 'lord', 'lady', 'prince', 'princess', 'laird',
];
