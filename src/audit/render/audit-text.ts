// **audit-text** renders an audit for a terminal: headline, dimensions, fixes, publishers, datasets explained.
import type { AuditReport } from '../audit.js';
import type { GroupSummary } from '../aggregate.js';
import type { DatasetScore } from '../score.js';
import { ratingLabel } from '../rating.js';
import { datasetHeadline, explainLines } from './audit-explain.js';

/** Options of the text and Markdown renderers. */
export interface AuditRenderOptions {
  /** Datasets explained indicator by indicator: all, none, or (default) all up to 20 else the 10 lowest. */
  explain?: 'auto' | 'all' | 'none';
  /** Publishers listed (default 20). */
  publishers?: number;
}

/** The datasets to explain, lowest scores first when not all are shown. */
export function datasetsToExplain(report: AuditReport, options: AuditRenderOptions) {
  const mode = options.explain ?? 'auto';
  if (mode === 'none') return [];
  if (mode === 'all' || report.catalog.datasets <= 20) return [...report.datasets];
  return lowest(report.datasets, 10);
}

/** The `n` lowest scores, first met first on ties, read in one pass without keeping the rest. */
function lowest(datasets: Iterable<DatasetScore>, n: number): DatasetScore[] {
  const kept: DatasetScore[] = [];
  for (const d of datasets) {
    if (kept.length === n && d.score >= (kept[n - 1] as DatasetScore).score) continue;
    let at = kept.length;
    while (at > 0 && (kept[at - 1] as DatasetScore).score > d.score) at--;
    kept.splice(at, 0, d);
    if (kept.length > n) kept.pop();
  }
  return kept;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function fixes(group: GroupSummary, limit: number): string[] {
  return group.fixFirst.slice(0, limit).map((f, i) => {
    const reach = f.reaches ? `, enough to reach ${ratingLabel(f.reaches)}` : '';
    return `  ${i + 1}. ${f.action}: +${f.gain} points${reach}`;
  });
}

/** Renders the audit as plain text. */
export function renderAuditText(report: AuditReport, options: AuditRenderOptions = {}): string {
  const c = report.catalog;
  const out: string[] = [
    `MQA audit — method: ${report.methodLabel}`,
    `${c.datasets} datasets, ${c.distributions} distributions, ${report.publishers.length} publishers`,
    `Catalog score ${c.score}/${report.maxPoints}: ${ratingLabel(c.rating)}` +
      ` (Excellent ${c.ratings.excellent}, Good ${c.ratings.good}, Sufficient ${c.ratings.sufficient}, Bad ${c.ratings.bad})`,
    '',
    'Dimensions (average points):',
    ...report.dimensions.map(
      (d) =>
        `  ${d.label.padEnd(17)} ${String(c.dimensions[d.id as keyof typeof c.dimensions]).padStart(6)} / ${d.max}`,
    ),
    '',
    'Indicators (share of datasets passing):',
    ...c.indicators.map((i) => {
      const dist =
        i.distributionPassRate !== undefined
          ? `, ${percent(i.distributionPassRate)} of distributions`
          : '';
      const unmeasured = i.unmeasured > 0 ? `, not measured for ${i.unmeasured}` : '';
      return `  ${i.label.padEnd(36)} ${String(i.max).padStart(3)} pts  ${percent(i.passRate).padStart(4)}${dist}${unmeasured}`;
    }),
    '',
  ];
  if (c.fixFirst.length > 0) out.push('Fix first (publishers can fix these):', ...fixes(c, 10), '');
  if (c.portalLosses.length > 0) {
    out.push(
      `Lost because of the portal's export (${report.portal?.label ?? 'portal'}), not the publishers:`,
    );
    for (const l of c.portalLosses) {
      out.push(
        `  ${l.label}: ${l.points} points in ${l.datasets} datasets (−${l.gain} on the average)`,
      );
    }
    out.push('');
  }
  const limit = options.publishers ?? 20;
  if (report.publishers.length > 0) {
    out.push('Publishers (most datasets first):');
    for (const p of report.publishers.slice(0, limit)) {
      out.push(`  ${p.name}: ${p.datasets} datasets, score ${p.score} ${ratingLabel(p.rating)}`);
      out.push(...fixes(p, 3).map((l) => '  ' + l));
    }
    if (report.publishers.length > limit)
      out.push(`  … and ${report.publishers.length - limit} more`);
    out.push('');
  }
  if (report.links.mode !== 'off') {
    const l = report.links;
    out.push(
      `Links (${l.mode}): ${l.checked} of ${l.urls} URLs checked: ${l.ok} ok, ${l.broken} broken, ${l.inconclusive} inconclusive (429), ${l.redirected} redirected`,
    );
    for (const p of l.problems.slice(0, 10)) {
      out.push(`  ${p.status} ${p.url} (${p.datasets} datasets)${p.error ? `: ${p.error}` : ''}`);
    }
    out.push('');
  }
  const explained = datasetsToExplain(report, options);
  if (explained.length > 0) {
    const all = explained.length === report.catalog.datasets;
    out.push(all ? 'Datasets:' : `The ${explained.length} lowest-scoring datasets:`);
    for (const d of explained) {
      out.push('', datasetHeadline(report, d), ...explainLines(report, d).map((l) => '  ' + l));
    }
    out.push('');
  }
  out.push('Notes:', ...report.notes.map((n) => `  - ${n}`));
  return out.join('\n') + '\n';
}
