// **sections** renders the static parts of the HTML report: overview, fixes, findings, links, metadata.
import type { RunReportHead } from '../../run/report-model.js';
import { dimensionBars, scoreGauge } from './chart.js';
import { escapeHtml as e } from './escape.js';

/** Rows shown in the static tables; the full lists are in report.json. */
export const STATIC_ROWS = 50;
/** Link-check rows shown in the page. */
export const LINK_ROWS = 500;

const RATING_LABEL: Record<string, string> = {
  excellent: 'Excellent',
  good: 'Good',
  sufficient: 'Sufficient',
  bad: 'Bad',
};

function rating(value: string): string {
  return `<span class="rating rating-${e(value)}">${e(RATING_LABEL[value] ?? value)}</span>`;
}

function card(id: string, label: string, value: number | string): string {
  return `<div><dt>${e(label)}</dt><dd data-testid="${e(id)}">${e(value)}</dd></div>`;
}

function head(columns: readonly string[], numeric: ReadonlySet<string> = new Set()): string {
  const cells = columns.map(
    (c) => `<th scope="col"${numeric.has(c) ? ' class="num"' : ''}>${e(c)}</th>`,
  );
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

function more(shown: number, total: number, what: string): string {
  return total > shown
    ? `<p class="muted">Showing the first ${shown} of ${total} ${e(what)}; report.json has them all.</p>`
    : '';
}

/** Score gauge, rating, dimension chart and headline counts. */
export function overview(report: RunReportHead): string {
  const { audit, counts, harvest } = report;
  const completeness =
    harvest.totalItems === undefined
      ? `${harvest.records} records`
      : `${harvest.records} of ${harvest.totalItems} announced records`;
  return `<section aria-labelledby="overview-heading">
<h2 id="overview-heading">Overview</h2>
<div class="overview">${scoreGauge(audit)}
<div><p>Catalog rating: <strong data-testid="rating">${rating(audit.rating)}</strong></p>
<p class="muted">Method: ${e(audit.method === 'mqa' ? 'MQA (best distribution, as data.europa.eu)' : 'proportional')} · ${e(completeness)}${harvest.complete ? '' : ' · <strong>harvest incomplete</strong>'}</p></div>
${dimensionBars(audit)}</div>
<dl class="cards">
${card('count-datasets', 'Datasets', counts.datasets)}
${card('count-distributions', 'Distributions', counts.distributions)}
${card('count-publishers', 'Publishers', counts.publishers)}
${card('count-violations', 'Violations', counts.violations)}
${card('count-warnings', 'Warnings', counts.warnings)}
${card('count-broken-links', 'Broken links', counts.brokenLinks)}
</dl></section>`;
}

/** The fixes that gain the most points, and the points the portal's export costs everyone. */
export function fixFirst(report: RunReportHead): string {
  const fixes = report.audit.fixFirst.slice(0, STATIC_ROWS);
  const rows = fixes.map(
    (f) =>
      `<tr><th scope="row">${e(f.action)}</th><td>${e(f.indicator)}</td><td class="num">${e(f.datasets)}</td><td class="num">+${e(f.gain)}</td><td>${f.portal ? 'the portal’s export' : 'publishers'}</td></tr>`,
  );
  const losses = report.audit.portalLosses.map(
    (l) =>
      `<tr><th scope="row">${e(l.label)}</th><td class="num">${e(l.points)}</td><td class="num">${e(l.datasets)}</td></tr>`,
  );
  return `<section aria-labelledby="fixes-heading">
<h2 id="fixes-heading">Fix first</h2>
${fixes.length === 0 ? '<p>Nothing to fix: every indicator scores.</p>' : `<table id="fixes"><caption>Fixes ranked by points gained on the catalog score</caption>${head(['Fix', 'Indicator', 'Datasets', 'Points gained', 'Who can fix it'], new Set(['Datasets', 'Points gained']))}<tbody>${rows.join('\n')}</tbody></table>`}
${more(fixes.length, report.audit.fixFirst.length, 'fixes')}
${losses.length === 0 ? '' : `<table id="portal-losses"><caption>Points lost to what the portal never exports (not the publishers’ fault)</caption>${head(['Indicator', 'Points per dataset', 'Datasets'], new Set(['Points per dataset', 'Datasets']))}<tbody>${losses.join('\n')}</tbody></table>`}
</section>`;
}

/** The most frequent validation findings, worst first, and the indicator pass rates. */
export function topFindings(report: RunReportHead): string {
  const groups = report.validation.groups.slice(0, STATIC_ROWS);
  const rows = groups.map(
    (g) =>
      `<tr><td><span class="sev sev-${e(g.severity)}">${e(g.severity)}</span></td><th scope="row">${e(g.message)}</th><td>${e(g.path ?? '')}</td><td>${e(g.component)}</td><td class="num">${e(g.count)}</td><td class="num">${e(g.records)}</td></tr>`,
  );
  const indicators = report.audit.indicators.map(
    (i) =>
      `<tr><th scope="row">${e(i.label)}</th><td>${e(i.dimension)}</td><td class="num">${e(i.max)}</td><td class="num">${e((i.passRate * 100).toFixed(1))} %</td></tr>`,
  );
  return `<section aria-labelledby="findings-heading">
<h2 id="findings-heading">Top findings</h2>
<p>Validated with ${e(report.validation.shapes)}: ${e(report.validation.conformingRecords)} of ${e(report.validation.records)} records conform.</p>
${groups.length === 0 ? '<p>No findings.</p>' : `<table id="top-findings"><caption>Findings grouped by shape, worst first (an example message per group)</caption>${head(['Severity', 'Example', 'Path', 'Constraint', 'Findings', 'Records'], new Set(['Findings', 'Records']))}<tbody>${rows.join('\n')}</tbody></table>`}
${more(groups.length, report.validation.groups.length, 'groups')}
<table id="indicators"><caption>Indicators: share of datasets earning the points</caption>${head(['Indicator', 'Dimension', 'Points', 'Passing'], new Set(['Points', 'Passing']))}<tbody>${indicators.join('\n')}</tbody></table>
</section>`;
}

/** URL-check results: counts, then the broken and inconclusive URLs. */
export function links(report: RunReportHead): string {
  const section = report.audit.links;
  if (!section) {
    return `<section aria-labelledby="links-heading"><h2 id="links-heading">URL checks</h2><p>URLs were not checked (run with <code>--check-links</code>).</p></section>`;
  }
  const shown = section.results.slice(0, LINK_ROWS);
  const rows = shown.map(
    (l) =>
      `<tr><th scope="row" class="iri">${e(l.url)}</th><td>${e(l.outcome)}</td><td class="num">${e(l.status ?? '')}</td><td class="num">${e(l.datasets)}</td><td>${e(l.error ?? (l.redirects ?? []).join(' → '))}</td></tr>`,
  );
  return `<section aria-labelledby="links-heading"><h2 id="links-heading">URL checks</h2>
<p><span data-testid="links-checked">${e(section.checked)}</span> URLs checked: ${e(section.ok)} ok, <strong>${e(section.broken)} broken</strong>, ${e(section.inconclusive)} inconclusive (429 or timeouts are not counted as broken).</p>
${rows.length === 0 ? '' : `<table id="links"><caption>URLs that failed</caption>${head(['URL', 'Outcome', 'Status', 'Datasets', 'Detail'], new Set(['Status', 'Datasets']))}<tbody>${rows.join('\n')}</tbody></table>`}
${more(shown.length, section.results.length, 'URLs')}
</section>`;
}

/** Harvest completeness and the run's metadata. */
export function runMeta(report: RunReportHead): string {
  const { run, harvest } = report;
  const options = Object.entries(run.options)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  const durations = Object.entries(run.durations)
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
    .join(' · ');
  const missing = harvest.missingPages.map(
    (p) => `<li><span class="iri">${e(p.url)}</span>: ${e(p.error)}</li>`,
  );
  return `<section aria-labelledby="run-heading"><h2 id="run-heading">Run</h2>
<dl class="meta">
<dt>Source</dt><dd data-testid="meta-source">${e(run.source)}</dd>
<dt>Started</dt><dd>${e(run.startedAt)}</dd><dt>Finished</dt><dd>${e(run.finishedAt)}</dd>
<dt>Tool</dt><dd>${e(run.tool.name)} ${e(run.tool.version)}</dd>
<dt>Options</dt><dd>${e(options || '(defaults)')}</dd>
<dt>Durations</dt><dd>${e(durations)}</dd>
<dt>Harvest</dt><dd>${e(harvest.pages)} pages, ${e(harvest.records)} records, ${e(harvest.duplicates)} duplicates${harvest.complete ? ', complete' : ', incomplete'}</dd>
</dl>
${missing.length === 0 ? '' : `<h3>Missing pages (${missing.length})</h3><ul>${missing.join('\n')}</ul>`}
</section>`;
}
