// **dataset-index** lists a catalog's datasets page by page (IRI, identifier, landing page, content hash), reusing the previous run's entries for pages whose bytes did not change.
import { createReadStream } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fingerprintRecord } from '../diff/fingerprint.js';
import { readHarvestFolder, sha256, writeAtomic } from '../fetch/harvest-folder.js';
import { formatFromPath } from '../rdf/formats.js';
import { parseText } from '../rdf/parse.js';
import { QuadIndex } from '../rdf/quad-index.js';
import { extractRecords } from '../rdf/records.js';
import { readDocuments } from '../shacl/documents.js';
import { DCAT, DCT } from '../vocab.js';

/** The file beside a catalog's `report.json`. */
export const DATASET_INDEX_FILE = 'dataset-index.jsonl';
export const DATASET_INDEX_SCHEMA = 'dcat-harvest/dataset-index@1';

/** One dataset (or series) as the index keeps it. */
export interface IndexedDataset {
  iri: string;
  identifier?: string;
  landingPage?: string;
  /** SHA-256 of the record's canonical graph (see `fingerprintRecord`). */
  hash: string;
}

/** One page: where it came from, its bytes' hash, its datasets. */
export interface IndexedPage {
  url: string;
  sha256: string;
  datasets: IndexedDataset[];
}

/** A stored page line: datasets as `[iri, identifier, landingPage, hash]` tuples. */
interface PageLine {
  url: string;
  sha256: string;
  datasets: [string, string | null, string | null, string][];
}

/**
 * Datasets of one parsed page (IRI records of kind dataset or series). The page is looked up
 * through a `QuadIndex`, as the validation threads do: for the 143,521 quads of the page with the
 * 9,076-distribution dataset, an N3 store raised the RSS by ≈ 550 MB, a `QuadIndex` by ≈ 85 MB
 * (bench/README.md, issue 18).
 */
function datasetsOf(quads: readonly Quad[]): IndexedDataset[] {
  const out: IndexedDataset[] = [];
  for (const record of extractRecords(new QuadIndex(quads))) {
    if ((record.kind !== 'dataset' && record.kind !== 'series') || record.id.startsWith('_:'))
      continue;
    const own = record.quads.filter((q) => q.subject.value === record.id);
    const identifier = own.find((q) => q.predicate.value === DCT.identifier)?.object.value;
    const landingPage = own.find((q) => q.predicate.value === DCAT.landingPage)?.object.value;
    out.push({
      iri: record.id,
      ...(identifier === undefined ? {} : { identifier }),
      ...(landingPage === undefined ? {} : { landingPage }),
      hash: fingerprintRecord(record),
    });
  }
  return out;
}

/** The pages of a catalog's data: a harvest folder's good pages, or local files. */
async function* pagesOf(
  input: { harvest: string } | { files: string },
  known: ReadonlyMap<string, IndexedDataset[]>,
): AsyncGenerator<IndexedPage> {
  if ('harvest' in input) {
    const folder = await readHarvestFolder(input.harvest);
    for (const page of folder.pages) {
      if (page.error) continue;
      const body = await page.read();
      const hash = page.sha256 ?? sha256(body);
      const reused = known.get(hash);
      if (reused) {
        yield { url: page.url, sha256: hash, datasets: reused };
        continue;
      }
      const { quads } = await parseText(body.toString('utf8'), {
        format: page.format ?? formatFromPath(page.path)?.id ?? 'turtle',
        source: page.path,
        repair: true,
      });
      yield { url: page.url, sha256: hash, datasets: datasetsOf(quads) };
    }
    return;
  }
  for await (const document of readDocuments([input.files])) {
    const bytes = document.document ? await readFile(document.source) : undefined;
    const hash = sha256(bytes ?? document.source);
    const reused = bytes ? known.get(hash) : undefined;
    yield {
      url: document.source,
      sha256: hash,
      datasets: reused ?? datasetsOf(document.quads),
    };
  }
}

/**
 * Indexes a catalog's datasets and writes `file` (JSON lines: a header, then one line per page).
 * Pages whose SHA-256 is in `previous` take their entries from there instead of being parsed.
 *
 * @example
 * ```ts
 * import { readDatasetIndex, writeDatasetIndex } from 'dcat-harvest/catalogs';
 *
 * // Index a harvest folder again, reusing the entries of pages whose bytes did not change.
 * const previous = await readDatasetIndex('runs/monday/gouv/dataset-index.jsonl');
 * const { pages, reusedPages } = await writeDatasetIndex(
 *   { harvest: 'runs/tuesday/gouv/harvest' },
 *   'runs/tuesday/gouv/dataset-index.jsonl',
 *   previous,
 * );
 * console.log(`${pages.length} pages, ${reusedPages} reused`);
 * ```
 */
export async function writeDatasetIndex(
  input: { harvest: string } | { files: string },
  file: string,
  previous: readonly IndexedPage[] = [],
): Promise<{ pages: IndexedPage[]; reusedPages: number }> {
  const known = new Map(previous.map((p) => [p.sha256, p.datasets]));
  const pages: IndexedPage[] = [];
  let reusedPages = 0;
  for await (const page of pagesOf(input, known)) {
    if (known.get(page.sha256) === page.datasets) reusedPages++;
    pages.push(page);
  }
  const lines = [JSON.stringify({ schema: DATASET_INDEX_SCHEMA })];
  for (const page of pages) {
    const line: PageLine = {
      url: page.url,
      sha256: page.sha256,
      datasets: page.datasets.map((d) => [
        d.iri,
        d.identifier ?? null,
        d.landingPage ?? null,
        d.hash,
      ]),
    };
    lines.push(JSON.stringify(line));
  }
  await writeAtomic(file, lines.join('\n') + '\n');
  return { pages, reusedPages };
}

/**
 * Reads a dataset index written by {@link writeDatasetIndex}; undefined when there is none.
 *
 * @example
 * ```ts
 * import { readDatasetIndex } from 'dcat-harvest/catalogs';
 *
 * const pages = await readDatasetIndex('runs/monday/gouv/dataset-index.jsonl');
 * const datasets = (pages ?? []).reduce((n, page) => n + page.datasets.length, 0);
 * console.log(`${pages?.length ?? 0} pages, ${datasets} datasets`);
 * ```
 */
export async function readDatasetIndex(file: string): Promise<IndexedPage[] | undefined> {
  if (!(await stat(file).catch(() => undefined))) return undefined;
  const pages: IndexedPage[] = [];
  let header = true;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.length === 0) continue;
    const value = JSON.parse(text) as PageLine | { schema: string };
    if (header) {
      header = false;
      if (!('schema' in value) || value.schema !== DATASET_INDEX_SCHEMA) return undefined;
      continue;
    }
    const line = value as PageLine;
    pages.push({
      url: line.url,
      sha256: line.sha256,
      datasets: line.datasets.map(([iri, identifier, landingPage, hash]) => ({
        iri,
        ...(identifier === null ? {} : { identifier }),
        ...(landingPage === null ? {} : { landingPage }),
        hash,
      })),
    });
  }
  return pages;
}
