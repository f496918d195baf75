// **catalog-runner** runs the dashboard's catalogs (in this process, or through the queue's workers) and records each run in the history.
import path from 'node:path';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { runCatalog } from '../catalogs/run-catalog.js';
import type { RunSummary, RunTrigger } from '../history/model.js';
import { recordRun } from '../history/record-run.js';
import type { HistoryStore } from '../history/store.js';
import type { QueueUrl } from '../queue/connection.js';
import { runOneQueued } from '../queue/run-one.js';
import { writeRunDiff } from './run-diff.js';

/** The folder of the runs in the data folder: `runs/<run>/<catalog>/`. */
export const RUNS_FOLDER = 'runs';
/** The diff with the previous run, in `runs/<run>/`. */
export const DIFF_FILE = 'diff.json';

/** Options of {@link CatalogRunner}. */
export interface CatalogRunnerOptions {
  store: HistoryStore;
  /** The data folder (absolute). */
  dataDir: string;
  /** Send each run to the queue's workers instead of running it here. */
  queue?: QueueUrl;
  /** Validation threads of an in-process run (default: one per core). */
  workers?: number;
  /** Runs at once (default 1 in this process, 4 through a queue). */
  concurrency?: number;
  signal: AbortSignal;
  /** Hears of each run as it starts and ends. */
  onRun?: (run: RunSummary) => void;
}

/**
 * Runs catalogs one after the other (or `concurrency` at once): each run writes what `run
 * --catalogs` writes for one catalog into `runs/<run>/<catalog>/` (incremental from the previous
 * run's folder), then is recorded in the history with its diff against the previous run.
 */
export class CatalogRunner {
  private readonly waiting: number[] = [];
  private active = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: CatalogRunnerOptions) {}

  /**
   * Queues a run of `catalog`. A run of it already waiting is returned instead (a schedule's tick
   * or a second request does not stack runs).
   */
  request(catalog: string, trigger: RunTrigger): RunSummary {
    const { store } = this.options;
    const waiting = this.waiting.map((id) => store.run(id)).find((r) => r?.catalog === catalog);
    if (waiting) return waiting;
    const id = store.createRun(catalog, trigger);
    this.waiting.push(id);
    this.pump();
    return store.run(id) as RunSummary;
  }

  /** Whether a run of the catalog waits or runs. */
  busy(catalog: string): boolean {
    const last = this.options.store.latestRun(catalog);
    return last?.status === 'queued' || last?.status === 'running';
  }

  /** Resolves when no run waits or runs. */
  idle(): Promise<void> {
    if (this.active === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for the runs under way (the signal given stops them). */
  async close(): Promise<void> {
    this.waiting.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    const limit = this.options.concurrency ?? (this.options.queue ? 4 : 1);
    while (this.active < limit && this.waiting.length > 0 && !this.options.signal.aborted) {
      const id = this.waiting.shift() as number;
      this.active++;
      const work = this.execute(id).finally(() => {
        this.active--;
        this.running.delete(work);
        this.pump();
        if (this.active === 0 && this.waiting.length === 0)
          for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
      this.running.add(work);
    }
  }

  private async execute(runId: number): Promise<void> {
    const { store, dataDir, signal } = this.options;
    const run = store.run(runId) as RunSummary;
    const catalog = store.catalog(run.catalog);
    if (!catalog) return store.failRun(runId, `catalog ${run.catalog} was removed`);
    const out = path.join(dataDir, RUNS_FOLDER, String(runId));
    const previous = store.latestRun(catalog.id, 'done');
    const previousOut = previous?.folder
      ? path.dirname(path.join(dataDir, previous.folder))
      : undefined;
    store.startRun(runId, path.join(RUNS_FOLDER, String(runId), catalog.id));
    this.options.onRun?.(store.run(runId) as RunSummary);
    const entry: CatalogEntry = {
      id: catalog.id,
      source: catalog.source,
      ...(catalog.title === undefined ? {} : { title: catalog.title }),
      options: catalog.options,
    };
    try {
      const since = previousOut === undefined ? {} : { since: previousOut };
      const row: CatalogRow = this.options.queue
        ? await runOneQueued(entry, { queue: this.options.queue, out, ...since, signal })
        : await runCatalog(entry, {
            out,
            ...since,
            shared: {
              cwd: dataDir,
              signal,
              ...(this.options.workers ? { workers: this.options.workers } : {}),
            },
          });
      if (!row.report) {
        store.failRun(runId, row.error?.message ?? row.reasons.join('; '), row.exitCode);
      } else {
        const folder = path.join(out, catalog.id);
        await recordRun(store, runId, folder, { exitCode: row.exitCode });
        if (previous?.folder)
          await this.diff(
            runId,
            { id: previous.id, folder: path.join(dataDir, previous.folder) },
            folder,
          );
      }
    } catch (error) {
      store.failRun(runId, error instanceof Error ? error.message : String(error));
    }
    this.options.onRun?.(store.run(runId) as RunSummary);
  }

  /** Writes the diff with the previous run; a diff that fails leaves the run recorded. */
  private async diff(runId: number, previous: { id: number; folder: string }, folder: string) {
    const file = path.join(RUNS_FOLDER, String(runId), DIFF_FILE);
    try {
      await writeRunDiff(previous, folder, path.join(this.options.dataDir, file));
      this.options.store.setDiff(runId, file);
    } catch {
      // The dashboard then says there is no diff; the run and its report stand.
    }
  }
}
