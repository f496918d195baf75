// **jobs** is the job model of a queued run: per catalog, a catalog job (harvest, then aggregate) with a page-batch job per few pages as its children; an overview job over the catalog jobs.
import type { Job } from 'bullmq';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { writeOverview } from '../catalogs/run-catalogs.js';
import { runCatalogJob } from './catalog-job.js';
import type {
  CatalogJobData,
  JobContext,
  OverviewJobData,
  OverviewJobResult,
  PageJobData,
  PageJobResult,
} from './job-types.js';
import { QUEUE_NAME } from './job-types.js';
import { runPageJob } from './page-job.js';
import { readCatalogRow } from './run-record.js';

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
  token: string | undefined,
  ctx: JobContext,
): Promise<CatalogRow | PageJobResult | OverviewJobResult> {
  if (job.name === 'catalog') return runCatalogJob(job as Job<CatalogJobData>, token, ctx);
  if (job.name === 'pages') return runPageJob(job.data as PageJobData, ctx);
  if (job.name === 'overview')
    return runOverviewJob(job.data as OverviewJobData, await job.getChildrenValues<CatalogRow>());
  throw new Error(`unknown job "${job.name}" in queue ${QUEUE_NAME}`);
}
