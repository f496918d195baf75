// **queries** reads the history for the dashboard: a catalog's runs, its publishers with their trends, a publisher's datasets.
import type { Rating } from '../run/report-model.js';
import type { DatasetSummary, PublisherFix, PublisherSummary, RunSummary } from './model.js';
import { dimensionsOf, runOfRow, type RunRow } from './rows.js';
import type { HistoryStore } from './store.js';

/** Runs a trend covers (sparklines, publisher trends). */
export const TREND_RUNS = 30;

/** A time range (ISO dates or date-times; `to` excluded). */
export interface Range {
  from?: string;
  to?: string;
}

/**
 * The catalog's finished runs (done or failed) in `range` by their end, oldest first. Uses the
 * index on (catalog, status, finished_at).
 */
export function catalogHistory(
  store: HistoryStore,
  catalog: string,
  range: Range = {},
): RunSummary[] {
  const rows = store.db
    .prepare(
      `SELECT * FROM runs WHERE catalog_id = ? AND status IN ('done', 'failed')
         AND finished_at >= ? AND finished_at < ? ORDER BY finished_at, id`,
    )
    .all(catalog, range.from ?? '', range.to ?? '9999') as RunRow[];
  return rows.map(runOfRow);
}

/** The ids of the catalog's last `n` done runs, oldest first. */
export function lastDoneRuns(store: HistoryStore, catalog: string, n = TREND_RUNS): number[] {
  const rows = store.db
    .prepare(
      `SELECT id FROM runs WHERE catalog_id = ? AND status = 'done' ORDER BY id DESC LIMIT ?`,
    )
    .all(catalog, n) as { id: number }[];
  return rows.map((r) => r.id).reverse();
}

/** Scores of the catalog's last `n` done runs, oldest first. */
export function scoreTrend(store: HistoryStore, catalog: string, n = TREND_RUNS): number[] {
  const rows = store.db
    .prepare(
      `SELECT score FROM runs WHERE catalog_id = ? AND status = 'done' ORDER BY id DESC LIMIT ?`,
    )
    .all(catalog, n) as { score: number }[];
  return rows.map((r) => r.score).reverse();
}

interface PublisherDbRow extends Record<string, unknown> {
  publisher_id: number;
  key: string;
  name: string | null;
  datasets: number;
  score: number;
  rating: Rating;
  violations: number;
  warnings: number;
  infos: number;
  broken_links: number;
  fix_first: string;
}

function publisherOf(row: PublisherDbRow, trend: number[]): PublisherSummary {
  return {
    id: row.publisher_id,
    key: row.key,
    name: row.name ?? row.key,
    datasets: row.datasets,
    score: row.score,
    rating: row.rating,
    dimensions: dimensionsOf(row),
    findings: { violation: row.violations, warning: row.warnings, info: row.infos },
    brokenLinks: row.broken_links,
    trend,
  };
}

/** Trends of publishers over the given runs: publisher id → scores, in run order. */
function publisherTrends(store: HistoryStore, runs: readonly number[]): Map<number, number[]> {
  const trends = new Map<number, number[]>();
  const select = store.db.prepare(
    'SELECT publisher_id, score FROM run_publishers WHERE run_id = ?',
  );
  for (const run of runs)
    for (const r of select.all(run) as { publisher_id: number; score: number }[]) {
      const list = trends.get(r.publisher_id) ?? [];
      list.push(r.score);
      trends.set(r.publisher_id, list);
    }
  return trends;
}

const PUBLISHER_SELECT = `SELECT rp.*, p.key, p.name FROM run_publishers rp
  JOIN publishers p ON p.id = rp.publisher_id WHERE rp.run_id = ?`;

/**
 * The publishers of the catalog's latest done run (worst score first), each with the scores of
 * the last {@link TREND_RUNS} runs; undefined when the catalog has no done run.
 */
