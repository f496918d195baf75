// **overview-html** renders the overview page of a multi-catalog run: self-contained, with the catalog report's look.
import { escapeHtml as e } from '../report/html/escape.js';
import { STYLE } from '../report/html/style.js';
import { writeChunksToFile } from '../report/write.js';
import type { CatalogChanges } from './changes.js';
import type { DuplicatesSection } from './duplicates.js';
import type { CatalogRow, Overview } from './overview-model.js';

const RATING_LABEL: Record<string, string> = {
  excellent: 'Excellent',
  good: 'Good',
  sufficient: 'Sufficient',
  bad: 'Bad',
};

const STATUS_LABEL: Record<CatalogRow['status'], string> = {
  ok: 'complete',
  incomplete: 'harvest incomplete',
  failed: 'failed',
};

function card(id: string, label: string, value: number | string): string {
  return `<div><dt>${e(label)}</dt><dd data-testid="${e(id)}">${e(value)}</dd></div>`;
}

function head(columns: readonly string[], numeric: ReadonlySet<string>): string {
  const cells = columns.map(
    (c) => `<th scope="col"${numeric.has(c) ? ' class="num"' : ''}>${e(c)}</th>`,
  );
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

const num = (value: number | undefined) =>
  `<td class="num">${value === undefined ? '–' : e(value)}</td>`;

function conformity(row: CatalogRow): string {
  if (row.records === undefined || row.conformingRecords === undefined) return '<td>–</td>';
  const share = row.records === 0 ? 100 : Math.round((row.conformingRecords / row.records) * 100);
  return `<td>${row.conforms ? 'conforms' : 'does not conform'}<br><span class="muted">${e(row.conformingRecords)}/${e(row.records)} records (${share} %)</span></td>`;
}

function changesCell(row: CatalogRow): string {
  const c = row.changes?.counts;
  if (!c) return '';
  const reuse = row.incremental?.reused ? ' · results reused' : '';
  return `<td>+${e(c.added)} ~${e(c.changed)} −${e(c.removed)}<br><span class="muted">${e(c.unchanged)} unchanged${reuse}</span></td>`;
}

function catalogRow(row: CatalogRow, since: boolean): string {
  const name = row.title ?? row.id;
  const link = row.report ? `<a href="${e(row.report)}">${e(name)}</a>` : e(name);
  const score =
    row.score === undefined
      ? '<td>–</td>'
      : `<td class="num">${e(row.score)}/${e(row.maxPoints ?? 405)} <span class="rating rating-${e(row.rating ?? 'bad')}">${e(RATING_LABEL[row.rating ?? ''] ?? row.rating ?? '')}</span></td>`;
  const status = `<td class="${row.status === 'ok' ? '' : 'sev sev-violation'}">${e(STATUS_LABEL[row.status])}</td>`;
  const problem = row.error?.message ?? row.reasons.join('; ');
  return `<tr data-catalog="${e(row.id)}"><th scope="row">${link}<br><span class="iri">${e(row.source)}</span></th>${status}${score}${conformity(row)}${num(row.datasets)}${num(row.findings?.violation)}${num(row.findings?.warning)}${num(row.failures)}${since ? changesCell(row) : ''}<td class="num">${e(row.exitCode)}</td><td>${e(problem)}</td></tr>`;
}

function catalogTable(o: Overview): string {
  const since = o.run.since !== undefined;
  const columns = [
    'Catalog',
    'Status',
    'Score',
    'Conformity',
    'Datasets',
    'Violations',
    'Warnings',
    'Failed pages',
    ...(since ? ['Since the previous run'] : []),
    'Exit code',
    'Error',
  ];
  const numeric = new Set([
    'Score',
    'Datasets',
    'Violations',
    'Warnings',
    'Failed pages',
    'Exit code',
  ]);
  return `<section aria-labelledby="catalogs-heading"><h2 id="catalogs-heading">Catalogs</h2>
<div class="scroll"><table id="catalogs">${head(columns, numeric)}<tbody>
${o.catalogs.map((r) => catalogRow(r, since)).join('\n')}
</tbody></table></div></section>`;
}

function duplicates(d: DuplicatesSection): string {
  if (d.groups === 0)
    return `<section aria-labelledby="duplicates-heading"><h2 id="duplicates-heading">Cross-catalog duplicates</h2><p>No dataset was found in two catalogs.</p></section>`;
  const rows = d.listed.map((g) => {
    const key = g.by === 'iri' ? g.key : `${g.key} · ${g.landingPage ?? ''}`;
    const members = g.members.map((m) => `${e(m.catalog)}: <span class="iri">${e(m.iri)}</span>`);
    return `<tr><td>${g.by === 'iri' ? 'same IRI' : 'same identifier and landing page'}</td><td class="iri">${e(key)}</td><td>${members.join('<br>')}</td></tr>`;
  });
  const more =
    d.groups > d.listed.length
      ? `<p class="muted">Showing the first ${d.listed.length} of ${d.groups} groups; ${e(d.file)} has them all.</p>`
      : '';
  return `<section aria-labelledby="duplicates-heading"><h2 id="duplicates-heading">Cross-catalog duplicates</h2>
<p>${e(d.groups)} datasets are harvested through more than one catalog: ${e(d.byIri)} by the same IRI, ${e(d.byIdentifier)} by the same <code>dct:identifier</code> and landing page.</p>
<div class="scroll"><table id="duplicates">${head(['Matched by', 'Key', 'Catalogs'], new Set())}<tbody>
${rows.join('\n')}
</tbody></table></div>${more}</section>`;
}

function changeList(title: string, items: string[], total: number): string {
  if (total === 0) return '';
  const more =
    total > items.length
      ? `<li class="muted">… ${total - items.length} more in changes.json</li>`
      : '';
  return `<h4>${e(title)} (${e(total)})</h4><ul class="findings">${items.join('')}${more}</ul>`;
}

function changes(rows: readonly CatalogRow[]): string {
  const parts = rows
    .filter((r): r is CatalogRow & { changes: CatalogChanges } => r.changes !== undefined)
    .map((r) => {
      const c = r.changes;
      const item = (d: { iri: string; identifier?: string }) =>
        `<li><span class="iri">${e(d.iri)}</span>${d.identifier === undefined ? '' : ` (${e(d.identifier)})`}</li>`;
      const drift = c.drift.map(
        (d) =>
          `<li>${d.kind === 'identifier' ? 'IRI' : 'identifier'} <span class="iri">${e(d.key)}</span>: ${e(d.before ?? '(none)')} → ${e(d.after ?? '(none)')}</li>`,
      );
      const n = c.counts;
      return `<h3 id="changes-${e(r.id)}">${e(r.title ?? r.id)}</h3>
${changeList('Added', c.added.map(item), n.added)}${changeList('Changed', c.changed.map(item), n.changed)}${changeList('Removed', c.removed.map(item), n.removed)}${changeList('Identifier drift', drift, n.identifierDrift + n.iriDrift)}${n.added + n.changed + n.removed === 0 ? '<p>No dataset added, changed or removed.</p>' : ''}`;
    });
  if (parts.length === 0) return '';
  return `<section aria-labelledby="changes-heading"><h2 id="changes-heading">Changes since the previous run</h2>${parts.join('\n')}</section>`;
}

/** The whole page, every text from the data escaped. */
export function renderOverviewHtml(o: Overview): string {
  const title = `Catalogs overview: ${o.counts.catalogs} catalogs`;
  const c = o.counts;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="${e(o.run.tool.name)} ${e(o.run.tool.version)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#catalogs-heading">Skip to the catalogs</a>
<header><h1>${e(title)}</h1>
<p class="muted">Harvested, validated and audited on ${e(o.run.finishedAt)} by ${e(o.run.tool.name)} ${e(o.run.tool.version)}${o.run.since ? ` · since ${e(o.run.since)}` : ''}.</p></header>
<main>
<dl class="cards">
${card('count-catalogs', 'Catalogs', c.catalogs)}
${card('count-failed', 'Failed', c.failed)}
${card('count-incomplete', 'Incomplete', c.incomplete)}
${card('count-datasets', 'Datasets', c.datasets)}
${card('count-violations', 'Violations', c.violations)}
${card('count-duplicates', 'Cross-catalog duplicates', o.duplicates.groups)}
</dl>
${catalogTable(o)}
${duplicates(o.duplicates)}
${changes(o.catalogs)}
</main>
</body>
</html>
`;
}

/** Writes the overview page. */
export async function writeOverviewHtml(file: string, overview: Overview): Promise<void> {
  await writeChunksToFile(file, [renderOverviewHtml(overview)]);
}
