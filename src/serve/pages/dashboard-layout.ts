// **dashboard-layout** wraps a dashboard page: the validator's layout with a way between the pages, and shared bits (times, ratings, cards).
import { escapeHtml as e } from '../../report/html/escape.js';
import type { RunSummary } from '../../history/model.js';

/** The dashboard's additions to the stylesheet. */
export const DASHBOARD_STYLE = `
nav.top ul { display: flex; gap: 1.25rem; list-style: none; padding: 0; margin: 0; }
figure.chart { margin: .5rem 0 1rem; max-width: 60rem; }
ul.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; list-style: none; padding: 0; margin: .3rem 0; font-size: .85rem; }
.status-failed { color: #b42318; font-weight: 600; } .status-running, .status-queued { color: #b26b00; }
td .sparkline { vertical-align: middle; }
`;

/** A UTC date-time as people read it, in a `<time>`. */
export function when(iso: string | undefined): string {
  if (!iso) return '<span class="muted">—</span>';
  const text = iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return `<time datetime="${e(iso)}">${e(text)}</time>`;
}

/** The rating badge of the HTML report. */
export function ratingBadge(rating: string | undefined): string {
  return rating ? `<span class="rating rating-${e(rating)}">${e(rating)}</span>` : '';
}

/** A run's status, coloured when it is not done. */
export function statusOf(run: RunSummary | undefined): string {
  if (!run) return '<span class="muted">never</span>';
  const text = run.status === 'failed' && run.error ? `failed: ${run.error}` : run.status;
  return `${when(run.finishedAt ?? run.startedAt ?? run.queuedAt)} <span class="status-${e(run.status)}">${e(text)}</span>`;
}

/** Conformity: records without a violation over records. */
export function conformity(run: RunSummary | undefined): string {
  if (run?.records === undefined) return '—';
  const share =
    run.records > 0 ? Math.round(((run.conformingRecords ?? 0) / run.records) * 100) : 100;
  return `${e(run.conformingRecords ?? 0)} / ${e(run.records)} (${share}%)`;
}

/** The headline cards of a run. */
export function runCards(run: RunSummary): string {
  const cards: [string, string][] = [
    ['Score', `${e(run.score ?? 0)} / ${e(run.maxPoints ?? 405)}`],
    ['Rating', ratingBadge(run.rating)],
    ['Conforming records', conformity(run)],
    ['Datasets', e(run.datasets ?? 0)],
    ['Violations', e(run.findings?.violation ?? 0)],
    ['Warnings', e(run.findings?.warning ?? 0)],
    [
      'Harvest',
      run.harvest?.complete ? 'complete' : `${e(run.harvest?.missingPages ?? 0)} pages missing`,
    ],
  ];
  return `<dl class="cards">${cards.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`;
}

/** The navigation between the validator and the dashboard. */
export function dashboardNav(trail: [string, string][] = []): string {
  const crumbs = [
    ['/', 'Validator'] as [string, string],
    ['/catalogs', 'Catalogs'] as [string, string],
    ...trail,
  ];
  return `<nav class="top" aria-label="Pages"><ul>${crumbs
    .map(([href, label]) => `<li><a href="${e(href)}">${e(label)}</a></li>`)
    .join('')}</ul></nav>`;
}
