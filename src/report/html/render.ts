// **render** turns a run report into one self-contained HTML page (inline CSS, script, SVG; no network).
import type { DatasetRow, RunReport, RunReportHead } from '../../run/report-model.js';
import { CLIENT_SCRIPT } from './client.js';
import { CompactPacker } from './compact.js';
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

function datasetTable(findingsFile: string): string {
  return `<section aria-labelledby="datasets-heading"><h2 id="datasets-heading">Datasets</h2>
<div class="controls" role="search">
<label for="ds-search">Search title or IRI<input id="ds-search" type="search" autocomplete="off"></label>
<label for="ds-rating">Rating<select id="ds-rating"><option value="">All</option><option value="excellent">Excellent</option><option value="good">Good</option><option value="sufficient">Sufficient</option><option value="bad">Bad</option></select></label>
<label for="ds-publisher">Publisher<select id="ds-publisher"><option value="">All</option></select></label>
<label for="ds-validity">Validation<select id="ds-validity"><option value="">All</option><option value="violations">With violations</option><option value="conforming">Conforming</option><option value="broken">With broken links</option></select></label>
</div>
<p class="muted">Choose a title to see the dataset's indicators and its findings counted per group; the findings one by one are in <code>${e(findingsFile)}</code> beside this page (one line per record).</p>
<div class="scroll"><table id="datasets"><caption>Datasets; choose a title to see its indicators and findings</caption><thead><tr>
${sortable('title', 'Title')}${sortable('publisher', 'Publisher')}${sortable('score', 'Score', true)}${sortable('rating', 'Rating')}${sortable('distributions', 'Distributions', true)}${sortable('violations', 'Violations', true)}${sortable('warnings', 'Warnings', true)}${sortable('broken', 'Broken links', true)}
</tr></thead><tbody></tbody></table></div>
${pager('ds', 'datasets')}</section>`;
}

/** The document up to the opening of the rows' JSON array. */
function pageStart(head: RunReportHead): string {
  const title = `Catalog report: ${head.run.source}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${e(head.run.tool.name)} ${e(head.run.tool.version)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#datasets-heading">Skip to the datasets</a>
<header><h1>${e(title)}</h1>
<p class="muted">Harvested, validated and audited on ${e(head.run.finishedAt)} by ${e(head.run.tool.name)} ${e(head.run.tool.version)}.</p></header>
<main>
${overview(head)}
${fixFirst(head)}
${topFindings(head)}
${publisherTable()}
${datasetTable(head.validation.findings.file)}
${links(head)}
${runMeta(head)}
</main>
<script type="application/json" id="report-details">[`;
}

/** Table rows gathered into one string per this many, until the end of the page. */
const TABLE_BATCH = 4096;

/**
 * The page in pieces: {@link HtmlPage.start}, one {@link HtmlPage.row} per dataset (its detail,
 * one line of the `report-details` array), then {@link HtmlPage.end}: the `report-rows` array of
 * the datasets' table columns (kept until then, as UTF-8: about 110 bytes per dataset), the shared tables
 * and the script. The page parses the table columns when it opens and a dataset's detail line
 * when it is opened.
 */
export class HtmlPage {
  private readonly packer: CompactPacker;
  private first = true;
  /** Table rows written so far, as UTF-8 (half the memory of strings with accents). */
  private readonly tables: Buffer[] = [];
  private batch: string[] = [];

  constructor(private readonly head: RunReportHead) {
    this.packer = new CompactPacker(head);
  }

  start(): string {
    return pageStart(this.head);
  }

  /** A dataset's detail line; its table columns are kept for {@link HtmlPage.end}. */
  row(row: DatasetRow): string {
    const { table, detail } = this.packer.row(row);
    const separator = this.first ? '\n' : ',\n';
    this.first = false;
    this.batch.push(separator + jsonForScript(table));
    if (this.batch.length >= TABLE_BATCH) {
      this.tables.push(Buffer.from(this.batch.join(''), 'utf8'));
      this.batch = [];
    }
    return separator + jsonForScript(detail);
  }

  /** The end of the details, the table rows, the shared tables and the script. */
  *end(): Generator<string> {
    yield `\n]</script>\n<script type="application/json" id="report-rows">[`;
    for (const bytes of this.tables) yield bytes.toString('utf8');
    yield this.batch.join('');
    yield `\n]</script>
<script type="application/json" id="report-data">${jsonForScript(this.packer.tables())}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
  }
}

/** The page's text in pieces, one per dataset row, without holding the rows. */
export async function* htmlReportChunks(
  head: RunReportHead,
  datasets: AsyncIterable<DatasetRow> | Iterable<DatasetRow>,
): AsyncGenerator<string> {
  const page = new HtmlPage(head);
  yield page.start();
  for await (const row of datasets) yield page.row(row);
  yield* page.end();
}

/**
 * Renders `report` as a complete HTML document (every text from the data escaped); for reports
 * that fit in memory. {@link writeHtmlReport} writes the same text to a file without holding it.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { renderHtmlReport } from 'dcat-harvest/report';
 * import { readRunReport, runPipeline } from 'dcat-harvest/run';
 *
 * await runPipeline('catalog.ttl', { out: 'report' });
 * const report = await readRunReport('report');
 * const rows = [];
 * for await (const row of report.datasets()) rows.push(row);
 * await writeFile('report/copy.html', renderHtmlReport({ ...report.head, datasets: rows }));
 * ```
 */
export function renderHtmlReport(report: RunReport): string {
  const page = new HtmlPage(report);
  const parts = [page.start()];
  for (const row of report.datasets) parts.push(page.row(row));
  parts.push(...page.end());
  return parts.join('');
}
