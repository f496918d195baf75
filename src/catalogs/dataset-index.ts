// **dataset-index** lists a catalog's datasets page by page (IRI, identifier, landing page, content hash), reusing the previous run's entries for pages whose bytes did not change.
import { createReadStream } from 'node:fs';
import type { Quad } from '@rdfjs/types';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { readHarvestFolder, sha256, writeAtomic } from '../fetch/harvest-folder.js';
import { ownString } from '../own-string.js';
import { openInputs } from '../input/open.js';
import { datasetKeysOf, type DatasetKey } from '../rdf/dataset-keys.js';
import { formatFromPath } from '../rdf/formats.js';
import { parseText } from '../rdf/parse.js';
import { QuadIndex } from '../rdf/quad-index.js';
import { extractRecords } from '../rdf/records.js';
import { parseDocument } from '../shacl/documents.js';

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
  datasets: DatasetKey[];
}

const fromKey = ([iri, identifier, landingPage, hash]: DatasetKey): IndexedDataset => ({
  iri,
  ...(identifier === null ? {} : { identifier }),
  ...(landingPage === null ? {} : { landingPage }),
  hash,
});

const toKey = (d: IndexedDataset): DatasetKey => [
  d.iri,
  d.identifier ?? null,
  d.landingPage ?? null,
  d.hash,
];

/**
 * Each page's datasets named by the validation that read it (`onPageDatasets`), by the page's
 * document (its absolute path), for {@link writeDatasetIndex}.
 */
export class PageDatasets {
  private readonly bySource = new Map<string, DatasetKey[]>();

  constructor(private readonly cwd = process.cwd()) {}

  /** What `onPageDatasets` is given. */
  readonly add = (source: string, datasets: DatasetKey[]): void => {
    // Kept to the run's end (74,200 datasets at data.gouv.fr's size): one byte a character.
    const own = (text: string | null) => (text === null ? null : ownString(text));
    this.bySource.set(
      path.resolve(this.cwd, source),
      datasets.map(([iri, identifier, landingPage, hash]) => [
        ownString(iri),
        own(identifier),
        own(landingPage),
        ownString(hash),
      ]),
    );
  };

  /** The datasets of the page read from `file`, when its validation named them. */
  get(file: string): IndexedDataset[] | undefined {
    return this.bySource.get(path.resolve(this.cwd, file))?.map(fromKey);
  }

  get size(): number {
    return this.bySource.size;
  }
}

/**
 * Datasets of one parsed page, when no validation named them: the same keys (`datasetKeysOf`),
 * looked up through a `QuadIndex`, as the validation threads do (on the page with the
 * 9,076-distribution dataset, an N3 store raised the RSS by ≈ 550 MB, a `QuadIndex` by ≈ 85 MB:
 * bench/README.md, issue 18).
 */
function datasetsOf(quads: readonly Quad[]): IndexedDataset[] {
  const store = new QuadIndex(quads);
  return datasetKeysOf(store, extractRecords(store)).map(fromKey);
}

/** A page of a catalog's data: where it came from, its bytes' hash, and how to parse it. */
interface SourcePage {
  url: string;
  /** The file it is read from (what a validation names it by). */
  file: string;
  sha256: string;
  quads(): Promise<readonly Quad[]>;
}

/** The pages of a catalog's data: a harvest folder's good pages, or local files. */
async function* sourcePages(
  input: { harvest: string } | { files: string },
): AsyncGenerator<SourcePage> {
  if ('harvest' in input) {
    const folder = await readHarvestFolder(input.harvest);
    for (const page of folder.pages) {
      if (page.error) continue;
      const hash = page.sha256 ?? sha256(await page.read());
      const quads = async () => {
        const body = await page.read();
        const parsed = await parseText(body.toString('utf8'), {
          format: page.format ?? formatFromPath(page.path)?.id ?? 'turtle',
          source: page.path,
          repair: true,
        });
        return parsed.quads;
      };
      yield { url: page.url, file: page.path, sha256: hash, quads };
    }
    return;
  }
  for await (const document of openInputs([input.files])) {
    const bytes = document.rereadable ? await readFile(document.source) : undefined;
    const quads = async () => (await parseDocument(document)).quads;
    yield {
      url: document.source,
      file: document.source,
      sha256: sha256(bytes ?? document.source),
      quads,
    };
  }
}

/**
 * The SHA-256 of each page of a catalog's data, in order, nothing parsed: what `--since` compares
 * with the previous run's index before deciding whether to validate again.
 */
export async function pageHashes(
  input: { harvest: string } | { files: string },
): Promise<string[]> {
  const hashes: string[] = [];
  for await (const page of sourcePages(input)) hashes.push(page.sha256);
  return hashes;
}

/**
 * Indexes a catalog's datasets and writes `file` (JSON lines: a header, then one line per page).
 * Pages whose SHA-256 is in `previous` take their entries from there, pages that `named` knows
 * (what this run's validation named, see `PageDatasets`) from it; only the others are parsed.
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
  named?: { get(file: string): IndexedDataset[] | undefined },
): Promise<{ pages: IndexedPage[]; reusedPages: number; parsedPages: number }> {
  const known = new Map(previous.map((p) => [p.sha256, p.datasets]));
  const pages: IndexedPage[] = [];
  let reusedPages = 0;
  let parsedPages = 0;
  for await (const page of sourcePages(input)) {
    let datasets = known.get(page.sha256);
    if (datasets) reusedPages++;
    else datasets = named?.get(page.file);
    if (!datasets) {
      datasets = datasetsOf(await page.quads());
      parsedPages++;
    }
    pages.push({ url: page.url, sha256: page.sha256, datasets });
  }
  const lines = [JSON.stringify({ schema: DATASET_INDEX_SCHEMA })];
  for (const page of pages) {
    const line: PageLine = {
      url: page.url,
      sha256: page.sha256,
      datasets: page.datasets.map(toKey),
    };
    lines.push(JSON.stringify(line));
  }
  await writeAtomic(file, lines.join('\n') + '\n');
  return { pages, reusedPages, parsedPages };
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
      datasets: line.datasets.map(fromKey),
    });
  }
  return pages;
}
