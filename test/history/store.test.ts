// The history store: migrations (from empty and from an older version), a real run recorded, the dashboard's queries.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, SCHEMA_VERSION } from '../../src/history/migrations.js';
import { catalogHistory, catalogPublishers, publisherDetail } from '../../src/history/queries.js';
import { recordRun } from '../../src/history/record-run.js';
import { HistoryStore } from '../../src/history/store.js';
import { readRunReport } from '../../src/run/read-report.js';
import { runPipeline } from '../../src/run/run.js';
import type { DatasetRow, RunReportHead } from '../../src/run/report-model.js';

const CATALOG = path.resolve(import.meta.dirname, '../fixtures/audit/catalog.ttl');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dh-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const catalog = (id: string) => ({
  id,
  title: `Catalog <${id}>`,
  source: CATALOG,
  options: { profile: 'dcat-ap-2' },
  schedule: { everyMs: 86_400_000 },
  origin: 'file' as const,
});

describe('The history migrations', () => {
  it('bring an empty database to the latest version, once', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(tables).toEqual([
      'catalogs',
      'constraints',
      'datasets',
      'publishers',
      'run_datasets',
      'run_findings',
      'run_publishers',
      'runs',
      'schema_migrations',
    ]);
  });

  it('upgrade a version-1 database, keeping its catalogs and runs', () => {
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    expect(migrate(old, 1)).toEqual([1]);
    old
      .prepare(
        "INSERT INTO catalogs (id, source, created_at) VALUES ('old', 'x.ttl', '2026-01-01')",
      )
      .run();
    old
      .prepare(
        "INSERT INTO runs (catalog_id, status, queued_at, finished_at, score) VALUES ('old', 'done', '2026-01-01', '2026-01-01T01:00:00Z', 250)",
      )
      .run();
    old.close();
    const store = HistoryStore.open(file);
    expect(schemaVersion(store.db)).toBe(2);
    expect(store.catalog('old')).toMatchObject({ id: 'old', origin: 'api', schedule: {} });
    expect(store.run(1)).toMatchObject({
      catalog: 'old',
      status: 'done',
      trigger: 'api',
      score: 250,
    });
    const applied = store.db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .all();
    expect(applied).toEqual([{ version: 1 }, { version: 2 }]);
    store.close();
  });

  it('refuse a database newer than the code, naming the file', () => {
    const file = path.join(dir, 'newer.sqlite');
    const db = new Database(file);
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2030-01-01')").run();
    db.close();
    expect(() => HistoryStore.open(file)).toThrow(/newer\.sqlite is at schema version 99.*up to 2/);
  });
});

describe('A run recorded in the history', () => {
  let store: HistoryStore;
  let head: RunReportHead;
  let rows: DatasetRow[];
  let runId: number;

  beforeAll(async () => {
    const out = path.join(dir, 'run');
    await runPipeline(CATALOG, { out, workers: 1 });
    const report = await readRunReport(out);
    head = report.head;
    rows = [];
    for await (const row of report.datasets()) rows.push(row);
    store = HistoryStore.open(path.join(dir, 'data', 'history.sqlite'));
    store.putCatalog(catalog('fixture'));
    runId = store.createRun('fixture', 'api');
    store.startRun(runId, 'runs/1');
    await recordRun(store, runId, out, { exitCode: 1 });
  });
  afterAll(() => store.close());

  it('keeps the catalog as given', () => {
    expect(store.catalog('fixture')).toMatchObject({
      title: 'Catalog <fixture>',
      options: { profile: 'dcat-ap-2' },
      schedule: { everyMs: 86_400_000 },
      origin: 'file',
    });
  });

  it('holds the run score, rating, dimensions, counts and harvest completeness of report.json', () => {
    const run = store.run(runId);
    expect(run).toMatchObject({
      status: 'done',
      exitCode: 1,
      folder: 'runs/1',
      score: head.audit.score,
      rating: head.audit.rating,
      datasets: head.counts.datasets,
      records: head.validation.records,
      findings: head.validation.counts,
      harvest: { pages: head.harvest.pages, complete: head.harvest.complete, missingPages: 0 },
    });
    for (const d of head.audit.dimensions)
      expect(run?.dimensions?.[d.id as 'findability']).toBe(d.score);
    expect(head.validation.counts.violation).toBeGreaterThan(0);
  });

  it('counts findings by severity and constraint as the report groups them', () => {
    const sums = store.db
      .prepare(
        'SELECT severity, SUM(findings) AS n FROM run_findings WHERE run_id = ? AND publisher_id = 0 GROUP BY severity',
      )
      .all(runId) as { severity: string; n: number }[];
    for (const s of sums) expect(s.n).toBe(head.validation.counts[s.severity as 'violation']);
    expect(sums.length).toBeGreaterThan(0);
  });

  it('lists the publishers and one publisher’s datasets, worst first, with their constraints', () => {
    const listed = catalogPublishers(store, 'fixture');
    expect(listed?.publishers.map((p) => p.key).sort()).toEqual(
      head.publishers.map((p) => p.id).sort(),
    );
    const first = listed?.publishers[0];
    expect(first?.trend).toEqual([first?.score]);
    const detail = publisherDetail(store, 'fixture', first?.id ?? -1);
    const mine = rows.filter((r) => (r.publisher ?? '') === first?.key);
    expect(detail?.datasets.map((d) => d.score)).toEqual(
      mine.map((r) => r.score).sort((a, b) => a - b),
    );
    const row = mine[0] as DatasetRow;
    const stored = detail?.datasets.find((d) => d.iri === row.id);
    expect(stored?.findings).toEqual(row.counts);
    expect(stored?.missed).toEqual(row.indicators.filter((i) => i.points < i.max).map((i) => i.id));
    const total = stored?.constraints.reduce((n, c) => n + c[2], 0);
    expect(total).toBe(row.counts.violation + row.counts.warning + row.counts.info);
    expect(publisherDetail(store, 'fixture', 123456)).toBeUndefined();
  });

  it('answers the history by range, and abandons what a stopped server left running', () => {
    expect(catalogHistory(store, 'fixture').map((r) => r.id)).toEqual([runId]);
    expect(catalogHistory(store, 'fixture', { to: '2000-01-01' })).toEqual([]);
    const stuck = store.createRun('fixture', 'schedule');
    expect(store.abandonUnfinished()).toBe(1);
    expect(store.run(stuck)).toMatchObject({
      status: 'failed',
      error: 'the server stopped before the run ended',
    });
    expect(store.latestRun('fixture', 'done')?.id).toBe(runId);
    expect(store.previousDone('fixture', stuck)?.id).toBe(runId);
  });
});
