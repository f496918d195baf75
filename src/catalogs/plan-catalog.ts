// **plan-catalog** is one catalog's harvest in parts for a queued run: planned from page 1, its pages fetched by any process, finished once they are all in.
import path from 'node:path';
import {
  fetchPlannedPages,
  finishPlannedHarvest,
  planHarvest,
  type HarvestPlan,
  type PlannedOutcome,
} from '../fetch/harvest-plan.js';
import type { HarvestOptions } from '../fetch/harvest-types.js';
import { fromHarvestFolder, harvestOptionsOf, type Harvested } from '../run/harvest-stage.js';
import { REPORT_FILES } from '../run/run.js';
import type { CatalogEntry } from './catalog-options.js';
import { harvestCatalog, prepareFolder, type CatalogRunContext } from './run-catalog.js';
import { catalogRunSetup } from './run-options.js';

const isUrl = (source: string) => /^(?:csw\+)?https?:\/\//i.test(source);

/** The catalog's harvest folder and the harvest options its run gives (`keep`: resume it). */
async function withHarvestOptions<T>(
  entry: CatalogEntry,
  ctx: Pick<CatalogRunContext, 'out' | 'shared' | 'onProgress'>,
  keep: boolean,
  use: (options: HarvestOptions) => Promise<T>,
): Promise<T> {
  const setup = catalogRunSetup(entry, ctx.shared);
  try {
    const dir = path.join(ctx.out, entry.id, REPORT_FILES.harvest);
    return await use(
      harvestOptionsOf(dir, {
        ...setup.run,
        resume: keep,
        onProgress: (message) => ctx.onProgress?.(entry.id, 'harvest', message),
      }),
    );
  } finally {
    await setup.checker?.close();
  }
}

/**
 * The first step of a catalog's harvest in parts: the catalog's folder emptied (unless `keep`: a
 * resumed run) and page 1 fetched. When the pages are numbered, `{ plan }` names the others for
 * {@link fetchCatalogPages}; otherwise (next links, CSW, a file, one document) the catalog is
 * harvested whole here, as {@link harvestCatalog} does. Throws what the harvest throws.
 */
export async function planCatalog(
  entry: CatalogEntry,
  ctx: CatalogRunContext,
  keep = false,
): Promise<{ plan: HarvestPlan } | { harvested: Harvested }> {
  if (!isUrl(entry.source)) return { harvested: await harvestCatalog(entry, ctx, keep) };
  if (!keep) await prepareFolder(path.join(ctx.out, entry.id));
  const started = await withHarvestOptions(entry, ctx, keep, (options) =>
    planHarvest(entry.source, options),
  );
  if ('plan' in started) return started;
  return { harvested: await fromHarvestFolder(started.summary.dir) };
}

/** Fetches pages `numbers` of the catalog's plan into its harvest folder (see `fetchPlannedPages`). */
export async function fetchCatalogPages(
  entry: CatalogEntry,
  ctx: CatalogRunContext,
  plan: HarvestPlan,
  numbers: readonly number[],
  onPage: (n: number, outcome: PlannedOutcome) => Promise<void>,
): Promise<void> {
  await withHarvestOptions(entry, ctx, true, (options) =>
    fetchPlannedPages(plan, numbers, options, onPage),
  );
}

/**
 * Ends the catalog's planned harvest (see `finishPlannedHarvest`): its manifest as a whole
 * harvest writes it, and what the run's validation reads.
 */
export async function finishCatalogHarvest(
  entry: CatalogEntry,
  ctx: CatalogRunContext,
  plan: HarvestPlan,
  outcomeOf: (n: number) => Promise<PlannedOutcome | undefined>,
): Promise<Harvested> {
  const summary = await withHarvestOptions(entry, ctx, true, (options) =>
    finishPlannedHarvest(plan, outcomeOf, options),
  );
  return fromHarvestFolder(summary.dir);
}
