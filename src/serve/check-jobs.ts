// **check-jobs** is the server's job queue of checks: validations on a worker thread, audits here.
import type { ValidationRun } from '../shacl/findings.js';
import { auditSubmission, validateSubmission, type AuditOutcome } from './checks.js';
import { JobQueue } from './jobs.js';
import type { SubmissionStore } from './submissions.js';
import type { ValidatorCache } from './validators.js';

/** What a finished job keeps until it is forgotten. */
export interface JobResult {
  run?: ValidationRun;
  audit?: AuditOutcome;
}

/** The server's job queue: validations on a worker thread, audits here; results kept an hour. */
export function createJobQueue(
  validators: ValidatorCache,
  submissions: SubmissionStore,
  signal: AbortSignal,
): JobQueue<JobResult> {
  return new JobQueue<JobResult>(
    async (job) => {
      if (job.view.kind === 'audit')
        return { audit: await auditSubmission(job.submission, validators, job.compliance, signal) };
      // On a worker thread: the pool gives its parse errors back as ParseErrors (422, line, column).
      return { run: await validateSubmission(job.submission, validators, signal, 1) };
    },
    async (job) => {
      job.result?.run?.dispose?.();
      job.result?.audit?.report.dispose?.();
      await submissions.remove(job.submission.id);
    },
  );
}
