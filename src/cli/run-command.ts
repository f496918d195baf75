// **run-command** wires `dcat-harvest run <source>` to runPipeline: one report folder, a summary, exit codes.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { openLinkCache } from '../audit/link-cache.js';
import { createLinkChecker } from '../audit/links.js';
import { parseRating, rateScore } from '../audit/rating.js';
import type { ScoringMethod } from '../audit/score.js';
import { failsAt, type FailOn } from '../shacl/findings.js';
import { parseImportMap } from '../shacl/profiles.js';
import { COMPLIANCE_DEFAULTS } from '../run/assess.js';
import { QUEUE_ENV } from '../queue/connection.js';
import { runPipeline, REPORT_FILES, type RunOptions } from '../run/run.js';
import { RATINGS } from '../run/report-model.js';
import {
  backgroundOption,
  backgroundOptions,
  noBackgroundOption,
  relaxOption,
  type BackgroundFlags,
} from './background-options.js';
import type { CliContext } from './context.js';
import { QUEUE_OPTION_HELP } from './queue-url.js';
import { runCatalogsCommand, type CatalogsFlags } from './run-catalogs.js';

interface RunFlags extends BackgroundFlags {
  out: string;
  byPublisher?: boolean;
  profile?: string;
  level?: string;
  importMap?: string[];
  method: ScoringMethod;
  failOn: FailOn;
  minScore?: string;
  minRating?: string;
  concurrency?: string;
  maxPages?: string;
  pageSize?: string;
  checkLinks?: string | boolean;
  linkCache?: string;
  resume?: boolean;
  workers?: string;
  allowCrossOrigin?: boolean;
  tag: string[];
  organization?: string;
  badge?: string;
  q?: string;
  rate?: string;
  retries?: string;
}

