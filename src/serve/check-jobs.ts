// **check-jobs** is the server's job queue of large checks, run on the server's validation threads.
import type { ValidationRun } from '../shacl/findings.js';
import type { ValidationThreads } from '../shacl/threads.js';
import { auditSubmission, validateSubmission, type AuditOutcome } from './checks.js';
import { JobQueue } from './jobs.js';
import type { SubmissionStore } from './submissions.js';
import type { ValidatorCache } from './validators.js';

/** What a finished job keeps until it is forgotten. */
export interface JobResult {
  run?: ValidationRun;
  audit?: AuditOutcome;
}

/** The server's job queue, one job at a time on the validation threads; results kept an hour. */
export function createJobQueue(
  validators: ValidatorCache,
  submissions: SubmissionStore,
  threads: ValidationThreads,
  signal: AbortSignal,
): JobQueue<JobResult> {
  const options = { threads, signal };
  return new JobQueue<JobResult>(
    async (job) => {
      if (job.view.kind === 'audit')
        return {
          audit: await auditSubmission(job.submission, validators, job.compliance, options),
        };
      // The threads give their parse errors back as ParseErrors (422, line, column); a job's
      // results wait on disk for the hour it is kept.
      return {
        run: await validateSubmission(job.submission, validators, { ...options, spool: true }),
      };
    },
    async (job) => {
      job.result?.run?.dispose?.();
      job.result?.audit?.report.dispose?.();
      await submissions.remove(job.submission.id);
    },
  );
}
