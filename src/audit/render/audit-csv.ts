// **audit-csv** renders an audit as CSV: one row per dataset, points per dimension and indicator.
import type { AuditReport } from '../audit.js';

/** Quotes a CSV cell when needed (RFC 4180). */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A row per dataset: id, title, publisher, score, rating, method, distributions, chosen, then points. */
export function renderAuditCsv(report: AuditReport): string {
  return [...auditCsvChunks(report)].join('');
}

/** {@link renderAuditCsv} a line at a time, reading the datasets once. */
export function* auditCsvChunks(report: AuditReport): Generator<string> {
  const header = [
    'dataset',
    'title',
    'publisher',
    'score',
    'rating',
    'method',
    'distributions',
    'chosen_distribution',
    ...report.dimensions.map((d) => d.id),
    ...report.indicators.map((i) => i.id),
  ];
  yield header.join(',') + '\r\n';
  for (const d of report.datasets) {
    yield (
      [
        d.id,
        d.title,
        d.publisher?.name,
        d.score,
        d.rating,
        report.method,
        d.distributions,
        d.chosen,
        ...report.dimensions.map((x) => d.dimensions[x.id as keyof typeof d.dimensions]),
        ...d.indicators.map((i) => i.points),
      ]
        .map(csvCell)
        .join(',') + '\r\n'
    );
  }
}
