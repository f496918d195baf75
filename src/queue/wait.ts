// **wait** waits for a queued run's overview job, and notices when the queue has lost it (Redis restarted without persistence).
import { Job, Queue, type QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { NetworkError } from '../errors.js';
import type { QueueUrl } from './connection.js';
import { QUEUE_NAME } from './job-types.js';

/** What {@link waitForOverview} needs of the run's options. */
export interface WaitOptions {
  queue: QueueUrl;
  /** How often to check the job is still in the queue, ms (default 2,000). */
  checkMs?: number;
  signal?: AbortSignal;
}

/**
 * Resolves when the overview job `jobId` has completed; rejects when it fails, when `signal`
 * aborts (the jobs stay queued), or when the queue no longer has it (`DH_QUEUE_LOST`).
 */
export async function waitForOverview(
  connection: Redis,
  events: QueueEvents,
  jobId: string,
  options: WaitOptions,
): Promise<void> {
  const queue = new Queue(QUEUE_NAME, { connection });
  const url = options.queue.shown;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  let onAbort: (() => void) | undefined;
  try {
    const job = await Job.fromId(queue, jobId);
    if (!job) throw lost(url);
    await Promise.race([
      job.waitUntilFinished(events),
      new Promise((_, reject) => {
        const check = async () => {
          const state = await queue.getJobState(jobId).catch(() => 'error');
          if (done) return;
          if (state === 'unknown') reject(lost(url));
          else timer = setTimeout(() => void check(), options.checkMs ?? 2_000);
        };
        timer = setTimeout(() => void check(), options.checkMs ?? 2_000);
      }),
      new Promise((_, reject) => {
        const signal = options.signal;
        if (!signal) return;
        onAbort = () =>
          reject(
            new NetworkError(`run: stopped waiting for the queue at ${url}`, url, {
              code: 'DH_ABORTED',
              hint: 'the jobs stay queued: workers finish them; `dcat-harvest queue status` shows them, `run --resume --queue` waits for them again',
            }),
          );
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
  } finally {
    done = true;
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await queue.close();
  }
}

function lost(url: string): NetworkError {
  return new NetworkError(
    `run: the queue at ${url} has lost this run's jobs (was Redis restarted without persistence?)`,
    url,
    {
      code: 'DH_QUEUE_LOST',
      hint: 'resume it with the same command plus --resume: the catalogs already done are kept, the others are sent again',
    },
  );
}
