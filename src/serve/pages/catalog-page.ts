// **catalog-page** renders one catalog: score and dimension history, publishers with trends, its latest report, the diff with the previous run.
import { DIMENSION_IDS, type PublisherSummary, type RunSummary } from '../../history/model.js';
import { DIMENSIONS } from '../../audit/dimensions.js';
import { escapeHtml as e } from '../../report/html/escape.js';
import type { CatalogView } from '../dashboard.js';
import type { StoredDiff } from '../run-diff.js';
import { historyChart, sparkline } from './charts.js';
import { dashboardNav, ratingBadge, runCards, statusOf, when } from './dashboard-layout.js';
import { diffSection } from './diff-section.js';
import { page } from './layout.js';

/** What the catalog page shows. */
export interface CatalogPageData {
  view: CatalogView;
  runs: readonly RunSummary[];
  publishers: readonly PublisherSummary[];
  diff?: StoredDiff;
}

const day = (run: RunSummary) => (run.finishedAt ?? run.queuedAt).slice(0, 10);

function charts(runs: readonly RunSummary[]): string {
  const done = runs.filter((r) => r.status === 'done');
  if (done.length === 0) return '<p>No run recorded yet.</p>';
  const dates = done.map(day);
  const score = historyChart(
    `Catalog score over ${done.length} runs, from ${done[0]?.score} to ${done.at(-1)?.score} of 405`,
    [{ label: 'Score', values: done.map((r) => r.score ?? 0) }],
    dates,
    405,
  );
  const dims = historyChart(
    'Points per MQA dimension over the runs, as a share of the dimension’s maximum',
    DIMENSIONS.map((d) => ({
      label: d.label,
      values: done.map((r) => Math.round(((r.dimensions?.[d.id] ?? 0) / d.max) * 100)),
    })),
    dates,
    100,
    '%',
  );
  const rows = done
    .slice()
    .reverse()
    .map(
      (
        r,
      ) => `<tr><td>${when(r.finishedAt)}</td><td class="num">${e(r.score ?? 0)}</td><td>${ratingBadge(r.rating)}</td>
${DIMENSION_IDS.map((d) => `<td class="num">${e(r.dimensions?.[d] ?? 0)}</td>`).join('')}
<td class="num">${e(r.datasets ?? 0)}</td><td class="num">${e(r.findings?.violation ?? 0)}</td><td>${r.harvest?.complete ? 'complete' : 'incomplete'}</td>
<td><a href="/runs/${e(r.id)}/report">report</a></td></tr>`,
    );
  return `<h3 id="score-history">Score</h3>${score}
<h3 id="dimension-history">Dimensions</h3>${dims}
<details><summary>The runs as a table</summary><div class="scroll"><table id="runs">
<thead><tr><th scope="col">Finished</th><th scope="col" class="num">Score</th><th scope="col">Rating</th>
${DIMENSIONS.map((d) => `<th scope="col" class="num">${e(d.label)}</th>`).join('')}
<th scope="col" class="num">Datasets</th><th scope="col" class="num">Violations</th><th scope="col">Harvest</th><th scope="col">Report</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></details>`;
}

function publishersTable(catalog: string, publishers: readonly PublisherSummary[]): string {
  if (publishers.length === 0) return '<p>No publisher in the latest run.</p>';
  const rows = publishers.map(
    (
      p,
    ) => `<tr><th scope="row"><a href="/catalogs/${encodeURIComponent(catalog)}/publishers/${e(p.id)}">${e(p.name)}</a></th>
<td class="num">${e(p.datasets)}</td><td class="num">${e(p.score)}</td><td>${ratingBadge(p.rating)}</td>
<td>${sparkline(p.trend, `Score of ${p.name}`)}</td><td class="num">${e(p.findings.violation)}</td><td class="num">${e(p.findings.warning)}</td></tr>`,
  );
  return `<div class="scroll"><table id="publishers">
<caption>${e(publishers.length)} publishers, worst score first</caption>
<thead><tr><th scope="col">Publisher</th><th scope="col" class="num">Datasets</th><th scope="col" class="num">Score</th>
<th scope="col">Rating</th><th scope="col">Trend</th><th scope="col" class="num">Violations</th><th scope="col" class="num">Warnings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

/** The catalog page. */
export function catalogPage(data: CatalogPageData): string {
  const { view } = data;
  const latest = view.latest;
  const name = view.title ?? view.id;
  const head = `<dl class="meta"><dt>Source</dt><dd>${e(view.source)}</dd>
<dt>Last run</dt><dd>${statusOf(view.lastRun)}</dd>
<dt>Next run</dt><dd>${view.nextRunAt ? when(view.nextRunAt) : 'not scheduled'}</dd></dl>`;
  const summary = latest
    ? `${runCards(latest)}
<p><a href="/runs/${e(latest.id)}/report" id="latest-report">The full HTML report of the latest run (run ${e(latest.id)})</a></p>`
    : '<p>This catalog has not been run yet.</p>';
  const body = `${dashboardNav([[`/catalogs/${encodeURIComponent(view.id)}`, name]])}
${head}
${summary}
<h2 id="history">History</h2>
${charts(data.runs)}
<h2 id="publishers-heading">Publishers</h2>
${publishersTable(view.id, data.publishers)}
<h2 id="diff">Since the previous run</h2>
${data.diff ? diffSection(data.diff) : '<p>No previous run to compare with.</p>'}`;
  return page(name, body);
}
