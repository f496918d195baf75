/**
 * **dcat-harvest/queue**: the same multi-catalog run on BullMQ workers anywhere — sending a run,
 * the worker, the queue's status, per-host limits shared through Redis, resuming a run.
 *
 * @module dcat-harvest/queue
 */
export { connectQueue, parseQueueUrl, QUEUE_ENV } from './connection.js';
export type { ConnectOptions, QueueUrl } from './connection.js';
export { runQueued } from './submit.js';
export type { QueuedRunOptions } from './submit.js';
export { startWorker, DEFAULT_LOCK_MS } from './worker.js';
export type { RunningWorker, WorkerOptions } from './worker.js';
export { QUEUE_NAME } from './job-types.js';
export type {
  CatalogJobData,
  JobContext,
  OverviewJobData,
  OverviewJobResult,
} from './job-types.js';
export { cleanQueue, queueStatus, JOB_STATES } from './status.js';
export { createRedisHostLimits, HOST_KEY_PREFIX } from './host-limits.js';
export type { RedisHostLimitsOptions } from './host-limits.js';
export { readRunRecord, QUEUE_RUN_FILE } from './run-record.js';
export type { QueueRunRecord } from './run-record.js';
