// Checks a dcat-harvest command line against the commander program: the command exists and knows every option given.
import { PassThrough, Readable } from 'node:stream';
import type { Command } from 'commander';
import { loadCommands } from '../../src/cli/commands.js';
import { createProgram } from '../../src/cli/run.js';

/** Problems of `argv` (without `dcat-harvest`): an unknown command or option, a missing value. */
export async function cliProblems(argv: readonly string[]): Promise<string[]> {
  const io = {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: Readable.from([]),
    env: {},
    cwd: process.cwd(),
  };
  const { program } = createProgram(io, undefined, await loadCommands([]));
  let command: Command = program;
  let at = 0;
  for (; at < argv.length; at++) {
    const sub = command.commands.find((c) => c.name() === argv[at]);
    if (!sub) break;
    command = sub;
  }
  if (command === program) return [`no command "${argv[0]}"`];
  const problems: string[] = [];
  const options = [...command.options, ...program.options];
  for (; at < argv.length; at++) {
    const arg = argv[at] as string;
    if (!arg.startsWith('-')) continue;
    const option = options.find((o) => o.long === arg || o.short === arg);
    if (!option) problems.push(`${command.name()}: no option ${arg}`);
    else if (option.required) {
      if (at + 1 >= argv.length) problems.push(`${command.name()}: ${arg} needs a value`);
      at++;
    }
  }
  return problems;
}
