// **overview-model** defines the overview `report.json` of a multi-catalog run: one row per catalog, duplicates across them.
import type { MissingPage, Rating } from '../run/report-model.js';
import type { SeverityCounts } from '../shacl/findings.js';
import type { CatalogChanges } from './changes.js';
import type { DuplicatesSection } from './duplicates.js';

/** The identifier written in the overview's `report.json`. */
export const OVERVIEW_SCHEMA = 'dcat-harvest/overview@1';

/** Missing pages listed per catalog row (the count is exact; the catalog's report lists all). */
export const MISSING_LISTED = 20;

/**
 * A catalog's outcome: `ok` (report written, harvest complete), `incomplete` (report written,
 * pages missing) or `failed` (no report: unreachable, every page broken, bad options).
 */
export type CatalogStatus = 'ok' | 'incomplete' | 'failed';

/** One catalog of the run. */
export interface CatalogRow {
  id: string;
  title?: string;
  source: string;
  status: CatalogStatus;
  /** The exit code `run` would give this catalog alone. */
  exitCode: number;
  /** Why the exit code is not 0, one line each. */
  reasons: string[];
  /** The catalog's report folder, relative to the overview (`<id>/`). */
  folder: string;
  /** Its HTML report, relative to the overview; absent when it failed. */
  report?: string;
  score?: number;
  maxPoints?: number;
  rating?: Rating;
  /** Records validated, those without a violation, and whether all of them conform. */
  records?: number;
  conformingRecords?: number;
  conforms?: boolean;
  datasets?: number;
  findings?: SeverityCounts;
  /** Pages the harvest could not get or parse (`missingPages` lists the first ones). */
  failures: number;
  missingPages?: MissingPage[];
  /** Why the catalog failed. */
  error?: { code: string; message: string };
  /** With `--since`: pages whose bytes equalled the previous run's, and whether the results were reused. */
  incremental?: { pages: number; unchangedPages: number; reused: boolean; why?: string };
  /** With `--since`: datasets added, changed and removed (lists cut, counts exact). */
  changes?: CatalogChanges;
  durationMs: number;
}

/** The whole overview `report.json`. */
export interface Overview {
  schema: typeof OVERVIEW_SCHEMA;
  run: {
    startedAt: string;
    finishedAt: string;
    tool: { name: string; version: string };
    /** The previous run folder given with `--since`. */
    since?: string;
    /** Catalogs run at once in this process (0 when a queue ran them). */
    catalogConcurrency: number;
    /** The queue that ran the catalogs (`run --queue`), password hidden. */
    queue?: string;
    durationMs: number;
  };
  counts: {
    catalogs: number;
    ok: number;
    incomplete: number;
    failed: number;
    datasets: number;
    violations: number;
    warnings: number;
    infos: number;
  };
  /** The worst catalog's exit code. */
  exitCode: number;
  catalogs: CatalogRow[];
  duplicates: DuplicatesSection;
}
