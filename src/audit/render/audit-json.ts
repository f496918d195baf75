// **audit-json** renders an audit as JSON (the `AuditReport` shape; indented unless large).
import type { AuditReport } from '../audit.js';

/** The report as JSON: indented for up to 1,000 datasets, compact beyond. */
export function renderAuditJson(report: AuditReport): string {
  return JSON.stringify(report, null, report.datasets.length > 1000 ? undefined : 2) + '\n';
}
