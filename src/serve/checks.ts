// **checks** runs validate and audit on a stored submission through the library functions the CLI uses.
import path from 'node:path';
import type { AuditReport } from '../audit/audit.js';
import { auditInputs } from '../run/audit-inputs.js';
import type { ValidationRun } from '../shacl/findings.js';
import { runValidation } from '../shacl/run.js';
import type { ValidationThreads } from '../shacl/threads.js';
import type { CheckRequest, Submission } from './submissions.js';
import type { ValidatorCache } from './validators.js';

/** The audit command's compliance profile and level (`dcat-harvest audit` defaults). */
export const AUDIT_PROFILE = 'dcat-ap-2';
export const AUDIT_LEVEL = 'base';

/** Where a check runs: the server's validation threads, so its event loop stays free. */
export interface CheckOptions {
  threads: ValidationThreads;
  signal?: AbortSignal;
  /** Keep the per-record results on disk (a job's, kept for an hour). */
  spool?: boolean;
}

/**
 * Validates a submission as `dcat-harvest validate FILE --profile P --level L` does, on the
 * server's validation threads (each builds its validator from the same shapes, as the CLI's do).
 */
export async function validateSubmission(
  submission: Submission,
  validators: ValidatorCache,
  options: CheckOptions,
): Promise<ValidationRun> {
  const validator = submission.shapes
    ? await validators.forShapes(path.join(submission.folder, submission.shapes))
    : await validators.get(submission.profile, submission.level);
  return runValidation([submission.name], {
    validator,
    ...(submission.shapes ? { shapes: [path.join(submission.folder, submission.shapes)] } : {}),
    ...(submission.profile === undefined ? {} : { profile: submission.profile }),
    ...(submission.level === undefined ? {} : { level: submission.level }),
    cwd: submission.folder,
    format: submission.format,
    threads: options.threads,
    spool: options.spool ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** An audit and the warnings its reading gave (repaired IRIs, skipped statements). */
export interface AuditOutcome {
  report: AuditReport;
  warnings: string[];
}

/**
 * Audits a submission as `dcat-harvest audit FILE [--profile P] [--level L]` does: the MQA method,
 * compliance judged with the given profile and level (default the audit's: dcat-ap-2, base), no
 * URL checks; each dataset judged and measured on the server's validation threads.
 */
export async function auditSubmission(
  submission: Submission,
  validators: ValidatorCache,
  compliance: CheckRequest,
  options: CheckOptions,
): Promise<AuditOutcome> {
  const profile = compliance.profile ?? AUDIT_PROFILE;
  const level = compliance.level ?? AUDIT_LEVEL;
  const warnings: string[] = [];
  const report = await auditInputs([submission.name], {
    profile,
    level,
    validator: await validators.get(profile, level),
    method: 'mqa',
    statusRange: [200, 399],
    portal: 'auto',
    cwd: submission.folder,
    format: submission.format,
    threads: options.threads,
    ...(options.signal ? { signal: options.signal } : {}),
    onNotice: (notice) => warnings.push(notice),
  });
  return { report, warnings };
}
