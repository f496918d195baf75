// **worker** processes a queue's jobs in this process until closed: any number of them, on any machine that sees Redis and the run folder.
import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectQueue, type QueueUrl } from './connection.js';
import { createRedisHostLimits, type RedisHostLimitsOptions } from './host-limits.js';
import { QUEUE_NAME, type JobContext } from './job-types.js';
import { processJob } from './jobs.js';
import { PagePools } from './page-pools.js';

/** Options of {@link startWorker}. */
export interface WorkerOptions extends Omit<JobContext, 'hostLimits' | 'jobQueue' | 'pools'> {
  queue: QueueUrl;
  /** Jobs (catalog steps, page batches) run at once by this process (default 1). */
  concurrency?: number;
  /** Called as jobs start, end and fail. */
  onJob?: (
    event: 'active' | 'completed' | 'failed' | 'cancelled',
    name: string,
    id: string,
    detail?: string,
  ) => void;
  /** Connection timeout, ms (default 5,000). */
  timeoutMs?: number;
  /**
   * How long a job stays locked to this worker without a renewal (default 60,000 ms): when the
   * worker dies, its job goes to another one after this, plus at most a quarter of it.
   */
  lockMs?: number;
  /**
   * Per-host `rate` and `concurrency` enforced through the queue's Redis, across every worker
   * (default on); `false` leaves each catalog its own budget, as in one process.
   */
  hostLimits?: boolean | RedisHostLimitsOptions;
}

/** A running worker; `close()` lets its active jobs finish, then disconnects. */
export interface RunningWorker {
  /** Stops taking jobs, lets the active ones finish, then disconnects. */
  close(): Promise<void>;
}

/** A job's lock, renewed by its worker every half of it (see {@link WorkerOptions.lockMs}). */
export const DEFAULT_LOCK_MS = 60_000;

/**
 * Connects (a Redis that does not answer is an error naming the URL) and starts processing.
 *
 * @example
 * ```ts
 * import { parseQueueUrl, startWorker } from 'dcat-harvest/queue';
 *
 * const worker = await startWorker({
 *   queue: parseQueueUrl('redis://127.0.0.1:6379/0'),
 *   concurrency: 2,
 *   onJob: (event, name, id) => console.error(`${name} ${id} ${event}`),
 * });
 * process.once('SIGTERM', () => void worker.close());
 * ```
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const connection = await connectQueue(options.queue, {
    blocking: true,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const limits =
    options.hostLimits === false
      ? undefined
      : await connectQueue(options.queue, {
          blocking: true,
          ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        });
  const limitOptions = typeof options.hostLimits === 'object' ? options.hostLimits : {};
  const { hostLimits: _, ...jobOptions } = options;
  const queue = new Queue(QUEUE_NAME, { connection });
  const pools = new PagePools();
  const ctx: JobContext = {
    ...jobOptions,
    ...(limits ? { hostLimits: createRedisHostLimits(limits, limitOptions) } : {}),
    jobQueue: queue,
    pools,
  };
  const worker = new Worker(
    QUEUE_NAME,
    (job, token, signal) =>
      processJob(job, token, {
        ...ctx,
        ...(signal ? { signal: ctx.signal ? AbortSignal.any([ctx.signal, signal]) : signal } : {}),
      }),
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockMs ?? DEFAULT_LOCK_MS,
      stalledInterval: Math.max(1_000, Math.round((options.lockMs ?? DEFAULT_LOCK_MS) / 4)),
      maxStalledCount: 3,
    },
  );
  // A job whose lock is lost (Redis restarted without persistence, or the job taken by another
  // worker) is cancelled: it stops and writes no row, so a resumed run runs it once more alone.
  worker.on('lockRenewalFailed', (ids) => {
    for (const id of ids) {
      if (worker.cancelJob(id, 'the job lock was lost'))
        options.onJob?.('cancelled', 'job', id, 'its lock was lost');
    }
  });
  cancelLostJobs(worker, connection, (id) =>
    options.onJob?.('cancelled', 'job', id, 'the queue lost it (Redis restarted?)'),
  );
  worker.on('active', (job) => options.onJob?.('active', job.name, job.id ?? ''));
  worker.on('completed', (job) => options.onJob?.('completed', job.name, job.id ?? ''));
  worker.on('failed', (job, error) =>
    options.onJob?.('failed', job?.name ?? '?', job?.id ?? '', error.message),
  );
  worker.on('error', () => {});
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      await pools.close();
      await queue.close();
      connection.disconnect();
      limits?.disconnect();
    },
  };
}

/**
 * When the connection comes back after a loss, cancels the active jobs the queue no longer has
 * (Redis restarted without persistence): they stop at once instead of at their next lock renewal.
 */
function cancelLostJobs(worker: Worker, connection: Redis, onCancel: (id: string) => void): void {
  const active = new Set<string>();
  worker.on('active', (job) => active.add(job.id ?? ''));
  worker.on('completed', (job) => active.delete(job.id ?? ''));
  worker.on('failed', (job) => active.delete(job?.id ?? ''));
  let lostOnce = false;
  connection.on('close', () => {
    lostOnce = true;
  });
  connection.on('ready', () => {
    if (!lostOnce || active.size === 0) return;
    const queue = new Queue(QUEUE_NAME, { connection });
    void (async () => {
      for (const id of active) {
        const job = await Job.fromId(queue, id).catch(() => null);
        if (job === undefined && worker.cancelJob(id, 'the queue lost the job')) {
          active.delete(id);
          onCancel(id);
        }
      }
    })().finally(() => void queue.close());
  });
}
