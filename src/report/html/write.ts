// **write** writes a run's HTML report to a file from its head and its dataset rows.
import { writeFile } from 'node:fs/promises';
import type { DatasetRow, RunReportHead } from '../../run/report-model.js';
import { renderHtmlReport } from './render.js';

/**
 * Writes the HTML report of a run (the page embeds the rows compactly).
 * TODO(issue 15): stream the rows into the page instead of gathering them.
 */
export async function writeHtmlReport(
  file: string,
  head: RunReportHead,
  datasets: Iterable<DatasetRow>,
): Promise<void> {
  await writeFile(file, renderHtmlReport({ ...head, datasets: [...datasets] }));
}
