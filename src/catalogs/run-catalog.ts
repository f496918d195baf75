// **run-catalog** runs one catalog of a multi-catalog run into its sub-folder and sums it up as an overview row.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DcatHarvestError, UsageError, exitCodeOf } from '../errors.js';
import { isHarvestFolder, writeAtomic } from '../fetch/harvest-folder.js';
import { rateScore } from '../audit/rating.js';
import { harvestStage, type Harvested } from '../run/harvest-stage.js';
import { RATINGS, type RunReportHead } from '../run/report-model.js';
import { runPipeline, REPORT_FILES, type RunOptions, type RunStage } from '../run/run.js';
import { failsAt } from '../shacl/findings.js';
import type { CatalogEntry } from './catalog-options.js';
import { compareIndexes, listedChanges } from './changes.js';
import {
  DATASET_INDEX_FILE,
  PageDatasets,
  pageHashes,
  readDatasetIndex,
  writeDatasetIndex,
  type IndexedPage,
} from './dataset-index.js';
import { MISSING_LISTED, type CatalogRow } from './overview-model.js';
import { reuseProblem, reuseReport } from './reuse.js';
import { catalogRunSetup, type SharedRunOptions, type Thresholds } from './run-options.js';

/** The file beside a catalog's report that lists every change since the previous run. */
export const CHANGES_FILE = 'changes.json';

/**
 * A catalog's overview row, written last by a queued catalog job: a resumed queued run
 * (`run --resume --queue`) knows the catalog is done from it and does not run it again.
 */
export const CATALOG_ROW_FILE = 'catalog-row.json';

/** What every catalog of the run shares. */
export interface CatalogRunContext {
  /** The overview folder (absolute): the catalog writes `<out>/<id>/`. */
  out: string;
  /** The previous run's overview folder (absolute), for `--since`. */
  since?: string;
  shared: SharedRunOptions;
  /** Progress lines of each catalog, by stage. */
  onProgress?: (catalog: string, stage: RunStage | 'since', message: string) => void;
  /**
   * The catalog's folder already holds this run's harvest (`harvestCatalog`, a queued run's
   * catalog job): it is kept and read, nothing is fetched again.
   */
  harvested?: boolean;
  /**
   * Page results stored by a queued run's page jobs (see `ValidateOptions.storedPages`).
   * @hidden
   */
  storedPages?: RunOptions['storedPages'];
}

const isUrl = (source: string) => /^(?:csw\+)?https?:\/\//i.test(source);

/** Empties the catalog's sub-folder when an earlier run wrote it; refuses anything else. */
export async function prepareFolder(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.length === 0) return;
  if (
    names.includes(REPORT_FILES.json) ||
    names.includes(REPORT_FILES.harvest) ||
    names.includes(CATALOG_ROW_FILE)
  ) {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  throw new UsageError(`${dir} is not empty and holds no earlier run`, {
    hint: 'choose another --out folder, or another catalog id',
  });
}

/** Why the catalog's exit code is what it is: `[code, reasons]`. */
function judge(head: RunReportHead, t: Thresholds): [number, string[]] {
  const reasons: string[] = [];
  let code = 0;
  if (failsAt(head.validation.counts, t.failOn)) {
    reasons.push(`findings at or above --fail-on ${t.failOn}`);
    code = 1;
  }
  if (t.minScore !== undefined && head.audit.score < t.minScore) {
    reasons.push(`catalog score ${head.audit.score} is under min-score ${t.minScore}`);
    code = 1;
  }
  if (t.minRating && RATINGS.indexOf(rateScore(head.audit.score)) > RATINGS.indexOf(t.minRating)) {
    reasons.push(`catalog rating ${head.audit.rating} is worse than min-rating ${t.minRating}`);
    code = 1;
  }
  if (!head.harvest.complete) {
    reasons.push(`harvest incomplete: ${head.harvest.missingPages.length} pages missing`);
    code = 3;
  }
  return [code, reasons];
}

