// **report-model** defines `report.json`: one run's metadata, harvest, validation and audit results.
import type { Rating } from '../audit/rating.js';
import type { Severity, SeverityCounts } from '../shacl/findings.js';

export type { Rating };

/** The identifier written in `report.json` so readers can check what they read. */
export const REPORT_SCHEMA = 'dcat-harvest/report@2';

/** The identifier of `findings.jsonl`, the run's findings (one record's result per line). */
export const FINDINGS_SCHEMA = 'dcat-harvest/findings@1';

/** The findings file beside `report.json`. */
export const FINDINGS_FILE = 'findings.jsonl';

/** MQA rating bands, best first. */
export const RATINGS: readonly Rating[] = ['excellent', 'good', 'sufficient', 'bad'];

/** Stage durations in milliseconds. */
export interface StageDurations {
  harvest: number;
  validate: number;
  audit: number;
  report: number;
  total: number;
}

/** Who ran what, when and how. */
export interface RunMeta {
  /** The source as given (portal root, page URL, file, harvest folder). */
  source: string;
  startedAt: string;
  finishedAt: string;
  tool: { name: string; version: string };
  /** The options that shaped the results (profile, method, link checks…). */
  options: Record<string, string | number | boolean | null>;
  durations: StageDurations;
}

/** A page the harvest could not get or parse. */
export interface MissingPage {
  url: string;
  error: string;
}

/** What the harvest read: pages, records, and the pages it could not get. */
export interface HarvestSection {
  pages: number;
  /** Unique records read (datasets, series, services, catalogs). */
  records: number;
  /** What the portal announced (`hydra:totalItems`), when it did. */
  totalItems?: number;
  duplicates: number;
  complete: boolean;
  missingPages: MissingPage[];
  /** IRIs repaired while harvesting (percent-encoded, statements kept), when any were. */
  repairedIris?: number;
}

/** A group of identical findings, for the "top findings" table. */
export interface FindingGroupRow {
  severity: Severity;
  /** The constraint component, prefixed (`sh:MinCountConstraintComponent`). */
  component: string;
  /** The shape that produced the findings, prefixed when it has an IRI. */
  shape: string;
  path?: string;
  recordKind: string;
  count: number;
  records: number;
  /** An example message, for people. */
  message: string;
}

/** The SHACL validation's results: counts, every group of findings, and the findings file. */
export interface ValidationSection {
  /** The shapes used: a profile id and level, or files. */
  shapes: string;
  records: number;
  conformingRecords: number;
  counts: SeverityCounts;
  /**
   * Every group of findings (severity, shape, component, path, record kind), worst first, then
   * most frequent, then by key: a dataset's `groups` index into this list.
   */
  groups: FindingGroupRow[];
  notices: string[];
  /** Where the findings themselves are: `findings.jsonl`, beside `report.json`. */
  findings: FindingsFileRef;
}

/** `report.json`'s pointer to the findings file. */
export interface FindingsFileRef {
  /** Relative to `report.json`'s folder. */
  file: typeof FINDINGS_FILE;
  schema: typeof FINDINGS_SCHEMA;
  /** Lines (records with at least one finding). */
  records: number;
  /** Findings over all lines. */
  findings: number;
  /** How a finding on a node several records reach is attributed, for people. */
  attribution: string;
}

/** One MQA dimension's points. */
export interface DimensionScore {
  id: string;
  label: string;
  score: number;
  max: number;
}

/** One indicator across the catalog: the share of datasets passing it. */
export interface IndicatorSummary {
  id: string;
  label: string;
  dimension: string;
  max: number;
  /** Share of datasets (0..1) earning its points. */
  passRate: number;
}

/** A fix ranked by points gained. */
export interface FixRow {
  indicator: string;
  /** What to do, for people: "add dct:license to 847 distributions". */
  action: string;
  /** Datasets it applies to. */
  datasets: number;
  /** Points gained by the catalog's (or publisher's) average score. */
  gain: number;
  /** True when the portal's export, not the publisher, causes the loss. */
  portal: boolean;
}

