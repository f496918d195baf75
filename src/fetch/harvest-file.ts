// **harvest-file** harvests a local RDF file: copied as the folder's one page, and analysed.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatFromPath, type FormatId } from '../rdf/formats.js';
import { sha256 } from './harvest-folder.js';
import { pageId, type HarvestWalk } from './harvest-walk.js';
import { PAGES_DIR, type PageEntry } from './manifest.js';
import { analyzePage } from './page-analysis.js';

/** Stores `file` as page 1 of the walk's folder (format from `format`, else its extension). */
export async function harvestFile(
  walk: HarvestWalk,
  file: string,
  format?: FormatId,
): Promise<void> {
  walk.manifest.mode = 'single';
  const id = pageId(1);
  const pageFormat = format ?? formatFromPath(file)?.id ?? 'turtle';
  const body = await readFile(file);
  const stored = `${PAGES_DIR}/${id}.${path.basename(file).replace(/^.*?\.(?=[^.]+(\.gz)?$)/, '')}`;
  await mkdir(path.join(walk.out, PAGES_DIR), { recursive: true });
  await copyFile(file, path.join(walk.out, stored));
  const analysis = await analyzePage(body, pageFormat, `file://${path.resolve(file)}`);
  const entry: PageEntry = {
    id,
    index: 1,
    url: file,
    file: stored,
    format: pageFormat,
    status: 200,
    attempts: 1,
    timeMs: 0,
    bytes: body.length,
    sha256: sha256(body),
    triples: analysis.triples,
    records: analysis.records,
    datasets: analysis.datasets.length,
    totalItems: analysis.paging.totalItems,
    error: analysis.error ? { kind: 'parse', ...analysis.error } : undefined,
  };
  walk.record({ entries: [entry], analyses: [analysis], missing: [], fromDisk: false });
  walk.emit({ type: 'plan', mode: 'single' });
}
