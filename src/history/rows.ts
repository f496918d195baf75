// **rows** turns the history's table rows into the model's objects (and dimension points into columns).
import type { Rating } from '../run/report-model.js';
import { DIMENSION_IDS, type DimensionPoints, type RunSummary, type RunTrigger } from './model.js';

/** A row of `runs`. */
export interface RunRow {
  id: number;
  catalog_id: string;
  status: RunSummary['status'];
  trigger: RunTrigger;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  folder: string | null;
  error: string | null;
  exit_code: number | null;
  score: number | null;
  max_points: number | null;
  rating: Rating | null;
  d_findability: number | null;
  d_accessibility: number | null;
  d_interoperability: number | null;
  d_reusability: number | null;
  d_contextuality: number | null;
  records: number | null;
  conforming_records: number | null;
  datasets: number | null;
  distributions: number | null;
  publishers: number | null;
  violations: number | null;
  warnings: number | null;
  infos: number | null;
  broken_links: number | null;
  pages: number | null;
  missing_pages: number | null;
  total_items: number | null;
  harvested_records: number | null;
  complete: number | null;
  duration_ms: number | null;
}

/** The dimension columns, `d_<id>`, in MQA order. */
export const DIMENSION_COLUMNS = DIMENSION_IDS.map((id) => `d_${id}`);

/** Dimension points from a row's `d_*` columns. */
export function dimensionsOf(row: Record<string, unknown>): DimensionPoints {
  const out = {} as DimensionPoints;
  for (const id of DIMENSION_IDS) out[id] = Number(row[`d_${id}`] ?? 0);
  return out;
}

/** The `d_*` column values of dimension points (missing ones 0), in MQA order. */
export function dimensionValues(points: Partial<Record<string, number>>): number[] {
  return DIMENSION_IDS.map((id) => points[id] ?? 0);
}

const optional = <K extends string, V>(key: K, value: V | null): Partial<Record<K, V>> =>
  value === null ? {} : ({ [key]: value } as Record<K, V>);

/** A run as the API shows it. */
export function runOfRow(row: RunRow): RunSummary {
  const run: RunSummary = {
    id: row.id,
    catalog: row.catalog_id,
    status: row.status,
    trigger: row.trigger,
    queuedAt: row.queued_at,
    ...optional('startedAt', row.started_at),
    ...optional('finishedAt', row.finished_at),
    ...optional('error', row.error),
    ...optional('exitCode', row.exit_code),
    ...optional('folder', row.folder),
  };
  if (row.score === null) return run;
  return {
    ...run,
    score: row.score,
    maxPoints: row.max_points ?? 405,
    rating: row.rating ?? 'bad',
    dimensions: dimensionsOf(row as unknown as Record<string, unknown>),
    records: row.records ?? 0,
    conformingRecords: row.conforming_records ?? 0,
    datasets: row.datasets ?? 0,
    distributions: row.distributions ?? 0,
    publishers: row.publishers ?? 0,
    findings: {
      violation: row.violations ?? 0,
      warning: row.warnings ?? 0,
      info: row.infos ?? 0,
    },
    brokenLinks: row.broken_links ?? 0,
    harvest: {
      pages: row.pages ?? 0,
      missingPages: row.missing_pages ?? 0,
      records: row.harvested_records ?? 0,
      ...optional('totalItems', row.total_items),
      complete: row.complete === 1,
    },
    ...optional('durationMs', row.duration_ms),
  };
}
