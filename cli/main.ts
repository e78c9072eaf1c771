/**
 * `quotedesk COMMAND …`: each command lives in its own module, loaded only when called,
 * so `quotedesk names compare` never pays for the AWS SDK and `ingest` never loads compromise.
 * Help (`--help`, `-h`, `help`) works at every level and exits 0; usage errors exit 2, failures 1,
 * both as one line on stderr without a stack trace (QUOTEDESK_DEBUG=1 prints it).
 */
import { readFileSync } from 'node:fs';
import { FailureError, UsageError, closest, describeFileError } from './args.ts';

type Command = (args: string[]) => Promise<number>;

interface CommandEntry {
  /** One line for the command list. */
  summary: string;
  /** The command's own help. */
  help: string;
  load: () => Promise<Command>;
}

const FILTER_HELP = `filters (as the search):
  --speaker NAME       any spelling of the speaker's name (or a speaker id)
  --q WORDS            words that must all appear (quotes, claims)
  --from DATE          published on or after (ISO date, e.g. 2019-01-01)
  --to DATE            published on or before
  --undated            only documents with no known publication date
  --collection NAME    documents filed under this collection
  --kind KIND          direct, indirect or mixed (quotes); a claim kind (claims)`;

const commands: Record<string, CommandEntry> = {
  extract: {
    summary: 'extract FILE|- [--html] [--pretty] | extract --jsonl FILE|-   one document\'s extraction as JSON, no stack needed',
    help: `usage: quotedesk extract FILE|- [--html] [--pretty]
       quotedesk extract --jsonl FILE|- [--html]

Prints the extraction (speakers, quotes, claims, nameFlags) of one document as JSON.
  --html          the input is a web page: its article is extracted first (and returned as "text")
  --pretty        indent the output
  --jsonl FILE    read lines {"id","text"} (FILE, or - for stdin) and write one JSON line per input line;
                  a bad line gives {"id","error"} and the run goes on`,
    load: async () => (await import('./extract.ts')).run,
  },
  claims: {
    summary: 'claims --jsonl FILE|-   claims of many documents, ranked, grouped across documents',
    help: `usage: quotedesk claims --jsonl FILE|-

Reads lines {"id","text","publishedAt"?} and writes one JSON line per claim, most check-worthy first,
with its figures, speaker and the group of the same claim in other documents.`,
    load: async () => (await import('./claims.ts')).run,
  },
  names: {
    summary: 'names compare "A" "B" | names compare --jsonl FILE|-   whether two names are one person',
    help: `usage: quotedesk names compare "NAME A" "NAME B"
       quotedesk names compare --jsonl FILE|-

Compares two names (titles, nicknames, spellings, scripts) and prints {"same","confidence","evidence"}.
With --jsonl, reads lines {"id","a","b"} and writes one line each; a bad line gives {"id","error"}.`,
    load: async () => (await import('./names.ts')).run,
  },
  ingest: {
    summary: 'ingest PATH… [--collection NAME] [--wait]   upload files, folders and .jsonl records',
    help: `usage: quotedesk ingest PATH… [--collection NAME] [--source TEXT] [--wait] [--json] [--concurrency N] [--bucket NAME]

Uploads files and folders (.txt .md .html .pdf .docx) and the lines of .jsonl files
({"id","title","text","url","source","collection","publishedAt"|"date"|"published"…}) to the running local
stack, or with --bucket to an S3 bucket. The same content twice is one document.
  --collection NAME  file every document under this collection (over a record's own "collection")
  --source TEXT      the documents' source (over a record's own "source")
  --wait             wait until every document is processed; the summary's time is then end to end
  --json             print the summary as JSON
  --concurrency N    uploads in flight, 1 to 64 (default 8)
  --bucket NAME      upload to this S3 bucket (QUOTEDESK_TABLE, when set, adds the duplicate check)`,
    load: async () => (await import('./ingest.ts')).run,
  },
  status: {
    summary: 'status [--failed] [--json]   documents by status, and how many are undated',
    help: `usage: quotedesk status [--failed] [--json]

Counts documents by status (queued, processing, done, failed) and those with no publication date.
  --failed   list failed documents with their reasons
  --json     print as JSON`,
    load: async () => (await import('./status.ts')).run,
  },
  reindex: {
    summary: 'reindex [--json]   rebuild the search projection from the result JSON in S3',
    help: `usage: quotedesk reindex [--json]

Rebuilds the search projection (full-text search and analytics) from every done document's result JSON,
at the version the index committed, and drops documents that are no longer done.
Local stack: the stack rebuilds its own database (set QUOTEDESK_WRITER_TOKEN as npm start printed it).
AWS: set QUOTEDESK_TABLE, QUOTEDESK_BUCKET, QUOTEDESK_SEARCH_CLUSTER_ARN and QUOTEDESK_SEARCH_SECRET_ARN
(the stack's outputs); the rebuild then runs here, through the RDS Data API.
  --json     print the report as JSON`,
    load: async () => (await import('./reindex.ts')).run,
  },
  export: {
    summary: 'export TABLE [--format csv|jsonl|parquet] [filters] [--out FILE]   quotes, claims, speakers, flags or documents',
    help: `usage: quotedesk export quotes|claims|speakers|flags|documents [--format csv|jsonl|parquet] [--bom] [--out FILE] [filters]

Writes one table of the index, every row with its document's metadata (see the codebook in the README),
streaming, to stdout or FILE.
  --format F     csv (RFC 4180, the default), jsonl or parquet (parquet needs --out or a pipe)
  --bom          CSV for Excel: a UTF-8 byte order mark, and cells Excel would run as formulas neutralised
  --out FILE     write to FILE instead of stdout
${FILTER_HELP}`,
    load: async () => (await import('./export.ts')).run,
  },
  feeds: {
    summary: 'feeds add URL [--title T] [--group G] | feeds list | feeds remove URL',
    help: `usage: quotedesk feeds add URL [--title TITLE] [--group GROUP]
       quotedesk feeds list [--group GROUP]
       quotedesk feeds remove URL

The crawler's feeds (RSS, Atom, JSON Feed). A feed's group is also the collection of the documents it brings.`,
    load: async () => (await import('./feeds.ts')).run,
  },
  crawl: {
    summary: 'crawl [--feed URL] [--group G] [--items] [--json]   crawl the feeds now',
    help: `usage: quotedesk crawl [--feed URL] [--group GROUP] [--items] [--json]

Crawls the due feeds now and prints what each brought. --feed crawls that one feed even if it is backing off.`,
    load: async () => (await import('./crawl.ts')).run,
  },
};

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `quotedesk ${pkg.version}`;
}

