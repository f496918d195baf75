// **audit** wires `dcat-harvest audit <input…>` to auditRecords, the link checker and the audit renderers.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { auditRecords, type AuditReport } from '../audit/audit.js';
import { openLinkCache } from '../audit/link-cache.js';
import { createLinkChecker } from '../audit/links.js';
import type { PortalChoice } from '../audit/portal.js';
import { parseRating, rateScore, type Rating, RATING_BANDS } from '../audit/rating.js';
import { AUDIT_CHUNKS, AUDIT_FORMATS, AUDIT_RENDERERS } from '../audit/render/index.js';
import type { ScoringMethod } from '../audit/score.js';
import { UsageError } from '../errors.js';
import { parsedPages } from '../input/parsed-pages.js';
import { writeChunksTo, writeChunksToFile } from '../report/write.js';
import { auditInputs } from '../run/audit-inputs.js';
import { complianceOf } from '../shacl/compliance.js';
import { validatorFor } from '../shacl/run.js';
import type { RecordGraph } from '../rdf/records.js';
import { workerCount } from './workers-option.js';
import {
  backgroundOption,
  backgroundOptions,
  noBackgroundOption,
  relaxOption,
  type BackgroundFlags,
} from './background-options.js';
import type { CliContext } from './context.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The profile data.europa.eu's MQA validates against (piveau's validating service: DCAT-AP 2.1.1). */
export const DEFAULT_AUDIT_PROFILE = 'dcat-ap-2';

/**
 * The level checked by default: `base` (cardinalities, node kinds, datatypes). The `ranges` level
 * demands an `rdf:type` on every vocabulary IRI (file types, themes, licences), which piveau gets
 * from the EU vocabularies it loads beside the data; without them nearly every dataset would fail.
 */
export const DEFAULT_AUDIT_LEVEL = 'base';

interface AuditFlags extends BackgroundFlags {
  method: ScoringMethod;
  profile: string;
  level?: string;
  compliance: boolean;
  checkLinks?: string | true;
  linkCache?: string;
  linkTimeout: string;
  linkConcurrency: string;
  statusRange: string;
  portalProfile: PortalChoice;
  report?: string[];
  explain: 'auto' | 'all' | 'none';
  minScore?: string;
  minRating?: string;
  format?: string;
  workers: string;
}

const EXAMPLES = `
Examples:
  $ dcat-harvest audit catalog.ttl
  $ dcat-harvest audit harvest/ --report markdown:audit.md --report json:audit.json
  $ dcat-harvest audit harvest/ --check-links sample:500 --link-cache links.json
  $ dcat-harvest audit catalog.rdf --method proportional --report csv:scores.csv
  $ dcat-harvest audit harvest/ --report dqv-turtle:mqa.ttl --min-rating good

Methods: mqa (default, data.europa.eu/piveau: only the best distribution counts) and
proportional (share of distributions passing × points). Report formats: ${AUDIT_FORMATS.join(', ')}.

Exit codes:
  0  audit done (and the catalog score meets --min-score / --min-rating)
  1  catalog score under --min-score or rating under --min-rating
  2  usage error
  3  input unreadable or malformed`;

/** Parses `--check-links [all|sample:N]`. */
export function parseLinkMode(value: string | true | undefined): 'all' | number | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'all') return 'all';
  const m = /^sample:(\d+)$/.exec(value);
  if (m && Number(m[1]) > 0) return Number(m[1]);
  throw new UsageError(`--check-links takes "all" or "sample:N", got "${value}"`, {
    hint: 'for example --check-links sample:500',
  });
}

