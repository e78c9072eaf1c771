/**
 * The CLI as a Unix user meets it, through the real `bin/quotedesk.mjs` in a child process: help at every
 * level, --version, unknown commands and options with a hint, exit codes (2 usage, 1 failure), no stack
 * traces, messages naming the variable to set, a closed pipe ending the run quietly, no SDK warning.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/quotedesk.mjs', import.meta.url).pathname;
const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'quotedesk-cli-'));
const emptyDataDir = mkdtempSync(join(tmpdir(), 'quotedesk-nostack-'));

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function quotedesk(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, QUOTEDESK_DATA_DIR: emptyDataDir, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('quotedesk CLI', () => {
  it('answers --help, -h and help at every level on stdout, exiting 0', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--help'], /^usage: quotedesk COMMAND/],
      [['-h'], /^usage: quotedesk COMMAND/],
      [['help'], /^usage: quotedesk COMMAND/],
      [['help', 'export'], /^usage: quotedesk export quotes\|claims/],
      [['ingest', '--help'], /^usage: quotedesk ingest PATH… \[--collection NAME\]/],
      [['extract', '-h'], /^usage: quotedesk extract FILE/],
      [['status', 'help'], /^usage: quotedesk status/],
      [['feeds', 'add', '--help'], /^usage: quotedesk feeds add URL/],
      [['names', 'compare', '-h'], /^usage: quotedesk names compare/],
    ];
    for (const [args, usage] of cases) {
      const outcome = await quotedesk(args);
      expect({ args, code: outcome.code }).toEqual({ args, code: 0 });
      expect(outcome.stdout).toMatch(usage);
    }
  });

  it('prints its version', async () => {
    expect(await quotedesk(['--version'])).toMatchObject({ code: 0, stdout: `quotedesk ${VERSION}\n` });
  });

  it('names an unknown command or option with a hint and exits 2', async () => {
    const command = await quotedesk(['extrct', 'file.txt']);
    expect(command.code).toBe(2);
    expect(command.stderr).toBe("quotedesk: unknown command extrct (did you mean extract?); run 'quotedesk --help' for the commands\n");
    const option = await quotedesk(['ingest', 'x.txt', '--colection', 'a']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe("quotedesk ingest: unknown option --colection (did you mean --collection?); run 'quotedesk ingest --help' for its options\n");
    const topLevel = await quotedesk(['--verison']);
    expect(topLevel).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --verison (did you mean --version?)') });
    const bare = await quotedesk([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^usage: quotedesk COMMAND/);
    const missing = await quotedesk(['names', 'compare', 'only one']);
    expect(missing.code).toBe(2);
  });

  it('reports a missing input file in one line, exit 1, without a stack trace', async () => {
    for (const args of [['names', 'compare', '--jsonl', join(dir, 'nope.jsonl')], ['claims', '--jsonl', join(dir, 'nope.jsonl')], ['extract', '--jsonl', join(dir, 'nope.jsonl')], ['extract', join(dir, 'nope.txt')]]) {
      const outcome = await quotedesk(args);
      expect({ args, code: outcome.code }).toEqual({ args, code: 1 });
      expect(outcome.stderr).toMatch(/^quotedesk \w+: cannot read .*nope\.\w+: no such file or folder\n$/);
      noStackTrace(outcome.stderr);
    }
  });

  it('says which variable to set when no stack is found, and prints no AWS SDK warning', async () => {
    const outcome = await quotedesk(['status']);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`no local stack is running with data folder ${emptyDataDir} (QUOTEDESK_DATA_DIR)`);
    expect(outcome.stderr).toContain('export QUOTEDESK_DATA_DIR=');
    expect(outcome.stderr).toContain('set QUOTEDESK_TABLE');
    expect(outcome.stderr).not.toContain('NodeVersionSupportWarning');
    noStackTrace(outcome.stderr);
    for (const args of [['ingest', 'x.txt'], ['export', 'quotes'], ['feeds', 'list']]) {
      const other = await quotedesk(args);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain('QUOTEDESK_DATA_DIR');
    }
  });

  it('ends quietly with exit 0 when the reader closes the pipe early (stdout piped, stderr a terminal)', async () => {
    const lines = join(dir, 'many.jsonl');
    writeFileSync(lines, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `“We will open the bridge number ${i},” said Mayor Tom Reyes.` })).join('\n'));
    // `script` gives the command a terminal, so stderr is a TTY (the progress bar runs) while stdout goes to head.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} extract --jsonl ${JSON.stringify(lines)} | head -c 200 > /dev/null; echo "exit:\${PIPESTATUS[0]}"`;
    const outcome = await new Promise<{ output: string; timedOut: boolean }>((resolve) => {
      const child = spawn('script', ['-q', '-e', '-c', `bash -c ${JSON.stringify(command).replaceAll('$', '\\$')}`, '/dev/null'], { env: { ...process.env, QUOTEDESK_DATA_DIR: emptyDataDir } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve({ output, timedOut: true });
      }, 60_000);
      child.on('close', () => {
        clearTimeout(timer);
        resolve({ output, timedOut: false });
      });
    });
    expect(outcome.timedOut).toBe(false);
    expect(outcome.output).not.toContain('EPIPE');
    expect(outcome.output).toMatch(/exit:0/);
  }, 90_000);
});
