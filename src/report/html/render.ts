// **render** turns a run report into one self-contained HTML page (inline CSS, script, SVG; no network).
import type { RunReport } from '../../run/report-model.js';
import { CLIENT_SCRIPT } from './client.js';
import { compactReport } from './compact.js';
import { escapeHtml as e, jsonForScript } from './escape.js';
import { fixFirst, links, overview, runMeta, topFindings } from './sections.js';
import { STYLE } from './style.js';

/** A sortable column header: a button inside `<th scope="col">`, `aria-sort` set by the script. */
function sortable(key: string, label: string, numeric = false): string {
  return `<th scope="col" data-key="${key}"${numeric ? ' class="num" data-desc' : ''}><button type="button">${e(label)}</button></th>`;
}

function pager(prefix: string, noun: string): string {
  return `<div class="pager"><button type="button" id="${prefix}-prev">Previous page</button>
<button type="button" id="${prefix}-next">Next page</button>
<p id="${prefix}-status" role="status" aria-live="polite">Loading ${noun}…</p></div>`;
}

function publisherTable(): string {
  return `<section aria-labelledby="publishers-heading"><h2 id="publishers-heading">Publishers</h2>
<p class="muted">Choose a publisher to list its datasets below.</p>
<div class="scroll"><table id="publishers"><caption>Publishers with their average score</caption><thead><tr>
${sortable('name', 'Publisher')}${sortable('datasets', 'Datasets', true)}${sortable('score', 'Score', true)}${sortable('rating', 'Rating')}${sortable('violations', 'Violations', true)}${sortable('broken', 'Broken links', true)}
</tr></thead><tbody></tbody></table></div>
${pager('pub', 'publishers')}</section>`;
}

function datasetTable(): string {
  return `<section aria-labelledby="datasets-heading"><h2 id="datasets-heading">Datasets</h2>
<div class="controls" role="search">
<label for="ds-search">Search title or IRI<input id="ds-search" type="search" autocomplete="off"></label>
<label for="ds-rating">Rating<select id="ds-rating"><option value="">All</option><option value="excellent">Excellent</option><option value="good">Good</option><option value="sufficient">Sufficient</option><option value="bad">Bad</option></select></label>
<label for="ds-publisher">Publisher<select id="ds-publisher"><option value="">All</option></select></label>
<label for="ds-validity">Validation<select id="ds-validity"><option value="">All</option><option value="violations">With violations</option><option value="conforming">Conforming</option><option value="broken">With broken links</option></select></label>
</div>
<div class="scroll"><table id="datasets"><caption>Datasets; choose a title to see its indicators and findings</caption><thead><tr>
${sortable('title', 'Title')}${sortable('publisher', 'Publisher')}${sortable('score', 'Score', true)}${sortable('rating', 'Rating')}${sortable('distributions', 'Distributions', true)}${sortable('violations', 'Violations', true)}${sortable('warnings', 'Warnings', true)}${sortable('broken', 'Broken links', true)}
</tr></thead><tbody></tbody></table></div>
${pager('ds', 'datasets')}</section>`;
}

/** Renders `report` as a complete HTML document; every text from the data is escaped. */
export function renderHtmlReport(report: RunReport): string {
  const title = `Catalog report: ${report.run.source}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${e(report.run.tool.name)} ${e(report.run.tool.version)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#datasets-heading">Skip to the datasets</a>
<header><h1>${e(title)}</h1>
<p class="muted">Harvested, validated and audited on ${e(report.run.finishedAt)} by ${e(report.run.tool.name)} ${e(report.run.tool.version)}.</p></header>
<main>
${overview(report)}
${fixFirst(report)}
${topFindings(report)}
${publisherTable()}
${datasetTable()}
${links(report)}
${runMeta(report)}
</main>
<script type="application/json" id="report-data">${jsonForScript(compactReport(report))}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
