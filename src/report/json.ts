// **json** renders a validation run as JSON: summary, groups, notices and every record's findings.
import { jsonWithArray } from './json-chunks.js';
import { runRecords } from '../shacl/findings.js';
import type { Renderer } from './renderer.js';

/**
 * Machine-readable report; the shape follows the result model (`Finding`, `RecordResult`). Each
 * record is one line of compact JSON (a data.gouv.fr-sized run has millions of findings), written
 * straight from the run's spool when it has one.
 */
export const jsonRenderer: Renderer = {
  id: 'json',
  description: 'the result model as JSON (summary, groups, records, findings)',
  extension: 'json',
  render(run, options = {}) {
    return [...(this.chunks?.(run, options) ?? [])].join('');
  },
  *chunks(run, options = {}) {
    const { groups, ...summary } = run.summary;
    yield* jsonWithArray(
      (records) => ({
        tool: { name: 'dcat-harvest', version: options.version ?? null },
        shapes: run.shapes,
        summary,
        groups: groups.map(({ example, ...group }) => ({ ...group, message: example.message })),
        notices: run.notices,
        records,
      }),
      run.recordTexts ?? runRecords(run),
      2,
      run.recordTexts ? 'texts' : 'compact',
    );
    yield '\n';
  },
};
