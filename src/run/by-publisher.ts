// **by-publisher** writes one folder per publisher: a Markdown summary (fixes first) and a CSV of its datasets.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generalizeGroupMessage, RECORD_MARK } from '../report/html/group-message.js';
import { describeRecord } from '../shacl/messages.js';
import type { BuiltReport } from './build-report.js';
import type { DatasetRow, FindingGroupRow, PublisherRow, RunReportHead } from './report-model.js';

/** A file-system-safe folder name for a publisher, unique within the run. */
export function publisherSlug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'publisher';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** A CSV field: quoted when needed; a leading =, +, - or @ is defused for spreadsheets. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_HEADER = [
  'dataset',
  'title',
  'score',
  'rating',
  'distributions',
  'violations',
  'warnings',
  'broken_links',
  'points_lost_on',
  'first_finding',
];

/**
 * A group's message as it reads for the dataset `d`: the group's example names the record it came
 * from (the smallest IRI of the catalog's), so that record becomes `d`, and the focus node and the
 * value, which differ from one finding to the next, an ellipsis (as the HTML report shows them).
 */
export function messageFor(group: FindingGroupRow, d: DatasetRow): string {
  const own = describeRecord({
    id: d.id,
    kind: 'dataset',
    ...(d.title === undefined ? {} : { title: d.title }),
  });
  return generalizeGroupMessage(group).split(RECORD_MARK).join(own);
}

/** The message of a dataset's most severe, most frequent group of findings. */
function firstFinding(d: DatasetRow, groups: readonly FindingGroupRow[]): string | undefined {
  // Groups are listed worst first, then most frequent: the lowest index is the worst.
  const first = d.groups[0];
  const group = first === undefined ? undefined : groups[first[0]];
  return group === undefined ? undefined : messageFor(group, d);
}

/** The publisher's datasets, worst score first. */
export function publisherCsv(
  rows: readonly DatasetRow[],
  groups: readonly FindingGroupRow[] = [],
): string {
  const lines = [CSV_HEADER.join(',')];
  for (const d of [...rows].sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))) {
    const lost = d.indicators.filter((i) => i.points < i.max).map((i) => i.id);
    lines.push(
      [
        d.id,
        d.title,
        d.score,
        d.rating,
        d.distributions,
        d.counts.violation,
        d.counts.warning,
        d.brokenLinks,
        lost.join(' '),
        firstFinding(d, groups),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n/g, ' ');
}

/** The publisher's summary: score, fixes first, then its datasets' findings. */
export function publisherMarkdown(
  report: RunReportHead,
  p: PublisherRow,
  rows: readonly DatasetRow[],
): string {
  const groups = report.validation.groups;
  const out = [
    `# ${md(p.name)}`,
    '',
    `Source: ${md(report.run.source)} · ${md(report.run.finishedAt)} · ${report.audit.method} method`,
    '',
    `- Datasets: ${p.datasets}`,
    `- Average score: **${p.score}** of ${report.audit.maxPoints} (${p.rating})`,
    `- Validation: ${p.counts.violation} violations, ${p.counts.warning} warnings`,
    `- Broken links: ${p.brokenLinks}`,
    '',
    '## Fix first',
    '',
  ];
  if (p.fixFirst.length === 0) out.push('Nothing to fix: every indicator scores.');
  else {
    out.push('| Fix | Points gained |', '|---|---:|');
    for (const f of p.fixFirst.slice(0, 15)) out.push(`| ${md(f.action)} | +${f.gain} |`);
  }
  if (report.audit.portalLosses.length > 0) {
    out.push('', 'Points lost to what the portal never exports (not yours to fix): ');
    out.push(report.audit.portalLosses.map((l) => `${md(l.label)} (${l.points})`).join(', ') + '.');
  }
  out.push('', '## Findings', '');
  const withFindings = rows.filter((d) => d.groups.length > 0);
  if (withFindings.length === 0) out.push('No validation findings.');
  for (const d of withFindings.slice(0, 200)) {
    out.push(`### ${md(d.title ?? d.id)}`, '', `<${d.id}> · score ${d.score}`, '');
    for (const [g, count] of d.groups.slice(0, 20)) {
      const group = groups[g];
      if (!group) continue;
      const where = [group.component, group.path].filter(Boolean).join(' on ');
      out.push(
        `- **${group.severity}** × ${count} (${md(where)}), for example: ${md(messageFor(group, d))}`,
      );
    }
    out.push('');
  }
  if (withFindings.length > 200)
    out.push(`… and ${withFindings.length - 200} more datasets: see datasets.csv.`);
  out.push(
    '',
    'Every dataset: `datasets.csv` (worst score first). Every finding: `findings.jsonl` in the report folder.',
    '',
  );
  return out.join('\n');
}

/**
 * Writes `publishers/<slug>/README.md` and `datasets.csv`; returns the folders written. Rows are
 * read back one publisher at a time.
 *
 * @example
 * ```ts
 * import { buildRunReport, writeByPublisher, type RunResults } from 'dcat-harvest/run';
 *
 * declare const results: RunResults; // see buildRunReport
 * const report = buildRunReport(results);
 * const folders = await writeByPublisher(report, 'report-gouv');
 * console.log(`${folders.length} publisher folders written`);
 * report.dispose();
 * ```
 */
export async function writeByPublisher(report: BuiltReport, dir: string): Promise<string[]> {
  const taken = new Set<string>();
  const written: string[] = [];
  const { head } = report;
  for (const p of head.publishers) {
    const folder = path.join(dir, 'publishers', publisherSlug(p.name, taken));
    const rows = (report.byPublisher.get(p.id) ?? []).map((at) => report.datasets.get(at));
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'README.md'), publisherMarkdown(head, p, rows));
    await writeFile(path.join(folder, 'datasets.csv'), publisherCsv(rows, head.validation.groups));
    written.push(folder);
  }
  return written;
}
