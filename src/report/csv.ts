// **csv** renders one row per finding (RFC 4180 quoting), for spreadsheets.
import type { Renderer } from './renderer.js';

const COLUMNS = [
  'record',
  'record_kind',
  'record_title',
  'focus_node',
  'severity',
  'path',
  'component',
  'value',
  'source_shape',
  'message',
  'file',
] as const;

/** Quotes a field when it holds a comma, quote or line break. */
export function csvField(value: string | undefined): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRenderer: Renderer = {
  id: 'csv',
  description: 'one row per finding, for spreadsheets',
  extension: 'csv',
  render(run) {
    const rows = [COLUMNS.join(',')];
    for (const result of run.results) {
      for (const f of result.findings) {
        rows.push(
          [
            f.record.id,
            f.record.kind,
            f.record.title,
            f.focusNode,
            f.severity,
            f.path,
            f.component,
            f.value,
            f.sourceShape,
            f.message,
            f.source?.file,
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
    return rows.join('\r\n') + '\r\n';
  },
};