/** The row of a catalog whose report was written. */
function reportRow(base: CatalogRow, head: RunReportHead, t: Thresholds): CatalogRow {
  const [exitCode, reasons] = judge(head, t);
  const v = head.validation;
  const missing = head.harvest.missingPages;
  const nothing = head.harvest.pages === 0 && missing.length > 0;
  return {
    ...base,
    status: nothing ? 'failed' : head.harvest.complete ? 'ok' : 'incomplete',
    exitCode,
    reasons,
    ...(nothing ? {} : { report: `${base.id}/${REPORT_FILES.html}` }),
    score: head.audit.score,
    maxPoints: head.audit.maxPoints,
    rating: head.audit.rating,
    records: v.records,
    conformingRecords: v.conformingRecords,
    conforms: v.counts.violation === 0,
    datasets: head.counts.datasets,
    findings: v.counts,
    failures: missing.length,
    ...(missing.length > 0 ? { missingPages: missing.slice(0, MISSING_LISTED) } : {}),
    ...(nothing
      ? { error: { code: 'DH_NO_PAGES', message: `no page could be read: ${missing[0]?.error}` } }
      : {}),
  };
}

/** Where the catalog's data is for the dataset index. */
async function indexInput(entry: CatalogEntry, dir: string) {
  if (isUrl(entry.source)) return { harvest: path.join(dir, REPORT_FILES.harvest) };
  const info = await stat(entry.source).catch(() => undefined);
  if (info?.isDirectory() && (await isHarvestFolder(entry.source)))
    return { harvest: entry.source };
  return { files: entry.source };
}

/**
 * Runs one catalog into `<out>/<id>/` (what `run` writes for one source, plus the dataset index
 * and, with `since`, `changes.json`) and returns its overview row. With `since`, the catalog is
 * harvested first; when every page's bytes equal the previous run's (same options, same tool
 * version), the previous results are carried over instead of validated and audited again.
 * Never throws: a failure is a row with its error.
 *
 * @example
 * ```ts
 * import { runCatalog } from 'dcat-harvest/catalogs';
 *
 * const row = await runCatalog(
 *   { id: 'gouv-hvd', source: 'https://www.data.gouv.fr', options: { badge: 'hvd' } },
 *   { out: '/shared/runs/monday', shared: { workers: 2 } },
 * );
 * console.log(row.status, row.score, row.rating, row.error?.message);
 * ```
 */
