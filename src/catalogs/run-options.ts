// **run-options** turns one catalog's options into the options of a one-catalog run, and its thresholds.
import type { LinkCache } from '../audit/link-cache.js';
import { createLinkChecker, type LinkChecker } from '../audit/links.js';
import type { HostLimitsFactory } from '../fetch/host-limiter.js';
import type { Rating } from '../run/report-model.js';
import { COMPLIANCE_DEFAULTS } from '../run/assess.js';
import type { RunOptions } from '../run/run.js';
import type { FailOn } from '../shacl/findings.js';
import type { CatalogEntry, CatalogOptions } from './catalog-options.js';

/** What every catalog of a run shares: where, how many threads, the link cache. */
export interface SharedRunOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Validation worker threads per catalog. */
  workers?: number;
  importMap?: Record<string, string>;
  /** URL check results kept between runs (shared by the catalogs). */
  linkCache?: LinkCache;
  /**
   * Per-host limits shared with other processes (queue workers): each catalog's `rate` and
   * `concurrency` then hold across every worker, not per catalog.
   */
  hostLimits?: HostLimitsFactory;
}

/** Pages in flight per host when a catalog does not say (the harvest's default). */
const DEFAULT_CONCURRENCY = 4;

/** When a catalog's exit code is 1. */
export interface Thresholds {
  failOn: FailOn;
  minScore?: number;
  minRating?: Rating;
}

/** A catalog's run options, its thresholds, and the link checker to close afterwards. */
export interface CatalogRunSetup {
  run: Omit<RunOptions, 'out'>;
  thresholds: Thresholds;
  checker?: LinkChecker;
}

/** `check-links`: undefined (off), 'all', or a sample size. */
function linkMode(value: CatalogOptions['check-links']): undefined | 'all' | number {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === 'all') return 'all';
  return Number(value.slice('sample:'.length));
}

function filtersOf(o: CatalogOptions): RunOptions['filters'] {
  const tags = o.tag === undefined ? [] : Array.isArray(o.tag) ? o.tag : [o.tag];
  const filters = {
    ...(tags.length > 0 ? { tag: tags } : {}),
    ...(o.organization === undefined ? {} : { organization: o.organization }),
    ...(o.badge === undefined ? {} : { badge: o.badge }),
    ...(o.q === undefined ? {} : { q: o.q }),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** The options `report.json` records, as `run` records them for one source. */
function recorded(
  o: CatalogOptions,
  mode: undefined | 'all' | number,
): RunOptions['recordedOptions'] {
  const filters = filtersOf(o);
  return {
    profile: o.profile ?? 'dcat-ap-3',
    level: o.level ?? 'full',
    compliance: `${COMPLIANCE_DEFAULTS.profile} (${COMPLIANCE_DEFAULTS.level})`,
    background: o.background ?? 'vocabularies',
    method: o.method ?? 'mqa',
    byPublisher: o['by-publisher'] === true,
    checkLinks: mode === undefined ? false : String(mode),
    ...(filters
      ? {
          filters: Object.entries(filters)
            .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
            .join(' '),
        }
      : {}),
  };
}

/** The one-catalog run options of `entry` (its options already merged with the defaults). */
export function catalogRunSetup(entry: CatalogEntry, shared: SharedRunOptions): CatalogRunSetup {
  const o = entry.options;
  const mode = linkMode(o['check-links']);
  const checker = mode
    ? createLinkChecker({
        ...(shared.signal ? { signal: shared.signal } : {}),
        ...(shared.linkCache ? { cache: shared.linkCache } : {}),
      })
    : undefined;
  const filters = filtersOf(o);
  const run: CatalogRunSetup['run'] = {
    ...(shared.cwd === undefined ? {} : { cwd: shared.cwd }),
    ...(shared.signal === undefined ? {} : { signal: shared.signal }),
    ...(shared.workers === undefined ? {} : { workers: shared.workers }),
    ...(shared.importMap === undefined ? {} : { importMap: shared.importMap }),
    byPublisher: o['by-publisher'] === true,
    profile: o.profile,
    level: o.level,
    background: o.background ?? 'vocabularies',
    relax: o.relax ?? [],
    method: o.method ?? 'mqa',
    format: o.format,
    concurrency: o.concurrency,
    maxPages: o['max-pages'],
    pageSize: o['page-size'],
    allowCrossOrigin: o['allow-cross-origin'] === true,
    ...(filters ? { filters } : {}),
    rate: o.rate,
    retries: o.retries,
    ...(shared.hostLimits
      ? {
          hostLimiter: shared.hostLimits({
            ...(o.rate === undefined ? {} : { rate: o.rate }),
            concurrency: o.concurrency ?? DEFAULT_CONCURRENCY,
          }),
        }
      : {}),
    links: checker,
    linkSample: typeof mode === 'number' ? mode : undefined,
    recordedOptions: recorded(o, mode),
  };
  const thresholds: Thresholds = {
    failOn: o['fail-on'] ?? 'never',
    ...(o['min-score'] === undefined ? {} : { minScore: o['min-score'] }),
    ...(o['min-rating'] === undefined ? {} : { minRating: o['min-rating'] }),
  };
  return { run, thresholds, ...(checker ? { checker } : {}) };
}
