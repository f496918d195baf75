// **catalogs-page** renders the dashboard's first page: every catalog with its latest score, rating, conformity, trend, last and next run.
import { escapeHtml as e } from '../../report/html/escape.js';
import type { CatalogView } from '../dashboard.js';
import { sparkline } from './charts.js';
import { conformity, dashboardNav, ratingBadge, statusOf, when } from './dashboard-layout.js';
import { page } from './layout.js';

function scheduleText(view: CatalogView): string {
  if (view.schedule.every) return `every ${e(view.schedule.every)}`;
  if (view.schedule.cron) return `cron <code>${e(view.schedule.cron)}</code>`;
  return '<span class="muted">by hand</span>';
}

function row(view: CatalogView): string {
  const latest = view.latest;
  const name = view.title ?? view.id;
  return `<tr data-catalog="${e(view.id)}">
<th scope="row"><a href="/catalogs/${encodeURIComponent(view.id)}">${e(name)}</a><br><span class="iri">${e(view.source)}</span></th>
<td class="num">${latest ? `${e(latest.score ?? 0)}` : '—'}</td>
<td>${ratingBadge(latest?.rating)}</td>
<td class="num">${conformity(latest)}</td>
<td class="num">${latest ? e(latest.datasets ?? 0) : '—'}</td>
<td>${sparkline(view.trend, `Score of ${name}`)}</td>
<td>${statusOf(view.lastRun)}</td>
<td>${view.nextRunAt ? when(view.nextRunAt) : '<span class="muted">—</span>'}<br><span class="muted">${scheduleText(view)}</span></td>
</tr>`;
}

/** The catalogs page. */
export function catalogsPage(views: readonly CatalogView[]): string {
  const body =
    views.length === 0
      ? `<p>No catalog yet. Start the server with <code>--catalogs FILE</code>, or add one with
<code>POST /api/catalogs</code> and the admin key.</p>`
      : `<div class="scroll"><table id="catalogs">
<caption>${e(views.length)} catalog${views.length === 1 ? '' : 's'}: latest run, trend of the last runs, next run</caption>
<thead><tr><th scope="col">Catalog</th><th scope="col" class="num">Score</th><th scope="col">Rating</th>
<th scope="col" class="num">Conforming records</th><th scope="col" class="num">Datasets</th>
<th scope="col">Trend</th><th scope="col">Last run</th><th scope="col">Next run</th></tr></thead>
<tbody>
${views.map(row).join('\n')}
</tbody></table></div>`;
  return page('Catalogs', `${dashboardNav()}\n${body}`);
}
