// **audit-json** renders an audit as JSON (the `AuditReport` shape; indented unless large).
import { jsonWithArray } from '../../report/json-chunks.js';
import type { AuditReport } from '../audit.js';

/** The report as JSON: indented for up to 1,000 datasets, compact beyond. */
export function renderAuditJson(report: AuditReport): string {
  return [...auditJsonChunks(report)].join('');
}

/** {@link renderAuditJson} in pieces (the same text), for audits too large for one string. */
export function* auditJsonChunks(report: AuditReport): Generator<string> {
  const space = report.catalog.datasets > 1000 ? 0 : 2;
  const { dispose: _dispose, ...plain } = report;
  yield* jsonWithArray((datasets) => ({ ...plain, datasets }), report.datasets, space);
  yield '\n';
}
