// **catalog-job** is a queued run's catalog job, in steps: page 1 and the plan (or the whole harvest), the page-batch jobs that fetch or validate, the harvest finished, then (once they are done) aggregate and write the catalog's report.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { WaitingChildrenError, type Job } from 'bullmq';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { finishCatalogHarvest, planCatalog } from '../catalogs/plan-catalog.js';
import { failedRow, runCatalog } from '../catalogs/run-catalog.js';
import type { HarvestPlan } from '../fetch/harvest-plan.js';
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
  pageResultFile,
  readPagesRecord,
  storedPagesOf,
  writePagesRecord,
  type PagesRecord,
} from './page-results.js';
import {
  PLAN_FILE,
  readFetched,
  readPlan,
  removeFetched,
  removeResultsFrom,
  writePlan,
} from './page-fetches.js';
import { writeCatalogRow } from './run-record.js';

/** The job id of a catalog's page-batch job starting at `from` (`+` is in no catalog id). */
export const pageJobId = (catalogJobId: string, from: number): string =>
  `${catalogJobId}+pages-${from}`;

/** The job id of a catalog's page-batch job that fetches its pages, from position `from`. */
export const fetchJobId = (catalogJobId: string, from: number): string =>
  `${catalogJobId}+fetch-${from}`;

/** How many documents (pages) the validation of these inputs reads. */
async function countPages(harvested: Harvested, cwd: string): Promise<number> {
  if (!harvested.local) return harvested.inputs.length;
  let pages = 0;
  for await (const _ of openInputs(harvested.inputs, { cwd })) pages++;
  return pages;
}

/** Writes `pages.json` for a finished harvest. */
async function recordPages(dir: string, harvested: Harvested, cwd: string): Promise<PagesRecord> {
  const record: PagesRecord = {
    schema: 'dcat-harvest/pages/1',
    pages: await countPages(harvested, cwd),
    inputs: harvested.inputs,
  };
  await writePagesRecord(dir, record);
  return record;
}

const progressOf = (ctx: JobContext) => (ctx.onProgress ? { onProgress: ctx.onProgress } : {});
const cancelled = (data: CatalogJobData) => new Error(`catalog ${data.entry.id}: cancelled`);

/**
 * Step 1: page 1 fetched and the catalog's plan written when its pages are numbered (page jobs
 * fetch the others); otherwise the catalog harvested whole into its folder and its pages recorded
 * (resumed: what an earlier attempt left is kept); a row when the catalog failed there.
 */
async function harvestStep(
  data: CatalogJobData,
  ctx: JobContext,
): Promise<PagesRecord | HarvestPlan | CatalogRow> {
  const dir = path.join(data.out, data.entry.id);
  if (data.resume) {
    const kept = (await readPagesRecord(dir)) ?? (await readPlan(dir));
    if (kept) return kept;
  }
  const t0 = performance.now();
  try {
    const context = { out: data.out, shared: jobShared(data, ctx), ...progressOf(ctx) };
    const started = await planCatalog(data.entry, context, data.resume === true);
    if ('plan' in started) {
      await writePlan(dir, started.plan);
      return started.plan;
    }
    return await recordPages(dir, started.harvested, data.out);
  } catch (error) {
    if (ctx.signal?.aborted) throw cancelled(data);
    return failedRow(data.entry, error, t0);
  }
}

/**
 * The harvested pages a page job did not validate where the validation reads them: a page that
 * failed, did not parse or was split in halves moves the ones after it (a page's number is its
 * place among the pages read), and a page the catalog job fetched itself has no result.
 */
async function pagesToValidate(dir: string, record: PagesRecord): Promise<number[]> {
  const todo: number[] = [];
  for (const [at, file] of record.inputs.entries()) {
    const stem = path.basename(file).split('.')[0] ?? '';
    const placed = /^\d{6}$/.test(stem) && Number(stem) - 1 === at;
    if (!placed || !(await stat(pageResultFile(dir, at)).catch(() => undefined))) todo.push(at);
  }
  return todo;
}

/**
 * Step 3 of a planned harvest (its page jobs done): the harvest finished as a whole harvest
 * finishes and its pages recorded; the pages to validate again (see `pagesToValidate`).
 */
async function finishStep(
  data: CatalogJobData,
  ctx: JobContext,
): Promise<{ record: PagesRecord; todo: number[] } | CatalogRow> {
  const dir = path.join(data.out, data.entry.id);
  const t0 = performance.now();
  try {
    let record = await readPagesRecord(dir); // finished by an earlier attempt of this job
    if (!record) {
      const plan = await readPlan(dir);
      if (!plan)
        throw new Error(`catalog ${data.entry.id}: its harvest plan (${PLAN_FILE}) is gone`);
      const context = { out: data.out, shared: jobShared(data, ctx), ...progressOf(ctx) };
      const harvested = await finishCatalogHarvest(data.entry, context, plan, (n) =>
        readFetched(dir, plan, n),
      );
      await removeResultsFrom(dir, harvested.inputs.length);
      record = await recordPages(dir, harvested, data.out);
      await removeFetched(dir);
    }
    return { record, todo: await pagesToValidate(dir, record) };
  } catch (error) {
    if (ctx.signal?.aborted) throw cancelled(data);
    return failedRow(data.entry, error, t0);
  }
}

