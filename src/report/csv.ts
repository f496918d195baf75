// **csv** renders one row per finding (RFC 4180 quoting), for spreadsheets.
import { runRecords } from '../shacl/findings.js';
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
    return [...(this.chunks?.(run) ?? [])].join('');
  },
  *chunks(run) {
    yield COLUMNS.join(',') + '\r\n';
    for (const result of runRecords(run)) {
      for (const f of result.findings) {
        yield (
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
            .join(',') + '\r\n'
        );
      }
    }
  },
};
