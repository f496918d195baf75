// **record-run** reads a finished run folder (report.json, streamed) into the history: the run, its publishers, its datasets and finding counts.
import { readRunReport } from '../run/read-report.js';
import type { DatasetRow, RunReportHead } from '../run/report-model.js';
import { DIMENSION_IDS } from './model.js';
import { DIMENSION_COLUMNS, dimensionValues } from './rows.js';
import type { HistoryStore } from './store.js';

/** A dataset row cut to what the history keeps (a few dozen bytes, not the report's kilobytes). */
interface DatasetTuple {
  iri: string;
  title: string | null;
  publisher: string;
  /** `[index into validation.groups, count]`, as the report row has them. */
  groups: [number, number][];
  values: (number | string)[];
  missed: string;
}

/** Sums over one publisher's datasets: dimension points and findings by group. */
interface PublisherSums {
  dims: number[];
  count: number;
  groups: Map<number, { findings: number; datasets: number }>;
}

const DATASET_COLUMNS = [
  'score',
  'rating',
  ...DIMENSION_COLUMNS,
  'distributions',
  'violations',
  'warnings',
  'infos',
  'broken_links',
  'constraints',
  'missed',
];

function tupleOf(row: DatasetRow): DatasetTuple {
  const missed = row.indicators.filter((i) => i.points < i.max).map((i) => i.id);
  return {
    iri: row.id,
    title: row.title ?? null,
    publisher: row.publisher ?? '',
    groups: row.groups,
    values: [
      row.score,
      row.rating,
      ...dimensionValues(row.dimensions),
      row.distributions,
      row.counts.violation,
      row.counts.warning,
      row.counts.info,
      row.brokenLinks,
    ],
    missed: missed.join(' '),
  };
}

/** A dataset's finding counts by constraint, as stored: `id:count` by constraint id. */
function constraintText(groups: readonly [number, number][], ids: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const [at, count] of groups) {
    const id = ids[at];
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + count);
  }
  return [...counts].map(([id, n]) => `${id}:${n}`).join(' ');
}

function addToSums(sums: Map<string, PublisherSums>, row: DatasetRow): void {
  const key = row.publisher ?? '';
  let s = sums.get(key);
  if (!s) sums.set(key, (s = { dims: DIMENSION_IDS.map(() => 0), count: 0, groups: new Map() }));
  s.count++;
  dimensionValues(row.dimensions).forEach((v, i) => (s.dims[i] = (s.dims[i] ?? 0) + v));
  for (const [at, count] of row.groups) {
    const g = s.groups.get(at) ?? { findings: 0, datasets: 0 };
    g.findings += count;
    g.datasets++;
    s.groups.set(at, g);
  }
}

function runValues(head: RunReportHead, exitCode: number): unknown[] {
  const v = head.validation;
  const h = head.harvest;
  const dims = Object.fromEntries(head.audit.dimensions.map((d) => [d.id, d.score]));
  return [
    exitCode,
    head.audit.score,
    head.audit.maxPoints,
    head.audit.rating,
    ...dimensionValues(dims),
    v.records,
    v.conformingRecords,
    head.counts.datasets,
    head.counts.distributions,
    head.counts.publishers,
    v.counts.violation,
    v.counts.warning,
    v.counts.info,
    head.counts.brokenLinks,
    h.pages,
    h.missingPages.length,
    h.totalItems ?? null,
    h.records,
    h.complete ? 1 : 0,
    head.run.durations.total,
  ];
}

const RUN_SET = [
  'exit_code',
  'score',
  'max_points',
  'rating',
  ...DIMENSION_COLUMNS,
  'records',
  'conforming_records',
  'datasets',
  'distributions',
  'publishers',
  'violations',
  'warnings',
  'infos',
  'broken_links',
  'pages',
  'missing_pages',
  'total_items',
  'harvested_records',
  'complete',
  'duration_ms',
]
  .map((c) => `${c} = ?`)
  .join(', ');

/** Options of {@link recordRows}. */
export interface RecordOptions {
  /** The exit code `run` gave (default 0). */
  exitCode?: number;
  /** When the run ended (default now). */
  finishedAt?: Date;
}

/**
 * Records a finished run: reads `folder`'s `report.json` (dataset rows streamed and cut to what
 * the history keeps), then writes the run's results, its publishers, its datasets and its
 * finding counts by severity and constraint in one transaction, and marks it done.
 */
export async function recordRun(
  store: HistoryStore,
  runId: number,
  folder: string,
  options: RecordOptions = {},
): Promise<void> {
  const report = await readRunReport(folder);
  await recordRows(store, runId, report.head, report.datasets(), options);
}

