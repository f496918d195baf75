// **migrations** versions the history database: a table of schema steps, applied in order, each in a transaction.
import type { Database } from 'better-sqlite3';
import { InputError } from '../errors.js';

/** One step of the schema: applied once, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const DIMENSIONS = `d_findability REAL, d_accessibility REAL, d_interoperability REAL,
  d_reusability REAL, d_contextuality REAL`;

/** Every schema step, oldest first: add a row, never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'catalogs, runs, publishers and datasets with their scores and finding counts',
    sql: `
CREATE TABLE catalogs (
  id TEXT PRIMARY KEY,
  title TEXT,
  source TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  catalog_id TEXT NOT NULL REFERENCES catalogs(id),
  status TEXT NOT NULL,
  queued_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  folder TEXT,
  error TEXT,
  exit_code INTEGER,
  score REAL, max_points REAL, rating TEXT, ${DIMENSIONS},
  records INTEGER, conforming_records INTEGER, datasets INTEGER, distributions INTEGER,
  publishers INTEGER, violations INTEGER, warnings INTEGER, infos INTEGER, broken_links INTEGER,
  pages INTEGER, missing_pages INTEGER, total_items INTEGER, harvested_records INTEGER,
  complete INTEGER, duration_ms INTEGER
);
CREATE INDEX runs_by_catalog ON runs(catalog_id, status, finished_at);
CREATE TABLE publishers (
  id INTEGER PRIMARY KEY,
  catalog_id TEXT NOT NULL REFERENCES catalogs(id),
  key TEXT NOT NULL,
  name TEXT,
  UNIQUE (catalog_id, key)
);
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  catalog_id TEXT NOT NULL REFERENCES catalogs(id),
  iri TEXT NOT NULL,
  title TEXT,
  UNIQUE (catalog_id, iri)
);
CREATE TABLE run_publishers (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  publisher_id INTEGER NOT NULL,
  datasets INTEGER NOT NULL,
  score REAL NOT NULL, rating TEXT NOT NULL, ${DIMENSIONS},
  violations INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
  broken_links INTEGER NOT NULL,
  fix_first TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, publisher_id)
) WITHOUT ROWID;
CREATE INDEX run_publishers_by_publisher ON run_publishers(publisher_id, run_id);
CREATE TABLE run_datasets (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  dataset_id INTEGER NOT NULL,
  publisher_id INTEGER NOT NULL,
  score REAL NOT NULL, rating TEXT NOT NULL, ${DIMENSIONS},
  distributions INTEGER NOT NULL,
  violations INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,
  broken_links INTEGER NOT NULL,
  constraints TEXT NOT NULL DEFAULT '',
  missed TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, dataset_id)
) WITHOUT ROWID;
CREATE INDEX run_datasets_by_publisher ON run_datasets(run_id, publisher_id, score);
CREATE TABLE constraints (
  id INTEGER PRIMARY KEY,
  severity TEXT NOT NULL,
  component TEXT NOT NULL,
  UNIQUE (severity, component)
);
CREATE TABLE run_findings (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  publisher_id INTEGER NOT NULL,
  severity TEXT NOT NULL,
  component TEXT NOT NULL,
  findings INTEGER NOT NULL,
  datasets INTEGER NOT NULL,
  PRIMARY KEY (run_id, publisher_id, severity, component)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'schedules and origins of catalogs; what started a run and its diff',
    sql: `
ALTER TABLE catalogs ADD COLUMN every_ms INTEGER;
ALTER TABLE catalogs ADD COLUMN cron TEXT;
ALTER TABLE catalogs ADD COLUMN origin TEXT NOT NULL DEFAULT 'api';
ALTER TABLE runs ADD COLUMN trigger TEXT NOT NULL DEFAULT 'api';
ALTER TABLE runs ADD COLUMN diff TEXT;
`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The version a database is at (0: empty). */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * Brings the database to `target` (default: the latest), one step per transaction; returns the
 * versions applied. A database newer than this code is refused (its file named by `where`).
 */
export function migrate(db: Database, target = SCHEMA_VERSION, where = 'the history'): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new InputError(
      `${where} is at schema version ${current}; this dcat-harvest knows up to ${SCHEMA_VERSION}`,
      { hint: 'update dcat-harvest, or give another --data folder' },
    );
  }
  const applied: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.sql);
      record.run(step.version, step.name, new Date().toISOString());
    })();
    applied.push(step.version);
  }
  return applied;
}
