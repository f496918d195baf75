// **write** writes a run's HTML report to a file from its head and its dataset rows, streamed.
import type { DatasetRow, RunReportHead } from '../../run/report-model.js';
import { writeChunksToFile } from '../write.js';
import { htmlReportChunks } from './render.js';

/**
 * Writes the HTML report of a run: the rows are packed and written as they arrive (one line of
 * the page's JSON each), so memory holds the page's shared tables, never the page or the rows.
 *
 * @example
 * ```ts
 * import { writeHtmlReport } from 'dcat-harvest/report';
 * import { readRunReport } from 'dcat-harvest/run';
 *
 * const report = await readRunReport('reports/2026-11');
 * await writeHtmlReport('reports/2026-11/copy.html', report.head, report.datasets());
 * ```
 */
export async function writeHtmlReport(
  file: string,
  head: RunReportHead,
  datasets: AsyncIterable<DatasetRow> | Iterable<DatasetRow>,
): Promise<void> {
  await writeChunksToFile(file, htmlReportChunks(head, datasets));
}
