// **submit** runs catalogs through the queue: a flow of one catalog job each under an overview job, then waits for the overview; or resumes such a run from its folder.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FlowProducer, Queue, QueueEvents } from 'bullmq';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow, Overview } from '../catalogs/overview-model.js';
import type { OVERVIEW_FILES } from '../catalogs/run-catalogs.js';
import { checkSince, overviewFiles } from '../catalogs/run-catalogs.js';
import { UsageError } from '../errors.js';
import { connectQueue, type QueueUrl } from './connection.js';
import { QUEUE_NAME, type CatalogJobData, type OverviewJobData } from './job-types.js';
import {
  checkSameCatalogs,
  readCatalogRow,
  readRunRecord,
  writeRunRecord,
  type QueueRunRecord,
} from './run-record.js';
import { waitForOverview } from './wait.js';

/** Options of {@link runQueued}. */
export interface QueuedRunOptions {
  queue: QueueUrl;
  /** The run folder: every worker must see it at this path. */
  out: string;
  since?: string;
  cwd?: string;
  workers?: number;
  importMap?: Record<string, string>;
  /**
   * Resume the queued run in `out`: when the queue still has its jobs, wait for them; when it
   * lost them (Redis restarted without persistence), send again the catalogs that have no row in
   * their folder, and the overview.
   */
  resume?: boolean;
  /** Pages per page-batch job (default 10): fewer, larger jobs, or more, smaller ones. */
  pageBatch?: number;
  /** Called as each catalog job completes, with its row (at once for those done before a resume). */
  onCatalog?: (row: CatalogRow) => void;
  /** Called once the jobs are sent: how many catalogs, and whether it resumed. */
  onSent?: (sent: { catalogs: number; done: number; attached: boolean }) => void;
  /** Connection timeout, ms (default 5,000). */
  timeoutMs?: number;
  /** How often to check the queue still has the run's jobs, ms (default 2,000). */
  checkMs?: number;
  signal?: AbortSignal;
}

type Paths = { out: string; since: string | undefined };

/** Adds the flow: the overview job with a catalog job per entry of `todo` as its children. */
async function enqueue(
  flow: FlowProducer,
  record: QueueRunRecord,
  todo: readonly CatalogEntry[],
  paths: Paths,
  options: QueuedRunOptions,
): Promise<void> {
  const { out, since } = paths;
  const data: OverviewJobData = {
    out,
    ...(since === undefined ? {} : { since }),
    startedAt: record.startedAt,
    queue: options.queue.shown,
    ids: record.ids,
  };
  await flow.add({
    name: 'overview',
    queueName: QUEUE_NAME,
    data,
    opts: { jobId: `${record.run}-overview` },
    children: todo.map((entry) => {
      const job: CatalogJobData = {
        entry,
        out,
        ...(since === undefined ? {} : { since }),
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.importMap ? { importMap: options.importMap } : {}),
        ...(options.pageBatch === undefined ? {} : { pageBatch: options.pageBatch }),
        ...(options.resume ? { resume: true } : {}),
      };
      return {
        name: 'catalog',
        queueName: QUEUE_NAME,
        data: job,
        opts: { jobId: `${record.run}-${entry.id}` },
      };
    }),
  });
}

/** Sends the run (or what a resumed run still needs) and returns its record. */
async function send(
  connection: Awaited<ReturnType<typeof connectQueue>>,
  entries: readonly CatalogEntry[],
  paths: Paths,
  options: QueuedRunOptions,
): Promise<QueueRunRecord> {
  const flow = new FlowProducer({ connection });
  const queue = new Queue(QUEUE_NAME, { connection });
  try {
    let record: QueueRunRecord;
    let todo: CatalogEntry[] = [...entries];
    if (options.resume) {
      record = await readRunRecord(paths.out);
      checkSameCatalogs(record, entries);
      const state = await queue.getJobState(`${record.run}-overview`);
      if (state !== 'unknown' && state !== 'failed') {
        options.onSent?.({ catalogs: 0, done: 0, attached: true });
        return record;
      }
      todo = [];
      for (const entry of entries) {
        const row = await readCatalogRow(paths.out, entry.id);
        if (row) options.onCatalog?.(row);
        else todo.push(entry);
      }
      const resumed = [...(record.resumed ?? []), record.run];
      record = { ...record, run: randomUUID(), resumed };
    } else {
      record = {
        schema: 'dcat-harvest/queue-run/1',
        run: randomUUID(),
        startedAt: new Date().toISOString(),
        ids: entries.map((e) => e.id),
      };
    }
    await writeRunRecord(paths.out, record);
    await enqueue(flow, record, todo, paths, options);
    options.onSent?.({
      catalogs: todo.length,
      done: entries.length - todo.length,
      attached: false,
    });
    return record;
  } finally {
    await queue.close();
    await flow.close();
  }
}

/**
 * Enqueues the catalogs as a BullMQ flow (catalog jobs under an overview job) and waits until a
 * worker has written the overview; returns it as the in-process `runCatalogs` does. Redis holds
 * the job descriptions and each catalog's row; pages and reports are files in `out`. When the
 * queue loses the run's jobs while waiting (Redis restarted without persistence), fails with
 * `DH_QUEUE_LOST` (exit 3): `resume` then sends again only what the folder does not have.
 *
 * @example
 * ```ts
 * import { readCatalogsFile } from 'dcat-harvest/catalogs';
 * import { parseQueueUrl, runQueued } from 'dcat-harvest/queue';
 *
 * const entries = await readCatalogsFile('catalogs.yaml');
 * // Workers (`dcat-harvest worker`, or startWorker) do the work; this waits for the overview.
 * const { overview } = await runQueued(entries, {
 *   queue: parseQueueUrl('redis://127.0.0.1:6379/0'),
 *   out: '/shared/runs/monday',
 *   onCatalog: (row) => console.error(`${row.id}: ${row.status}`),
 * });
 * process.exitCode = overview.exitCode;
 * ```
 */
export async function runQueued(
  entries: readonly CatalogEntry[],
  options: QueuedRunOptions,
): Promise<{ overview: Overview; files: Record<keyof typeof OVERVIEW_FILES, string> }> {
  const cwd = options.cwd ?? process.cwd();
  const out = path.resolve(cwd, options.out);
  const since = options.since === undefined ? undefined : path.resolve(cwd, options.since);
  if (since !== undefined) await checkSince(since, out);
  if (entries.length === 0) throw new UsageError('run: no catalog to run');
  const connection = await connectQueue(options.queue, {
    blocking: true,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  await mkdir(out, { recursive: true });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  try {
    await events.waitUntilReady();
    const ids = new Set(entries.map((e) => e.id));
    let run = '';
    events.on('completed', ({ jobId, returnvalue }) => {
      const id = jobId.slice(run.length + 1);
      if (run && jobId.startsWith(`${run}-`) && ids.has(id))
        options.onCatalog?.(returnvalue as unknown as CatalogRow);
    });
    const record = await send(connection, entries, { out, since }, options);
    run = record.run;
    await waitForOverview(connection, events, `${record.run}-overview`, options);
    const files = overviewFiles(out);
    const overview = JSON.parse(await readFile(files.json, 'utf8')) as Overview;
    return { overview, files };
  } finally {
    await events.close();
    connection.disconnect();
  }
}
