// **page-job** is a queued run's page-batch job: a few pages of a catalog validated, judged and measured as an in-process run's pool would, each result stored as a file.
import path from 'node:path';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
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
  sha256Of,
  writePageResult,
} from './page-results.js';
import { movedPageResult } from './page-reuse.js';

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
  return workerSetup({ ...assessPageOptions(run), onCompliance: () => {} });
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

/**
 * Runs a page-batch job: each page of `from`…`to` validated, judged and measured with the worker
 * setup an in-process run of the catalog uses, its result written to
 * `<out>/<id>/page-results/<page>.v8` (atomically). A page whose result is already there for the
 * same text is left as it is (a retried job, a resumed run); with `since`, one whose text equals
 * the previous run's page gets that run's result. Running the job twice writes the same files.
 */
export async function runPageJob(data: PageJobData, ctx: JobContext): Promise<PageJobResult> {
  const { entry } = data;
  const dir = path.join(data.out, entry.id);
  const record = await readPagesRecord(dir);
  if (!record)
    throw new Error(
      `catalog ${entry.id}: pages ${data.from}–${data.to - 1}: the catalog's harvest left no ${PAGES_FILE}`,
    );
  const shared = jobShared(data, ctx);
  const setup = catalogWorkerSetup(entry, shared);
  const done: PageJobResult = { validated: 0, reused: 0, kept: 0 };
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
        const inFlight: Promise<Outcome>[] = [];
        const count = (outcome: Outcome) => void done[outcome]++;
        let page = data.from;
        for await (const document of documentsOf(
          record.inputs,
          { skip: data.from, count: data.to - data.from },
          { cwd: data.out, ...(ctx.signal ? { signal: ctx.signal } : {}) },
        )) {
          const pending = onePage(document, page++, c);
          pending.catch(() => undefined); // awaited in order below
          inFlight.push(pending);
          while (inFlight.length >= pool.capacity)
            count(await (inFlight.shift() as Promise<Outcome>));
        }
        for (const pending of inFlight) count(await pending);
      },
    );
  } finally {
    if (!ctx.pools) await pools.close();
  }
  if (ctx.signal?.aborted)
    throw new Error(`catalog ${entry.id}: pages ${data.from}–${data.to - 1}: cancelled`);
  return done;
}
