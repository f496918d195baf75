// **diff** wires `dcat-harvest diff <before> <after>` to diffRuns and the diff renderers.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { diffRuns } from '../diff/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../diff/render.js';
import type { CliContext } from './context.js';

interface DiffFlags {
  format: DiffFormat;
  output?: string;
  failOnRegression?: boolean;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest diff reports/2026-10 reports/2026-11
  $ dcat-harvest diff old-harvest/ new-harvest/ --format json -o changes.json
  $ dcat-harvest diff before/ after/ --format markdown >> "$GITHUB_STEP_SUMMARY" --fail-on-regression

Inputs: report folders written by \`run\` (report.json and harvest/: records, scores, findings,
links) or harvest folders (records only). A record is "changed" when the SHA-256 of its
RDFC-1.0 canonical graph differs.

Exit codes:
  0  compared (and no regression with --fail-on-regression)
  1  --fail-on-regression and the after side is worse: a score fell, a new violation, a link
     newly broken, a record removed
  2  usage error
  3  a folder is missing or unreadable`;

/** Registers the `diff` command. */
export const registerDiff = (program: Command, context: () => CliContext): void => {
  program
    .command('diff')
    .description('what changed between two harvests or runs: records, scores, findings, links')
    .argument('<before>', 'report folder (from run) or harvest folder')
    .argument('<after>', 'report folder (from run) or harvest folder')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...DIFF_FORMATS])
        .default('text'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--fail-on-regression', 'exit 1 when the after side is worse')
    .addHelpText('after', EXAMPLES)
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const ctx = context();
      ctx.log.info(`diff: reading ${before} and ${after}`);
      const diff = await diffRuns(before, after, { cwd: ctx.cwd });
      const text = renderDiff(diff, flags.format);
      if (flags.output === undefined || flags.output === '-') ctx.stdout.write(text);
      else {
        const file = path.resolve(ctx.cwd, flags.output);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
        ctx.log.info(`diff written to ${flags.output}`);
      }
      if (diff.regressions.length > 0) ctx.log.info(`regressions: ${diff.regressions.join('; ')}`);
      ctx.exitCode = flags.failOnRegression && diff.regressions.length > 0 ? 1 : 0;
    });
};
