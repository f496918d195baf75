// **audit-markdown** renders an audit as Markdown: tables for the catalog, fixes, publishers and datasets.
import type { AuditReport } from '../audit.js';
import { ratingLabel } from '../rating.js';
import { datasetHeadline, explainLines } from './audit-explain.js';
import { datasetsToExplain, type AuditRenderOptions } from './audit-text.js';

function cell(text: string | number): string {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(cells: (string | number)[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** Renders the audit as Markdown. */
export function renderAuditMarkdown(report: AuditReport, options: AuditRenderOptions = {}): string {
  const c = report.catalog;
  const out: string[] = [
    '# Metadata quality audit',
    '',
    `Method: **${report.methodLabel}**. ${c.datasets} datasets, ${c.distributions} distributions, ${report.publishers.length} publishers.`,
    '',
    `**Catalog score ${c.score}/${report.maxPoints}: ${ratingLabel(c.rating)}** — Excellent ${c.ratings.excellent}, Good ${c.ratings.good}, Sufficient ${c.ratings.sufficient}, Bad ${c.ratings.bad}.`,
    '',
    '## Dimensions',
    '',
    row(['dimension', 'average', 'max']),
    row(['---', '---:', '---:']),
    ...report.dimensions.map((d) =>
      row([d.label, c.dimensions[d.id as keyof typeof c.dimensions], d.max]),
    ),
    '',
    '## Indicators',
    '',
    row(['indicator', 'points', 'datasets passing', 'distributions passing', 'not measured']),
    row(['---', '---:', '---:', '---:', '---:']),
    ...c.indicators.map((i) =>
      row([
        i.label,
        i.max,
        `${Math.round(i.passRate * 100)}%`,
        i.distributionPassRate === undefined ? '' : `${Math.round(i.distributionPassRate * 100)}%`,
        i.unmeasured,
      ]),
    ),
    '',
  ];
  if (c.fixFirst.length > 0) {
    out.push('## Fix first', '', row(['#', 'fix', 'gain', 'score after', 'reaches']));
    out.push(row(['---:', '---', '---:', '---:', '---']));
    c.fixFirst.forEach((f, i) =>
      out.push(
        row([i + 1, f.action, `+${f.gain}`, f.cumulative, f.reaches ? ratingLabel(f.reaches) : '']),
      ),
    );
    out.push('');
  }
  if (c.portalLosses.length > 0) {
    out.push(`## Lost to the portal's export (${report.portal?.label ?? 'portal'})`, '');
    out.push(
      row(['indicator', 'points', 'datasets', 'average lost']),
      row(['---', '---:', '---:', '---:']),
    );
    for (const l of c.portalLosses) out.push(row([l.label, l.points, l.datasets, l.gain]));
    out.push('');
  }
  if (report.publishers.length > 0) {
    out.push('## Publishers', '', row(['publisher', 'datasets', 'score', 'rating', 'fix first']));
    out.push(row(['---', '---:', '---:', '---', '---']));
    for (const p of report.publishers.slice(0, options.publishers ?? 50)) {
      const top = p.fixFirst[0];
      out.push(
        row([
          p.name,
          p.datasets,
          p.score,
          ratingLabel(p.rating),
          top ? `${top.action} (+${top.gain})` : '',
        ]),
      );
    }
    out.push('');
  }
  const explained = datasetsToExplain(report, options);
  if (explained.length > 0) {
    out.push('## Datasets', '');
    for (const d of explained) {
      out.push('<details>', `<summary>${cell(datasetHeadline(report, d))}</summary>`, '', '```');
      out.push(...explainLines(report, d), '```', '</details>', '');
    }
  }
  out.push('## Notes', '', ...report.notes.map((n) => `- ${n}`));
  return out.join('\n') + '\n';
}
