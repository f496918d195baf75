// **commands** is the table of subcommands: one entry per file in src/cli/, keyed by name, loaded on first use.
import type { Command } from 'commander';
import type { CliContext } from './context.js';

/** Registers one subcommand on the program; the action reads the context for I/O. */
export type RegisterCommand = (program: Command, context: () => CliContext) => void;

/** Every subcommand, in the order `--help` lists them: its name and how to load its module. */
export const COMMANDS: readonly { name: string; load: () => Promise<RegisterCommand> }[] = [
  { name: 'harvest', load: async () => (await import('./harvest.js')).registerHarvest },
  { name: 'site', load: async () => (await import('./site.js')).registerSite },
  { name: 'convert', load: async () => (await import('./convert.js')).registerConvert },
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'profiles', load: async () => (await import('./profiles.js')).registerProfiles },
  { name: 'audit', load: async () => (await import('./audit.js')).registerAudit },
  { name: 'diff', load: async () => (await import('./diff.js')).registerDiff },
  { name: 'run', load: async () => (await import('./run-command.js')).registerRun },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServe },
  { name: 'demo', load: async () => (await import('./demo.js')).registerDemo },
  { name: 'worker', load: async () => (await import('./worker.js')).registerWorker },
  { name: 'queue', load: async () => (await import('./queue.js')).registerQueue },
  {
    name: 'sample-portal',
    load: async () => (await import('./sample-portal.js')).registerSamplePortal,
  },
];

/**
 * The subcommands `argv` needs: when its first word (global options take no value) names a
 * subcommand, that one alone, so a command loads only its own dependencies; else all of them
 * (`--help`, `help <command>`, `--version`, a mistyped name).
 */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  const word = argv.find((arg) => !arg.startsWith('-'));
  const named = COMMANDS.find((command) => command.name === word);
  return Promise.all((named ? [named] : COMMANDS).map((command) => command.load()));
}
