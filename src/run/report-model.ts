// **report-model** defines `report.json`: one run's metadata, harvest, validation and audit results.
import type { Severity, SeverityCounts } from '../shacl/findings.js';

/** The identifier written in `report.json` so readers can check what they read. */
export const REPORT_SCHEMA = 'dcat-harvest/report@1';

/** MQA rating bands, best first. */
export type Rating = 'excellent' | 'good' | 'sufficient' | 'bad';
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
  path?: string;
  recordKind: string;
  count: number;
  records: number;
  /** An example message, for people. */
  message: string;
}

export interface ValidationSection {
  /** The shapes used: a profile id and level, or files. */
  shapes: string;
  records: number;
  conformingRecords: number;
  counts: SeverityCounts;
  /** Worst first, then most frequent. */
  groups: FindingGroupRow[];
  notices: string[];
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

/** Points lost because of what the portal never exports. */
export interface PortalLoss {
  indicator: string;
  label: string;
  /** Points per dataset. */
  points: number;
  datasets: number;
}

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

export interface LinkSection {
  checked: number;
  ok: number;
  broken: number;
  inconclusive: number;
  /** Broken and inconclusive first. */
  results: LinkResult[];
}

export interface AuditSection {
  method: 'mqa' | 'proportional';
  maxPoints: number;
  score: number;
  rating: Rating;
  dimensions: DimensionScore[];
  indicators: IndicatorSummary[];
  fixFirst: FixRow[];
  portalLosses: PortalLoss[];
  links?: LinkSection;
}

/** One indicator's outcome for one dataset, with why. */
export interface IndicatorResult {
  id: string;
  points: number;
  max: number;
  why: string;
}

/**
 * Findings on a dataset (the record's own or its distributions'), one entry per kind: identical
 * findings (same severity, shape, constraint and path, e.g. the same problem on each of its 9
 * distributions) are counted together, with the first as the example. This keeps `report.json`
 * proportional to datasets × kinds of problems, not to every distribution; `validation.sarif`
 * lists each finding.
 */
export interface DatasetFinding {
  severity: Severity;
  /** The example's message. */
  message: string;
  /** The example's focus node. */
  focusNode: string;
  path?: string;
  /** The example's value. */
  value?: string;
  /** How many findings of this kind the dataset has (1 or more). */
  count: number;
  /** Index into `validation.groups`, when the finding belongs to a listed group. */
  group?: number;
}

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
  findings: DatasetFinding[];
}

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

/** The whole of `report.json`. */
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

/** MQA rating for a score: Excellent ≥ 351, Good 221–350, Sufficient 120–220, Bad < 120. */
export function ratingOf(score: number): Rating {
  if (score >= 351) return 'excellent';
  if (score >= 221) return 'good';
  if (score >= 120) return 'sufficient';
  return 'bad';
}

/** True when `value` looks like a `report.json` this version can read. */
export function isRunReport(value: unknown): value is RunReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { schema?: unknown }).schema === REPORT_SCHEMA &&
    Array.isArray((value as { datasets?: unknown }).datasets)
  );
}
