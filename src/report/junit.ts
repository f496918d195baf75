// **junit** renders a JUnit XML report: one testcase per record, failing at the --fail-on threshold.
import { failsAt, runRecords, type RecordResult } from '../shacl/findings.js';
import type { Renderer } from './renderer.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 forbids. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function caseName(result: RecordResult): string {
  return result.record.title === undefined
    ? result.record.id
    : `${result.record.title} (${result.record.id})`;
}

export const junitRenderer: Renderer = {
  id: 'junit',
  description: 'JUnit XML, a testcase per record (for CI test tabs)',
  extension: 'xml',
  render(run, options = {}) {
    return [...(this.chunks?.(run, options) ?? [])].join('');
  },
  *chunks(run, options = {}) {
    const failOn = options.failOn ?? 'violation';
    let tests = 0;
    let failures = 0;
    for (const r of runRecords(run)) {
      tests++;
      if (failsAt(r.counts, failOn)) failures++;
    }
    const suite = xmlEscape(run.shapes);
    yield [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="dcat-harvest validate" tests="${tests}" failures="${failures}" errors="0">`,
      `  <testsuite name="${suite}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
      '',
    ].join('\n');
    for (const result of runRecords(run)) {
      const lines: string[] = [];
      const open = `    <testcase classname="${xmlEscape(result.record.kind)}" name="${xmlEscape(caseName(result))}"`;
      const body = result.findings.map((f) => `[${f.severity}] ${f.message}`).join('\n');
      if (failsAt(result.counts, failOn)) {
        const first = result.findings[0]?.message ?? '';
        const c = result.counts;
        lines.push(`${open}>`);
        lines.push(
          `      <failure type="${failOn}" message="${counted(c.violation, 'violation')}, ${counted(c.warning, 'warning')}, ${counted(c.info, 'info')}: ${xmlEscape(first)}">${xmlEscape(body)}</failure>`,
        );
        lines.push('    </testcase>');
      } else if (body) {
        lines.push(
          `${open}>`,
          `      <system-out>${xmlEscape(body)}</system-out>`,
          '    </testcase>',
        );
      } else {
        lines.push(`${open}/>`);
      }
      yield lines.join('\n') + '\n';
    }
    yield '  </testsuite>\n</testsuites>\n';
  },
};
