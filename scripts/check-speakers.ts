/**
 * `npm run check:speakers -- --news ../shared/corpora/news/wikinews-2019-2020.jsonl
 *    --press ../shared/corpora/press-releases/congress-press-releases.jsonl --allina ../shared/fixtures/allina-union.txt
 *    [--limit N] [--show REGEX] [--json FILE]`
 *
 * One speaker per person, measured: ingests the corpora into a fresh temporary local stack (the same
 * pipeline and API as `npm start`), then asks the API what a user would:
 * - profiles per well-known person: how many speaker ids the quotes of that person are spread over (the
 *   person is told by a pattern on the quote's canonical speaker name, written here by hand; it is the
 *   measurement's ground truth, not the code's);
 * - quotes per query form: `GET /quotes?speaker=FORM` (every page), how many quotes and how many distinct
 *   speaker ids answered;
 * - `GET /speakers?name=FORM` (and `GET /speakers` without a name, where the API has it): the profiles listed.
 * `--show REGEX` also prints every canonical speaker name matching REGEX with its ids and quote counts.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startLocalStack } from '../infra/local.ts';
import { ingest } from '../cli/ingest.ts';
import { DocumentIntakeService } from '../shared/pipeline/intake.ts';
import { S3DocumentStore } from '../shared/storage/s3-documents.ts';
import { DynamoIndexStore } from '../shared/storage/dynamo-index.ts';
import { searchDatabase } from '../shared/storage/search-database.ts';
import { limited, option } from './corpus-args.ts';

/** Who is who in the corpora, by the canonical name on a quote (hand-written: the yardstick). */
const PEOPLE: Array<{ person: string; pattern: RegExp; not?: RegExp }> = [
  { person: 'Donald Trump', pattern: /\bTrump\b/, not: /Melania|Ivanka|Jr\b|Eric|Barron|Tiffany|Lara|Fred|Mary|Organization|Administration|campaign|Tower|International|Foundation/i },
  { person: 'Melania Trump', pattern: /Melania/ },
  { person: 'Joe Biden', pattern: /\bBiden\b/, not: /Jill|Hunter|Beau|campaign|Administration/i },
  { person: 'Kristin Sanders-Gendreau', pattern: /Gendreau|Jandro/ },
];

/** The forms a user may type, each with the person it should find (for the report only). */
const FORMS = ['Trump', 'Donald Trump', 'President Trump', 'Donald J. Trump', 'Melania Trump', 'Melania', 'Biden', 'Joe Biden',
  'Sanders-Gendreau', 'Dr. Sanders-Gendreau', 'Saunders-Jandro', 'Sanders-Jandro', 'Kristin', 'Kristin Sanders-Gendreau'];

