// **jobs** is the job model of a queued run: one catalog job per catalog (the in-process `runCatalog`), and an overview job that waits for them all.
import type { Job } from 'bullmq';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { runCatalog } from '../catalogs/run-catalog.js';
import type { HostLimitsFactory } from '../fetch/host-limiter.js';
import { readCatalogRow, writeCatalogRow } from './run-record.js';
import { writeOverview } from '../catalogs/run-catalogs.js';

/** The BullMQ queue every job of dcat-harvest goes through. */
export const QUEUE_NAME = 'dcat-harvest';

/** A catalog job: what `runCatalog` needs (paths every worker sees). */
export interface CatalogJobData {
  entry: CatalogEntry;
  /** The run folder (absolute, on a volume every worker shares). */
  out: string;
  since?: string;
  /** Validation threads, unless the worker says otherwise. */
  workers?: number;
  importMap?: Record<string, string>;
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
}

/**
 * Runs one catalog job: the same function an in-process run calls, so results are the same.
 * Its row is also written to the catalog's folder (`catalog-row.json`), unless the job was
 * cancelled: a resumed run skips the catalogs that have one.
 */
export async function runCatalogJob(data: CatalogJobData, ctx: JobContext): Promise<CatalogRow> {
  const workers = ctx.workers ?? data.workers;
  const row = await runCatalog(data.entry, {
    out: data.out,
    ...(data.since === undefined ? {} : { since: data.since }),
    shared: {
      cwd: data.out,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(workers === undefined ? {} : { workers }),
      ...(data.importMap ? { importMap: data.importMap } : {}),
      ...(ctx.hostLimits ? { hostLimits: ctx.hostLimits } : {}),
    },
    ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
  });
  if (ctx.signal?.aborted) throw new Error(`catalog ${data.entry.id}: cancelled`);
  await writeCatalogRow(data.out, row);
  return row;
}

/**
 * Runs the overview job from its children's rows (keyed by job key), in catalog order; a catalog
 * that is not a child (done before a resumed run) gives the row it left in its folder.
 */
export async function runOverviewJob(
  data: OverviewJobData,
  children: Record<string, CatalogRow>,
): Promise<OverviewJobResult> {
  const byId = new Map(Object.values(children).map((row) => [row.id, row]));
  const rows: CatalogRow[] = [];
  for (const id of data.ids) {
    const row = byId.get(id) ?? (await readCatalogRow(data.out, id));
    if (!row) throw new Error(`overview: the catalog job of "${id}" left no result`);
    rows.push(row);
  }
  const overview = await writeOverview(data.out, rows, {
    startedAt: new Date(data.startedAt),
    ...(data.since === undefined ? {} : { since: data.since }),
    catalogConcurrency: 0,
    queue: data.queue,
  });
  return { exitCode: overview.exitCode, catalogs: rows.length };
}

/** The processor of every job of the queue, by job name. */
export async function processJob(
  job: Job,
  ctx: JobContext,
): Promise<CatalogRow | OverviewJobResult> {
  if (job.name === 'catalog') return runCatalogJob(job.data as CatalogJobData, ctx);
  if (job.name === 'overview')
    return runOverviewJob(job.data as OverviewJobData, await job.getChildrenValues<CatalogRow>());
  throw new Error(`unknown job "${job.name}" in queue ${QUEUE_NAME}`);
}