/**
 * Child jobs over positions 0…`total`, `pageBatch` at a time: fetching ones, or validating ones
 * (`only`: just the batches that hold one of these positions).
 */
async function sendChildren(
  job: Job<CatalogJobData>,
  kind: 'fetch' | 'pages',
  range: { total: number; only?: readonly number[] },
  ctx: JobContext,
): Promise<number> {
  if (!ctx.jobQueue) throw new Error('a catalog job needs the queue to send its page jobs');
  const data = job.data;
  const batch = Math.max(1, data.pageBatch ?? DEFAULT_PAGE_BATCH);
  const jobs = [];
  for (let from = 0; from < range.total; from += batch) {
    if (range.only && !range.only.some((at) => at >= from && at < from + batch)) continue;
    const page: PageJobData = {
      entry: data.entry,
      out: data.out,
      ...(data.since === undefined ? {} : { since: data.since }),
      ...(data.workers === undefined ? {} : { workers: data.workers }),
      ...(data.importMap ? { importMap: data.importMap } : {}),
      from,
      to: Math.min(range.total, from + batch),
      ...(kind === 'fetch' ? { fetch: true } : {}),
    };
    jobs.push({
      name: 'pages',
      data: page,
      opts: {
        jobId: kind === 'fetch' ? fetchJobId(job.id ?? '', from) : pageJobId(job.id ?? '', from),
        parent: { id: job.id ?? '', queue: job.queueQualifiedName },
        // A batch that fails for good leaves its pages to the catalog job, which fetches and
        // validates them itself: the catalog ends as an in-process run would.
        ignoreDependencyOnFailure: true,
        removeOnComplete: { count: 10_000 },
      },
    });
  }
  if (jobs.length > 0) await ctx.jobQueue.addBulk(jobs);
  return jobs.length;
}

/** Step 3: the catalog's report from its stored page results, as `runCatalog` writes it. */
async function aggregateStep(data: CatalogJobData, ctx: JobContext): Promise<CatalogRow> {
  const shared = jobShared(data, ctx);
  const dir = path.join(data.out, data.entry.id);
  const setup = catalogWorkerSetup(data.entry, shared);
  await ctx.pools?.releaseIdle();
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
 * data, so a job retried after its worker died goes on from it). A catalog whose pages are
 * numbered: page 1 and the plan, page jobs that fetch and validate the others, the harvest
 * finished, page jobs for the pages to validate again (after a failed or split page), aggregate.
 * Any other: harvest, page jobs that validate, aggregate. Its row is also written to the
 * catalog's folder (`catalog-row.json`), unless the job was cancelled: a resumed run skips the
 * catalogs that have one.
 */
export async function runCatalogJob(
  job: Job<CatalogJobData>,
  token: string | undefined,
  ctx: JobContext,
): Promise<CatalogRow> {
  let data = job.data;
  const dir = path.join(data.out, data.entry.id);
  const next = async (step: Partial<CatalogJobData>) => {
    data = { ...data, ...step };
    await job.updateData(data);
  };
  let record: PagesRecord | undefined;
  let plan: HarvestPlan | undefined;
  if (data.step === undefined) {
    const startedAt = Date.now();
    const first = await harvestStep(data, ctx);
    if ('id' in first) return rowDone(data, first);
    if ('base' in first) plan = first;
    else record = first;
    await next({ step: plan ? 'fetch' : 'pages', startedAt });
  }
  if (data.step === 'fetch') {
    // Sent again when the job is retried after dying here: the same job ids add nothing twice.
    plan ??= await readPlan(dir);
    const sent = plan ? await sendChildren(job, 'fetch', { total: plan.final }, ctx) : 0;
    ctx.onProgress?.(
      data.entry.id,
      'harvest',
      `${plan?.final ?? 0} pages sent as ${sent} page jobs`,
    );
    await next({ step: 'finish' });
  }
  if (data.step === 'finish') {
    if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
    const finished = await finishStep(data, ctx);
    if ('id' in finished) return rowDone(data, finished);
    record = finished.record;
    await next({ step: 'pages', revalidate: finished.todo });
  }
  if (data.step === 'pages') {
    record ??= await readPagesRecord(dir);
    if (record) {
      const only = data.revalidate;
      const sent = await sendChildren(
        job,
        'pages',
        { total: record.pages, ...(only ? { only } : {}) },
        ctx,
      );
      const pages = only ? `${only.length} pages to validate again` : `${record.pages} pages`;
      if (sent > 0 || !only)
        ctx.onProgress?.(data.entry.id, 'validate', `${pages} sent as ${sent} page jobs`);
    }
    await next({ step: 'aggregate' });
  }
  if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  const row = await aggregateStep(data, ctx);
  if (ctx.signal?.aborted) throw cancelled(data);
  return rowDone(data, row);
}

/** Writes the catalog's row to its folder and returns it. */
async function rowDone(data: CatalogJobData, row: CatalogRow): Promise<CatalogRow> {
  await writeCatalogRow(data.out, row);
  return row;
}
