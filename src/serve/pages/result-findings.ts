// **result-findings** renders a validation on the result page: verdict, groups worst first, records to fix.
import { escapeHtml as e } from '../../report/html/escape.js';
import { componentName, shortPath } from '../../report/names.js';
import {
  runRecords,
  SEVERITIES,
  type RecordResult,
  type Severity,
  type ValidationRun,
} from '../../shacl/findings.js';

/** Records listed finding by finding on the page; the downloads hold them all. */
const RECORDS_SHOWN = 100;
const FINDINGS_PER_RECORD = 30;

const rank = (r: RecordResult) => SEVERITIES.findIndex((s) => r.counts[s] > 0);

function severity(s: Severity): string {
  return `<span class="sev sev-${s}">${s}</span>`;
}

function cards(run: ValidationRun): string {
  const s = run.summary;
  const card = (label: string, value: number) => `<div><dt>${e(label)}</dt><dd>${value}</dd></div>`;
  return `<dl class="cards">${card('Records', s.records)}${card('Conforming', s.conformingRecords)}${card('Violations', s.counts.violation)}${card('Warnings', s.counts.warning)}${card('Infos', s.counts.info)}</dl>`;
}

function groups(run: ValidationRun): string {
  if (run.summary.groups.length === 0) return '<p>No finding.</p>';
  const rows = run.summary.groups.map(
    (g) =>
      `<tr><td>${severity(g.severity)}</td><td class="num">${g.count}</td><td class="num">${g.records}</td><td>${e(g.recordKind)}</td><td>${e(`${componentName(g.component)} ${shortPath(g.path)}`.trim())}</td><td>${e(g.example.message)}</td></tr>`,
  );
  return `<div class="scroll"><table><caption>Identical findings grouped, worst first</caption><thead><tr><th scope="col">Severity</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Records</th><th scope="col">Record kind</th><th scope="col">Constraint</th><th scope="col">Example, with the fix</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}

function recordBlock(r: RecordResult): string {
  const name = r.record.title === undefined ? r.record.id : `«${r.record.title}»`;
  const findings = [...r.findings]
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
    .slice(0, FINDINGS_PER_RECORD)
    .map(
      (f) =>
        `<li>${severity(f.severity)} ${f.path ? `<code>${e(shortPath(f.path))}</code> ` : ''}${e(f.message)}${f.focusNode !== r.record.id ? ` <span class="iri">on ${e(f.focusNode)}</span>` : ''}</li>`,
    );
  const more =
    r.findings.length > FINDINGS_PER_RECORD
      ? `<li class="muted">… ${r.findings.length - FINDINGS_PER_RECORD} more in the downloads</li>`
      : '';
  return `<details><summary>${e(r.record.kind)} ${e(name)}: ${r.counts.violation} violations, ${r.counts.warning} warnings, ${r.counts.info} infos</summary>
<p class="iri">${e(r.record.id)}</p><ul class="findings">${findings.join('')}${more}</ul></details>`;
}

function records(run: ValidationRun): string {
  const failing = [...runRecords(run)].filter((r) => r.findings.length > 0);
  if (failing.length === 0) return '';
  const order = failing
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || b.r.findings.length - a.r.findings.length || a.i - b.i)
    .map(({ r }) => r);
  const shown = order.slice(0, RECORDS_SHOWN).map(recordBlock).join('\n');
  const more =
    order.length > RECORDS_SHOWN
      ? `<p class="muted">… and ${order.length - RECORDS_SHOWN} more records: see the downloads.</p>`
      : '';
  return `<h3 id="records-heading">Records to fix first</h3>\n${shown}${more}`;
}

/** The validation part of the result page. */
export function validationSection(run: ValidationRun): string {
  const conforms = run.summary.conforms;
  const verdict = conforms
    ? '<p class="verdict-pass"><strong>Conforms</strong>: no violation.</p>'
    : '<p class="verdict-fail"><strong>Does not conform</strong>: fix the violations below.</p>';
  const notices = run.notices.length
    ? `<h3>Notices</h3><ul>${run.notices.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`
    : '';
  return `<section aria-labelledby="validation-heading"><h2 id="validation-heading">Validation against ${e(run.shapes)}</h2>
${verdict}${cards(run)}
<h3>Findings</h3>${groups(run)}
${records(run)}${notices}</section>`;
}
