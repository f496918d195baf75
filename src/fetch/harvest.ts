// **harvest** walks a whole catalog into a harvest folder: concurrent when paging is regular.
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { NetworkError, UsageError } from '../errors.js';
import { formatFromPath, type FormatId } from '../rdf/formats.js';
import { VERSION } from '../version.js';
import { fetchContext } from './context.js';
import { listStoredPages, readHarvestFolder, writeAtomic, sha256 } from './harvest-folder.js';
import { obtainPage, type PageContext, type PageOutcome } from './harvest-page.js';
import { createHttpClient, type HttpClientOptions, type RetryEvent } from './http.js';
import { MANIFEST_FILE, PAGES_DIR, type HarvestManifest, type PageEntry } from './manifest.js';
import { analyzePage } from './page-analysis.js';
import { regularLastPage, withPage } from './paging.js';
import { resolveSource, type CatalogFilters } from './source.js';
import { DatasetTally } from './tally.js';
import { walkCsw } from './csw-walk.js';
import { totalItemsAlong } from './total-items.js';

export { readHarvestFolder };

/** Options of `harvest`. */
export interface HarvestOptions {
  /** The harvest folder (created; must be empty unless `resume`). */
  out: string;
  /** Serialization asked of udata (default turtle: lossless and fastest to parse). */
  format?: FormatId;
  /** Pages in flight per host when paging is regular (default 4). */
  concurrency?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Follow paging links to another origin (default false: refused). */
  allowCrossOrigin?: boolean;
  /** Retry a udata 502 as two half-size pages (default: on for udata sources). */
  adaptivePageSize?: boolean;
  /** Items per page asked of udata (default 100). */
  pageSize?: number;
  filters?: CatalogFilters;
  /** Keep pages already in `out` and fetch only what is missing. */
  resume?: boolean;
  /** HTTP client options (timeouts, retries, rate, caps). */
  http?: HttpClientOptions;
  /** Abort (SIGINT): in-flight writes finish, the manifest is written, the folder is resumable. */
  signal?: AbortSignal;
  /** Progress events. */
  onEvent?: (event: HarvestEvent) => void;
  /** How to ask a CSW source (`csw+https://…`, `…/csw`, `…?service=CSW`); page size is `pageSize`. */
  csw?: { method?: 'GET' | 'POST'; outputSchema?: string; constraint?: string };
}

/** Progress of a harvest. */
export type HarvestEvent =
  | {
      type: 'plan';
      mode: 'pattern' | 'next' | 'single' | 'csw';
      pagesExpected?: number;
      totalItems?: number;
    }
  | { type: 'page'; entry: PageEntry; fromDisk: boolean }
  | { type: 'retry'; retry: RetryEvent }
  | { type: 'warning'; message: string };

/** The outcome: the manifest as written, and the exit code it deserves. */
export interface HarvestSummary {
  dir: string;
  manifest: HarvestManifest;
  /** 0 complete; 3 pages missing, unparsable, refused (other origin) or interrupted. */
  exitCode: 0 | 3;
}

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

const pageOrder = (a: PageEntry, b: PageEntry): number =>
  a.index - b.index || (a.id < b.id ? -1 : 1);

