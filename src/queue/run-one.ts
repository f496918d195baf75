// **run-one** runs one catalog through the queue: a catalog job for the workers, and its row when it ends.
import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { CatalogEntry } from '../catalogs/catalog-options.js';
import type { CatalogRow } from '../catalogs/overview-model.js';
import { connectQueue, type QueueUrl } from './connection.js';
import { QUEUE_NAME, type CatalogJobData } from './job-types.js';

/** Options of {@link runOneQueued}. */
export interface QueuedCatalogOptions {
  queue: QueueUrl;
  /** The run folder (absolute, seen by every worker): the catalog writes `<out>/<id>/`. */
  out: string;
  /** The previous run folder, for incremental runs. */
  since?: string;
  signal?: AbortSignal;
}

/**
 * Sends one catalog job to the workers (`dcat-harvest worker`) and waits for its row: the same
 * job, and so the same files, as `run --queue` sends per catalog.
 */
export async function runOneQueued(
  entry: CatalogEntry,
  options: QueuedCatalogOptions,
): Promise<CatalogRow> {
  const connection = await connectQueue(options.queue, { blocking: true });
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  try {
    await events.waitUntilReady();
    const data: CatalogJobData = {
      entry,
      out: options.out,
      ...(options.since === undefined ? {} : { since: options.since }),
    };
    const job = await queue.add('catalog', data, { jobId: `serve-${randomUUID()}-${entry.id}` });
    const stopped = new Promise<never>((_, reject) => {
      const stop = () => reject(new Error('the server stopped waiting for the queue'));
      if (options.signal?.aborted) stop();
      else options.signal?.addEventListener('abort', stop, { once: true });
    });
    return (await Promise.race([job.waitUntilFinished(events), stopped])) as CatalogRow;
  } finally {
    await events.close();
    await queue.close();
    connection.disconnect();
  }
}