/** A URL checked, and what it answered. */
export interface LinkResult {
  url: string;
  /** HTTP status or pseudo-code (1100 connection failed, 1300 invalid URL); null if inconclusive. */
  status: number | null;
  outcome: 'ok' | 'broken' | 'inconclusive';
  /** Datasets referencing the URL. */
  datasets: number;
  redirects?: string[];
  error?: string;
}

/** The link check's counts and the URLs it tried, broken and inconclusive ones first. */
export interface LinkSection {
  checked: number;
  ok: number;
  broken: number;
  inconclusive: number;
  /** Broken and inconclusive first. */
  results: LinkResult[];
}

/** Points a portal's export costs its datasets on one indicator. */
export interface PortalLossRow {
  indicator: string;
  label: string;
  /** Points per dataset. */
  points: number;
  datasets: number;
}

/** The MQA audit's catalog-wide results: score, rating, dimensions, indicators and fixes. */
export interface AuditSection {
  method: 'mqa' | 'proportional';
  maxPoints: number;
  score: number;
  rating: Rating;
  dimensions: DimensionScore[];
  indicators: IndicatorSummary[];
  fixFirst: FixRow[];
  /** Points lost because of what the portal never exports (audit's losses without their `gain`). */
  portalLosses: PortalLossRow[];
  links?: LinkSection;
}

/** One indicator's outcome for one dataset, with why. */
export interface IndicatorResult {
  id: string;
  points: number;
  max: number;
  why: string;
}

/** One dataset of the report: its score, rating, finding counts and indicator outcomes. */
export interface DatasetRow {
  id: string;
  title?: string;
  /** The publisher's id (a {@link PublisherRow.id}). */
  publisher?: string;
  score: number;
  rating: Rating;
  /** Points per dimension id. */
  dimensions: Record<string, number>;
  distributions: number;
  counts: SeverityCounts;
  brokenLinks: number;
  indicators: IndicatorResult[];
  /**
   * Finding counts of the dataset's record per group: `[index into validation.groups, count]`,
   * by index. The findings themselves are in `findings.jsonl`.
   */
  groups: [number, number][];
}

/** One publisher of the report: its datasets' average score, finding counts and fixes. */
export interface PublisherRow {
  id: string;
  name: string;
  datasets: number;
  score: number;
  rating: Rating;
  counts: SeverityCounts;
  brokenLinks: number;
  fixFirst: FixRow[];
}

/** Headline counts. */
export interface ReportCounts {
  datasets: number;
  distributions: number;
  publishers: number;
  violations: number;
  warnings: number;
  brokenLinks: number;
}

/**
 * The whole of `report.json`. Written with `datasets` last, sorted by id, one row per line (see
 * docs/reports.md), so readers can stream it.
 */
export interface RunReport {
  schema: typeof REPORT_SCHEMA;
  run: RunMeta;
  counts: ReportCounts;
  harvest: HarvestSection;
  validation: ValidationSection;
  audit: AuditSection;
  publishers: PublisherRow[];
  datasets: DatasetRow[];
}

/** `report.json` without its dataset rows: what a streaming reader gives first. */
export type RunReportHead = Omit<RunReport, 'datasets'>;

/**
 * MQA rating for a score: Excellent ≥ 351, Good 221–350, Sufficient 120–220, Bad < 120.
 *
 * @example
 * ```ts
 * import { ratingOf } from 'dcat-harvest/run';
 *
 * ratingOf(360); // 'excellent'
 * ratingOf(221); // 'good'
 * ratingOf(119); // 'bad'
 * ```
 */
export function ratingOf(score: number): Rating {
  if (score >= 351) return 'excellent';
  if (score >= 221) return 'good';
  if (score >= 120) return 'sufficient';
  return 'bad';
}

/**
 * True when `value` looks like a `report.json` this version can read.
 *
 * @example
 * ```ts
 * import { isRunReport } from 'dcat-harvest/run';
 *
 * isRunReport({ schema: 'dcat-harvest/report@2', datasets: [] }); // true
 * isRunReport({ schema: 'dcat-harvest/report@1', datasets: [] }); // false
 * isRunReport('report.json'); // false
 * ```
 */
export function isRunReport(value: unknown): value is RunReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { schema?: unknown }).schema === REPORT_SCHEMA &&
    Array.isArray((value as { datasets?: unknown }).datasets)
  );
}
