// **run** parses arguments with commander, runs the command and maps errors to exit codes.
import { Command, CommanderError, Option } from 'commander';
import { DcatHarvestError, ExitCode, exitCodeOf } from '../errors.js';
import { VERSION } from '../version.js';
import { loadCommands, type RegisterCommand } from './commands.js';
import { createContext, type CliContext, type CliIo } from './context.js';

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

const EXIT_HELP = `
Exit codes:
  0  success (the input conforms, the harvest is complete)
  1  findings at or above the threshold (--fail-on, --min-score)
  2  usage error (bad arguments or options)
  3  input or network failure`;

/**
 * Builds the commander program with the given subcommands (see `loadCommands`); `getContext` is
 * valid once options are parsed.
 */
export function createProgram(
  io: CliIo,
  signal: AbortSignal | undefined,
  commands: readonly RegisterCommand[],
): {
  program: Command;
  context: () => CliContext;
} {
  let context: CliContext | undefined;
  const program = new Command('dcat-harvest');
  const getContext = (): CliContext => {
    if (!context) {
      const opts = program.opts<{ quiet?: boolean; verbose?: boolean; color?: boolean }>();
      context = createContext(io, {
        verbosity: opts.verbose ? 'verbose' : opts.quiet ? 'quiet' : 'normal',
        color: opts.color,
        signal,
      });
    }
    return context;
  };
  program
    .description(
      'Harvest DCAT catalogs (udata, CKAN, any hydra-paged endpoint), validate them against DCAT-AP, score their metadata quality and convert RDF.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('-q, --quiet', 'only errors and warnings on stderr').conflicts('verbose'))
    .option('-v, --verbose', 'more detail on stderr, and stack traces on errors')
    .option('--no-color', 'no colour on stderr (NO_COLOR is honoured too)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  for (const register of commands) register(program, getContext);
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
    command.showHelpAfterError(`(run "dcat-harvest ${command.name()} --help" for usage)`);
  }
  return { program, context: getContext };
}

/**
 * Runs the command line with `argv` (without node and script) and returns the exit code. Never
 * calls process.exit, so tests run it in-process.
 *
 * @example
 * ```ts
 * import { PassThrough } from 'node:stream';
 * import { runCli } from 'dcat-harvest';
 *
 * const stdout = new PassThrough();
 * const stderr = new PassThrough();
 * const io = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: process.cwd() };
 * const version = await runCli(['--version'], io);
 * const unknown = await runCli(['no-such-command'], io);
 * version; // 0
 * unknown; // 2
 * ```
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = processIo(),
  signal?: AbortSignal,
): Promise<number> {
  const { program, context } = createProgram(io, signal, await loadCommands(argv));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return context().exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return ExitCode.ok;
      // commander has already printed its message.
      return ExitCode.usage;
    }
    const ctx = context();
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(message);
    if (error instanceof DcatHarvestError && error.hint) ctx.log.info(`hint: ${error.hint}`);
    if (ctx.verbosity === 'verbose' && error instanceof Error && error.stack) {
      io.stderr.write(error.stack + '\n');
    } else if (!(error instanceof DcatHarvestError)) {
      ctx.log.info('(run with --verbose for the stack trace)');
    }
    return exitCodeOf(error);
  }
}
