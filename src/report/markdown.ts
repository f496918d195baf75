// **markdown** renders a validation run for CI summaries (GitHub step summary, merge requests).
import { failsAt } from '../shacl/findings.js';
import { componentName, shortPath } from './names.js';
import type { Renderer } from './renderer.js';

/** Escapes the characters that break a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const ICON = { violation: '❌', warning: '⚠️', info: 'ℹ️' } as const;

export const markdownRenderer: Renderer = {
  id: 'markdown',
  description: 'Markdown summary for CI (GitHub step summary)',
  extension: 'md',
  render(run, options = {}) {
    const s = run.summary;
    const failOn = options.failOn ?? 'violation';
    const verdict = failsAt(s.counts, failOn) ? '❌ **fail**' : '✅ **pass**';
    const out = [
      `## DCAT-AP validation: ${cell(run.shapes)}`,
      '',
      `${verdict} (fail on ${failOn}): ${s.records} records, ${s.conformingRecords} conforming.`,
      '',
      '| violations | warnings | infos |',
      '|---:|---:|---:|',
      `| ${s.counts.violation} | ${s.counts.warning} | ${s.counts.info} |`,
    ];
    if (s.groups.length > 0) {
      out.push(
        '',
        '| severity | count | records | constraint | example |',
        '|---|---:|---:|---|---|',
      );
      for (const g of s.groups) {
        const what = `${componentName(g.component)} \`${shortPath(g.path) || '-'}\``;
        out.push(
          `| ${ICON[g.severity]} ${g.severity} | ${g.count} | ${g.records} | ${cell(what)} | ${cell(g.example.message)} |`,
        );
      }
    }
    if (run.notices.length > 0) {
      out.push('', '**Notices**', '', ...run.notices.map((n) => `- ${cell(n)}`));
    }
    return out.join('\n') + '\n';
  },
};
