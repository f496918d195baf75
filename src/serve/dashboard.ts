// **dashboard** is the server's catalogs side: the history, the catalogs (from --catalogs and the API), their schedules and their runs.
import path from 'node:path';
import { readCatalogsFile } from '../catalogs/catalogs-file.js';
import type { CatalogRecord, RunSummary, Schedule } from '../history/model.js';
import { scoreTrend } from '../history/queries.js';
import { HISTORY_FILE, HistoryStore, type CatalogInput } from '../history/store.js';
import type { QueueUrl } from '../queue/connection.js';
import { queueScheduler } from '../schedule/queue-schedules.js';
import { formatEvery, scheduleOf } from '../schedule/schedule.js';
import { timerScheduler, type Scheduler } from '../schedule/timers.js';
import { CatalogRunner } from './catalog-runner.js';

/** Options of {@link openDashboard}. */
export interface DashboardOptions {
  /** The data folder (absolute): `history.sqlite` and `runs/`. */
  dataDir: string;
  /** A catalogs file (the format of `run --catalogs`, with `every` or `cron` per catalog). */
  catalogsFile?: string;
  /** Runs go to this queue's workers, schedules are BullMQ job schedulers. */
  queue?: QueueUrl;
  /** Validation threads of an in-process run. */
  workers?: number;
  signal: AbortSignal;
  /** Hears of each run as it starts and ends. */
  onRun?: (run: RunSummary) => void;
}

/** A catalog as the API shows it: its settings, latest run, trend and next run. */
export interface CatalogView {
  id: string;
  title?: string;
  source: string;
  origin: 'file' | 'api';
  options: CatalogRecord['options'];
  schedule: { every?: string; cron?: string };
  /** The latest run that was recorded (done). */
  latest?: RunSummary;
  /** The latest run, whatever its status. */
  lastRun?: RunSummary;
  nextRunAt?: string;
  /** Scores of the last runs, oldest first. */
  trend: number[];
}

/** The dashboard's parts, opened. */
export interface Dashboard {
  store: HistoryStore;
  runner: CatalogRunner;
  scheduler: Scheduler;
  /** A catalog's view; undefined when unknown. */
  view(id: string): Promise<CatalogView | undefined>;
  /** Adds a catalog (API); false when the id is taken. Schedules it. */
  add(input: CatalogInput): Promise<boolean>;
  close(): Promise<void>;
}

/** The schedule as written back (`every: 24h`). */
export function writtenSchedule(schedule: Schedule): CatalogView['schedule'] {
  return {
    ...(schedule.everyMs === undefined ? {} : { every: formatEvery(schedule.everyMs) }),
    ...(schedule.cron === undefined ? {} : { cron: schedule.cron }),
  };
}

/**
 * Opens the history in the data folder (runs a stopped server left unfinished are marked
 * failed), reads the catalogs file into it, and puts every catalog on its schedule.
 */
export async function openDashboard(options: DashboardOptions): Promise<Dashboard> {
  const entries = options.catalogsFile ? await readCatalogsFile(options.catalogsFile) : [];
  const store = HistoryStore.open(path.join(options.dataDir, HISTORY_FILE));
  store.abandonUnfinished();
  for (const entry of entries)
    store.putCatalog({
      id: entry.id,
      ...(entry.title === undefined ? {} : { title: entry.title }),
      source: entry.source,
      options: entry.options,
      schedule: scheduleOf(entry.schedule ?? {}, entry.where),
      origin: 'file',
    });
  /** The scheduler, once made (the runner tells it when runs start). */
  const later: { scheduler?: Scheduler } = {};
  const runner = new CatalogRunner({
    store,
    dataDir: options.dataDir,
    ...(options.queue ? { queue: options.queue } : {}),
    ...(options.workers ? { workers: options.workers } : {}),
    signal: options.signal,
    onRun: (run) => {
      if (run.status === 'running') void later.scheduler?.ran(run.catalog);
      options.onRun?.(run);
    },
  });
  const host = {
    due: (catalog: string) => {
      if (!runner.busy(catalog)) runner.request(catalog, 'schedule');
    },
  };
  const scheduler = options.queue
    ? await queueScheduler(options.queue, host)
    : timerScheduler(host);
  later.scheduler = scheduler;
  const schedule = async (c: CatalogRecord) => {
    const started = store.latestRun(c.id)?.startedAt;
    await scheduler.set(c.id, c.schedule, started === undefined ? undefined : new Date(started));
  };
  for (const c of store.catalogs()) await schedule(c);
  return {
    store,
    runner,
    scheduler,
    async view(id) {
      const c = store.catalog(id);
      if (!c) return undefined;
      const latest = store.latestRun(id, 'done');
      const lastRun = store.latestRun(id);
      const next = await scheduler.next(id);
      return {
        id: c.id,
        ...(c.title === undefined ? {} : { title: c.title }),
        source: c.source,
        origin: c.origin,
        options: c.options,
        schedule: writtenSchedule(c.schedule),
        ...(latest ? { latest } : {}),
        ...(lastRun ? { lastRun } : {}),
        ...(next ? { nextRunAt: next.toISOString() } : {}),
        trend: scoreTrend(store, id),
      };
    },
    async add(input) {
      if (!store.addCatalog(input)) return false;
      await schedule(store.catalog(input.id) as CatalogRecord);
      return true;
    },
    async close() {
      await scheduler.close();
      await runner.close();
      store.close();
    },
  };
}
