// **group-by-record** sorts a whole-graph validation's findings into one list per record.
import type { RecordGraph } from '../rdf/records.js';
import type { Finding } from './findings.js';

/** The findings of each record (records without any included), labelled with their source. */
export function groupByRecord(
  findings: Finding[],
  records: RecordGraph[],
  source?: { file: string },
) {
  const byId = new Map(records.map((r) => [r.id, { record: r, findings: [] as Finding[] }]));
  for (const finding of findings) {
    if (source) finding.source = source;
    let entry = byId.get(finding.record.id);
    if (!entry) {
      entry = { record: { id: finding.record.id, kind: 'other', quads: [] }, findings: [] };
      byId.set(finding.record.id, entry);
    }
    entry.findings.push(finding);
  }
  return [...byId.values()];
}
