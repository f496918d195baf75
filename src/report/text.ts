// **text** renders a validation run for people: grouped summary, worst first, colour on a TTY.
import type { FindingGroup, RecordResult, Severity } from '../shacl/findings.js';
import { failsAt, runRecords } from '../shacl/findings.js';
import { componentName, shortPath } from './names.js';
import type { PaintStyle, Renderer } from './renderer.js';

const MARK: Record<Severity, [string, PaintStyle]> = {
  violation: ['✗ violation', 'red'],
  warning: ['! warning  ', 'yellow'],
  info: ['i info     ', 'cyan'],
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function countsText(counts: Record<Severity, number>): string {
  return `${plural(counts.violation, 'violation')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
}

function worst(result: RecordResult): number {
  return result.counts.violation > 0
    ? 0
    : result.counts.warning > 0
      ? 1
      : result.counts.info > 0
        ? 2
        : 3;
}

type Ranked = Pick<RecordResult, 'record' | 'counts'> & { findings: number; order: number };

/**
 * The `limit` records with findings, worst first (violations, then warnings, then infos; then
 * most findings; then first met), read once from any iterable without holding the others.
 */
function worstRecords(
  results: Iterable<RecordResult>,
  limit: number,
): { top: Ranked[]; count: number } {
  const rank = (r: Ranked) => worst({ counts: r.counts } as RecordResult);
  const compare = (a: Ranked, b: Ranked) =>
    rank(a) - rank(b) || b.findings - a.findings || a.order - b.order;
  let top: Ranked[] = [];
  let count = 0;
  for (const r of results) {
    if (worst(r) >= 3) continue;
    top.push({ record: r.record, counts: r.counts, findings: r.findings.length, order: count++ });
    if (top.length > limit * 4) top = top.sort(compare).slice(0, limit);
  }
  return { top: top.sort(compare).slice(0, limit), count };
}

/** The text report: header, groups of identical findings, records to fix first, notices, verdict. */
export const textRenderer: Renderer = {
  id: 'text',
  description: 'grouped summary for people, worst first (default)',
  extension: 'txt',
  render(run, options = {}) {
    const paint = options.paint ?? ((_s: PaintStyle, t: string) => t);
    const s = run.summary;
    const lines: string[] = [];
    lines.push(paint('bold', `Validation against ${run.shapes}`));
    lines.push(
      `${plural(s.records, 'record')}, ${s.conformingRecords} conforming; ${countsText(s.counts)}`,
    );
    if (s.groups.length > 0) lines.push('', paint('bold', 'Findings (identical ones grouped):'));
    for (const group of s.groups as FindingGroup[]) {
      const [label, style] = MARK[group.severity];
      const what = `${componentName(group.component)} ${shortPath(group.path)}`.trim();
      lines.push(
        `${paint(style, label)} ×${group.count} in ${plural(group.records, group.recordKind + ' record')}: ${what}`,
      );
      lines.push(`    e.g. ${group.example.message}`);
    }
    const { top: failing, count: failingCount } = worstRecords(runRecords(run), 20);
    if (failingCount > 0) {
      lines.push('', paint('bold', 'Records to fix first:'));
      for (const r of failing) {
        const name =
          r.record.title === undefined ? r.record.id : `«${r.record.title}» (${r.record.id})`;
        lines.push(`  ${r.record.kind} ${name}: ${countsText(r.counts)}`);
      }
      if (failingCount > 20) lines.push(`  … and ${failingCount - 20} more`);
    }
    if (run.notices.length > 0) {
      lines.push('', paint('bold', 'Notices:'));
      for (const notice of run.notices) lines.push(`  ${paint('yellow', '!')} ${notice}`);
    }
    const failOn = options.failOn ?? 'violation';
    const failed = failsAt(s.counts, failOn);
    const verdict = failed
      ? paint('red', `FAIL: findings at or above ${failOn}`)
      : paint('green', s.conforms ? 'PASS: conforms' : `PASS: nothing at or above ${failOn}`);
    lines.push('', verdict);
    return lines.join('\n') + '\n';
  },
};
