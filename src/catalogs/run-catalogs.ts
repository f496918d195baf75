// **run-catalogs** runs many catalogs in one process, a bounded number at a time, and writes the overview.
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { UsageError } from '../errors.js';
import { writeAtomic } from '../fetch/harvest-folder.js';
import { defaultWorkers } from '../shacl/pool.js';
import { VERSION } from '../version.js';
import type { CatalogEntry } from './catalog-options.js';
import { DATASET_INDEX_FILE, readDatasetIndex } from './dataset-index.js';
import {
  DuplicateFinder,
  duplicatesSection,
  DUPLICATES_FILE,
  type DuplicateGroup,
} from './duplicates.js';
import { OVERVIEW_SCHEMA, type CatalogRow, type Overview } from './overview-model.js';
import { writeOverviewHtml } from './overview-html.js';
import { runCatalog, type CatalogRunContext } from './run-catalog.js';
import type { SharedRunOptions } from './run-options.js';

/** The overview's files, in the report folder. */
export const OVERVIEW_FILES = {
  html: 'index.html',
  json: 'report.json',
  duplicates: DUPLICATES_FILE,
} as const;

/** Options of {@link runCatalogs}. */
export interface CatalogsRunOptions extends SharedRunOptions {
  /** The report folder: one sub-folder per catalog and the overview. */
  out: string;
  /** A previous run's report folder: unchanged pages reuse its results; changes are reported. */
  since?: string;
  /** Catalogs run at once (default 2). */
  catalogConcurrency?: number;
  /** Progress lines of each catalog, by stage. */
  onProgress?: CatalogRunContext['onProgress'];
  /** Called as each catalog ends. */
  onCatalog?: (row: CatalogRow) => void;
}

/** Checks `--since`: an overview folder written by this command, not the output folder. */
export async function checkSince(since: string, out: string): Promise<void> {
  if (path.resolve(since) === path.resolve(out)) {
    throw new UsageError('--since must name an earlier run folder, not the --out folder', {
      hint: 'write each run to its own folder, e.g. runs/2026-12-04, and pass the previous one',
    });
  }
  const file = path.join(since, OVERVIEW_FILES.json);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  let schema: unknown;
  try {
    schema = text === undefined ? undefined : (JSON.parse(text) as { schema?: unknown }).schema;
  } catch {
    schema = undefined;
  }
  if (schema !== OVERVIEW_SCHEMA) {
    throw new UsageError(`--since ${since}: no overview report.json (${OVERVIEW_SCHEMA}) there`, {
      hint: 'give the folder an earlier multi-catalog `run` wrote',
    });
  }
}

