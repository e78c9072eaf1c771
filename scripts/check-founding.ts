/**
 * The founding example as a gate: `npm run check:founding -- ../shared/fixtures/allina-union.txt`.
 * Every span between double quote marks must be found as a direct quote with the speaker its
 * paragraph names; one pediatrician's three spellings must form one person with one flag and no
 * other person merged; the figure-bearing sentences must be claims. Exit 1 on any failure.
 */
import { readFileSync } from 'node:fs';
import { extract } from '../shared/extract/index.ts';

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run check:founding -- ../shared/fixtures/allina-union.txt');
  process.exit(2);
}
const text = readFileSync(path, 'utf8');
const result = extract(text);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

// Who speaks each quote, by last-name key; the statement's spokesperson is a role speaker.
const expectedQuotesBySpeaker: Record<string, number> = { 'sanders-gendreau': 5, oyster: 2, gunhus: 1, spokesperson: 2 };
const direct = result.quotes.filter((q) => q.kind === 'direct');
const speakerKey = (name: string | null) => (name ?? '(none)').toLowerCase().split(/\s+/).at(-1)!;
const counts: Record<string, number> = {};
for (const q of direct) counts[speakerKey(q.speaker)] = (counts[speakerKey(q.speaker)] ?? 0) + 1;
for (const [key, n] of Object.entries(expectedQuotesBySpeaker)) {
  check((counts[key] ?? 0) >= n, `${n} direct quote(s) of …${key} (found ${counts[key] ?? 0})`);
}

// Every span of 20+ characters between curly double marks is covered by a direct quote.
const spans = [...text.matchAll(/“[^”\n]{20,}[”"]/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
const covered = spans.filter((s) => direct.some((q) => q.start <= s.start + 1 && q.end >= s.end - 1));
check(covered.length === spans.length, `every quoted span found as a direct quote (${covered.length}/${spans.length})`);

const pediatrician = result.speakers.find((s) => /Sanders-Gendreau$/.test(s.name));
check(!!pediatrician && pediatrician.name === 'Kristin Sanders-Gendreau', `canonical speaker "Kristin Sanders-Gendreau" (found ${pediatrician?.name})`);
const flags = result.nameFlags.filter((f) => f.speakerId === pediatrician?.id);
const spellings = flags.flatMap((f) => f.variants.map((v) => v.name));
check(flags.length === 1, `one name flag for the pediatrician (found ${flags.length})`);
check(['Saunders-Jandro', 'Sanders-Jandro'].every((v) => spellings.some((s) => s.endsWith(v))), `flag lists Saunders-Jandro and Sanders-Jandro (${spellings.join(' / ')})`);
check(result.nameFlags.length === 1, `no other person merged (${result.nameFlags.length} flags)`);
const people = result.speakers.filter((s) => s.kind === 'person').map((s) => s.name);
for (const other of ['Oyster', 'Gunhus']) check(people.some((n) => n.endsWith(other) && !n.includes('Sanders')), `${other} stays a person of their own`);

for (const figure of [/About 600 doctors/, /60 clinics/, /over 500 days/, /a year and a half/]) {
  check(result.claims.some((c) => figure.test(c.text)), `claim with ${figure.source}`);
}

console.log(`\n${failures.length ? `${failures.length} check(s) failed` : 'founding example: all checks pass'}`);
process.exit(failures.length ? 1 : 0);
