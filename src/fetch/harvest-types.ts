// **harvest-types** the options, progress events and outcome of a harvest.
import type { FormatId } from '../rdf/formats.js';
import type { HttpClientOptions, RetryEvent } from './http.js';
import type { HarvestManifest, PageEntry } from './manifest.js';
import type { CatalogFilters } from './source.js';

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
