// **model** names what the history holds: catalogs with their schedules, runs with their results.
import type { CatalogOptions } from '../catalogs/catalog-options.js';
import type { Rating } from '../run/report-model.js';
import type { SeverityCounts } from '../shacl/findings.js';

/** The MQA dimensions the history keeps a column for, in MQA order. */
export const DIMENSION_IDS = [
  'findability',
  'accessibility',
  'interoperability',
  'reusability',
  'contextuality',
] as const;

/** Points per MQA dimension. */
export type DimensionPoints = Record<
  'findability' | 'accessibility' | 'interoperability' | 'reusability' | 'contextuality',
  number
>;

/** When a catalog runs: every so long (`every`, ms) or on a cron pattern. */
export interface Schedule {
  /** Milliseconds between runs (`every: 24h`). */
  everyMs?: number;
  /** A cron pattern (`0 3 * * *`), in the server's time zone. */
  cron?: string;
}

/** A catalog the server watches. */
export interface CatalogRecord {
  id: string;
  title?: string;
  source: string;
  options: CatalogOptions;
  schedule: Schedule;
  /** Where it came from: the `--catalogs` file or the API. */
  origin: 'file' | 'api';
  createdAt: string;
}

/** A run's state: waiting, harvesting and checking, recorded, or stopped by an error. */
export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** What started a run. */
export type RunTrigger = 'schedule' | 'api' | 'start';

/** One run of one catalog, with its results once done. */
export interface RunSummary {
  id: number;
  catalog: string;
  status: RunStatus;
  trigger: RunTrigger;
  queuedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Why it failed. */
  error?: string;
  /** The exit code `run` would give. */
  exitCode?: number;
  /** The run folder, relative to the data folder. */
  folder?: string;
  score?: number;
  maxPoints?: number;
  rating?: Rating;
  dimensions?: DimensionPoints;
  records?: number;
  conformingRecords?: number;
  datasets?: number;
  distributions?: number;
  publishers?: number;
  findings?: SeverityCounts;
  brokenLinks?: number;
  harvest?: {
    pages: number;
    missingPages: number;
    records: number;
    totalItems?: number;
    complete: boolean;
  };
  durationMs?: number;
}

/** A publisher in one run, with the scores of the runs before for its trend. */
export interface PublisherSummary {
  /** The history's number for the publisher (stable across runs of the catalog). */
  id: number;
  key: string;
  name: string;
  datasets: number;
  score: number;
  rating: Rating;
  dimensions: DimensionPoints;
  findings: SeverityCounts;
  brokenLinks: number;
  /** Scores of its last runs, oldest first (the latest last). */
  trend: number[];
}

/** A fix ranked by points gained, as the report lists them. */
export interface PublisherFix {
  indicator: string;
  action: string;
  datasets: number;
  gain: number;
  portal: boolean;
}

/** A dataset in one run. */
export interface DatasetSummary {
  iri: string;
  title?: string;
  score: number;
  rating: Rating;
  dimensions: DimensionPoints;
  distributions: number;
  findings: SeverityCounts;
  brokenLinks: number;
  /** Finding counts by severity and constraint component. */
  constraints: [string, string, number][];
  /** Indicators the dataset missed points on. */
  missed: string[];
}