/** Runs `task` over `items`, `limit` at a time; results in item order. */
async function bounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await task(items[at] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Reads each catalog's dataset index in turn and finds the datasets two catalogs share. */
async function duplicatesOf(out: string, rows: readonly CatalogRow[]): Promise<DuplicateGroup[]> {
  const finder = new DuplicateFinder();
  for (const row of rows) {
    if (row.status === 'failed') continue;
    const pages = await readDatasetIndex(path.join(out, row.id, DATASET_INDEX_FILE));
    if (pages) finder.add(row.id, pages);
  }
  return finder.groups();
}

async function writeLines(file: string, items: readonly unknown[]): Promise<void> {
  const part = `${file}.part`;
  const stream = createWriteStream(part);
  for (const item of items) {
    if (!stream.write(JSON.stringify(item) + '\n')) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  await rename(part, file);
}

function countsOf(rows: readonly CatalogRow[]): Overview['counts'] {
  const sum = (f: (r: CatalogRow) => number | undefined) =>
    rows.reduce((n, r) => n + (f(r) ?? 0), 0);
  return {
    catalogs: rows.length,
    ok: rows.filter((r) => r.status === 'ok').length,
    incomplete: rows.filter((r) => r.status === 'incomplete').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    datasets: sum((r) => r.datasets),
    violations: sum((r) => r.findings?.violation),
    warnings: sum((r) => r.findings?.warning),
    infos: sum((r) => r.findings?.info),
  };
}

/**
 * Runs every catalog into `<out>/<id>/` (each what `run` writes for one source), at most
 * `catalogConcurrency` at a time with the validation threads shared out between them, then
 * writes the overview: `report.json`, `index.html` and `duplicates.jsonl`. A catalog that fails
 * is a row with its error; the exit code is the worst of the catalogs'.
 *
 * @example
 * ```ts
 * import { readCatalogsFile, runCatalogs } from 'dcat-harvest/catalogs';
 *
 * const entries = await readCatalogsFile('catalogs.yaml');
 * const { overview, files } = await runCatalogs(entries, {
 *   out: 'runs/tuesday',
 *   since: 'runs/monday',
 *   catalogConcurrency: 2,
 *   onCatalog: (row) => console.error(`${row.id}: ${row.status}`),
 * });
 * console.log(overview.counts.datasets, files.html);
 * process.exitCode = overview.exitCode;
 * ```
 */
export async function runCatalogs(
  entries: readonly CatalogEntry[],
  options: CatalogsRunOptions,
): Promise<{ overview: Overview; files: Record<keyof typeof OVERVIEW_FILES, string> }> {
  const t0 = performance.now();
  const started = new Date();
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  const since = options.since === undefined ? undefined : path.resolve(cwd, options.since);
  if (since !== undefined) await checkSince(since, out);
  if (entries.length === 0) throw new UsageError('run: no catalog to run');
  const concurrency = Math.max(1, options.catalogConcurrency ?? 2);
  await mkdir(out, { recursive: true });
  if ((await stat(out)).isFile()) throw new UsageError(`--out ${out} is a file`);
  const workers =
    options.workers ??
    Math.max(1, Math.floor(defaultWorkers() / Math.min(concurrency, entries.length)));
  const ctx: CatalogRunContext = {
    out,
    ...(since === undefined ? {} : { since }),
    shared: { ...options, cwd, workers },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const rows = await bounded(entries, concurrency, async (entry) => {
    const row = await runCatalog(entry, ctx);
    options.onCatalog?.(row);
    return row;
  });
  const overview = await writeOverview(out, rows, {
    startedAt: started,
    t0,
    ...(since === undefined ? {} : { since }),
    catalogConcurrency: concurrency,
  });
  return { overview, files: overviewFiles(out) };
}

/**
 * The overview's files in `out`.
 *
 * @example
 * ```ts
 * import { overviewFiles } from 'dcat-harvest/catalogs';
 *
 * const files = overviewFiles('/shared/runs/monday');
 * console.log(files.html, files.json, files.duplicates);
 * ```
 */
export function overviewFiles(out: string): Record<keyof typeof OVERVIEW_FILES, string> {
  return {
    html: path.join(out, OVERVIEW_FILES.html),
    json: path.join(out, OVERVIEW_FILES.json),
    duplicates: path.join(out, OVERVIEW_FILES.duplicates),
  };
}

/**
 * Writes the overview of catalogs already run into `out` (rows in catalog order): reads each
 * catalog's dataset index for the cross-catalog duplicates, then `duplicates.jsonl`, `index.html`
 * and `report.json`. Running it twice on the same rows writes the same files (times aside).
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { writeOverview, type CatalogRow } from 'dcat-harvest/catalogs';
 *
 * // Rows kept by each catalog's job (here in catalog-row.json), in catalog order.
 * const rows: CatalogRow[] = [];
 * for (const id of ['gouv', 'ckan']) {
 *   rows.push(JSON.parse(await readFile(`/shared/runs/monday/${id}/catalog-row.json`, 'utf8')));
 * }
 * const overview = await writeOverview('/shared/runs/monday', rows, {
 *   startedAt: new Date(),
 *   catalogConcurrency: 0,
 * });
 * console.log(overview.exitCode, overview.duplicates.groups);
 * ```
 */
export async function writeOverview(
  out: string,
  rows: readonly CatalogRow[],
  meta: {
    startedAt: Date;
    t0?: number;
    since?: string;
    catalogConcurrency: number;
    queue?: string;
  },
): Promise<Overview> {
  const files = overviewFiles(out);
  const groups = await duplicatesOf(out, rows);
  await writeLines(files.duplicates, groups);
  const finished = new Date();
  const overview: Overview = {
    schema: OVERVIEW_SCHEMA,
    run: {
      startedAt: meta.startedAt.toISOString(),
      finishedAt: finished.toISOString(),
      tool: { name: 'dcat-harvest', version: VERSION },
      ...(meta.since === undefined ? {} : { since: meta.since }),
      catalogConcurrency: meta.catalogConcurrency,
      ...(meta.queue === undefined ? {} : { queue: meta.queue }),
      durationMs:
        meta.t0 === undefined
          ? finished.getTime() - meta.startedAt.getTime()
          : Math.round(performance.now() - meta.t0),
    },
    counts: countsOf(rows),
    exitCode: Math.max(0, ...rows.map((r) => r.exitCode)),
    catalogs: [...rows],
    duplicates: duplicatesSection(groups),
  };
  await writeOverviewHtml(files.html, overview);
  await writeAtomic(files.json, JSON.stringify(overview, null, 2) + '\n');
  return overview;
}