export async function runCatalog(entry: CatalogEntry, ctx: CatalogRunContext): Promise<CatalogRow> {
  const t0 = performance.now();
  const started = new Date();
  const dir = path.join(ctx.out, entry.id);
  const base = baseRow(entry);
  const progress = (stage: RunStage | 'since', message: string) =>
    ctx.onProgress?.(entry.id, stage, message);
  let setup: ReturnType<typeof catalogRunSetup> | undefined;
  try {
    setup = catalogRunSetup(entry, ctx.shared);
    if (!ctx.harvested) await prepareFolder(dir);
    await mkdir(dir, { recursive: true });
    // The dataset index takes each page's datasets from the validation that reads it.
    const named = new PageDatasets(setup.run.cwd);
    const run = {
      ...setup.run,
      out: dir,
      onProgress: progress,
      onPageDatasets: named.add,
      ...(ctx.harvested ? { harvested: true } : {}),
      ...(ctx.storedPages ? { storedPages: ctx.storedPages } : {}),
    };
    const previousDir = ctx.since ? path.join(ctx.since, entry.id) : undefined;
    const previous = previousDir
      ? await readDatasetIndex(path.join(previousDir, DATASET_INDEX_FILE))
      : undefined;
    const input = await indexInput(entry, dir);
    const indexFile = path.join(dir, DATASET_INDEX_FILE);
    let row: CatalogRow;
    if (previousDir && previous) {
      const harvested = await harvestStage(entry.source, path.join(dir, REPORT_FILES.harvest), {
        ...run,
        onProgress: (m) => progress('harvest', m),
      });
      const harvestMs = Math.round(performance.now() - t0);
      const current = await pageHashes(input);
      const why = harvested.section.complete
        ? await reuseProblem(previousDir, previous, current, run.recordedOptions ?? {})
        : 'this harvest is incomplete';
      progress('since', why ? `validating again: ${why}` : 'every page unchanged: results reused');
      const head = why
        ? (await runPipeline(entry.source, { ...run, resume: isUrl(entry.source) })).report
        : await reuseReport(previousDir, dir, {
            startedAt: started,
            // Local data is counted by the assessment: the previous run's counts stand.
            ...(harvested.local ? {} : { harvest: harvested.section }),
            harvestMs,
          });
      const index = await writeDatasetIndex(input, indexFile, previous, named);
      const pages: IndexedPage[] = index.pages;
      row = reportRow(base, head, setup.thresholds);
      row.incremental = {
        pages: pages.length,
        unchangedPages: index.reusedPages,
        reused: why === undefined,
        ...(why ? { why } : {}),
      };
      const changes = compareIndexes(previous, pages, previousDir);
      await writeAtomic(path.join(dir, CHANGES_FILE), JSON.stringify(changes, null, 2) + '\n');
      row.changes = listedChanges(changes);
    } else {
      const head = (await runPipeline(entry.source, run)).report;
      const { pages } = await writeDatasetIndex(input, indexFile, [], named);
      row = reportRow(base, head, setup.thresholds);
      if (previousDir) {
        // A catalog the previous run did not have: every dataset is new.
        const why = 'not in the previous run';
        row.incremental = { pages: pages.length, unchangedPages: 0, reused: false, why };
        const changes = compareIndexes([], pages, previousDir);
        await writeAtomic(path.join(dir, CHANGES_FILE), JSON.stringify(changes, null, 2) + '\n');
        row.changes = listedChanges(changes);
      }
    }
    return { ...row, durationMs: Math.round(performance.now() - t0) };
  } catch (error) {
    progress('report', `failed: ${messageOf(error)}`);
    return failedRow(entry, error, t0);
  } finally {
    await setup?.checker?.close();
  }
}

/** A catalog's row before it ran. */
function baseRow(entry: CatalogEntry): CatalogRow {
  return {
    id: entry.id,
    ...(entry.title === undefined ? {} : { title: entry.title }),
    source: entry.source,
    status: 'failed',
    exitCode: 3,
    reasons: [],
    folder: `${entry.id}/`,
    failures: 0,
    durationMs: 0,
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The row of a catalog that failed with `error`, started at `t0` (`performance.now()`). */
export function failedRow(entry: CatalogEntry, error: unknown, t0: number): CatalogRow {
  const code = error instanceof DcatHarvestError ? error.code : 'DH_INTERNAL';
  const message = messageOf(error);
  return {
    ...baseRow(entry),
    exitCode: exitCodeOf(error),
    reasons: [message],
    error: { code, message },
    durationMs: Math.round(performance.now() - t0),
  };
}

/**
 * The first step of a catalog run in several jobs (a queued run): empties the catalog's folder
 * (unless `keep`: a resumed run completes its harvest instead) and harvests the source into it
 * as {@link runCatalog} does; {@link runCatalog} with `harvested` then does the rest. Throws what
 * the harvest throws (give it to {@link failedRow}).
 */
export async function harvestCatalog(
  entry: CatalogEntry,
  ctx: CatalogRunContext,
  keep = false,
): Promise<Harvested> {
  const setup = catalogRunSetup(entry, ctx.shared);
  try {
    const dir = path.join(ctx.out, entry.id);
    if (!keep) await prepareFolder(dir);
    return await harvestStage(entry.source, path.join(dir, REPORT_FILES.harvest), {
      ...setup.run,
      ...(keep && isUrl(entry.source) ? { resume: true } : {}),
      onProgress: (message) => ctx.onProgress?.(entry.id, 'harvest', message),
    });
  } finally {
    await setup.checker?.close();
  }
}
