// **manifest** is the shape of a harvest folder's manifest.json: the record of every page.
import type { FormatId } from '../rdf/formats.js';

/** Why a page is not (fully) usable. */
export interface PageError {
  /** `exception`: a CSW service answered with an exception report (its text is the message). */
  kind: 'network' | 'http' | 'parse' | 'limit' | 'refused' | 'exception';
  message: string;
  /** For parse errors: where in the stored page body. */
  line?: number;
  column?: number;
}

/** One repaired IRI of a page: where in the stored body, as written, as kept. */
export interface RepairLine {
  line?: number;
  column?: number;
  original: string;
  repaired: string;
}

/** Repairs listed per page entry (all are counted). */
export const MAX_REPAIRS_LISTED = 100;

/** One page of the walk, fetched or not. */
export interface PageEntry {
  /** Tool-chosen id, also the file stem: `000001`, or `000005-2` for the half-pages of page 5. */
  id: string;
  /** The URL asked for. */
  url: string;
  /** A CSW GetRecords page asked by POST: its XML body (GET pages have everything in `url`). */
  post?: string;
  /** A CSW page: the `startPosition` it asked for. */
  startPosition?: number;
  /** The URL that answered, when a redirect was followed. */
  finalUrl?: string;
  /** Position in the walk (1-based). */
  index: number;
  /** Body file relative to the folder (`pages/000001.ttl`); absent when nothing was received. */
  file?: string;
  status?: number;
  contentType?: string;
  format?: FormatId;
  /** Body bytes as stored (decoded). */
  bytes?: number;
  /** Bytes received on the wire (compressed). */
  wireBytes?: number;
  sha256?: string;
  triples?: number;
  /** Records (datasets, series, services) on the page. */
  records?: number;
  /** Datasets on the page: what `hydra:totalItems` counts. */
  datasets?: number;
  /** `hydra:totalItems` the page announces (it changes when the catalog changes during the walk). */
  totalItems?: number;
  attempts: number;
  timeMs: number;
  fetchedAt?: string;
  error?: PageError;
  /** The exception report a CSW page got, kept as received (`pages/000003.exception.xml`). */
  exceptionFile?: string;
  /**
   * IRIs the page holds that were invalid only by characters percent-encoding carries: repaired
   * (statements kept), one line each (the first 100, `MAX_REPAIRS_LISTED`; `repaired` counts all).
   */
  repairs?: RepairLine[];
  /** How many IRIs were repaired on the page (set when some were). */
  repaired?: number;
  /** Ids of the half-size pages that replaced this one after a 502. */
  splitInto?: string[];
}

/** Whether the walk got everything the source announced. */
export interface Completeness {
  complete: boolean;
  /** `hydra:totalItems` from the source (datasets), as the first page announces it. */
  totalItems?: number;
  /**
   * Set when pages announce different `hydra:totalItems` (the catalog changed during the walk):
   * in page order, the first page's value and each page where it changed.
   */
  totalItemsChanges?: { page: string; totalItems: number }[];
  /** Pages announced by `hydra:last` (when known). */
  pagesExpected?: number;
  pagesStored: number;
  /** URLs still missing after retries. */
  missingPages: string[];
  /** Ids of stored pages that failed to parse. */
  unparsablePages: string[];
  /** Dataset nodes seen, duplicates included. */
  datasetsSeen: number;
  /** Unique datasets (by IRI and by dct:identifier). */
  uniqueDatasets: number;
  /** Datasets seen more than once across pages (skip/limit drift). */
  duplicates: number;
  /** A sample of the duplicated dataset IRIs (at most 50). */
  duplicateSample: string[];
  /** Records of every kind (datasets, series, services), summed over pages. */
  records: number;
  /** IRIs repaired (percent-encoded, statements kept), summed over pages (see `PageEntry.repairs`). */
  repairedIris?: number;
  /** Paging links refused (other origin) or loops stopped. */
  stopped: string[];
}

/** How a CSW catalog was harvested. */
export interface CswManifest {
  /** The GetRecords URL (GET) or endpoint (POST). */
  endpoint: string;
  method: 'GET' | 'POST';
  /** The outputSchema asked for. */
  outputSchema: string;
  /** Output schemas the capabilities offer (when they could be read). */
  offered?: string[];
  /** The CQL filter, when one was given. */
  constraint?: string;
  maxRecords: number;
  /** The GetCapabilities response as stored (relative path), when it was fetched. */
  capabilities?: string;
}

/** manifest.json. */
export interface HarvestManifest {
  tool: { name: string; version: string };
  /** The source as given. */
  source: string;
  /** The first page URL the source resolved to (or the file path). */
  firstPage: string;
  /** Paging mode used: `pattern` (concurrent `page=N`), `next` (follow links) or `single`. */
  mode?: 'pattern' | 'next' | 'single' | 'csw';
  /** A CSW harvest: the endpoint and how it was asked. */
  csw?: CswManifest;
  options: Record<string, unknown>;
  startedAt: string;
  endedAt?: string;
  state: 'running' | 'complete' | 'incomplete' | 'interrupted';
  context?: { url: string; served: string; wrapped: string } | { url: string; error: string };
  pages: PageEntry[];
  completeness?: Completeness;
}

export const MANIFEST_FILE = 'manifest.json';
export const PAGES_DIR = 'pages';
