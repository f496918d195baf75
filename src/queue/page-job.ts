// **page-job** is a queued run's page-batch job: a few pages of a catalog fetched (when its harvest was planned), validated, judged and measured as an in-process run's pool would, each result stored as a file.
import path from 'node:path';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import { fetchCatalogPages } from '../catalogs/plan-catalog.js';
import type { HarvestPlan, PlannedOutcome } from '../fetch/harvest-plan.js';
import { catalogRunSetup, type SharedRunOptions } from '../catalogs/run-options.js';
import type { InputDocument } from '../input/open.js';
import { assessPageOptions } from '../run/assess.js';
import { REPORT_FILES } from '../run/run.js';
import { workerSetup } from '../shacl/pages.js';
import type { PagePool } from '../shacl/pool.js';
import type { WorkerSetup } from '../shacl/worker.js';
import { VERSION } from '../version.js';
import type { JobContext, PageJobData, PageJobResult } from './job-types.js';
import { PagePools } from './page-pools.js';
import {
  documentsOf,
  PAGES_FILE,
  pageResultFile,
  readPageResult,
  readPagesRecord,
  setupKey,
  type PagesRecord,
  sha256Of,
  writePageResult,
} from './page-results.js';
import { movedPageResult } from './page-reuse.js';
import { PLAN_FILE, readFetched, readPlan, writeFetched } from './page-fetches.js';

/** The options a catalog's jobs share, from the job's data and the worker's context. */
export function jobShared(
  data: { out: string; workers?: number; importMap?: Record<string, string> },
  ctx: JobContext,
): SharedRunOptions {
  const workers = ctx.workers ?? data.workers;
  return {
    cwd: data.out,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(workers === undefined ? {} : { workers }),
    ...(data.importMap ? { importMap: data.importMap } : {}),
    ...(ctx.hostLimits ? { hostLimits: ctx.hostLimits } : {}),
  };
}

/** The worker setup an in-process run of this catalog gives its validation threads. */
export function catalogWorkerSetup(entry: CatalogEntry, shared: SharedRunOptions): WorkerSetup {
  const { hostLimits: _limits, ...own } = shared;
  const { run, checker } = catalogRunSetup(entry, own);
  void checker?.close(); // links are checked by the aggregate step, not here
  // The catalog run names each page's datasets for its dataset index (see `runCatalog`).
  return workerSetup({
    ...assessPageOptions(run),
    onCompliance: () => {},
    onPageDatasets: () => {},
  });
}

type Outcome = keyof PageJobResult;

/** What a page needs: where its result goes and what could be reused. */
interface PageContext {
  dir: string;
  previousDir: string | undefined;
  key: string;
  harvest: string;
  pool: PagePool;
}

/** One page: its result kept, carried over from the previous run, or validated now. */
async function onePage(document: InputDocument, page: number, c: PageContext): Promise<Outcome> {
  const text = await document.text();
  const sha256 = sha256Of(text);
  const file = pageResultFile(c.dir, page);
  const same = (s: Awaited<ReturnType<typeof readPageResult>>) =>
    s !== undefined && s.sha256 === sha256 && s.setup === c.key;
  if (same(await readPageResult(file))) return 'kept';
  if (c.previousDir) {
    const before = await readPageResult(pageResultFile(c.previousDir, page));
    if (before && same(before)) {
      const result = movedPageResult(before.result, before.harvest, c.harvest);
      await writePageResult(file, { ...before, harvest: c.harvest, result });
      return 'reused';
    }
  }
  const { page: _page, document: _document, ...result } = await c.pool.page(document, page, text);
  await writePageResult(file, {
    schema: 'dcat-harvest/page-result/1',
    version: VERSION,
    setup: c.key,
    sha256,
    harvest: c.harvest,
    result,
  });
  return 'validated';
}

/** Validates the harvested pages `from`…`to` of the catalog's `pages.json`, in order. */
async function validateRecorded(
  data: PageJobData,
  record: PagesRecord,
  c: PageContext,
  ctx: JobContext,
  count: (outcome: Outcome) => void,
): Promise<void> {
  const inFlight: Promise<Outcome>[] = [];
  let page = data.from;
  for await (const document of documentsOf(
    record.inputs,
    { skip: data.from, count: data.to - data.from },
    { cwd: data.out, ...(ctx.signal ? { signal: ctx.signal } : {}) },
  )) {
    const pending = onePage(document, page++, c);
    pending.catch(() => undefined); // awaited in order below
    inFlight.push(pending);
    while (inFlight.length >= c.pool.capacity) count(await (inFlight.shift() as Promise<Outcome>));
  }
  for (const pending of inFlight) count(await pending);
}