function parseRange(value: string): [number, number] {
  const m = /^(\d{3})-(\d{3})$/.exec(value);
  if (!m || Number(m[1]) > Number(m[2])) {
    throw new UsageError(`--status-range takes LOW-HIGH such as 200-399, got "${value}"`);
  }
  return [Number(m[1]), Number(m[2])];
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${option} takes a positive number, got "${value}"`);
  return n;
}

function target(spec: string): { format: string; file?: string } {
  const i = spec.indexOf(':');
  const format = i < 0 ? spec : spec.slice(0, i);
  if (!AUDIT_RENDERERS[format]) {
    throw new UsageError(`unknown report format "${format}"`, {
      hint: `use one of ${AUDIT_FORMATS.join(', ')}`,
    });
  }
  return i < 0 ? { format } : { format, file: spec.slice(i + 1) };
}

/** Exit 1 when the catalog misses the thresholds. */
function belowThreshold(report: AuditReport, minScore?: number, minRating?: Rating): boolean {
  const order = RATING_BANDS.map((b) => b.rating);
  if (minScore !== undefined && report.catalog.score < minScore) return true;
  if (minRating !== undefined) {
    return order.indexOf(rateScore(report.catalog.score)) > order.indexOf(minRating);
  }
  return false;
}

/** The compliance indicator judged in this thread (single documents). */
async function complianceCheck(flags: AuditFlags) {
  const validator = await validatorFor({
    profile: flags.profile,
    level: flags.level ?? DEFAULT_AUDIT_LEVEL,
    ...backgroundOptions(flags),
  });
  return {
    compliance: (r: RecordGraph) => complianceOf(validator, r),
    complianceLabel: validator.label,
  };
}

/** Registers the command. */
export const registerAudit = (program: Command, context: () => CliContext): void => {
  program
    .command('audit')
    .description(
      'score metadata quality the data.europa.eu MQA way, explained per dataset, publisher and catalog',
    )
    .argument('<input...>', 'RDF files (.gz too), harvest folders, URLs, or - for stdin')
    .addOption(
      new Option('-m, --method <method>', 'scoring method')
        .choices(['mqa', 'proportional'])
        .default('mqa'),
    )
    .option(
      '-p, --profile <id>',
      'profile for the DCAT-AP compliance indicator',
      DEFAULT_AUDIT_PROFILE,
    )
    .option('-l, --level <level>', 'profile level for the compliance check (default base)')
    .option('--no-compliance', 'skip the DCAT-AP compliance check (the indicator is not measured)')
    .option('--check-links [mode]', 'check access and download URLs: all (default) or sample:N')
    .option('--link-cache <file>', 'keep URL check results in this file between runs')
    .option('--link-timeout <ms>', 'timeout per URL check', '10000')
    .option('--link-concurrency <n>', 'URL checks in flight', '16')
    .option('--status-range <low-high>', 'HTTP statuses counted as accessible', '200-399')
    .addOption(
      new Option('--portal-profile <id>', 'portal whose export gaps are shown apart')
        .choices(['auto', 'udata', 'none'])
        .default('auto'),
    )
    .option('-r, --report <format[:file]>', 'report format and optional file (repeatable)', collect)
    .addOption(
      new Option('--explain <which>', 'datasets explained indicator by indicator')
        .choices(['auto', 'all', 'none'])
        .default('auto'),
    )
    .option('--min-score <n>', 'exit 1 when the catalog score is below n')
    .option(
      '--min-rating <rating>',
      'exit 1 when the catalog rating is below: excellent, good, sufficient, bad',
    )
    .option('-f, --format <format>', 'input format when it cannot be detected')
    .option(
      '-w, --workers <n|auto>',
      'worker threads judging compliance (auto: one per core for harvest folders, none for single documents)',
      'auto',
    )
    .addOption(backgroundOption())
    .addOption(noBackgroundOption())
    .addOption(relaxOption())
    .addHelpText('after', EXAMPLES)
    .action((inputs: string[], flags: AuditFlags) => auditCommand(inputs, flags, context()));
};

/** `--min-score` and `--min-rating`, read. */
function thresholds(flags: AuditFlags): { minScore?: number; minRating?: Rating } {
  const minScore =
    flags.minScore === undefined ? undefined : positive(flags.minScore, '--min-score');
  const minRating = flags.minRating === undefined ? undefined : parseRating(flags.minRating);
  if (flags.minRating !== undefined && !minRating) {
    throw new UsageError(
      `--min-rating takes excellent, good, sufficient or bad, got "${flags.minRating}"`,
    );
  }
  return { minScore, minRating };
}

/** `audit <input…>`: scores the inputs, writes the reports, sets the exit code. */
async function auditCommand(inputs: string[], flags: AuditFlags, ctx: CliContext): Promise<void> {
  const targets = (flags.report?.length ? flags.report : ['text']).map(target);
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new UsageError('only one --report may go to stdout', {
      hint: 'give the others a file: --report json:out.json',
    });
  }
  const { minScore, minRating } = thresholds(flags);
  const linkMode = parseLinkMode(flags.checkLinks);
  const statusRange = parseRange(flags.statusRange);
  const cache =
    linkMode && flags.linkCache
      ? await openLinkCache(path.resolve(ctx.cwd, flags.linkCache))
      : undefined;
  const checker = linkMode
    ? createLinkChecker({
        signal: ctx.signal,
        timeoutMs: positive(flags.linkTimeout, '--link-timeout'),
        concurrency: positive(flags.linkConcurrency, '--link-concurrency'),
        ...(cache ? { cache } : {}),
      })
    : undefined;
  const bar =
    checker && ctx.stderr.isTTY && ctx.verbosity !== 'quiet'
      ? new SingleBar({
          stream: ctx.stderr,
          format: 'links {bar} {value}/{total} {eta_formatted}',
        })
      : undefined;
  let report: AuditReport;
  try {
    const common = {
      method: flags.method,
      statusRange,
      portal: flags.portalProfile,
      ...(checker ? { links: checker } : {}),
      ...(typeof linkMode === 'number' ? { linkSample: linkMode } : {}),
      onLinkProgress: (done: number, total: number) => {
        if (!bar) return;
        if (done === 0) bar.start(total, 0);
        else bar.update(done);
      },
    };
    // With the compliance check and workers, pages are judged and measured on the workers.
    const workers = flags.compliance ? await workerCount(flags.workers, inputs, ctx.cwd) : 0;
    report =
      workers > 0
        ? await auditInputs(inputs, {
            workers,
            ...common,
            profile: flags.profile,
            level: flags.level ?? DEFAULT_AUDIT_LEVEL,
            ...backgroundOptions(flags),
            cwd: ctx.cwd,
            stdin: ctx.stdin,
            signal: ctx.signal,
            ...(flags.format === undefined ? {} : { format: flags.format }),
            onNotice: (notice) => ctx.log.warn(notice),
          })
        : await auditRecords(
            parsedPages(inputs, {
              cwd: ctx.cwd,
              stdin: ctx.stdin,
              signal: ctx.signal,
              ...(flags.format === undefined ? {} : { format: flags.format }),
              log: ctx.log,
            }),
            {
              ...common,
              ...(flags.compliance ? await complianceCheck(flags) : {}),
            },
          );
  } finally {
    bar?.stop();
    await checker?.close();
    await cache?.save();
  }
  for (const t of targets) {
    const chunks = AUDIT_CHUNKS[t.format]?.(report) ?? [
      await (AUDIT_RENDERERS[t.format] as (typeof AUDIT_RENDERERS)[string])(report, {
        explain: flags.explain,
      }),
    ];
    if (t.file === undefined) await writeChunksTo(ctx.stdout, chunks);
    else {
      const file = path.resolve(ctx.cwd, t.file);
      await mkdir(path.dirname(file), { recursive: true });
      await writeChunksToFile(file, chunks);
      ctx.log.info(`${t.format} report written to ${t.file}`);
    }
  }
  report.dispose?.();
  const c = report.catalog;
  ctx.log.info(
    `${c.datasets} datasets: catalog score ${c.score}/${report.maxPoints} (${c.rating}), method ${report.method}`,
  );
  ctx.exitCode = belowThreshold(report, minScore, minRating) ? 1 : 0;
}