async function main() {
  const args = process.argv.slice(2);
  const inputs = [option(args, 'news'), option(args, 'press')].filter((p): p is string => Boolean(p));
  const allina = option(args, 'allina');
  const limit = option(args, 'limit') ? Number(option(args, 'limit')) : undefined;
  const show = option(args, 'show');
  const jsonOut = option(args, 'json');
  if (inputs.length === 0 && !allina) throw new Error('give --news FILE and/or --press FILE (and/or --allina FILE)');

  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.QUOTEDESK_AUTH = 'tokens';
  const token = randomBytes(24).toString('base64url');
  process.env.QUOTEDESK_READER_TOKEN = token;
  process.env.QUOTEDESK_WRITER_TOKEN ??= randomBytes(24).toString('base64url');
  const work = mkdtempSync(join(tmpdir(), 'quotedesk-speakers-'));
  const stack = await startLocalStack({ ephemeral: true, s3Port: 0, dynamoPort: 0, apiPort: 0, crawlIntervalSeconds: null, sweepIntervalSeconds: null, concurrency: 2, log: () => undefined });
  try {
    const intake = new DocumentIntakeService(new S3DocumentStore(), new DynamoIndexStore());
    const started = Date.now();
    for (const input of inputs) await ingest([limited(input, limit, work)], { uploader: (b, m) => intake.submit(b, m), concurrency: 8 });
    if (allina) await intake.submit(readFileSync(allina), { filename: 'allina-union.txt', contentType: 'text/plain', source: 'fixture' });
    await stack.idle();
    const seconds = (Date.now() - started) / 1000;

    const api = async (path: string): Promise<any> => {
      const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) return { status: response.status, error: await response.text() };
      return response.json();
    };

    // Every committed quote's speaker, from the search projection (the same rows `?q=` searches).
    const sql = searchDatabase();
    if (!sql) throw new Error('no search database');
    const rows = await sql.query<{ speaker_id: string; speaker: string; quotes: number }>(
      'SELECT speaker_id, speaker, count(*)::integer AS quotes FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id, speaker',
    );
    const people = PEOPLE.map(({ person, pattern, not }) => {
      const mine = rows.filter((r) => pattern.test(r.speaker) && !(not && not.test(r.speaker)));
      const ids = new Map<string, number>();
      for (const r of mine) ids.set(r.speaker_id, (ids.get(r.speaker_id) ?? 0) + Number(r.quotes));
      const byId = [...ids].sort((a, b) => b[1] - a[1]);
      return {
        person,
        profiles: ids.size,
        quotes: mine.reduce((n, r) => n + Number(r.quotes), 0),
        largestProfileQuotes: byId[0]?.[1] ?? 0,
        names: [...new Set(mine.map((r) => r.speaker))].sort(),
      };
    });

    const forms = [];
    for (const form of FORMS) {
      const ids = new Set<string>();
      const names = new Set<string>();
      let quotes = 0;
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: any = await api(`/quotes?speaker=${encodeURIComponent(form)}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        if (!page.items) break;
        for (const q of page.items) {
          quotes++;
          if (q.speakerId) ids.add(q.speakerId);
          if (q.speaker) names.add(q.speaker);
        }
        cursor = page.cursor;
      } while (cursor && ++pages < 50);
      const directory: any = await api(`/speakers?name=${encodeURIComponent(form)}&limit=100`);
      forms.push({
        form,
        quotes,
        speakerIds: ids.size,
        speakers: [...names].sort(),
        directory: directory.items ? directory.items.map((s: any) => `${s.name} (${s.quoteCount})`) : directory,
      });
    }
    const top: any = await api('/speakers?limit=10');
    // Cross-document merges by status, and every match by spelling (name → person), to read them one by one.
    const merges: Record<string, number> = {};
    const variantSpellings: string[] = [];
    for (const status of ['auto', 'open']) {
      let cursor: string | null = null;
      merges[status] = 0;
      do {
        const page: any = await api(`/merges?status=${status}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        if (!page.items) break;
        merges[status] += page.items.length;
        for (const m of page.items) if (String(m.evidence?.[1] ?? '').startsWith('a variant of')) variantSpellings.push(`${m.name} → ${m.canonical}`);
        cursor = page.cursor;
      } while (cursor);
    }

    const report = {
      documents: (await new DynamoIndexStore().countByStatus()),
      seconds: Number(seconds.toFixed(1)),
      loadAverage: Number(loadavg()[0].toFixed(1)),
      speakerProfilesWithQuotes: new Set(rows.map((r) => r.speaker_id)).size,
      people,
      forms,
      directoryWithoutName: top.items ? top.items.map((s: any) => `${s.name} (${s.quoteCount})`) : top,
      merges,
      variantSpellings: variantSpellings.sort(),
      shown: show
        ? rows.filter((r) => new RegExp(show).test(r.speaker)).sort((a, b) => a.speaker.localeCompare(b.speaker)).map((r) => `${r.speaker} ${r.speaker_id} ${r.quotes}`)
        : undefined,
    };
    if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`check:speakers: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
