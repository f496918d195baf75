// **harvest-plan** is a harvest in three parts any process can run: plan from page 1, fetch planned pages (each on its own), finish.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { NetworkError } from '../errors.js';
import { finishHarvest } from './harvest-finish.js';
import { listStoredPages, readHarvestFolder } from './harvest-folder.js';
import { obtainPage, type PageContext } from './harvest-page.js';
import type { HarvestOptions, HarvestSummary } from './harvest-types.js';
import { HarvestWalk } from './harvest-walk.js';
import { walkSource } from './harvest.js';
import { createHttpClient, type HttpClient } from './http.js';
import { regularLastPage } from './paging.js';
import { plannedOutcome, plannedPage, type HarvestPlan, type PlannedOutcome } from './plan.js';

export type { HarvestPlan, PlannedOutcome } from './plan.js';

/**
 * Starts a harvest as `harvest` does (same folder, same manifest) but stops after page 1 when the
 * catalog's pages are numbered: `{ plan }` then names the pages left, for
 * {@link fetchPlannedPages} and {@link finishPlannedHarvest}. A catalog walked by next links, a
 * CSW service, a file or a single document has no plan: it is harvested whole (`{ summary }`).
 */
export async function planHarvest(
  source: string,
  options: HarvestOptions,
): Promise<{ plan: HarvestPlan } | { summary: HarvestSummary }> {
  return walkSource(source, options, true);
}

/**
 * The context planned pages are fetched in: the plan's format and splitting; the manifest's
 * entries (a finished harvest resumed) describe the pages read back from the folder.
 */
async function pageContext(
  plan: HarvestPlan,
  options: HarvestOptions,
  client: HttpClient,
): Promise<PageContext> {
  return {
    client,
    dir: options.out,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(plan.format === undefined ? {} : { format: plan.format }),
    adaptive: plan.adaptive,
    // A page already on disk (a job run again, a resumed run) is read, not fetched.
    stored: await listStoredPages(options.out),
    previous: new Map(
      (await readHarvestFolder(options.out).catch(() => undefined))?.manifest.pages.map((p) => [
        p.id,
        p,
      ]) ?? [],
    ),
  };
}

function clientOf(options: HarvestOptions): HttpClient {
  const emit = options.onEvent ?? (() => {});
  return createHttpClient({ ...options.http, onRetry: (retry) => emit({ type: 'retry', retry }) });
}

/**
 * Fetches pages `numbers` of a plan into the harvest folder `options.out`, `options.concurrency`
 * at a time (default 4), exactly as the whole harvest fetches them: same file names, retries,
 * 429 and `Retry-After`, half-size pages after a 502, a page that fails after its retries
 * recorded as failed. `onPage` gets each page's outcome as it is stored (not in order). A page
 * whose body is already in the folder is read from there, not fetched.
 */
export async function fetchPlannedPages(
  plan: HarvestPlan,
  numbers: readonly number[],
  options: HarvestOptions,
  onPage: (n: number, outcome: PlannedOutcome) => Promise<void>,
): Promise<void> {
  const client = clientOf(options);
  try {
    const ctx = await pageContext(plan, options, client);
    let next = 0;
    const worker = async () => {
      while (next < numbers.length && !options.signal?.aborted) {
        const n = numbers[next++]!;
        const page = plannedPage(plan, n);
        await onPage(n, plannedOutcome(await obtainPage(ctx, page.id, n, page.url)));
      }
    };
    const lanes = Math.max(1, Math.min(options.concurrency ?? 4, numbers.length));
    await Promise.all(Array.from({ length: lanes }, worker));
  } finally {
    await client.close();
  }
  if (options.signal?.aborted)
    throw new NetworkError(`harvest of ${plan.base} cancelled`, plan.base, { code: 'DH_ABORTED' });
}

/**
 * Ends a planned harvest as the whole harvest ends: every page's outcome recorded in page order
 * (`outcomeOf(n)`; a page with none, or announced by a later page beyond the plan, is fetched
 * here), pages after a 404 dropped, then completeness, state and manifest written as `harvest`
 * writes them. Running it twice writes the same manifest (but its end time).
 */
export async function finishPlannedHarvest(
  plan: HarvestPlan,
  outcomeOf: (n: number) => Promise<PlannedOutcome | undefined>,
  options: HarvestOptions,
): Promise<HarvestSummary> {
  const { manifest } = await readHarvestFolder(options.out);
  const { completeness: _c, endedAt: _e, ...started } = manifest;
  const walk = new HarvestWalk(
    options.out,
    { ...started, mode: 'pattern', state: 'running', pages: [] },
    options.onEvent ?? (() => {}),
  );
  walk.stopped.push(...plan.stopped);
  walk.pagesExpected = plan.last;
  walk.record(plan.first);
  walk.emit({
    type: 'plan',
    mode: 'pattern',
    pagesExpected: plan.last,
    totalItems: walk.totalItems,
  });
  let client: HttpClient | undefined;
  let ctx: PageContext | undefined;
  let announced = plan.last;
  let final = plan.final;
  const maxPages = plan.maxPages ?? Infinity;
  let ended: number | undefined;
  try {
    for (let n = 2; n <= final && ended === undefined; n++) {
      let outcome = await outcomeOf(n);
      if (!outcome) {
        ctx ??= await pageContext(plan, options, (client = clientOf(options)));
        const page = plannedPage(plan, n);
        outcome = plannedOutcome(await obtainPage(ctx, page.id, n, page.url));
      }
      walk.record(outcome);
      if (outcome.end) ended = n;
      for (const { paging } of outcome.analyses) {
        const more = paging.last === undefined ? undefined : regularLastPage(plan.base, paging);
        if (more === undefined || more <= announced) continue;
        announced = more;
        walk.pagesExpected = more;
        final = Math.min(more, maxPages);
      }
    }
  } finally {
    await client?.close();
  }
  if (ended !== undefined) await dropPagesAfter(plan, ended, outcomeOf, options.out);
  if (final < announced)
    walk.stopped.push(`--max-pages ${maxPages}: pages ${final + 1}–${announced} not fetched`);
  return finishHarvest(walk, false);
}

/** Removes the bodies of pages fetched past the catalog's end (the whole harvest stops there). */
async function dropPagesAfter(
  plan: HarvestPlan,
  end: number,
  outcomeOf: (n: number) => Promise<PlannedOutcome | undefined>,
  out: string,
): Promise<void> {
  for (let n = end + 1; n <= plan.final; n++) {
    const outcome = await outcomeOf(n);
    for (const entry of outcome?.entries ?? [])
      if (entry.file) await rm(path.join(out, entry.file), { force: true });
  }
}
