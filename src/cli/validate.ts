// **validate** wires `dcat-harvest validate <input…>` to runValidation and the report renderers.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { countInputs } from '../input/open.js';
import { renderChunks } from '../report/renderer.js';
import { parseReportTarget } from '../report/renderers.js';
import { writeChunksTo, writeChunksToFile } from '../report/write.js';
import { failsAt, type FailOn } from '../shacl/findings.js';
import { parseImportMap } from '../shacl/profiles.js';
import { runValidation, type ValidationProgress } from '../shacl/run.js';
import { DEFAULT_WORKER_HEAP_MB } from '../shacl/pool.js';
import { VERSION } from '../version.js';
import type { Command } from 'commander';
import {
  backgroundOption,
  backgroundOptions,
  noBackgroundOption,
  relaxOption,
  type BackgroundFlags,
} from './background-options.js';
import { paint, type CliContext } from './context.js';
import { workerCount } from './workers-option.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface ValidateFlags extends BackgroundFlags {
  profile?: string;
  level?: string;
  shapes?: string[];
  importMap?: string[];
  workerHeap: string;
  report?: string[];
  failOn: FailOn;
  wholeGraph?: boolean;
  format?: string;
  workers: string;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest validate catalog.ttl
  $ dcat-harvest validate harvest/ --profile dcat-ap-3 --level base --report sarif:out.sarif
  $ dcat-harvest validate data.nt --shapes shapes.ttl --shapes range.ttl --background none
  $ dcat-harvest validate catalog.ttl --background classes --relax documents
  $ curl -s https://example.org/catalog.ttl | dcat-harvest validate - --report junit:junit.xml --report text
  $ dcat-harvest validate catalog.ttl --report markdown:"$GITHUB_STEP_SUMMARY" --fail-on warning

Report formats: text (default), json, turtle, jsonld, csv, junit, sarif, markdown.

Exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (default: violation)
  2  usage error
  3  input unreadable or malformed`;

/** Registers the command (a `RegisterCommand`; typed locally so commands.ts imports us without a cycle). */
export const registerValidate = (program: Command, context: () => CliContext): void => {
  program
    .command('validate')
    .description('validate DCAT records against a bundled DCAT-AP profile or any SHACL shapes')
    .argument('<input...>', 'RDF files (.gz too), harvest folders, URLs, or - for stdin')
    .option(
      '-p, --profile <id>',
      'bundled profile (see `dcat-harvest profiles`); default dcat-ap-3',
    )
    .option(
      '-l, --level <level>',
      'profile level: base, ranges, recommended, deprecated, usagenotes, full',
    )
    .option(
      '-s, --shapes <file|url>',
      'SHACL shapes to use instead of a profile (repeatable)',
      collect,
    )
    .option(
      '--import-map <iri=file>',
      'resolve an owl:imports IRI from a local file (repeatable)',
      collect,
    )
    .option('-r, --report <format[:file]>', 'report format and optional file (repeatable)', collect)
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity')
        .choices(['violation', 'warning', 'info', 'never'])
        .default('violation'),
    )
    .option('--whole-graph', 'validate each document as one graph instead of record by record')
    .option('-f, --format <format>', 'input format when it cannot be detected')
    .option(
      '--worker-heap <MB>',
      "each worker's heap; a page needing more is validated in the main thread (0: V8's default)",
      String(DEFAULT_WORKER_HEAP_MB),
    )
    .option(
      '-w, --workers <n|auto>',
      'worker threads (auto: one per core for harvest folders, none for single documents)',
      'auto',
    )
    .addOption(backgroundOption())
    .addOption(noBackgroundOption())
    .addOption(relaxOption())
    .addHelpText('after', EXAMPLES)
    .action((inputs: string[], flags: ValidateFlags) => validateCommand(context(), inputs, flags));
};

/** The validate command: validates the inputs and renders the findings to each report target. */
async function validateCommand(
  ctx: CliContext,
  inputs: string[],
  flags: ValidateFlags,
): Promise<void> {
  const targets = (flags.report?.length ? flags.report : ['text']).map(parseReportTarget);
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new UsageError('only one --report may go to stdout', {
      hint: 'give the others a file: --report json:out.json',
    });
  }
  const workers = await workerCount(flags.workers, inputs, ctx.cwd);
  const workerHeapMb = Number(flags.workerHeap);
  if (!Number.isInteger(workerHeapMb) || (workerHeapMb !== 0 && workerHeapMb < 64)) {
    throw new UsageError(`--worker-heap expects 0 or at least 64 (MB), got "${flags.workerHeap}"`);
  }
  const progress = ctx.stderr.isTTY === true && ctx.verbosity !== 'quiet';
  // Pages done of all, records (of what the harvest counted), rate and ETA, on a TTY.
  const totals = progress ? await countInputs(inputs, { cwd: ctx.cwd }) : undefined;
  const bar = totals
    ? new SingleBar({
        stream: ctx.stderr,
        format: `validate {bar} {value}/{total} pages | {records}${totals.records === undefined ? '' : `/${totals.records}`} records | {rate} records/s | ETA {eta_formatted}`,
        etaBuffer: 50,
        hideCursor: false,
      })
    : undefined;
  bar?.start(totals?.documents ?? 0, 0, { records: 0, rate: 0 });
  // Results wait on disk, not in memory: a data.gouv.fr-sized catalog has millions of findings.
  const running = runValidation(inputs, {
    spool: true,
    workers,
    workerHeapMb,
    ...(bar
      ? {
          onProgress: (p: ValidationProgress) => {
            const rate = p.elapsed > 0 ? Math.round((p.records * 1000) / p.elapsed) : 0;
            if (p.documents > bar.getTotal()) bar.setTotal(p.documents);
            bar.update(p.documents, { records: p.records, rate });
          },
        }
      : {}),
    profile: flags.profile,
    level: flags.level,
    shapes: flags.shapes,
    importMap: parseImportMap(flags.importMap ?? [], ctx.cwd),
    ...backgroundOptions(flags),
    wholeGraph: flags.wholeGraph,
    format: flags.format,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    signal: ctx.signal,
  });
  const run = await running.finally(() => bar?.stop());
  for (const notice of run.notices) ctx.log.warn(notice);
  try {
    for (const target of targets) {
      const toTty = target.file === undefined && ctx.stdout.isTTY === true && ctx.color;
      const chunks = renderChunks(target.renderer, run, {
        failOn: flags.failOn,
        version: VERSION,
        ...(toTty ? { paint: (style, t) => paint(true, style, t) } : {}),
      });
      if (target.file === undefined) await writeChunksTo(ctx.stdout, chunks);
      else {
        const file = path.resolve(ctx.cwd, target.file);
        await mkdir(path.dirname(file), { recursive: true });
        await writeChunksToFile(file, chunks);
        ctx.log.info(`${target.renderer.id} report written to ${target.file}`);
      }
    }
  } finally {
    run.dispose?.();
  }
  const c = run.summary.counts;
  ctx.log.info(
    `${run.summary.records} records: ${c.violation} violations, ${c.warning} warnings, ${c.info} infos`,
  );
  ctx.exitCode = failsAt(c, flags.failOn) ? 1 : 0;
}
