// **render** writes a run diff as text, JSON, Markdown or a self-contained HTML page.
import { escapeHtml as e } from '../report/html/escape.js';
import type { FindingChange, RecordChange, RunDiff, ScoreChange } from './diff.js';
import { DEFAULT_FINDINGS_LIMIT } from './findings.js';

/**
 * Items listed per section in text, Markdown and HTML unless told otherwise (JSON has every record
 * and score change, and the findings the diff listed).
 */
export const LIST_LIMIT = DEFAULT_FINDINGS_LIMIT;

/** Options of {@link renderDiff}. */
export interface RenderDiffOptions {
  /** Items listed per section in text, Markdown and HTML (default 100). */
  limit?: number;
}

/** A format {@link renderDiff} writes. */
export type DiffFormat = 'text' | 'json' | 'markdown' | 'html';
/** Every {@link DiffFormat}. */
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'json', 'markdown', 'html'];

interface Section {
  title: string;
  lines: string[];
  total: number;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const record = (r: RecordChange) => `${r.title ? `«${r.title}» ` : ''}${r.id} (${r.kind})`;
const score = (s: ScoreChange) => `${s.name}: ${s.before} → ${s.after} (${signed(s.delta)})`;
const finding = (f: FindingChange) => `${f.severity}: ${f.message}`;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The diff as titled sections of plain lines, shared by the text-like renderers. */
function sections(diff: RunDiff, limit: number): { headline: string[]; sections: Section[] } {
  const headline: string[] = [];
  const out: Section[] = [];
  const add = (title: string, lines: string[], count = lines.length) => {
    if (count > 0) out.push({ title, lines: lines.slice(0, limit), total: count });
  };
  if (diff.records) {
    const r = diff.records;
    headline.push(
      `records: ${r.before} → ${r.after}; ${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed, ${r.unchanged} unchanged`,
    );
    add('Added', r.added.map(record));
    add('Removed', r.removed.map(record));
    add('Changed', r.changed.map(record));
  }
  if (diff.scores) {
    const c = diff.scores.catalog;
    headline.push(`catalog score: ${c.before} → ${c.after} (${signed(c.delta)})`);
    add('Publisher scores', diff.scores.publishers.map(score));
    add('Dataset scores', diff.scores.datasets.map(score));
  }
  if (diff.findings) {
    const f = diff.findings;
    const introduced = total(f.totals.introduced);
    const fixed = total(f.totals.fixed);
    headline.push(`findings: ${introduced} introduced, ${fixed} fixed`);
    add('Findings introduced', f.introduced.map(finding), introduced);
    add('Findings fixed', f.fixed.map(finding), fixed);
  }
  if (diff.links) {
    headline.push(
      `links: ${diff.links.newlyBroken.length} newly broken, ${diff.links.repaired.length} repaired`,
    );
    add('Links newly broken', diff.links.newlyBroken);
    add('Links repaired', diff.links.repaired);
  }
  headline.push(
    diff.regressions.length === 0 ? 'no regression' : `regressions: ${diff.regressions.join('; ')}`,
  );
  for (const notice of diff.notices) headline.push(`note: ${notice}`);
  return { headline, sections: out };
}

function more(s: Section): string | undefined {
  return s.total > s.lines.length ? `… and ${s.total - s.lines.length} more` : undefined;
}

function renderText(diff: RunDiff, limit: number): string {
  const { headline, sections: list } = sections(diff, limit);
  const out = [
    `diff ${diff.before.source} → ${diff.after.source}`,
    ...headline.map((h) => `  ${h}`),
  ];
  for (const s of list) {
    out.push('', `${s.title} (${s.total}):`, ...s.lines.map((l) => `  ${l}`));
    const m = more(s);
    if (m) out.push(`  ${m}`);
  }
  return out.join('\n') + '\n';
}

function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function renderMarkdown(diff: RunDiff, limit: number): string {
  const { headline, sections: list } = sections(diff, limit);
  const out = [
    `## dcat-harvest diff`,
    '',
    `\`${diff.before.source}\` → \`${diff.after.source}\``,
    '',
    ...headline.map((h) => `- ${mdEscape(h)}`),
  ];
  for (const s of list) {
    out.push('', `### ${s.title} (${s.total})`, '', ...s.lines.map((l) => `- ${mdEscape(l)}`));
    const m = more(s);
    if (m) out.push(`- ${m}`);
  }
  return out.join('\n') + '\n';
}

function renderHtml(diff: RunDiff, limit: number): string {
  const { headline, sections: list } = sections(diff, limit);
  const body = list
    .map((s) => {
      const m = more(s);
      return `<section><h2>${e(s.title)} (${s.total})</h2><ul>${s.lines.map((l) => `<li>${e(l)}</li>`).join('')}${m ? `<li>${e(m)}</li>` : ''}</ul></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>dcat-harvest diff</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:auto;padding:1rem}li{word-break:break-word}</style>
</head><body><main><h1>What changed</h1><p>${e(diff.before.source)} → ${e(diff.after.source)}</p>
<ul>${headline.map((h) => `<li>${e(h)}</li>`).join('')}</ul>
${body}</main></body></html>
`;
}

/**
 * Renders the diff in one of {@link DIFF_FORMATS}.
 *
 * @example
 * ```ts
 * import { diffRuns, renderDiff } from 'dcat-harvest/diff';
 *
 * const diff = await diffRuns('reports/2026-10', 'reports/2026-11');
 * console.log(renderDiff(diff, 'text', { limit: 10 }));
 * ```
 */
export function renderDiff(
  diff: RunDiff,
  format: DiffFormat,
  options: RenderDiffOptions = {},
): string {
  const limit = options.limit ?? LIST_LIMIT;
  switch (format) {
    case 'json':
      return JSON.stringify(diff, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(diff, limit);
    case 'html':
      return renderHtml(diff, limit);
    default:
      return renderText(diff, limit);
  }
}
