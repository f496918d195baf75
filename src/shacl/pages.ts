// **pages** gives a run's pages validated, in input order: on worker threads, or in this thread.
import type { InputDocument } from '../input/open.js';
import { datasetKeysOf, type DatasetKey } from '../rdf/dataset-keys.js';
import { QuadIndex } from '../rdf/quad-index.js';
import { extractRecords } from '../rdf/records.js';
import { datasetCompliance, type Compliance } from './compliance.js';
import { measureJudged, type Measured, type MeasureSetup } from '../audit/judged.js';
import { readDocuments, type DocumentOptions } from './documents.js';
import {
  labelBlankNodes,
  validatePageRecords,
  withTriplesOfPending,
  type HeldCatalog,
} from './page.js';
import type { PagePool, PooledPage } from './pool.js';
import type { LoadShapesOptions } from './profiles.js';
import type { Relaxation, Validator } from './validate.js';
import type { BackgroundMode } from './background.js';
import type { WorkerRecordResult, WorkerSetup } from './worker.js';

/** What reading and validating pages needs of a run's options (`ValidateOptions` has it all). */
export interface PageOptions extends LoadShapesOptions, DocumentOptions {
  background?: BackgroundMode | boolean;
  relax?: readonly Relaxation[];
  compliance?: LoadShapesOptions;
  onCompliance?: (dataset: string, compliance: Compliance) => void;
  /**
   * How to measure each dataset's MQA indicators (with its compliance) from the same pages, and
   * who hears of each (needs `compliance` and `onCompliance`).
   */
  measure?: MeasureSetup;
  onMeasured?: (measured: Measured) => void;
  /** Only judge and measure datasets, as `audit` does (see `WorkerSetup.judgeOnly`). */
  judgeOnly?: boolean;
  /**
   * Called with each page's datasets as a catalog's dataset index keeps them, named from the
   * parse that validates the page (see `WorkerSetup.index`); `source` is the page's document.
   */
  onPageDatasets?: (source: string, datasets: DatasetKey[]) => void;
}

/** A page's results, from a worker or from this thread. */
export interface Page {
  source: string;
  /** Position in the input. */
  page: number;
  results: WorkerRecordResult[];
  /** Catalogs, merged over pages and validated at the end. */
  held: HeldCatalog[];
  types: [string, string][];
  notices: string[];
  /** The page's document, to read it again at the end (absent: stdin, URLs). */
  document?: InputDocument;
}

/** Pages validated in this thread. */
export async function* localPages(
  inputs: readonly string[],
  options: PageOptions,
  validator: Validator,
  /** Judges each dataset's compliance for the audit (`options.onCompliance`), when given. */
  compliance?: Validator,
): AsyncGenerator<Page> {
  let page = 0;
  for await (const document of readDocuments(inputs, options)) {
    const index = page++;
    const store = new QuadIndex(labelBlankNodes(document.quads, index));
    const records = extractRecords(store, validator.plan.rule);
    if (!options.judgeOnly)
      options.onPageDatasets?.(document.source, datasetKeysOf(store, records, validator.plan.rule));
    const outcome = options.judgeOnly
      ? { results: [], held: [], types: [] }
      : validatePageRecords(records, validator, { file: document.source }, document.repairs);
    if (compliance) {
      for (const { record, compliance: verdict } of datasetCompliance(compliance, store)) {
        options.onCompliance?.(record.id, verdict);
        if (options.measure) options.onMeasured?.(measureJudged(record, verdict, options.measure));
      }
    }
    const results = document.document
      ? outcome.results
      : withTriplesOfPending(outcome.results, records);
    yield {
      source: document.source,
      page: index,
      results,
      held: outcome.held,
      types: outcome.types,
      notices: [],
      ...(document.document ? { document: document.document } : {}),
    };
  }
}

/** What every worker needs: the shapes, and the audit's compliance shapes when asked. */
export function workerSetup(options: PageOptions): WorkerSetup {
  return {
    shapes: {
      profile: options.profile,
      level: options.level,
      shapes: options.shapes,
      importMap: options.importMap,
    },
    background: options.background ?? 'vocabularies',
    ...(options.relax?.length ? { relax: options.relax } : {}),
    ...(options.compliance && options.onCompliance ? { compliance: options.compliance } : {}),
    ...(options.compliance && options.onCompliance && options.measure
      ? { measure: options.measure }
      : {}),
    ...(options.judgeOnly ? { judgeOnly: true } : {}),
    ...(options.onPageDatasets && !options.judgeOnly ? { index: true } : {}),
  };
}

/** Pages validated on worker threads; catalogs come back as N-Triples. */
export function pooledPages(
  pool: PagePool,
  inputs: readonly string[],
  options: PageOptions,
): AsyncGenerator<Page> {
  return workerPages(pool.pages(inputs), options);
}

/**
 * Pages as workers give them (validated now on the pool, or stored by a queued run's page jobs),
 * their compliance verdicts and measures handed to the options' callbacks.
 */
export async function* workerPages(
  pages: AsyncIterable<PooledPage>,
  options: PageOptions,
): AsyncGenerator<Page> {
  for await (const page of pages) {
    for (const [id, verdict] of page.compliance ?? []) options.onCompliance?.(id, verdict);
    for (const m of page.measured ?? []) options.onMeasured?.(m);
    if (page.datasets) options.onPageDatasets?.(page.source, page.datasets);
    yield {
      source: page.source,
      page: page.page,
      results: page.results,
      held: page.held,
      types: page.types,
      notices: page.notices,
      ...(page.document.rereadable ? { document: page.document } : {}),
    };
  }
}
