// **diff-section** renders what changed since the previous run: scores, findings, datasets, regressions.
import { escapeHtml as e } from '../../report/html/escape.js';
import type { StoredDiff } from '../run-diff.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function list(title: string, items: readonly string[], total: number): string {
  if (total === 0) return '';
  const more =
    total > items.length ? `<li class="muted">and ${e(total - items.length)} more</li>` : '';
  return `<h4>${e(title)} (${e(total)})</h4><ul>${items.map((i) => `<li>${i}</li>`).join('')}${more}</ul>`;
}

/** The diff with the previous run, from what the runner stored beside the run. */
export function diffSection(stored: StoredDiff): string {
  const { diff, changes } = stored;
  const parts: string[] = [`<p>Compared with run ${e(stored.previous)}.</p>`];
  if (diff.regressions.length > 0)
    parts.push(
      `<div class="alert" role="note"><h3>Worse than the previous run</h3><ul>${diff.regressions
        .map((r) => `<li>${e(r)}</li>`)
        .join('')}</ul></div>`,
    );
  else parts.push('<p id="no-regression">Nothing got worse.</p>');
  const s = diff.scores;
  if (s)
    parts.push(
      `<p>Catalog score: ${e(s.catalog.before)} → ${e(s.catalog.after)} (${e(signed(s.catalog.delta))}).</p>`,
      list(
        'Publishers whose score changed',
        s.publishers.map(
          (p) => `${e(p.name)}: ${e(p.before)} → ${e(p.after)} (${e(signed(p.delta))})`,
        ),
        s.publishers.length,
      ),
      list(
        'Datasets whose score changed, worst fall first',
        s.datasets.map(
          (d) => `${e(d.name)}: ${e(d.before)} → ${e(d.after)} (${e(signed(d.delta))})`,
        ),
        s.datasets.length,
      ),
    );
  const f = diff.findings;
  if (f) {
    const t = f.totals;
    parts.push(
      `<p>Findings: ${e(f.before)} → ${e(f.after)}; introduced ${e(t.introduced.violation)} violations,
${e(t.introduced.warning)} warnings; fixed ${e(t.fixed.violation)} violations, ${e(t.fixed.warning)} warnings.</p>`,
    );
  }
  if (changes) {
    const c = changes.counts;
    parts.push(
      `<p>Datasets: ${e(c.added)} added, ${e(c.changed)} changed, ${e(c.removed)} removed, ${e(c.unchanged)} unchanged.</p>`,
      list(
        'Added',
        changes.added.map((d) => `<span class="iri">${e(d.iri)}</span>`),
        c.added,
      ),
      list(
        'Changed',
        changes.changed.map((d) => `<span class="iri">${e(d.iri)}</span>`),
        c.changed,
      ),
      list(
        'Removed',
        changes.removed.map((d) => `<span class="iri">${e(d.iri)}</span>`),
        c.removed,
      ),
    );
  }
  for (const notice of diff.notices) parts.push(`<p class="muted">${e(notice)}</p>`);
  return parts.filter(Boolean).join('\n');
}
