// **harvest** walks a whole catalog into a harvest folder: concurrent when paging is regular.
import { mkdir, readdir } from 'node:fs/promises';
import { NetworkError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { harvestCsw } from './harvest-csw.js';
import { harvestFile } from './harvest-file.js';
import { finishHarvest } from './harvest-finish.js';
import { listStoredPages, readHarvestFolder, removePartFiles } from './harvest-folder.js';
import type { PageContext } from './harvest-page.js';
import type { HarvestOptions, HarvestSummary } from './harvest-types.js';
import type { HarvestPlan } from './plan.js';
import { harvestUrl } from './harvest-url.js';
import { HarvestWalk } from './harvest-walk.js';
import { createHttpClient } from './http.js';
import { MANIFEST_FILE, type HarvestManifest } from './manifest.js';
import { resolveSource, type ResolvedSource } from './source.js';

export { readHarvestFolder };
export type { HarvestEvent, HarvestOptions, HarvestSummary } from './harvest-types.js';

async function prepareFolder(out: string, resume: boolean): Promise<HarvestManifest | undefined> {
  await mkdir(out, { recursive: true });
  const names = await readdir(out);
  if (resume) {
    if (!names.includes(MANIFEST_FILE)) return undefined;
    return (await readHarvestFolder(out)).manifest;
  }
  if (names.length > 0) {
    throw new UsageError(`${out}: the output folder is not empty`, {
      hint: 'Pass --resume to complete an earlier harvest there, or choose another -o folder.',
    });
  }
  return undefined;
}

/** The manifest a harvest starts with (a resumed one keeps its start and the portal's context). */
function startManifest(
  source: string,
  resolved: ResolvedSource,
  options: HarvestOptions,
  previous: HarvestManifest | undefined,
): HarvestManifest {
  return {
    tool: { name: 'dcat-harvest', version: VERSION },
    source,
    firstPage:
      resolved.kind === 'file'
        ? resolved.path
        : resolved.kind === 'csw'
          ? resolved.endpoint
          : resolved.firstPage,
    options: {
      format: options.format ?? 'turtle',
      concurrency: options.concurrency ?? 4,
      maxPages: options.maxPages,
      allowCrossOrigin: options.allowCrossOrigin ?? false,
      adaptivePageSize: options.adaptivePageSize,
      pageSize: options.pageSize ?? 100,
      filters: options.filters,
      ...(options.csw ? { csw: options.csw } : {}),
    },
    startedAt: previous?.startedAt ?? new Date().toISOString(),
    state: 'running',
    context: previous?.context,
    pages: [],
  };
}

/**
 * Harvests `source` (portal root, catalog URL, RDF URL or file) into `options.out`.
 *
 * @example
 * ```ts
 * import { harvest } from 'dcat-harvest';
 *
 * const summary = await harvest('https://www.data.gouv.fr', {
 *   out: 'harvest-gouv',
 *   concurrency: 8,
 *   filters: { badge: 'hvd' },
 *   onEvent: (event) => {
 *     if (event.type === 'warning') console.warn(event.message);
 *   },
 * });
 * console.log(summary.manifest.state, summary.manifest.completeness?.uniqueDatasets);
 * process.exitCode = summary.exitCode;
 * ```
 */
export async function harvest(source: string, options: HarvestOptions): Promise<HarvestSummary> {
  if (options.resume) await removePartFiles(options.out);
  const outcome = await walkSource(source, options, false);
  if ('summary' in outcome) return outcome.summary;
  throw new Error('unreachable: a whole harvest has no plan'); // walkSource walks every page
}

/** What {@link walkSource} ends with: the harvest's summary, or (asked to stop there) its plan. */
export type WalkOutcome = { summary: HarvestSummary } | { plan: HarvestPlan };

/**
 * Harvests `source` as {@link harvest} does; with `stopAtPlan`, a catalog whose pages are numbered
 * stops after page 1 and returns the plan of the others (see `harvest-plan`).
 * @hidden
 */
export async function walkSource(
  source: string,
  options: HarvestOptions,
  stopAtPlan: boolean,
): Promise<WalkOutcome> {
  const out = options.out;
  const previous = await prepareFolder(out, options.resume === true);
  const resolved = resolveSource(source, {
    format: options.format,
    pageSize: options.pageSize,
    filters: options.filters,
  });
  const emit = options.onEvent ?? (() => {});
  const client = createHttpClient({
    ...options.http,
    onRetry: (retry) => emit({ type: 'retry', retry }),
  });
  const walk = new HarvestWalk(out, startManifest(source, resolved, options, previous), emit);
  const ctx: PageContext = {
    client,
    dir: out,
    signal: options.signal,
    format: pagesFormat(resolved, options),
    adaptive: options.adaptivePageSize ?? (resolved.kind === 'url' && resolved.udata),
    stored: options.resume ? await listStoredPages(out) : new Map(),
    previous: new Map((previous?.pages ?? []).map((p) => [p.id, p])),
  };
  let interrupted = false;
  let plan: HarvestPlan | undefined;
  try {
    if (resolved.kind === 'file') await harvestFile(walk, resolved.path, options.format);
    else if (resolved.kind === 'csw')
      await harvestCsw(walk, ctx, resolved.endpoint, options, previous);
    else plan = await harvestUrl(walk, ctx, resolved, options, previous, stopAtPlan);
  } catch (error) {
    if (!(error instanceof NetworkError && error.code === 'DH_ABORTED')) {
      await client.close();
      throw error;
    }
    interrupted = true;
  } finally {
    if (options.signal?.aborted) interrupted = true;
  }
  await client.close();
  if (plan && !interrupted) {
    await walk.writeManifest(true);
    return { plan };
  }
  return { summary: await finishHarvest(walk, interrupted) };
}

/** The format asked of the server: udata's (Turtle unless told), else what each page says. */
export function pagesFormat(resolved: ResolvedSource, options: HarvestOptions) {
  return resolved.kind === 'url' && resolved.udata ? (options.format ?? 'turtle') : options.format;
}