/**
 * Fetches pages `from + 1`…`to` of the catalog's plan (those not fetched yet) and validates each
 * as it is stored, as the page numbered by its place in the plan: where the harvest ends with
 * every page before it stored whole (a page that failed, or split in halves, moves the later
 * ones; the catalog job then has them validated again). Returns the pages fetched now.
 */
async function fetchAndValidate(
  data: PageJobData,
  plan: HarvestPlan,
  c: PageContext,
  ctx: JobContext,
  count: (outcome: Outcome) => void,
): Promise<number> {
  const dir = path.join(data.out, data.entry.id);
  const options = { cwd: data.out, ...(ctx.signal ? { signal: ctx.signal } : {}) };
  const validations: Promise<Outcome>[] = [];
  const validate = (n: number, outcome: PlannedOutcome) => {
    const [entry, ...halves] = outcome.entries;
    if (!entry?.file || entry.error || halves.length > 0) return;
    const file = path.resolve(c.harvest, entry.file);
    const pending = (async () => {
      for await (const document of documentsOf([file], { skip: 0, count: 1 }, options))
        return onePage(document, n - 1, c);
      throw new Error(`${file}: the page stored by the harvest is gone`);
    })();
    pending.catch(() => undefined); // awaited below
    validations.push(pending);
  };
  const todo: number[] = [];
  for (let n = data.from + 1; n <= Math.min(data.to, plan.final); n++) {
    const known = await readFetched(dir, plan, n);
    if (known) validate(n, known);
    else todo.push(n);
  }
  let fetched = 0;
  // The pages stored before a fetch failed are validated all the same (a retry keeps them).
  const fetching = fetchCatalogPages(
    data.entry,
    { out: data.out, shared: jobShared(data, ctx) },
    plan,
    todo,
    async (n, o) => {
      await writeFetched(dir, n, o);
      if (!o.fromDisk) fetched++;
      validate(n, o);
    },
  ).then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const failedFetch = await fetching;
  const settled = await Promise.allSettled(validations);
  for (const result of settled) if (result.status === 'fulfilled') count(result.value);
  if (failedFetch) throw failedFetch.error;
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  return fetched;
}

/**
 * Runs a page-batch job: each page of `from`…`to` validated, judged and measured with the worker
 * setup an in-process run of the catalog uses, its result written to
 * `<out>/<id>/page-results/<page>.v8` (atomically). With `fetch`, the job first fetches its pages
 * of the catalog's plan into the harvest folder (those not there yet), each page's outcome written
 * to `page-results/fetched/`. A page whose result is already there for the same text is left as
 * it is (a retried job, a resumed run); with `since`, one whose text equals the previous run's
 * page gets that run's result. Running the job twice writes the same files.
 */
export async function runPageJob(data: PageJobData, ctx: JobContext): Promise<PageJobResult> {
  const { entry } = data;
  const dir = path.join(data.out, entry.id);
  const pages = `pages ${data.from}–${data.to - 1}`;
  const plan = data.fetch ? await readPlan(dir) : undefined;
  const record = data.fetch ? undefined : await readPagesRecord(dir);
  if (data.fetch ? !plan : !record)
    throw new Error(
      `catalog ${entry.id}: ${pages}: ${data.fetch ? `no ${PLAN_FILE}: the catalog job did not plan its harvest` : `the catalog's harvest left no ${PAGES_FILE}`}`,
    );
  const shared = jobShared(data, ctx);
  const setup = catalogWorkerSetup(entry, shared);
  const done: PageJobResult = { validated: 0, reused: 0, kept: 0 };
  const count = (outcome: Outcome) => void done[outcome]++;
  const pools = ctx.pools ?? new PagePools();
  try {
    await pools.with(
      setup,
      { ...(shared.workers === undefined ? {} : { workers: shared.workers }) },
      async (pool) => {
        const c: PageContext = {
          dir,
          previousDir: data.since ? path.join(data.since, entry.id) : undefined,
          key: setupKey(setup),
          harvest: path.join(dir, REPORT_FILES.harvest) + path.sep,
          pool,
        };
        if (plan) done.fetched = await fetchAndValidate(data, plan, c, ctx, count);
        else await validateRecorded(data, record!, c, ctx, count);
      },
    );
  } finally {
    if (!ctx.pools) await pools.close();
  }
  if (ctx.signal?.aborted) throw new Error(`catalog ${entry.id}: ${pages}: cancelled`);
  return done;
}