/** Records a run from its report's head and dataset rows (what {@link recordRun} reads). */
export async function recordRows(
  store: HistoryStore,
  runId: number,
  head: RunReportHead,
  rows: AsyncIterable<DatasetRow> | Iterable<DatasetRow>,
  options: RecordOptions = {},
): Promise<void> {
  const run = store.run(runId);
  if (!run) throw new Error(`no run ${runId} in the history`);
  const tuples: DatasetTuple[] = [];
  const sums = new Map<string, PublisherSums>();
  for await (const row of rows) {
    tuples.push(tupleOf(row));
    addToSums(sums, row);
  }
  writeRun(store, { catalog: run.catalog, runId, head, tuples, sums, ...options });
}

interface RunRows extends RecordOptions {
  catalog: string;
  runId: number;
  head: RunReportHead;
  tuples: readonly DatasetTuple[];
  sums: Map<string, PublisherSums>;
}

/** The statements a run's write needs. */
function statements(db: HistoryStore['db']) {
  const publisherId = db.prepare(
    `INSERT INTO publishers (catalog_id, key, name) VALUES (?, ?, ?)
     ON CONFLICT (catalog_id, key) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  const datasetId = db.prepare(
    `INSERT INTO datasets (catalog_id, iri, title) VALUES (?, ?, ?)
     ON CONFLICT (catalog_id, iri) DO UPDATE SET title = excluded.title RETURNING id`,
  );
  const insertDataset = db.prepare(
    `INSERT INTO run_datasets (run_id, dataset_id, publisher_id, ${DATASET_COLUMNS.join(', ')})
     VALUES (?, ?, ?, ${DATASET_COLUMNS.map(() => '?').join(', ')})`,
  );
  const insertPublisher = db.prepare(
    `INSERT INTO run_publishers (run_id, publisher_id, datasets, score, rating,
       ${DIMENSION_COLUMNS.join(', ')}, violations, warnings, infos, broken_links, fix_first)
     VALUES (?, ?, ?, ?, ?, ${DIMENSION_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?, ?, ?)`,
  );
  const insertFindings = db.prepare(
    `INSERT INTO run_findings (run_id, publisher_id, severity, component, findings, datasets)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET findings = findings + excluded.findings,
       datasets = datasets + excluded.datasets`,
  );
  const constraintId = db.prepare(
    `INSERT INTO constraints (severity, component) VALUES (?, ?)
     ON CONFLICT (severity, component) DO UPDATE SET component = excluded.component RETURNING id`,
  );
  return { publisherId, datasetId, insertDataset, insertPublisher, insertFindings, constraintId };
}

function writeRun(store: HistoryStore, rows: RunRows): void {
  const { catalog, runId, head, tuples, sums } = rows;
  const db = store.db;
  const { publisherId, datasetId, insertDataset, insertPublisher, insertFindings, constraintId } =
    statements(db);
  const groups = head.validation.groups;
  db.transaction(() => {
    const groupIds = groups.map(
      (g) => (constraintId.get(g.severity, g.component) as { id: number }).id,
    );
    const ids = new Map<string, number>();
    const names = new Map(head.publishers.map((p) => [p.id, p.name]));
    const idOf = (key: string): number => {
      let id = ids.get(key);
      if (id === undefined) {
        const name = names.get(key) ?? (key === '' ? '(no publisher)' : key);
        id = (publisherId.get(catalog, key, name) as { id: number }).id;
        ids.set(key, id);
      }
      return id;
    };
    for (const t of tuples) {
      const { id } = datasetId.get(catalog, t.iri, t.title) as { id: number };
      insertDataset.run(
        runId,
        id,
        idOf(t.publisher),
        ...t.values,
        constraintText(t.groups, groupIds),
        t.missed,
      );
    }
    for (const p of head.publishers) {
      const s = sums.get(p.id);
      const dims = (s?.dims ?? DIMENSION_IDS.map(() => 0)).map((v) => (s ? v / s.count : v));
      insertPublisher.run(
        runId,
        idOf(p.id),
        p.datasets,
        p.score,
        p.rating,
        ...dims,
        p.counts.violation,
        p.counts.warning,
        p.counts.info,
        p.brokenLinks,
        JSON.stringify(p.fixFirst),
      );
      for (const [at, g] of s?.groups ?? []) {
        const group = groups[at];
        if (group)
          insertFindings.run(
            runId,
            idOf(p.id),
            group.severity,
            group.component,
            g.findings,
            g.datasets,
          );
      }
    }
    // The whole catalog (publisher 0): every record's findings, datasets from the rows.
    const datasetsWith = new Map<number, number>();
    for (const s of sums.values())
      for (const [at, g] of s.groups)
        datasetsWith.set(at, (datasetsWith.get(at) ?? 0) + g.datasets);
    groups.forEach((group, at) =>
      insertFindings.run(
        runId,
        0,
        group.severity,
        group.component,
        group.count,
        datasetsWith.get(at) ?? 0,
      ),
    );
    db.prepare(`UPDATE runs SET status = 'done', finished_at = ?, ${RUN_SET} WHERE id = ?`).run(
      (rows.finishedAt ?? new Date()).toISOString(),
      ...runValues(head, rows.exitCode ?? 0),
      runId,
    );
  })();
}
