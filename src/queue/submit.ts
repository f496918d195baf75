// **submit** runs catalogs through the queue: a flow of one catalog job each under an overview job, then waits for the overview.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { FlowProducer, QueueEvents } from 'bullmq';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow, Overview } from '../catalogs/overview-model.js';
import type { OVERVIEW_FILES } from '../catalogs/run-catalogs.js';
import { checkSince, overviewFiles } from '../catalogs/run-catalogs.js';
import { NetworkError, UsageError } from '../errors.js';
import { connectQueue, type QueueUrl } from './connection.js';
import {
  QUEUE_NAME,
  type CatalogJobData,
  type OverviewJobData,
  type OverviewJobResult,
} from './jobs.js';

/** Options of {@link runQueued}. */
export interface QueuedRunOptions {
  queue: QueueUrl;
  /** The run folder: every worker must see it at this path. */
  out: string;
  since?: string;
  cwd?: string;
  workers?: number;
  importMap?: Record<string, string>;
  /** Called as each catalog job completes, with its row. */
  onCatalog?: (row: CatalogRow) => void;
  /** Connection timeout, ms (default 5,000). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Enqueues the catalogs as a BullMQ flow (catalog jobs under an overview job) and waits until a
 * worker has written the overview; returns it as the in-process `runCatalogs` does. Redis holds
 * the job descriptions and each catalog's row; pages and reports are files in `out`.
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
  const flow = new FlowProducer({ connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  try {
    await events.waitUntilReady();
    const run = randomUUID();
    const children = new Map(entries.map((e) => [`${run}-${e.id}`, e.id]));
    events.on('completed', ({ jobId, returnvalue }) => {
      if (children.has(jobId)) options.onCatalog?.(returnvalue as unknown as CatalogRow);
    });
    const data: OverviewJobData = {
      out,
      ...(since === undefined ? {} : { since }),
      startedAt: new Date().toISOString(),
      queue: options.queue.shown,
      ids: entries.map((e) => e.id),
    };
    const tree = await flow.add({
      name: 'overview',
      queueName: QUEUE_NAME,
      data,
      opts: { jobId: `${run}-overview` },
      children: entries.map((entry) => {
        const job: CatalogJobData = {
          entry,
          out,
          ...(since === undefined ? {} : { since }),
          ...(options.workers === undefined ? {} : { workers: options.workers }),
          ...(options.importMap ? { importMap: options.importMap } : {}),
        };
        return {
          name: 'catalog',
          queueName: QUEUE_NAME,
          data: job,
          opts: { jobId: `${run}-${entry.id}` },
        };
      }),
    });
    const signal = options.signal;
    await Promise.race([
      tree.job.waitUntilFinished(events) as Promise<OverviewJobResult>,
      new Promise((_, reject) => {
        if (!signal) return;
        const stop = () =>
          reject(
            new NetworkError(
              `run: stopped waiting for the queue at ${options.queue.shown}`,
              options.queue.shown,
              {
                code: 'DH_ABORTED',
                hint: 'the jobs stay queued: workers finish them; `dcat-harvest queue status` shows them',
              },
            ),
          );
        if (signal.aborted) stop();
        else signal.addEventListener('abort', stop, { once: true });
      }),
    ]);
    const files = overviewFiles(out);
    const overview = JSON.parse(await readFile(files.json, 'utf8')) as Overview;
    return { overview, files };
  } finally {
    await events.close();
    await flow.close();
    connection.disconnect();
  }
}
