/**
 * twofold-psych: command-line front end of @twofold/psychometrics.
 *
 *   twofold-psych <analysis> --data FILE [--keys FILE] [--items a,b,c] [--json] [options]
 *   twofold-psych --help | twofold-psych <analysis> --help
 *
 * Output goes to stdout (aligned tables, or JSON with --json); errors go to
 * stderr with exit code 2. A progress bar for reading --data is drawn on
 * stderr when it is a terminal, or when --progress is given.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PsychometricsInputError } from '../errors.ts';
import type { Command, CommandContext, OptionSpec, OptionValues } from './command.ts';
import { createOptionAccessors, UsageError } from './command.ts';
import { commands } from './commands.ts';
import { formatTables } from './format.ts';
import { readDataFile } from './read-data.ts';

const PROGRAM = 'twofold-psych';

/** Options every command accepts. */
const COMMON_OPTIONS: OptionSpec = {
  data: { type: 'string' },
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const COMMON_HELP = [
  'Common options:',
  '  --data FILE   CSV data (.csv or .csv.gz): header row, comma or semicolon,',
  '                missing = empty, NA or .',
  '  --json        print JSON (psych field names) instead of tables',
  '  --progress    show a progress bar while reading (default: only on a terminal)',
  '  -h, --help    show help',
].join('\n');

/** Streams the CLI writes to (injectable for tests). */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `Usage: ${PROGRAM} <analysis> --data FILE [--keys FILE] [--items a,b,c] [--json] [options]`,
    `       ${PROGRAM} <analysis> --help`,
    '',
    'Psychometric analyses that reproduce R psych 2.2.9.',
    '',
    'Analyses:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    COMMON_HELP,
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  return [
    `Usage: ${PROGRAM} ${c.usage} [--json]`,
    '',
    c.summary + '.',
    '',
    c.help,
    '',
    COMMON_HELP,
    '',
  ].join('\n');
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path).
 *
 * @returns the process exit code: 0 on success, 2 on any error.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(
      `${PROGRAM}: unknown analysis "${name}". Run "${PROGRAM} --help" for the list.\n`,
    );
    return 2;
  }
  try {
    let values: OptionValues;
    try {
      ({ values } = parseArgs({
        args: [...rest],
        options: { ...COMMON_OPTIONS, ...command.options },
        strict: true,
        allowPositionals: false,
      }) as { values: OptionValues });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const accessors = createOptionAccessors(values);
    if (command.needsData !== false) accessors.requireString('data');
    const showProgress = values.progress === true || io.stderr.isTTY === true;
    const ctx: CommandContext = {
      values,
      ...accessors,
      readData: () =>
        readDataFile(accessors.requireString('data'), {
          progress: showProgress ? io.stderr : undefined,
        }),
      readJson: async (path) => {
        let text: string;
        try {
          text = await readFile(path, 'utf8');
        } catch (e) {
          throw new PsychometricsInputError(`Cannot read ${path}: ${(e as Error).message}`);
        }
        try {
          return JSON.parse(text) as unknown;
        } catch (e) {
          throw new PsychometricsInputError(`${path} is not valid JSON: ${(e as Error).message}`);
        }
      },
    };
    const result = await command.run(ctx);
    if (values.json === true) {
      io.stdout.write(JSON.stringify(result.json, null, 2) + '\n');
      for (const note of result.notes ?? []) io.stderr.write(note + '\n');
    } else {
      io.stdout.write(formatTables(result.tables, result.notes ?? []));
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(
        `${PROGRAM} ${command.name}: ${e.message}\nUsage: ${PROGRAM} ${command.usage}\nRun "${PROGRAM} ${command.name} --help" for details.\n`,
      );
    } else if (e instanceof PsychometricsInputError) {
      io.stderr.write(`${PROGRAM} ${command.name}: ${e.message}\n`);
    } else {
      io.stderr.write(
        `${PROGRAM} ${command.name}: internal error: ${(e as Error)?.stack ?? String(e)}\n`,
      );
    }
    return 2;
  }
}

// Run when executed directly (tsx src/cli/main.ts …) or through bin/twofold-psych.js.
const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly || (globalThis as { __TWOFOLD_PSYCH_BIN__?: boolean }).__TWOFOLD_PSYCH_BIN__) {
  process.exitCode = await main(process.argv.slice(2));
}
