// **result-scores** renders the MQA audit on the result page: catalog score and each dataset's, with why.
import type { AuditReport } from '../../audit/audit.js';
import { ratingLabel } from '../../audit/rating.js';
import { mark, pts } from '../../audit/render/audit-explain.js';
import type { DatasetScore } from '../../audit/score.js';
import { escapeHtml as e } from '../../report/html/escape.js';

/** Datasets explained on the page; the downloads hold them all. */
const DATASETS_SHOWN = 200;

function rating(r: string): string {
  return `<span class="rating rating-${e(r)}">${e(ratingLabel(r as never))}</span>`;
}

function explained(report: AuditReport, d: DatasetScore): string {
  const labels = new Map(report.indicators.map((i) => [i.id, i.label]));
  const rows = d.indicators.map(
    (o) =>
      `<tr><td aria-hidden="true">${e(mark(o))}</td><th scope="row">${e(labels.get(o.id) ?? o.id)}</th><td class="num">${e(pts(o.points))}/${o.max}</td><td>${e(o.why)}</td></tr>`,
  );
  const name = d.title === undefined ? d.id : `«${d.title}»`;
  return `<details><summary>${e(name)}: ${d.score}/${report.maxPoints} ${rating(d.rating)}</summary>
<p class="iri">${e(d.id)}${d.publisher ? ` · publisher ${e(d.publisher.name)}` : ''}</p>
<table class="inner"><caption>Indicators: points earned and why</caption><thead><tr><th scope="col"><span class="skip">Outcome</span></th><th scope="col">Indicator</th><th scope="col" class="num">Points</th><th scope="col">Why</th></tr></thead>
<tbody>${rows.join('')}</tbody></table></details>`;
}

/** The quality part of the result page. */
export function scoreSection(report: AuditReport, warnings: readonly string[]): string {
  const c = report.catalog;
  const datasets: DatasetScore[] = [];
  for (const d of report.datasets) {
    if (datasets.length >= DATASETS_SHOWN) break;
    datasets.push(d);
  }
  const fixes = c.fixFirst
    .slice(0, 5)
    .map((fix) => `<li>${e(fix.action)}: +${e(pts(fix.gain))} points on average</li>`);
  const more =
    c.datasets > DATASETS_SHOWN
      ? `<p class="muted">… and ${c.datasets - DATASETS_SHOWN} more datasets: see the downloads.</p>`
      : '';
  const notes = [...warnings, ...report.notes];
  return `<section aria-labelledby="quality-heading"><h2 id="quality-heading">Quality score (MQA)</h2>
<p>${c.datasets} datasets: average <strong>${c.score}/${report.maxPoints}</strong> ${rating(c.rating)} (${e(report.methodLabel)}; DCAT-AP compliance judged against ${e(report.compliance.label ?? 'nothing')}; URLs not checked).</p>
${fixes.length ? `<h3>Fix first</h3><ol>${fixes.join('')}</ol>` : ''}
<h3>Datasets, each with why</h3>
${datasets.map((d) => explained(report, d)).join('\n')}${more}
${notes.length ? `<h3>Notes</h3><ul>${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}</section>`;
}
