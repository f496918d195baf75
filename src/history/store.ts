// **store** opens the history database (SQLite, migrated) and keeps its catalogs and the lifecycle of their runs.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogOptions } from '../catalogs/catalog-options.js';
import { migrate } from './migrations.js';
import type { CatalogRecord, RunStatus, RunSummary, RunTrigger, Schedule } from './model.js';
import { runOfRow, type RunRow } from './rows.js';

/** The database file in a data folder. */
export const HISTORY_FILE = 'history.sqlite';

interface CatalogDbRow {
  id: string;
  title: string | null;
  source: string;
  options: string;
  every_ms: number | null;
  cron: string | null;
  origin: 'file' | 'api';
  created_at: string;
}

function catalogOfRow(row: CatalogDbRow): CatalogRecord {
  const schedule: Schedule = {
    ...(row.every_ms === null ? {} : { everyMs: row.every_ms }),
    ...(row.cron === null ? {} : { cron: row.cron }),
  };
  return {
    id: row.id,
    ...(row.title === null ? {} : { title: row.title }),
    source: row.source,
    options: JSON.parse(row.options) as CatalogOptions,
    schedule,
    origin: row.origin,
    createdAt: row.created_at,
  };
}

/** A catalog to keep: what a catalogs file entry or `POST /api/catalogs` gives. */
export type CatalogInput = Omit<CatalogRecord, 'createdAt'>;

/**
 * The history of a data folder: one SQLite file (WAL), migrated to this code's schema when
 * opened. Writes are synchronous and short; a run's rows go in one transaction.
 */
export class HistoryStore {
  readonly db: Database.Database;
  readonly file: string;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
  }

  /** Opens (creating) `file`, or `:memory:`, and brings its schema up to date. */
  static open(file: string): HistoryStore {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, file);
    return new HistoryStore(file, db);
  }

  close(): void {
    this.db.close();
  }

  /** Adds a catalog; false when its id is taken. */
  addCatalog(input: CatalogInput): boolean {
    const info = this.db
      .prepare(
        `INSERT INTO catalogs (id, title, source, options, every_ms, cron, origin, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(...this.catalogValues(input), new Date().toISOString());
    return info.changes === 1;
  }

  /** Adds or updates a catalog (the `--catalogs` file is read again at each start). */
  putCatalog(input: CatalogInput): void {
    this.db
      .prepare(
        `INSERT INTO catalogs (id, title, source, options, every_ms, cron, origin, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, source = excluded.source,
           options = excluded.options, every_ms = excluded.every_ms, cron = excluded.cron,
           origin = excluded.origin`,
      )
      .run(...this.catalogValues(input), new Date().toISOString());
  }

  private catalogValues(c: CatalogInput) {
    return [
      c.id,
      c.title ?? null,
      c.source,
      JSON.stringify(c.options),
      c.schedule.everyMs ?? null,
      c.schedule.cron ?? null,
      c.origin,
    ] as const;
  }

  catalog(id: string): CatalogRecord | undefined {
    const row = this.db.prepare('SELECT * FROM catalogs WHERE id = ?').get(id) as
      CatalogDbRow | undefined;
    return row ? catalogOfRow(row) : undefined;
  }

  catalogs(): CatalogRecord[] {
    return (this.db.prepare('SELECT * FROM catalogs ORDER BY id').all() as CatalogDbRow[]).map(
      catalogOfRow,
    );
  }

  /** Queues a run of a catalog; returns its number. */
  createRun(catalog: string, trigger: RunTrigger): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (catalog_id, status, trigger, queued_at) VALUES (?, 'queued', ?, ?)`,
      )
      .run(catalog, trigger, new Date().toISOString());
    return Number(info.lastInsertRowid);
  }

  /** Marks a run started, writing into `folder` (relative to the data folder). */
  startRun(id: number, folder: string): void {
    this.db
      .prepare(`UPDATE runs SET status = 'running', started_at = ?, folder = ? WHERE id = ?`)
      .run(new Date().toISOString(), folder, id);
  }

  /** Marks a run failed, with why. */
  failRun(id: number, error: string, exitCode = 3): void {
    this.db
      .prepare(
        `UPDATE runs SET status = 'failed', finished_at = ?, error = ?, exit_code = ? WHERE id = ?`,
      )
      .run(new Date().toISOString(), error, exitCode, id);
  }

  /** Runs a previous server left queued or running: failed, since nobody will finish them. */
  abandonUnfinished(): number {
    return this.db
      .prepare(
        `UPDATE runs SET status = 'failed', finished_at = ?, error = 'the server stopped before the run ended'
         WHERE status IN ('queued', 'running')`,
      )
      .run(new Date().toISOString()).changes;
  }

  run(id: number): RunSummary | undefined {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row ? runOfRow(row) : undefined;
  }

  /** The catalog's latest run with `status` (any status when absent). */
  latestRun(catalog: string, status?: RunStatus): RunSummary | undefined {
    const row = (
      status
        ? this.db
            .prepare(
              'SELECT * FROM runs WHERE catalog_id = ? AND status = ? ORDER BY id DESC LIMIT 1',
            )
            .get(catalog, status)
        : this.db
            .prepare('SELECT * FROM runs WHERE catalog_id = ? ORDER BY id DESC LIMIT 1')
            .get(catalog)
    ) as RunRow | undefined;
    return row ? runOfRow(row) : undefined;
  }

  /** The catalog's last finished run before run `before`. */
  previousDone(catalog: string, before: number): RunSummary | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM runs WHERE catalog_id = ? AND status = 'done' AND id < ?
         ORDER BY id DESC LIMIT 1`,
      )
      .get(catalog, before) as RunRow | undefined;
    return row ? runOfRow(row) : undefined;
  }

  /** Records where the diff with the previous run was written (relative to the data folder). */
  setDiff(id: number, file: string): void {
    this.db.prepare('UPDATE runs SET diff = ? WHERE id = ?').run(file, id);
  }

  /** The diff file of a run, if one was written. */
  diffOf(id: number): string | undefined {
    const row = this.db.prepare('SELECT diff FROM runs WHERE id = ?').get(id) as
      { diff: string | null } | undefined;
    return row?.diff ?? undefined;
  }
}
