// **serve-context** is what every route shares: stores, validators, the URL fetcher, limits, keys.
import type { ValidationThreads } from '../shacl/threads.js';
import type { AccessKeys } from './access.js';
import type { CheckGate } from './check-gate.js';
import type { JobResult } from './check-jobs.js';
import type { JobQueue } from './jobs.js';
import type { UrlFetcher } from './url-intake.js';
import type { SubmissionStore } from './submissions.js';
import type { ValidatorCache } from './validators.js';

export interface ServeContext {
  /** The data folder (absolute): submissions, the history and the run folders. */
  dataDir: string;
  submissions: SubmissionStore;
  validators: ValidatorCache;
  fetcher: UrlFetcher;
  /** Largest request body, bytes. */
  maxBodyBytes: number;
  /** Largest document after decompression, bytes. */
  maxDecodedBytes: number;
  keys: AccessKeys;
  /** Reads (and the validator) need a key. */
  readKey: boolean;
  /** Requests per minute per client on the checks (0: no limit). */
  rateLimit: number;
  /** Large checks, run one at a time. */
  jobs: JobQueue<JobResult>;
  /** Documents larger than this (bytes, decompressed) are checked as jobs (202). */
  jobAboveBytes: number;
  /** The validation threads every check runs on (one pool, started with the server). */
  threads: ValidationThreads;
  /** Places for checks running or waiting (past them, 503). */
  gate: CheckGate;
  /** Aborted when the server closes. */
  signal: AbortSignal;
}
