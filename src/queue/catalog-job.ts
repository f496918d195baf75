// **catalog-job** is a queued run's catalog job, in steps: harvest and send the page-batch jobs, then (once they are done) aggregate and write the catalog's report.
import path from 'node:path';
import { WaitingChildrenError, type Job } from 'bullmq';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { failedRow, harvestCatalog, runCatalog } from '../catalogs/run-catalog.js';
import type { Harvested } from '../run/harvest-stage.js';
import { openInputs } from '../input/open.js';
import {
  DEFAULT_PAGE_BATCH,
  type CatalogJobData,
  type JobContext,
  type PageJobData,
} from './job-types.js';
import { catalogWorkerSetup, jobShared } from './page-job.js';
import {
  readPagesRecord,
  storedPagesOf,
  writePagesRecord,
  type PagesRecord,
} from './page-results.js';
import { writeCatalogRow } from './run-record.js';

/** The job id of a catalog's page-batch job starting at `from` (`+` is in no catalog id). */
export const pageJobId = (catalogJobId: string, from: number): string =>
  `${catalogJobId}+pages-${from}`;

/** How many documents (pages) the validation of these inputs reads. */
async function countPages(harvested: Harvested, cwd: string): Promise<number> {
  if (!harvested.local) return harvested.inputs.length;
  let pages = 0;
  for await (const _ of openInputs(harvested.inputs, { cwd })) pages++;
  return pages;
}

/**
 * Step 1: the catalog harvested into its folder (or, resumed, its earlier harvest kept) and its
 * pages recorded; a row when the catalog failed there.
 */
async function harvestStep(
  data: CatalogJobData,
  ctx: JobContext,
): Promise<PagesRecord | CatalogRow> {
  const dir = path.join(data.out, data.entry.id);
  const kept = data.resume ? await readPagesRecord(dir) : undefined;
  if (kept) return kept;
  const t0 = performance.now();
  try {
    const context = { out: data.out, shared: jobShared(data, ctx), ...progressOf(ctx) };
    const harvested = await harvestCatalog(data.entry, context, data.resume === true);
    const record: PagesRecord = {
      schema: 'dcat-harvest/pages/1',
      pages: await countPages(harvested, data.out),
      inputs: harvested.inputs,
    };
    await writePagesRecord(dir, record);
    return record;
  } catch (error) {
    if (ctx.signal?.aborted) throw new Error(`catalog ${data.entry.id}: cancelled`);
    return failedRow(data.entry, error, t0);
  }
}

const progressOf = (ctx: JobContext) => (ctx.onProgress ? { onProgress: ctx.onProgress } : {});

/** Step 2: one page-batch job per `pageBatch` pages, children of the catalog job. */
async function sendPages(job: Job<CatalogJobData>, record: PagesRecord, ctx: JobContext) {
  if (!ctx.jobQueue) throw new Error('a catalog job needs the queue to send its page jobs');
  const data = job.data;
  const batch = Math.max(1, data.pageBatch ?? DEFAULT_PAGE_BATCH);
  const jobs = [];
  for (let from = 0; from < record.pages; from += batch) {
    const page: PageJobData = {
      entry: data.entry,
      out: data.out,
      ...(data.since === undefined ? {} : { since: data.since }),
      ...(data.workers === undefined ? {} : { workers: data.workers }),
      ...(data.importMap ? { importMap: data.importMap } : {}),
      from,
      to: Math.min(record.pages, from + batch),
    };
    jobs.push({
      name: 'pages',
      data: page,
      opts: {
        jobId: pageJobId(job.id ?? '', from),
        parent: { id: job.id ?? '', queue: job.queueQualifiedName },
        // A batch that fails for good leaves its pages to the aggregate step, which validates
        // them itself: the catalog ends as an in-process run would.
        ignoreDependencyOnFailure: true,
        removeOnComplete: { count: 10_000 },
      },
    });
  }
  if (jobs.length > 0) await ctx.jobQueue.addBulk(jobs);
  ctx.onProgress?.(
    data.entry.id,
    'validate',
    `${record.pages} pages sent as ${jobs.length} page jobs`,
  );
}

/** Step 3: the catalog's report from its stored page results, as `runCatalog` writes it. */
async function aggregateStep(data: CatalogJobData, ctx: JobContext): Promise<CatalogRow> {
  const shared = jobShared(data, ctx);
  const dir = path.join(data.out, data.entry.id);
  const setup = catalogWorkerSetup(data.entry, shared);
  const storedPages = storedPagesOf(dir, setup, {
    cwd: data.out,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const row = await runCatalog(data.entry, {
    out: data.out,
    ...(data.since === undefined ? {} : { since: data.since }),
    shared,
    harvested: true,
    storedPages,
    ...progressOf(ctx),
  });
  const ms = data.startedAt === undefined ? row.durationMs : Date.now() - data.startedAt;
  return { ...row, durationMs: ms };
}

/**
 * Runs a catalog job, step by step (BullMQ's step-job pattern: the step is stored in the job's
 * data, so a job retried after its worker died goes on from it): harvest, send the page-batch
 * jobs as children and wait for them, then aggregate. Its row is also written to the catalog's
 * folder (`catalog-row.json`), unless the job was cancelled: a resumed run skips the catalogs
 * that have one.
 */
export async function runCatalogJob(
  job: Job<CatalogJobData>,
  token: string | undefined,
  ctx: JobContext,
): Promise<CatalogRow> {
  let data = job.data;
  let record: PagesRecord | undefined;
  if (data.step === undefined) {
    const startedAt = Date.now();
    const harvested = await harvestStep(data, ctx);
    if ('id' in harvested) {
      await writeCatalogRow(data.out, harvested);
      return harvested;
    }
    record = harvested;
    data = { ...data, step: 'pages', startedAt };
    await job.updateData(data);
  }
  if (data.step === 'pages') {
    // Sent again when the job is retried after dying here: the same job ids add nothing twice.
    record ??= await readPagesRecord(path.join(data.out, data.entry.id));
    if (record) await sendPages(job, record, ctx);
    data = { ...data, step: 'aggregate' };
    await job.updateData(data);
  }
  if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  const row = await aggregateStep(data, ctx);
  if (ctx.signal?.aborted) throw new Error(`catalog ${data.entry.id}: cancelled`);
  await writeCatalogRow(data.out, row);
  return row;
}
