// **demo** runs `run` against the sample portal on loopback, fully offline, and says where the report is.
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { runPipeline, REPORT_FILES } from '../run/run.js';
import { startSamplePortal } from '../sample-portal/server.js';
import type { CliContext } from './context.js';

interface DemoFlags {
  out: string;
  datasets: string;
  seed: string;
  faults?: string;
  byPublisher: boolean;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest demo
  $ dcat-harvest demo -o /tmp/demo --datasets 500 --seed 7
  $ dcat-harvest demo --faults "5xx=0.05,latency=20"

Starts the sample portal (a generated udata-compatible catalog with planted metadata defects) on
127.0.0.1, harvests it, validates it against DCAT-AP 3, scores it the MQA way and writes the
report folder. Nothing leaves the machine.

Exit codes:
  0  report written
  2  usage error
  3  the harvest or the report failed`;

function integer(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/**
 * Removes the harvest of an earlier (or interrupted) demo in `out`: only a `harvest/` folder
 * holding a harvest manifest, or next to a report.json, is removed.
 */
async function clearEarlierDemo(out: string): Promise<void> {
  const harvest = path.join(out, REPORT_FILES.harvest);
  const ours =
    (await exists(path.join(out, REPORT_FILES.json))) ||
    (await exists(path.join(harvest, 'manifest.json')));
  if (ours) await rm(harvest, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** Registers the `demo` command. */
export const registerDemo = (program: Command, context: () => CliContext): void => {
  program
    .command('demo')
    .description(
      'run the whole pipeline on the built-in sample portal (offline) and write its report',
    )
    .option('-o, --out <dir>', 'report folder', 'dcat-harvest-demo')
    .option('--datasets <n>', 'datasets in the sample portal', '2000')
    .option('--seed <n>', 'seed of the generated catalog', '1')
    .option('--faults <spec>', 'faults the portal injects, e.g. "5xx=0.05,latency=20"')
    .option('--no-by-publisher', 'skip the per-publisher folders')
    .addHelpText('after', EXAMPLES)
    .action(async (flags: DemoFlags) => {
      const ctx = context();
      const datasets = integer(flags.datasets, '--datasets', 1, 1_000_000);
      const seed = integer(flags.seed, '--seed', 0, 2 ** 31 - 1);
      const out = path.resolve(ctx.cwd, flags.out);
      await clearEarlierDemo(out);
      const portal = await startSamplePortal({
        datasets,
        seed,
        ...(flags.faults === undefined ? {} : { faults: flags.faults }),
      });
      ctx.log.info(`[demo] sample portal with ${datasets} datasets listening on ${portal.url}`);
      const started = performance.now();
      try {
        const { report, files } = await runPipeline(portal.url, {
          out,
          cwd: ctx.cwd,
          signal: ctx.signal,
          byPublisher: flags.byPublisher,
          onProgress: (stage, message) => ctx.log.info(`[${stage}] ${message}`),
          recordedOptions: { demo: true, datasets, seed, faults: flags.faults ?? null },
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const { audit, counts } = report;
        ctx.log.info(
          `[demo] ${counts.datasets} datasets, ${counts.publishers} publishers: catalog score ${audit.score}/${audit.maxPoints} (${audit.rating}), ${counts.violations} violations, in ${seconds} s`,
        );
        ctx.stdout.write(`Open the report: ${files.html}\n`);
        ctx.exitCode = report.harvest.complete ? 0 : 3;
      } finally {
        await portal.close();
      }
    });
};
