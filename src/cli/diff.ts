// **diff** wires `dcat-harvest diff <before> <after>` to diffRuns and the diff renderers.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { diffRuns } from '../diff/diff.js';
import { DIFF_FORMATS, LIST_LIMIT, renderDiff, type DiffFormat } from '../diff/render.js';
import { UsageError } from '../errors.js';
import type { CliContext } from './context.js';

interface DiffFlags {
  format: DiffFormat;
  output?: string;
  failOnRegression?: boolean;
  limit: string;
}

function limitOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--limit must be a whole number (0 or more), got "${value}"`);
  return n;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest diff reports/2026-10 reports/2026-11
  $ dcat-harvest diff old-harvest/ new-harvest/ --format json -o changes.json
  $ dcat-harvest diff before/ after/ --format markdown >> "$GITHUB_STEP_SUMMARY" --fail-on-regression
  $ dcat-harvest diff reports/2026-10 reports/2026-11 --limit 20

Inputs: report folders written by \`run\` (report.json, findings.jsonl and harvest/: records,
scores, findings, links) or harvest folders (records only). A record is "changed" when the
SHA-256 of its RDFC-1.0 canonical graph differs. Findings are compared by what they are
(severity, constraint, shape, path, value, focus node; a blank node as "a blank node of record
R"), not by the record they were filed under; the totals are exact, --limit caps the lists.
More: docs/diff.md.

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
    .argument('<before>', 'report folder (from run), its report.json, or a harvest folder')
    .argument('<after>', 'report folder (from run), its report.json, or a harvest folder')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices([...DIFF_FORMATS])
        .default('text'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--fail-on-regression', 'exit 1 when the after side is worse')
    .option(
      '--limit <n>',
      'findings introduced and fixed listed in full, and items per section in text, Markdown and HTML',
      String(LIST_LIMIT),
    )
    .addHelpText('after', EXAMPLES)
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const ctx = context();
      ctx.log.info(`diff: reading ${before} and ${after}`);
      const limit = limitOf(flags.limit);
      const diff = await diffRuns(before, after, { cwd: ctx.cwd, limit });
      const text = renderDiff(diff, flags.format, { limit });
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
