/**
 * `quotedesk COMMAND …`: each command lives in its own module, loaded only when called,
 * so `quotedesk names compare` never pays for the AWS SDK and `ingest` never loads compromise.
 */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  extract: { summary: 'extract FILE|- [--html] | --jsonl FILE', load: async () => (await import('./extract.ts')).run },
  claims: { summary: 'claims --jsonl FILE|-   (claims of many documents, ranked, grouped across documents)', load: async () => (await import('./claims.ts')).run },
  names: { summary: 'names compare "A" "B" | names compare --jsonl FILE', load: async () => (await import('./names.ts')).run },
  ingest: { summary: 'ingest PATH… [--bucket NAME]', load: async () => (await import('./ingest.ts')).run },
  status: { summary: 'status', load: async () => (await import('./status.ts')).run },
  reindex: { summary: 'reindex [--json]   (rebuild the search projection from S3)', load: async () => (await import('./reindex.ts')).run },
  feeds: { summary: 'feeds add|list|remove URL', load: async () => (await import('./feeds.ts')).run },
  crawl: { summary: 'crawl [--feed URL]', load: async () => (await import('./crawl.ts')).run },
};

export function usage(): string {
  return ['usage: quotedesk COMMAND', ...Object.values(commands).map((c) => `  quotedesk ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${usage()}\n`);
    return name && name !== '--help' ? 2 : 0;
  }
  try {
    return await (await command.load())(args);
  } catch (error) {
    process.stderr.write(`quotedesk ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