export function usage(): string {
  return [
    'usage: quotedesk COMMAND [OPTIONS]',
    '',
    'commands:',
    ...Object.values(commands).map((c) => `  quotedesk ${c.summary}`),
    '',
    'quotedesk COMMAND --help shows a command\'s options; quotedesk --version its version.',
  ].join('\n');
}

/** Whether the arguments ask for help: a help flag before any `--`, or `help` as the first word. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  const options = end < 0 ? args : args.slice(0, end);
  return options.includes('--help') || options.includes('-h') || args[0] === 'help';
}

function say(stream: NodeJS.WriteStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    say(process.stderr, usage());
    return 2;
  }
  if (HELP_FLAGS.has(name)) {
    const topic = args[0] ? commands[args[0]] : undefined;
    say(process.stdout, topic ? topic.help : usage());
    return 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    say(process.stdout, version());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    const option = name.startsWith('-');
    const hint = closest(name.replace(/^-+/, ''), option ? ['help', 'version'] : Object.keys(commands));
    const suggestion = hint ? ` (did you mean ${option ? '--' : ''}${hint}?)` : '';
    say(process.stderr, `quotedesk: unknown ${option ? 'option' : 'command'} ${name}${suggestion}; run 'quotedesk --help' for the commands`);
    return 2;
  }
  if (asksForHelp(args)) {
    say(process.stdout, command.help);
    return 0;
  }
  try {
    return await (await command.load())(args);
  } catch (error) {
    if (process.env.QUOTEDESK_DEBUG === '1') process.stderr.write(`${(error as Error).stack}\n`);
    if (error instanceof UsageError) {
      say(process.stderr, `quotedesk ${name}: ${error.message}; run 'quotedesk ${name} --help' for its options`);
      return 2;
    }
    const message = error instanceof FailureError ? error.message : (error as NodeJS.ErrnoException).syscall ? describeFileError(error) : error instanceof Error ? error.message : String(error);
    say(process.stderr, `quotedesk ${name}: ${message}`);
    return 1;
  }
}

/**
 * A reader that stops early (`quotedesk export quotes | head`) closes the pipe: the rest of the output
 * has nowhere to go, so end at once and quietly, as Unix tools do, instead of failing on EPIPE.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
