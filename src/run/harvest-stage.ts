// **harvest-stage** turns a run's source into inputs: harvests a URL into the report folder, or reads local data.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';
import { harvest, type HarvestEvent, type HarvestOptions } from '../fetch/harvest.js';
import type { CatalogFilters } from '../fetch/source.js';
import type { HostLimiter } from '../fetch/host-limiter.js';
import type { FormatId } from '../rdf/formats.js';
import { isHarvestFolder, readHarvestFolder } from '../fetch/harvest-folder.js';
import type { HarvestSection } from './report-model.js';

/** Harvest options a run passes through. */
export interface HarvestStageOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Concurrent page fetches per host. */
  concurrency?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Page size asked of udata portals. */
  pageSize?: number;
  /** Format asked of udata portals (default Turtle), or of an RDF document URL. */
  format?: FormatId;
  /** Complete an earlier, interrupted harvest in the report folder instead of starting anew. */
  resume?: boolean;
  /**
   * The report folder already holds this run's harvest (a queued run's catalog job harvested it
   * first): read it, fetch nothing.
   */
  harvested?: boolean;
  /** Follow paging links to another origin. */
  allowCrossOrigin?: boolean;
  /** udata catalog filters (tag, organization, badge, full text). */
  filters?: CatalogFilters;
  /** Requests per second per host, and retries on network errors, 429 and 5xx. */
  rate?: number;
  retries?: number;
  /** A per-host limiter shared with other processes (queue workers); see `HostLimiter`. */
  hostLimiter?: HostLimiter;
  /** Called with progress lines. */
  onProgress?: (message: string) => void;
}

/** Turns harvest events into a progress line every 10 pages (and on plan and warnings). */
function harvestProgress(report: (message: string) => void): (event: HarvestEvent) => void {
  let pages = 0;
  let records = 0;
  let expected: number | undefined;
  return (event) => {
    if (event.type === 'plan') {
      expected = event.pagesExpected;
      const total = event.totalItems === undefined ? '' : `, ${event.totalItems} items announced`;
      report(`paging by ${event.mode}${expected ? `: ${expected} pages` : ''}${total}`);
    } else if (event.type === 'page') {
      pages += 1;
      records += event.entry.records ?? 0;
      if (pages % 10 === 0 || pages === expected) {
        report(`${pages}${expected ? `/${expected}` : ''} pages, ${records} records`);
      }
    } else if (event.type === 'warning') report(`warning: ${event.message}`);
  };
}

/** The options of the harvest module's `harvest` (and its planned parts) for a run's options. */
export function harvestOptionsOf(dir: string, options: HarvestStageOptions): HarvestOptions {
  return {
    out: dir,
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    resume: options.resume === true,
    ...(options.allowCrossOrigin ? { allowCrossOrigin: true } : {}),
    ...(options.filters ? { filters: options.filters } : {}),
    http: {
      ...(options.rate === undefined ? {} : { rate: options.rate }),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
      ...(options.hostLimiter === undefined ? {} : { hostLimiter: options.hostLimiter }),
    },
    onEvent: harvestProgress(options.onProgress ?? (() => {})),
  };
}

/** What the validate and audit stages read, and the harvest's numbers for the report. */
export interface Harvested {
  inputs: string[];
  section: HarvestSection;
  /** True when the source was local data (no harvest ran). */
  local: boolean;
}

/** Reads a harvest folder's manifest: the pages that parsed, and its completeness. */
export async function fromHarvestFolder(dir: string): Promise<Harvested> {
  const folder = await readHarvestFolder(dir);
  const good = folder.pages.filter((p) => !p.error);
  const c = folder.manifest.completeness;
  const failed = folder.manifest.pages.filter((p) => p.error && !p.splitInto);
  const missing = failed.map((p) => ({ url: p.url, error: p.error?.message ?? 'missing' }));
  for (const url of c?.missingPages ?? []) {
    if (!missing.some((m) => m.url === url)) missing.push({ url, error: 'not fetched' });
  }
  const section: HarvestSection = {
    pages: good.length,
    records: c?.records ?? good.reduce((n, p) => n + (p.records ?? 0), 0),
    duplicates: c?.duplicates ?? 0,
    complete: (c?.complete ?? folder.manifest.state === 'complete') && missing.length === 0,
    missingPages: missing,
  };
  if (c?.totalItems !== undefined) section.totalItems = c.totalItems;
  if (c?.repairedIris) section.repairedIris = c.repairedIris;
  return { inputs: good.map((p) => p.path), section, local: false };
}

/**
 * A URL is harvested into `dir` (the harvest module's `harvest`); a harvest folder is read through its
 * manifest (pages that failed to parse are listed as missing, not read); a file or folder of
 * RDF files is read as it is.
 */
export async function harvestStage(
  source: string,
  dir: string,
  options: HarvestStageOptions = {},
): Promise<Harvested> {
  if (/^(?:csw\+)?https?:\/\//i.test(source)) {
    if (!options.harvested) await harvest(source, harvestOptionsOf(dir, options));
    return fromHarvestFolder(dir);
  }
  const local = path.resolve(options.cwd ?? process.cwd(), source);
  const info = await stat(local).catch(() => undefined);
  if (!info) {
    throw new InputError(`run: source not found: ${source}`, {
      hint: 'give a portal URL, a catalog page URL, an RDF file or a harvest folder',
    });
  }
  if (info.isDirectory() && (await isHarvestFolder(local))) return fromHarvestFolder(local);
  return {
    inputs: [local],
    section: { pages: 1, records: 0, duplicates: 0, complete: true, missingPages: [] },
    local: true,
  };
}
