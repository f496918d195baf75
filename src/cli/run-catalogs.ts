// **run-catalogs** is `run` over several sources or a catalogs file: flags to catalog options, one line per catalog, the worst exit code.
import path from 'node:path';
import { openLinkCache } from '../audit/link-cache.js';
import type { CatalogEntry, CatalogOptions } from '../catalogs/catalog-options.js';
import { readCatalogsFile } from '../catalogs/catalogs-file.js';
import { idsForSources } from '../catalogs/ids.js';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { runCatalogs } from '../catalogs/run-catalogs.js';
import { runQueued } from '../queue/submit.js';
import { mergeOptions } from '../catalogs/catalog-options.js';
import { UsageError } from '../errors.js';
import { parseImportMap } from '../shacl/profiles.js';
import type { CliContext } from './context.js';
import { queueUrlOf } from './queue-url.js';

/** The `run` flags this path reads (commander's names). */
export interface CatalogsFlags {
  out: string;
  catalogs?: string;
  catalogConcurrency?: string;
  since?: string;
  queue?: string;
  pageBatch?: string;
  workers?: string;
  importMap?: string[];
  linkCache?: string;
  resume?: boolean;
  maxPages?: string;
  pageSize?: string;
  concurrency?: string;
  rate?: string;
  retries?: string;
  profile?: string;
  level?: string;
  method?: string;
  failOn?: string;
  minScore?: string;
  minRating?: string;
  checkLinks?: string | boolean;
  allowCrossOrigin?: boolean;
  byPublisher?: boolean;
  tag: string[];
  organization?: string;
  badge?: string;
  q?: string;
  background?: string | false;
  relax?: string[];
}

