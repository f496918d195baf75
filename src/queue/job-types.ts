// **job-types** names the queue and describes its jobs' data: what `run --queue` sends and the workers read.
import type { Queue } from 'bullmq';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { HostLimitsFactory } from '../fetch/host-limiter.js';
import type { PagePools } from './page-pools.js';

/** The BullMQ queue every job of dcat-harvest goes through. */
export const QUEUE_NAME = 'dcat-harvest';

/** Pages per page-batch job unless the run says otherwise. */
export const DEFAULT_PAGE_BATCH = 10;

/**
 * A catalog job: harvests the catalog, sends its page-batch jobs as its children, then (run again
 * once they are done) settles what needs every page and writes the catalog's report.
 */
export interface CatalogJobData {
  entry: CatalogEntry;
  /** The run folder (absolute, on a volume every worker shares). */
  out: string;
  since?: string;
  /** Validation threads, unless the worker says otherwise. */
  workers?: number;
  importMap?: Record<string, string>;
  /** Pages per page-batch job (default `DEFAULT_PAGE_BATCH`, 10). */
  pageBatch?: number;
  /** A resumed run: the catalog's folder keeps what an earlier attempt left (harvest, page results). */
  resume?: boolean;
  /**
   * The step the job is at (stored as it goes, so a retried job goes on from there): `fetch`
   * (send the page jobs of a planned harvest), `finish` (end that harvest), `pages` (send the
   * page jobs that validate pages already harvested), `aggregate`.
   */
  step?: 'fetch' | 'finish' | 'pages' | 'aggregate';
  /** After a planned harvest: the pages the `pages` step has validated again (else every page). */
  revalidate?: number[];
  /** When the catalog's first step started (ms since the epoch): its row's duration. */
  startedAt?: number;
}

/**
 * A page-batch job: validates, judges and measures pages `from` to `to` (excluded, 0-based) of a
 * catalog; with `fetch`, fetches and stores them first (pages `from + 1` to `to` of the plan).
 */
export interface PageJobData {
  entry: CatalogEntry;
  out: string;
  since?: string;
  workers?: number;
  importMap?: Record<string, string>;
  from: number;
  to: number;
  /** The pages are those of the catalog's plan, fetched by this job. */
  fetch?: boolean;
}

/** What a page-batch job returns: its pages, by what was done with each. */
export interface PageJobResult {
  /** Validated now. */
  validated: number;
  /** Result carried over from the previous run (`--since`): the page's text is unchanged. */
  reused: number;
  /** Result already in the folder (a retried job, a resumed run). */
  kept: number;
  /** A fetching job: pages fetched now (not found in the folder). */
  fetched?: number;
}

/** The overview job: its children are the catalog jobs. */
export interface OverviewJobData {
  out: string;
  since?: string;
  startedAt: string;
  /** The queue's URL, password hidden, for the overview. */
  queue: string;
  /** Catalog ids in the order the overview lists them. */
  ids: string[];
}

/** What the overview job returns (Redis keeps it; the report is in the run folder). */
export interface OverviewJobResult {
  exitCode: number;
  catalogs: number;
}

/** How a worker runs jobs. */
export interface JobContext {
  /** Validation threads per catalog (overrides the job's). */
  workers?: number;
  signal?: AbortSignal;
  /** Per-host limits shared by every worker (the Redis-backed ones, from `startWorker`). */
  hostLimits?: HostLimitsFactory;
  /** Progress lines of each catalog, by stage. */
  onProgress?: (catalog: string, stage: string, message: string) => void;
  /** The queue, to add a catalog's page-batch jobs (made by `startWorker`). */
  jobQueue?: Queue;
  /**
   * The worker process's validation threads, kept between page jobs (made by `startWorker`).
   * @hidden
   */
  pools?: PagePools;
}
