// **audit-json** renders an audit as JSON (the `AuditReport` shape; indented unless large).
import { jsonWithArray } from '../../report/json-chunks.js';
import type { AuditReport } from '../audit.js';

/** The report as JSON: indented for up to 1,000 datasets, compact beyond. */
export function renderAuditJson(report: AuditReport): string {
  return JSON.stringify(report, null, report.datasets.length > 1000 ? undefined : 2) + '\n';
}

/** {@link renderAuditJson} in pieces (the same text), for audits too large for one string. */
export function* auditJsonChunks(report: AuditReport): Generator<string> {
  const space = report.datasets.length > 1000 ? 0 : 2;
  yield* jsonWithArray((datasets) => ({ ...report, datasets }), report.datasets, space);
  yield '\n';
}