export function catalogPublishers(
  store: HistoryStore,
  catalog: string,
): { run: number; publishers: PublisherSummary[] } | undefined {
  const runs = lastDoneRuns(store, catalog);
  const run = runs.at(-1);
  if (run === undefined) return undefined;
  const trends = publisherTrends(store, runs);
  const rows = store.db
    .prepare(`${PUBLISHER_SELECT} ORDER BY rp.score, p.name`)
    .all(run) as PublisherDbRow[];
  return { run, publishers: rows.map((r) => publisherOf(r, trends.get(r.publisher_id) ?? [])) };
}

/** One publisher of the catalog's latest done run: its row, its fixes, and its datasets. */
export interface PublisherDetail {
  run: number;
  publisher: PublisherSummary;
  fixFirst: PublisherFix[];
  /** Its datasets, worst score first (`limit` from `offset`). */
  datasets: DatasetSummary[];
  /** Counts of its datasets' findings by severity and constraint, most findings first. */
  constraints: { severity: string; component: string; findings: number; datasets: number }[];
}

interface DatasetDbRow extends Record<string, unknown> {
  iri: string;
  title: string | null;
  score: number;
  rating: Rating;
  distributions: number;
  violations: number;
  warnings: number;
  infos: number;
  broken_links: number;
  constraints: string;
  missed: string;
}

/** Constraint id → severity and component. */
function constraintNames(store: HistoryStore): Map<number, [string, string]> {
  const rows = store.db.prepare('SELECT id, severity, component FROM constraints').all() as {
    id: number;
    severity: string;
    component: string;
  }[];
  return new Map(rows.map((r) => [r.id, [r.severity, r.component]]));
}

function constraintsOf(text: string, names: Map<number, [string, string]>) {
  if (text === '') return [];
  return text.split(' ').map((pair): [string, string, number] => {
    const [id, count] = pair.split(':').map(Number) as [number, number];
    const [severity, component] = names.get(id) ?? ['?', '?'];
    return [severity, component, count];
  });
}

function datasetOf(row: DatasetDbRow, names: Map<number, [string, string]>): DatasetSummary {
  return {
    iri: row.iri,
    ...(row.title === null ? {} : { title: row.title }),
    score: row.score,
    rating: row.rating,
    dimensions: dimensionsOf(row),
    distributions: row.distributions,
    findings: { violation: row.violations, warning: row.warnings, info: row.infos },
    brokenLinks: row.broken_links,
    constraints: constraintsOf(row.constraints, names),
    missed: row.missed === '' ? [] : row.missed.split(' '),
  };
}

/** A publisher of the catalog's latest done run, with its datasets worst first (a page of them). */
export function publisherDetail(
  store: HistoryStore,
  catalog: string,
  publisher: number,
  page: { limit?: number; offset?: number } = {},
): PublisherDetail | undefined {
  const runs = lastDoneRuns(store, catalog);
  const run = runs.at(-1);
  if (run === undefined) return undefined;
  const row = store.db
    .prepare(`${PUBLISHER_SELECT} AND rp.publisher_id = ?`)
    .get(run, publisher) as PublisherDbRow | undefined;
  if (!row) return undefined;
  const trend = store.db
    .prepare(
      `SELECT score FROM run_publishers WHERE publisher_id = ? AND run_id >= ? ORDER BY run_id`,
    )
    .all(publisher, runs[0] ?? run) as { score: number }[];
  const datasets = store.db
    .prepare(
      `SELECT d.iri, d.title, rd.* FROM run_datasets rd JOIN datasets d ON d.id = rd.dataset_id
       WHERE rd.run_id = ? AND rd.publisher_id = ? ORDER BY rd.score, d.iri LIMIT ? OFFSET ?`,
    )
    .all(run, publisher, page.limit ?? 200, page.offset ?? 0) as DatasetDbRow[];
  const names = constraintNames(store);
  const constraints = store.db
    .prepare(
      `SELECT severity, component, findings, datasets FROM run_findings
       WHERE run_id = ? AND publisher_id = ? ORDER BY findings DESC, component`,
    )
    .all(run, publisher) as PublisherDetail['constraints'];
  return {
    run,
    publisher: publisherOf(
      row,
      trend.map((t) => t.score),
    ),
    fixFirst: JSON.parse(row.fix_first) as PublisherFix[],
    datasets: datasets.map((d) => datasetOf(d, names)),
    constraints,
  };
}
