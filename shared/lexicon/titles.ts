/**
 * Titles and honorifics written before a name, and the gender a title carries. Data only.
 *   TITLE_WORDS      the forms the extractor reads before a name ("Dr.", "Senator"), as written
 *   MALE_TITLES, FEMALE_TITLES   folded (lower case, no period): shared by extraction and name matching
 */

/** Titles written before a name; the value is the form kept in the output. */
export const TITLE_WORDS = new Map<string, string>(
  [
    'Dr.', 'Mr.', 'Mrs.', 'Ms.', 'Mx.', 'Prof.', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Col.', 'Lt.', 'Sgt.', 'Capt.', 'Maj.', 'Adm.',
    'Rev.', 'Hon.', 'Pres.', 'Atty.', 'Amb.', 'Det.', 'Insp.', 'Supt.', 'Fr.', 'Cmdr.', 'Cpl.', 'Del.', 'Sec.', 'Ald.', 'Asst.', 'Sens.', 'Reps.', 'Govs.', 'Drs.', 'Senators', 'Representatives', 'Congressmen', 'Governors',
    'Dr', 'Mr', 'Mrs', 'Ms', 'Prof',
    'President', 'Vice', 'Senator', 'Sen', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Mayor', 'Secretary',
    'Judge', 'Justice', 'Chairman', 'Chairwoman', 'Chair', 'Director', 'Professor', 'Doctor', 'Commissioner', 'Sheriff',
    'Detective', 'Officer', 'Sergeant', 'Captain', 'Lieutenant', 'General', 'Colonel', 'Admiral', 'Ambassador', 'Minister',
    'Premier', 'Chancellor', 'Pope', 'King', 'Queen', 'Prince', 'Princess', 'Sister', 'Father', 'Bishop', 'Archbishop',
    'Cardinal', 'Rabbi', 'Imam', 'Coach', 'Superintendent', 'Councilman', 'Councilwoman', 'Councilmember', 'Alderman',
    'Speaker', 'Leader', 'Attorney', 'Assemblyman', 'Assemblywoman', 'Delegate', 'Trustee', 'Chief', 'Lord', 'Lady', 'Sir',
    'Dame', 'CEO', 'Gen', 'Sgt',
  ].map((t) => [t, t]),
);

/** Titles that say the person is a man or a woman (folded). */
export const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'fr', 'brother', 'br', 'herr', 'congressman', 'councilman', 'chairman', 'assemblyman', 'alderman', 'duke', 'marquess', 'marquis', 'earl', 'count', 'viscount', 'baron', 'baronet']);
export const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'sister', 'mme', 'mlle', 'frau', 'congresswoman', 'councilwoman', 'chairwoman', 'assemblywoman', 'duchess', 'marchioness', 'countess', 'viscountess', 'baroness']);

/** The gender a title carries ("Mrs." → female), from its first word. */
export function titleGender(title: string | undefined): 'male' | 'female' | undefined {
  if (!title) return undefined;
  const first = title.split(/\s+/)[0].toLowerCase().replace(/\.$/, '');
  if (MALE_TITLES.has(first)) return 'male';
  if (FEMALE_TITLES.has(first)) return 'female';
  return undefined;
}