/** Harvests `source` (portal root, catalog URL, RDF URL or file) into `options.out`. */
export async function harvest(source: string, options: HarvestOptions): Promise<HarvestSummary> {
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
  const manifest: HarvestManifest = {
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
  const entries = new Map<string, PageEntry>();
  const tally = new DatasetTally();
  const missing: string[] = [];
  const stopped: string[] = [];
  const hashes = new Map<string, string>();
  let totalItems: number | undefined;
  let pagesExpected: number | undefined;

  let writing: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  const writeManifest = (force = false): Promise<void> => {
    if (!force && Date.now() - lastWrite < 1000) return writing;
    lastWrite = Date.now();
    manifest.pages = [...entries.values()].sort(pageOrder);
    const text = JSON.stringify(manifest, null, 2) + '\n';
    writing = writing.then(() => writeAtomic(path.join(out, MANIFEST_FILE), text));
    return writing;
  };

  const record = (outcome: PageOutcome): void => {
    for (const entry of outcome.entries) {
      entries.set(entry.id, entry);
      if (!entry.splitInto) emit({ type: 'page', entry, fromDisk: outcome.fromDisk });
      if (entry.sha256) {
        const twin = hashes.get(entry.sha256);
        if (twin)
          stopped.push(`page ${entry.id} has the same content as page ${twin} (${entry.url})`);
        else hashes.set(entry.sha256, entry.id);
      }
    }
    for (const analysis of outcome.analyses) {
      tally.add(analysis.datasets);
      totalItems ??= analysis.paging.totalItems;
    }
    missing.push(...outcome.missing);
    void writeManifest();
  };

  const previousEntries = new Map((previous?.pages ?? []).map((p) => [p.id, p]));
  const ctx: PageContext = {
    client,
    dir: out,
    signal: options.signal,
    format:
      resolved.kind === 'url' && resolved.udata ? (options.format ?? 'turtle') : options.format,
    adaptive: options.adaptivePageSize ?? (resolved.kind === 'url' && resolved.udata),
    stored: options.resume ? await listStoredPages(out) : new Map(),
    previous: previousEntries,
  };
  const runCsw = async (endpoint: string): Promise<void> => {
    manifest.mode = 'csw';
    emit({ type: 'plan', mode: 'csw' });
    const walked = await walkCsw(
      ctx,
      {
        endpoint,
        ...options.csw,
        ...(options.pageSize === undefined ? {} : { maxRecords: options.pageSize }),
        concurrency: options.concurrency ?? 4,
        maxPages: options.maxPages ?? Infinity,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.resume && previous?.csw ? { previous: previous.csw } : {}),
      },
      record,
    );
    manifest.csw = walked.csw;
    pagesExpected = walked.pagesExpected;
    totalItems = walked.totalItems ?? totalItems;
    stopped.push(...walked.stopped);
    for (const message of walked.warnings) emit({ type: 'warning', message });
  };
  let interrupted = false;
  const id = (n: number) => String(n).padStart(6, '0');
  try {
    if (resolved.kind === 'file') {
      manifest.mode = 'single';
      const format = options.format ?? formatFromPath(resolved.path)?.id ?? 'turtle';
      const body = await readFile(resolved.path);
      const file = `${PAGES_DIR}/${id(1)}.${path.basename(resolved.path).replace(/^.*?\.(?=[^.]+(\.gz)?$)/, '')}`;
      await mkdir(path.join(out, PAGES_DIR), { recursive: true });
      await copyFile(resolved.path, path.join(out, file));
      const analysis = await analyzePage(body, format, `file://${path.resolve(resolved.path)}`);
      const entry: PageEntry = {
        id: id(1),
        index: 1,
        url: resolved.path,
        file,
        format,
        status: 200,
        attempts: 1,
        timeMs: 0,
        bytes: body.length,
        sha256: sha256(body),
        triples: analysis.triples,
        records: analysis.records,
        datasets: analysis.datasets.length,
        totalItems: analysis.paging.totalItems,
        error: analysis.error ? { kind: 'parse', ...analysis.error } : undefined,
      };
      record({ entries: [entry], analyses: [analysis], missing: [], fromDisk: false });
      emit({ type: 'plan', mode: 'single' });
    } else if (resolved.kind === 'csw') {
      await runCsw(resolved.endpoint);
    } else {
      if (resolved.udata && !(options.resume && manifest.context && 'served' in manifest.context)) {
        manifest.context = await fetchContext(client, resolved.origin, out, options.signal);
      }
      const first = await obtainPage(ctx, id(1), 1, resolved.firstPage);
      const capabilities = first.analyses[0]?.error?.capabilities;
      if (capabilities) {
        // The URL answered GetCapabilities: a CSW service, harvested as one.
        const stored = first.entries[0]?.file;
        if (stored) await rm(path.join(out, stored), { force: true });
        await runCsw(first.entries[0]?.finalUrl ?? resolved.firstPage);
      } else {
        record(first);
        const links = first.analyses[first.analyses.length - 1]?.paging ?? {};
        const firstUrl = first.entries[0]?.finalUrl ?? resolved.firstPage;
        const origin = new URL(firstUrl).origin;
        const allowed = (link: string): boolean => {
          if (options.allowCrossOrigin || new URL(link).origin === origin) return true;
          stopped.push(
            `refused a paging link to another origin: ${link} (pass --allow-cross-origin to follow it)`,
          );
          emit({ type: 'warning', message: stopped[stopped.length - 1]! });
          return false;
        };
        const maxPages = options.maxPages ?? Infinity;
        // Follow the pattern of the URL asked for (a redirect may have added parameters).
        const sameOrigin = (link?: string) => link === undefined || new URL(link).origin === origin;
        const patternLinks = sameOrigin(links.next) ? links : { ...links, next: undefined };
        const base =
          regularLastPage(resolved.firstPage, patternLinks) !== undefined
            ? resolved.firstPage
            : firstUrl;
        const last = regularLastPage(base, patternLinks);
        if (last !== undefined && allowed(links.last!)) {
          if (patternLinks !== links)
            stopped.push(
              `ignored a paging link to another origin: ${links.next} (pages are fetched by number)`,
            );
          manifest.mode = 'pattern';
          let announced = last;
          pagesExpected = last;
          emit({ type: 'plan', mode: 'pattern', pagesExpected: last, totalItems });
          let final = Math.min(last, maxPages);
          // A later page may announce more pages (datasets published meanwhile push the last
          // ones further): fetch up to the largest hydra:last seen, or the final ones are lost.
          const grow = (outcome: PageOutcome): void => {
            for (const analysis of outcome.analyses) {
              const link = analysis.paging.last;
              const more = link === undefined ? undefined : regularLastPage(base, { last: link });
              if (more === undefined || more <= announced) continue;
              announced = more;
              pagesExpected = more;
              final = Math.min(more, maxPages);
              emit({ type: 'plan', mode: 'pattern', pagesExpected: more, totalItems });
            }
          };
          let nextPage = 2;
          let ended = false;
          const worker = async () => {
            while (!ended && !options.signal?.aborted && nextPage <= final) {
              const n = nextPage++;
              const outcome = await obtainPage(ctx, id(n), n, withPage(base, n));
              if (outcome.end) ended = true;
              record(outcome);
              grow(outcome);
            }
          };
          const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker);
          const results = await Promise.allSettled(workers);
          const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          if (failure) throw failure.reason;
          if (final < announced)
            stopped.push(`--max-pages ${maxPages}: pages ${final + 1}–${announced} not fetched`);
        } else {
          manifest.mode = links.next ? 'next' : 'single';
          emit({ type: 'plan', mode: manifest.mode, totalItems });
          const visited = new Set([resolved.firstPage, firstUrl]);
          let next = links.next;
          for (let n = 2; next !== undefined && !options.signal?.aborted; n++) {
            if (visited.has(next)) {
              stopped.push(`paging loop: page ${n - 1} links back to ${next}`);
              break;
            }
            if (!allowed(next)) break;
            if (n > maxPages) {
              stopped.push(`--max-pages ${maxPages} reached; next page not fetched: ${next}`);
              break;
            }
            visited.add(next);
            const outcome = await obtainPage(ctx, id(n), n, next);
            record(outcome);
            const entry = outcome.entries[0];
            if (entry?.sha256 && hashes.get(entry.sha256) !== entry.id) break;
            if (outcome.end) break;
            next = outcome.analyses[outcome.analyses.length - 1]?.paging.next;
            const lastEntry = outcome.entries[outcome.entries.length - 1];
            if (lastEntry?.finalUrl) visited.add(lastEntry.finalUrl);
          }
        }
      }
    }
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
  const unparsable = [...entries.values()]
    .filter((e) => e.error?.kind === 'parse')
    .map((e) => e.id);
  const pagesStored = [...entries.values()].filter((e) => e.file).length;
  // The count to compare with is the first page's: the catalog as the walk found it.
  const totals = totalItemsAlong([...entries.values()].sort(pageOrder));
  const recordsRead = [...entries.values()].reduce(
    (sum, e) => sum + (e.splitInto ? 0 : (e.records ?? 0)),
    0,
  );
  totalItems = totals[0]?.totalItems ?? totalItems;
  manifest.completeness = {
    complete:
      !interrupted &&
      missing.length === 0 &&
      unparsable.length === 0 &&
      stopped.every((reason) => reason.startsWith('ignored')) &&
      (totalItems === undefined ||
        (manifest.mode === 'csw' ? recordsRead : tally.unique) >= totalItems),
    totalItems,
    ...(totals.length > 1 ? { totalItemsChanges: totals } : {}),
    pagesExpected,
    pagesStored,
    missingPages: missing,
    unparsablePages: unparsable,
    datasetsSeen: tally.seen,
    uniqueDatasets: tally.unique,
    duplicates: tally.duplicates,
    duplicateSample: tally.sample,
    records: recordsRead,
    repairedIris: [...entries.values()].reduce((sum, e) => sum + (e.repaired ?? 0), 0),
    stopped,
  };
  manifest.state = interrupted
    ? 'interrupted'
    : manifest.completeness.complete
      ? 'complete'
      : 'incomplete';
  manifest.endedAt = new Date().toISOString();
  await writeManifest(true);
  const refused = stopped.some((s) => s.startsWith('refused'));
  const failed = interrupted || refused || missing.length > 0 || unparsable.length > 0;
  return { dir: out, manifest, exitCode: failed ? 3 : 0 };
}
