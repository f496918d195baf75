// **audit-explain** words one dataset's score: every indicator with its points and why.
import type { AuditReport } from '../audit.js';
import { ratingLabel } from '../rating.js';
import type { DatasetScore } from '../score.js';

/** The mark of an outcome: ✓ earned, ✗ lost, · not measured, ~ partly earned (proportional). */
export function mark(o: { points: number; max: number; measured: boolean }): string {
  if (o.points >= o.max) return '✓';
  if (!o.measured) return '·';
  return o.points > 0 ? '~' : '✗';
}

/** Formats points: integers plainly, fractions with at most two decimals. */
export function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
}

/** The headline of a dataset: `<id> "title": 245/405 Good`. */
export function datasetHeadline(report: AuditReport, d: DatasetScore): string {
  const title = d.title ? ` "${d.title}"` : '';
  const publisher = d.publisher ? `publisher ${d.publisher.name}` : 'no publisher';
  const chosen = d.chosen
    ? `best distribution <${d.chosen}> of ${d.distributions}`
    : `${d.distributions} distribution${d.distributions === 1 ? '' : 's'}`;
  return `${d.id}${title}: ${d.score}/${report.maxPoints} ${ratingLabel(d.rating)} (${publisher}; ${chosen})`;
}

/** One line per indicator: mark, label, points, why, and a portal tag where it applies. */
export function explainLines(report: AuditReport, d: DatasetScore): string[] {
  const labels = new Map(report.indicators.map((i) => [i.id, i.label]));
  const portal = new Set(report.catalog.portalLosses.map((l) => l.indicator));
  const width = Math.max(...report.indicators.map((i) => i.label.length));
  return d.indicators.map((o) => {
    const label = (labels.get(o.id) ?? o.id).padEnd(width);
    const score = `${pts(o.points)}/${o.max}`.padStart(6);
    const tag =
      portal.has(o.id) && o.points < o.max
        ? `  [portal: ${report.portal?.id} never exports it]`
        : '';
    return `${mark(o)} ${label} ${score}  ${o.why}${tag}`;
  });
}
