// **checks** runs validate and audit on a stored submission through the library functions the CLI uses.
import path from 'node:path';
import { auditRecords, type AuditReport } from '../audit/audit.js';
import type { RecordGraph } from '../rdf/records.js';
import { parsedPages } from '../input/parsed-pages.js';
import { complianceOf } from '../shacl/compliance.js';
import type { ValidationRun } from '../shacl/findings.js';
import { runValidation } from '../shacl/run.js';
import type { CheckRequest, Submission } from './submissions.js';
import type { ValidatorCache } from './validators.js';

/** The audit command's compliance profile and level (`dcat-harvest audit` defaults). */
export const AUDIT_PROFILE = 'dcat-ap-2';
export const AUDIT_LEVEL = 'base';

/**
 * Validates a submission as `dcat-harvest validate FILE --profile P --level L` does; with
 * `workers`, on worker threads (the server's event loop stays free) and with results on disk.
 */
export async function validateSubmission(
  submission: Submission,
  validators: ValidatorCache,
  signal?: AbortSignal,
  workers = 0,
): Promise<ValidationRun> {
  const validator = submission.shapes
    ? await validators.forShapes(path.join(submission.folder, submission.shapes))
    : await validators.get(submission.profile, submission.level);
  return runValidation([submission.name], {
    validator,
    // The workers build their own validator from these, as the CLI's do.
    ...(submission.shapes ? { shapes: [path.join(submission.folder, submission.shapes)] } : {}),
    ...(submission.profile === undefined ? {} : { profile: submission.profile }),
    ...(submission.level === undefined ? {} : { level: submission.level }),
    cwd: submission.folder,
    format: submission.format,
    workers,
    spool: workers > 0,
    ...(signal ? { signal } : {}),
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
 * URL checks.
 */
export async function auditSubmission(
  submission: Submission,
  validators: ValidatorCache,
  compliance: CheckRequest,
  signal?: AbortSignal,
): Promise<AuditOutcome> {
  const validator = await validators.get(
    compliance.profile ?? AUDIT_PROFILE,
    compliance.level ?? AUDIT_LEVEL,
  );
  const warnings: string[] = [];
  const report = await auditRecords(
    parsedPages([submission.name], {
      cwd: submission.folder,
      format: submission.format,
      ...(signal ? { signal } : {}),
      log: { warn: (m) => warnings.push(m), debug: () => undefined },
    }),
    {
      method: 'mqa',
      statusRange: [200, 399],
      portal: 'auto',
      compliance: (r: RecordGraph) => complianceOf(validator, r),
      complianceLabel: validator.label,
    },
  );
  return { report, warnings };
}