function count(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

/** The catalog options the command line gives every catalog (only flags given explicitly). */
export function optionsFromFlags(
  flags: CatalogsFlags,
  given: (flag: string) => boolean,
): CatalogOptions {
  const checkLinks = flags.checkLinks;
  if (typeof checkLinks === 'string' && !/^(all|sample:[1-9]\d*)$/.test(checkLinks))
    throw new UsageError(`--check-links takes "all" or "sample:N", got "${checkLinks}"`);
  const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
  if (minScore !== undefined && !(minScore >= 0 && minScore <= 405))
    throw new UsageError(`--min-score must be a number from 0 to 405, got "${flags.minScore}"`);
  const o: Record<string, unknown> = {
    'page-size': count(flags.pageSize, '--page-size', 1),
    'max-pages': count(flags.maxPages, '--max-pages', 1),
    tag: flags.tag.length > 0 ? flags.tag : undefined,
    organization: flags.organization,
    badge: flags.badge,
    q: flags.q,
    profile: flags.profile,
    level: flags.level,
    method: given('method') ? flags.method : undefined,
    'check-links': checkLinks,
    rate: positive(flags.rate, '--rate'),
    concurrency: count(flags.concurrency, '--concurrency', 1),
    retries: count(flags.retries, '--retries', 0),
    'allow-cross-origin': flags.allowCrossOrigin,
    background: flags.background === false ? 'none' : flags.background,
    relax: flags.relax,
    'by-publisher': flags.byPublisher,
    'fail-on': given('failOn') ? flags.failOn : undefined,
    'min-score': minScore,
    'min-rating': flags.minRating,
  };
  return mergeOptions(o as CatalogOptions);
}

function rowLine(row: CatalogRow): string {
  if (row.status === 'failed')
    return `[${row.id}] failed: ${row.error?.message ?? row.reasons.join('; ')}`;
  const c = row.findings;
  const changes = row.changes
    ? `; since: +${row.changes.counts.added} ~${row.changes.counts.changed} −${row.changes.counts.removed}${row.incremental?.reused ? ' (results reused)' : ''}`
    : '';
  return `[${row.id}] ${row.datasets ?? 0} datasets: score ${row.score}/${row.maxPoints} (${row.rating}), ${c?.violation ?? 0} violations, ${c?.warning ?? 0} warnings${row.failures > 0 ? `, ${row.failures} pages missing` : ''}${changes}`;
}

/** Runs `run` over the sources and/or the catalogs file; sets the worst catalog's exit code. */
export async function runCatalogsCommand(
  ctx: CliContext,
  sources: readonly string[],
  flags: CatalogsFlags,
  given: (flag: string) => boolean,
): Promise<void> {
  const base = optionsFromFlags(flags, given);
  const entries: CatalogEntry[] = [];
  if (flags.catalogs)
    entries.push(
      ...(await readCatalogsFile(path.resolve(ctx.cwd, flags.catalogs), base, flags.catalogs)),
    );
  const ids = idsForSources(sources);
  sources.forEach((source, at) => {
    const id = ids[at] as string;
    if (entries.some((e) => e.id === id))
      throw new UsageError(`catalog id "${id}" (from ${source}) is also in --catalogs`);
    const isUrl = /^(?:csw\+)?https?:\/\//i.test(source);
    entries.push({ id, source: isUrl ? source : path.resolve(ctx.cwd, source), options: base });
  });
  const queue = queueUrlOf(ctx, flags.queue);
  if (flags.resume && !queue) {
    throw new UsageError(
      '--resume with several catalogs works with --queue; in one process, rerun with --since',
      { hint: 'a rerun with --since PREVIOUS_RUN reuses what did not change' },
    );
  }
  const pageBatch = count(flags.pageBatch, '--page-batch', 1);
  if (pageBatch !== undefined && !queue)
    throw new UsageError('--page-batch works with --queue: in one process, pages are not jobs');
  const workers =
    flags.workers === undefined
      ? {}
      : { workers: flags.workers === '0' ? 0 : count(flags.workers, '--workers', 1) };
  const onCatalog = (row: CatalogRow) =>
    row.status === 'failed' ? ctx.log.warn(rowLine(row)) : ctx.log.info(rowLine(row));
  const cache =
    flags.linkCache && !queue
      ? await openLinkCache(path.resolve(ctx.cwd, flags.linkCache))
      : undefined;
  try {
    const common = {
      out: flags.out,
      cwd: ctx.cwd,
      signal: ctx.signal,
      ...(flags.since === undefined ? {} : { since: flags.since }),
      ...workers,
      importMap: parseImportMap(flags.importMap ?? [], ctx.cwd),
      onCatalog,
    };
    const onSent = (sent: { catalogs: number; done: number; attached: boolean }) =>
      ctx.log.info(
        sent.attached
          ? `run: the queue at ${queue?.shown} still has this run's jobs: waiting for them`
          : `run: sent ${sent.catalogs} catalogs to ${queue?.shown}${sent.done > 0 ? ` (${sent.done} already done)` : ''}; start workers with \`dcat-harvest worker --queue URL\``,
      );
    const { overview, files } = queue
      ? await runQueued(entries, {
          ...common,
          queue,
          resume: flags.resume === true,
          ...(pageBatch === undefined ? {} : { pageBatch }),
          onSent,
        })
      : await runCatalogs(entries, {
          ...common,
          catalogConcurrency: count(flags.catalogConcurrency, '--catalog-concurrency', 1) ?? 2,
          ...(cache ? { linkCache: cache } : {}),
          onProgress: (id, stage, message) => ctx.log.debug(`[${id}] [${stage}] ${message}`),
        });
    const c = overview.counts;
    ctx.log.info(
      `${c.catalogs} catalogs (${c.ok} complete, ${c.incomplete} incomplete, ${c.failed} failed), ${c.datasets} datasets, ${overview.duplicates.groups} cross-catalog duplicates`,
    );
    const shown = path.relative(ctx.cwd, files.html);
    ctx.log.info(`overview: ${shown.startsWith('..') ? files.html : shown}`);
    ctx.exitCode = overview.exitCode;
  } finally {
    await cache?.save();
  }
}
