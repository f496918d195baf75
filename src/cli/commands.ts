// **commands** is the table of subcommands: one entry per file in src/cli/, keyed by name.
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerHarvest } from './harvest.js';
import { registerSite } from './site.js';
import { registerDiff } from './diff.js';
import { registerRun } from './run-command.js';
import { registerDemo } from './demo.js';
import { registerProfiles } from './profiles.js';
import { registerValidate } from './validate.js';
import { registerConvert } from './convert.js';
import { registerSamplePortal } from './sample-portal.js';
import { registerAudit } from './audit.js';

/** Registers one subcommand on the program; the action reads the context for I/O. */
export type RegisterCommand = (program: Command, context: () => CliContext) => void;

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [
  registerHarvest,
  registerSite,
  registerConvert,
  registerValidate,
  registerProfiles,
  registerAudit,
  registerDiff,
  registerRun,
  registerDemo,
  registerSamplePortal,
];