/** Parses `--check-links [all|sample:N]`: undefined (off), 'all', or a sample size. */
export function parseCheckLinks(value: string | boolean | undefined): undefined | 'all' | number {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === 'all') return 'all';
  const m = /^sample:(\d+)$/.exec(value);
  if (m && Number(m[1]) > 0) return Number(m[1]);
  throw new UsageError(`--check-links takes "all" or "sample:N", got "${value}"`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const EXAMPLES = `
Examples:
  $ dcat-harvest run https://demo.data.gouv.fr -o report/
  $ dcat-harvest run http://127.0.0.1:8080 -o out --by-publisher --min-score 220
  $ dcat-harvest run harvest-folder/ -o report --profile dcat-ap-2 --fail-on violation
  $ dcat-harvest run catalog.ttl.gz -o report --method proportional
  $ dcat-harvest run https://www.data.gouv.fr -o hvd --badge hvd --rate 2

The report folder: index.html (open it in a browser), report.json, validation.sarif, audit.csv,
audit.dqv.ttl, harvest/ (the harvest folder, for URL sources) and, with --by-publisher,
publishers/<name>/README.md and datasets.csv.

Exit codes:
  0  report written, no threshold crossed
  1  findings at or above --fail-on, or catalog score under --min-score / rating under --min-rating
  2  usage error
  3  harvest failure (pages still missing after retries; the report covers the rest) or unreadable input`;

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} must be a positive integer, got "${value}"`);
  return n;
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

/** Registers the `run` command. */
export const registerRun = (program: Command, context: () => CliContext): void => {
  program
    .command('run')
    .description(
      'harvest, validate and audit a catalog into one report folder (HTML, JSON, SARIF, CSV, DQV)',
    )
    .argument(
      '[source...]',
      'portal root or catalog page URL, harvest folder, or RDF file (several: one sub-folder each and an overview)',
    )
    .option('--catalogs <file>', 'run the catalogs of a YAML or JSON file (see docs/catalogs.md)')
    .option('--catalog-concurrency <n>', 'catalogs run at once with several catalogs (default 2)')
    .option('--queue <url>', QUEUE_OPTION_HELP)
    .option('--page-batch <n>', 'with --queue: pages validated per page job (default 10)')
    .option(
      '--since <dir>',
      "with several catalogs: reuse an earlier run's results for unchanged pages, report what changed",
    )
    .option('-o, --out <dir>', 'report folder', 'dcat-harvest-report')
    .option('--by-publisher', 'also write one folder per publisher (Markdown + CSV, fixes first)')
    .option(
      '-p, --profile <id>',
      'validation profile (see `dcat-harvest profiles`); default dcat-ap-3',
    )
    .option('-l, --level <level>', 'profile level: base, ranges, recommended, deprecated, full')
    .option(
      '--import-map <iri=file>',
      'resolve an owl:imports IRI from a local file (repeatable)',
      collect,
    )
    .addOption(
      new Option('--method <method>', 'scoring method')
        .choices(['mqa', 'proportional'])
        .default('mqa'),
    )
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 on findings at or above this severity')
        .choices(['violation', 'warning', 'info', 'never'])
        .default('never'),
    )
    .option('--min-score <points>', 'exit 1 when the catalog score is under this (0–405)')
    .addOption(
      new Option('--min-rating <rating>', 'exit 1 when the catalog rating is worse').choices([
        ...RATINGS,
      ]),
    )
    .option('--check-links [mode]', 'check access and download URLs: all (default) or sample:N')
    .option('--link-cache <file>', 'keep URL check results in this file between runs')
    .option('-w, --workers <n>', 'validation worker threads (default: one per core; 0 = none)')
    .option(
      '--resume',
      'complete an interrupted harvest in the report folder; with --queue, resume a queued run whose jobs Redis lost',
    )
    .option('--concurrency <n>', 'concurrent page fetches per host while harvesting')
    .option('--max-pages <n>', 'stop the harvest after this many pages')
    .option('--page-size <n>', 'items per page asked of udata portals (default 100)')
    .option('--allow-cross-origin', 'follow paging links to another origin while harvesting')
    .option('--tag <tag>', 'only datasets with this tag (repeatable; udata)', collect, [])
    .option('--organization <id>', 'only datasets of this organization (udata)')
    .option('--badge <badge>', 'only datasets with this badge, e.g. hvd (udata)')
    .option('--q <text>', 'full-text filter (udata)')
    .option('--rate <n>', 'requests per second per host while harvesting')
    .option('--retries <n>', 'retries on network errors, 429 and 5xx while harvesting (default 4)')
    .addOption(backgroundOption())
    .addOption(noBackgroundOption())
    .addOption(relaxOption())
    .addHelpText('after', EXAMPLES)
    .action((sources: string[], flags: RunFlags & CatalogsFlags, command: Command) => {
      const ctx = context();
      const queued = flags.queue !== undefined || Boolean(ctx.env[QUEUE_ENV]);
      if (sources.length !== 1 || flags.catalogs || flags.since !== undefined || queued) {
        if (sources.length === 0 && flags.catalogs === undefined)
          throw new UsageError('run: give a source, or --catalogs FILE');
        const given = (flag: string) => command.getOptionValueSource(flag) === 'cli';
        return runCatalogsCommand(ctx, sources, flags, given);
      }
      return runCommand(ctx, sources[0] as string, flags);
    });
};

/** The run command: runs the pipeline into its report folder and says what it wrote. */
async function runCommand(ctx: CliContext, source: string, flags: RunFlags): Promise<void> {
  const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 405)) {
    throw new UsageError(`--min-score must be a number from 0 to 405, got "${flags.minScore}"`);
  }
  const minRating = flags.minRating === undefined ? undefined : parseRating(flags.minRating);
  const linkMode = parseCheckLinks(flags.checkLinks);
  const cache =
    linkMode && flags.linkCache
      ? await openLinkCache(path.resolve(ctx.cwd, flags.linkCache))
      : undefined;
  const checker = linkMode
    ? createLinkChecker({ signal: ctx.signal, ...(cache ? { cache } : {}) })
    : undefined;
  const given = {
    ...(flags.tag.length > 0 ? { tag: flags.tag } : {}),
    ...(flags.organization === undefined ? {} : { organization: flags.organization }),
    ...(flags.badge === undefined ? {} : { badge: flags.badge }),
    ...(flags.q === undefined ? {} : { q: flags.q }),
  };
  const filters = Object.keys(given).length > 0 ? given : undefined;
  let lastShare = -1;
  const options: RunOptions = {
    out: flags.out,
    cwd: ctx.cwd,
    signal: ctx.signal,
    byPublisher: flags.byPublisher,
    profile: flags.profile,
    level: flags.level,
    ...backgroundOptions(flags),
    importMap: parseImportMap(flags.importMap ?? [], ctx.cwd),
    method: flags.method,
    concurrency: positiveInt(flags.concurrency, '--concurrency'),
    maxPages: positiveInt(flags.maxPages, '--max-pages'),
    pageSize: positiveInt(flags.pageSize, '--page-size'),
    workers: flags.workers === '0' ? 0 : positiveInt(flags.workers, '--workers'),
    resume: flags.resume === true,
    allowCrossOrigin: flags.allowCrossOrigin === true,
    ...(filters ? { filters } : {}),
    rate: positiveNumber(flags.rate, '--rate'),
    retries: flags.retries === '0' ? 0 : positiveInt(flags.retries, '--retries'),
    links: checker,
    linkSample: typeof linkMode === 'number' ? linkMode : undefined,
    onLinkProgress: (done, total) => {
      const share = Math.floor((done / Math.max(total, 1)) * 10);
      if (share !== lastShare) {
        lastShare = share;
        ctx.log.info(`[audit] URLs checked: ${done}/${total}`);
      }
    },
    onProgress: (stage, message) => ctx.log.info(`[${stage}] ${message}`),
    recordedOptions: {
      profile: flags.profile ?? 'dcat-ap-3',
      level: flags.level ?? 'full',
      compliance: `${COMPLIANCE_DEFAULTS.profile} (${COMPLIANCE_DEFAULTS.level})`,
      background: backgroundOptions(flags).background,
      method: flags.method,
      byPublisher: flags.byPublisher === true,
      checkLinks: linkMode === undefined ? false : String(linkMode),
      ...(filters
        ? {
            filters: Object.entries(filters)
              .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
              .join(' '),
          }
        : {}),
    },
  };
  let outcome: Awaited<ReturnType<typeof runPipeline>>;
  try {
    outcome = await runPipeline(source, options);
  } finally {
    await checker?.close();
    await cache?.save();
  }
  const { report, files } = outcome;
  const { audit, counts, harvest } = report;
  ctx.log.info(
    `${counts.datasets} datasets, ${counts.publishers} publishers: catalog score ${audit.score}/${audit.maxPoints} (${audit.rating}), ${counts.violations} violations, ${counts.warnings} warnings, ${counts.brokenLinks} broken links`,
  );
  const shown = path.relative(ctx.cwd, files.html);
  ctx.log.info(`report: ${shown.startsWith('..') ? files.html : shown || REPORT_FILES.html}`);
  let code = 0;
  if (failsAt(report.validation.counts, flags.failOn)) code = 1;
  if (minScore !== undefined && audit.score < minScore) {
    ctx.log.warn(`catalog score ${audit.score} is under --min-score ${minScore}`);
    code = 1;
  }
  if (minRating && RATINGS.indexOf(rateScore(audit.score)) > RATINGS.indexOf(minRating)) {
    ctx.log.warn(`catalog rating ${audit.rating} is worse than --min-rating ${minRating}`);
    code = 1;
  }
  if (!harvest.complete) {
    ctx.log.warn(
      `harvest incomplete: ${harvest.missingPages.length} pages missing (listed in the report); rerun to fetch them`,
    );
    code = 3;
  }
  ctx.exitCode = code;
}
