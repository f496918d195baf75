// **status** shows and tidies the queue: job counts by state, and removal of finished jobs.
import { Queue } from 'bullmq';
import { connectQueue, type QueueUrl } from './connection.js';
import { QUEUE_NAME } from './job-types.js';

/** The job states `queue status` shows, in order. */
export const JOB_STATES = [
  'waiting',
  'waiting-children',
  'active',
  'delayed',
  'completed',
  'failed',
  'prioritized',
] as const;

async function withQueue<T>(url: QueueUrl, body: (queue: Queue) => Promise<T>): Promise<T> {
  const connection = await connectQueue(url);
  const queue = new Queue(QUEUE_NAME, { connection });
  try {
    return await body(queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/**
 * Jobs per state.
 *
 * @example
 * ```ts
 * import { parseQueueUrl, queueStatus } from 'dcat-harvest/queue';
 *
 * const counts = await queueStatus(parseQueueUrl('redis://127.0.0.1:6379/0'));
 * console.log(`${counts.waiting} waiting, ${counts.active} active, ${counts.failed} failed`);
 * ```
 */
export async function queueStatus(
  url: QueueUrl,
): Promise<Record<(typeof JOB_STATES)[number], number>> {
  return withQueue(url, async (queue) => {
    const counts = await queue.getJobCounts(...JOB_STATES);
    return Object.fromEntries(JOB_STATES.map((s) => [s, counts[s] ?? 0])) as Record<
      (typeof JOB_STATES)[number],
      number
    >;
  });
}

/**
 * Removes completed and failed jobs (what a finished run leaves); with `all`, every job of the
 * queue, waiting and active ones too (stop the workers first).
 *
 * @example
 * ```ts
 * import { cleanQueue, parseQueueUrl } from 'dcat-harvest/queue';
 *
 * // After a run: drop its completed and failed jobs from Redis.
 * const removed = await cleanQueue(parseQueueUrl('redis://127.0.0.1:6379/0'));
 * console.log(`${removed} jobs removed`);
 * ```
 */
export async function cleanQueue(url: QueueUrl, options: { all?: boolean } = {}): Promise<number> {
  return withQueue(url, async (queue) => {
    if (options.all) {
      const total = Object.values(await queue.getJobCounts()).reduce((a, b) => a + b, 0);
      await queue.obliterate({ force: true });
      return total;
    }
    const done = await queue.clean(0, 0, 'completed');
    const failed = await queue.clean(0, 0, 'failed');
    return done.length + failed.length;
  });
}
