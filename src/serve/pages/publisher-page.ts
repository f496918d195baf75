// **publisher-page** renders one publisher of a catalog's latest run: its fixes first, then its datasets, worst first.
import type { PublisherDetail } from '../../history/queries.js';
import { escapeHtml as e } from '../../report/html/escape.js';
import type { CatalogView } from '../dashboard.js';
import { sparkline } from './charts.js';
import { dashboardNav, ratingBadge } from './dashboard-layout.js';
import { page } from './layout.js';

/** Datasets per page of a publisher. */
export const DATASETS_PER_PAGE = 200;

function fixes(detail: PublisherDetail): string {
  if (detail.fixFirst.length === 0)
    return '<p>Nothing to fix: every indicator earns its points.</p>';
  return `<table id="fixes"><caption>What gains the most points, first</caption>
<thead><tr><th scope="col">Fix</th><th scope="col" class="num">Datasets</th><th scope="col" class="num">Points gained</th></tr></thead>
<tbody>${detail.fixFirst
    .map(
      (f) =>
        `<tr><td>${e(f.action)}${f.portal ? ' <span class="muted">(the portal’s export)</span>' : ''}</td><td class="num">${e(f.datasets)}</td><td class="num">${e(f.gain)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function constraints(detail: PublisherDetail): string {
  if (detail.constraints.length === 0) return '<p>No finding on its datasets.</p>';
  return `<table id="constraints"><caption>Findings on its datasets by constraint</caption>
<thead><tr><th scope="col">Severity</th><th scope="col">Constraint</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Datasets</th></tr></thead>
<tbody>${detail.constraints
    .map(
      (c) =>
        `<tr><td class="sev sev-${e(c.severity)}">${e(c.severity)}</td><td>${e(c.component)}</td><td class="num">${e(c.findings)}</td><td class="num">${e(c.datasets)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function datasets(view: CatalogView, detail: PublisherDetail, pageNo: number): string {
  const rows = detail.datasets.map(
    (d) => `<tr><th scope="row">${e(d.title ?? d.iri)}<br><span class="iri">${e(d.iri)}</span></th>
<td class="num">${e(d.score)}</td><td>${ratingBadge(d.rating)}</td><td class="num">${e(d.findings.violation)}</td><td class="num">${e(d.findings.warning)}</td>
<td>${d.missed.map((m) => `<code>${e(m)}</code>`).join(' ')}</td></tr>`,
  );
  const base = `/catalogs/${encodeURIComponent(view.id)}/publishers/${e(detail.publisher.id)}`;
  const pages = Math.max(1, Math.ceil(detail.publisher.datasets / DATASETS_PER_PAGE));
  const pager =
    pages > 1
      ? `<nav class="pager" aria-label="Dataset pages">${pageNo > 1 ? `<a href="${base}?page=${pageNo - 1}">Previous</a>` : ''}
<span>page ${e(pageNo)} of ${e(pages)}</span>${pageNo < pages ? `<a href="${base}?page=${pageNo + 1}">Next</a>` : ''}</nav>`
      : '';
  return `<div class="scroll"><table id="datasets"><caption>Its datasets, worst score first</caption>
<thead><tr><th scope="col">Dataset</th><th scope="col" class="num">Score</th><th scope="col">Rating</th>
<th scope="col" class="num">Violations</th><th scope="col" class="num">Warnings</th><th scope="col">Indicators missed</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>${pager}`;
}

/** The publisher page (`pageNo` of its datasets). */
export function publisherPage(view: CatalogView, detail: PublisherDetail, pageNo: number): string {
  const p = detail.publisher;
  const catalogName = view.title ?? view.id;
  const nav = dashboardNav([
    [`/catalogs/${encodeURIComponent(view.id)}`, catalogName],
    [`/catalogs/${encodeURIComponent(view.id)}/publishers/${p.id}`, p.name],
  ]);
  const body = `${nav}
<dl class="cards"><div><dt>Score</dt><dd>${e(p.score)} / 405</dd></div><div><dt>Rating</dt><dd>${ratingBadge(p.rating)}</dd></div>
<div><dt>Datasets</dt><dd>${e(p.datasets)}</dd></div><div><dt>Violations</dt><dd>${e(p.findings.violation)}</dd></div>
<div><dt>Trend</dt><dd>${sparkline(p.trend, `Score of ${p.name}`)}</dd></div></dl>
<h2 id="fix-first">Fix first</h2>
${fixes(detail)}
${constraints(detail)}
<h2 id="datasets-heading">Datasets</h2>
${datasets(view, detail, pageNo)}`;
  return page(`${p.name} in ${catalogName}`, body);
}
