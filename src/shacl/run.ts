// **run** validates documents record by record and collects a run: results, summary, notices.
import type { InputDocument } from '../input/open.js';
import type { DatasetKey } from '../rdf/dataset-keys.js';
import { backgroundFor, type BackgroundMode } from './background.js';
import type { DocumentOptions } from './documents.js';
import { recordJsonPieces, refOf, type RecordResult, type ValidationRun } from './findings.js';
import { SummaryBuilder, summarize } from './summary.js';
import { PackedResult, packFindings } from './packed.js';
import type { Compliance } from './compliance.js';
import type { AttributionMove } from './dedupe.js';
import type { Measured, MeasureSetup } from '../audit/judged.js';
import { JsonSpool } from '../spool.js';
import { localPages, pooledPages, workerPages, workerSetup } from './pages.js';
import { TypeTable } from './type-table.js';
import { CatalogMerger } from './merge-catalogs.js';
import { collectBetweenPhases, collectDuringPages } from './collect.js';
import { settleGroups, Taker, waitingEntry, wholeGraphResults } from './packed-steps.js';
import { PagePool, type PooledPage } from './pool.js';
import type { ValidationThreads } from './threads.js';
import { settled, type Waiting } from './settle.js';
import { loadShapes, type LoadShapesOptions } from './profiles.js';
import { createValidator, type Relaxation, type Validator } from './validate.js';

/** Progress of a run, for a TTY progress line. */
export interface ValidationProgress {
  documents: number;
  records: number;
  /** Milliseconds since the start. */
  elapsed: number;
}

/** Options of {@link validateDocuments} and {@link runValidation}. */
export interface ValidateOptions extends LoadShapesOptions, DocumentOptions {
  /**
   * Background knowledge for each data graph: `vocabularies` (default: class hierarchy, EU
   * authority tables, IANA media types), `classes` (class hierarchy only), `none`; `true` is the
   * default and `false` is `none`.
   */
  background?: BackgroundMode | boolean;
  /** Findings left out: `documents` (web pages and standards not typed foaf:Document / dct:Standard). */
  relax?: readonly Relaxation[];
  /** Validate the whole input as one graph instead of record by record. */
  wholeGraph?: boolean;
  /** Worker threads; 0 (default) validates in this thread. */
  workers?: number;
  /**
   * Long-lived threads shared with other runs (a server's) to validate on, instead of a pool
   * started for this run (`workers` is then ignored).
   */
  threads?: ValidationThreads;
  /**
   * Old-generation heap of each worker, MB (default 384; 0: V8's default); a page needing more is
   * validated in this thread, with a notice.
   */
  workerHeapMb?: number;
  /** A validator to reuse (built from the other options when absent). */
  validator?: Validator;
  /** Called after each document. */
  onProgress?: (progress: ValidationProgress) => void;
  /**
   * Shapes of the audit's DCAT-AP compliance indicator: each dataset is also judged against
   * them (on the workers when there are any) and the verdict handed to `onCompliance`.
   */
  compliance?: LoadShapesOptions;
  /** Called with each dataset's DCAT-AP compliance verdict (see `compliance`). */
  onCompliance?: (dataset: string, compliance: Compliance) => void;
  /**
   * Measure each dataset's MQA indicators with its compliance verdict, on the same threads from
   * the same parse (needs `compliance` and `onCompliance`), and hand each to `onMeasured`.
   */
  measure?: MeasureSetup;
  /** Called with each dataset's measured MQA indicators (see `measure`). */
  onMeasured?: (measured: Measured) => void;
  /**
   * Only judge and measure each dataset, as `audit` does (needs `compliance`, `onCompliance` and
   * `measure`): no record is validated against the main shapes and nothing is yielded.
   */
  judgeOnly?: boolean;
  /**
   * Called with each page's datasets as a catalog's dataset index keeps them (IRI, identifier,
   * landing page, hash: see `datasetKeysOf`), named from the parse that validates the page, on
   * the workers when there are any; `source` is the page's document.
   */
  onPageDatasets?: (source: string, datasets: DatasetKey[]) => void;
  /**
   * Called once at the end with the nodes whose findings a later result's record should hold:
   * with it, a node several records reach is attributed to the one with the smallest id (see
   * `FindingDeduper.moves`); without it, to the first one met.
   */
  onAttribution?: (moves: AttributionMove[]) => void;
  /**
   * Records kept in memory before the ones waiting for the end (and, with `spool`, the results)
   * go to a temporary folder instead (default 200).
   */
  spoolAfter?: number;
  /**
   * Where each page's worker result comes from instead of validating it here: a queued run's
   * page results, stored by its page-batch jobs (see `dcat-harvest/queue`). They must be what the
   * pool gives for these inputs and options, page by page in input order; the rest of the run
   * (settling, the merged catalog) is the same. The pool still settles the records other pages
   * changed.
   * @hidden
   */
  storedPages?: (inputs: readonly string[]) => AsyncIterable<PooledPage>;
}

/** Builds the validator the options describe (shapes, imports, background). */
export async function validatorFor(options: ValidateOptions): Promise<Validator> {
  if (options.validator) return options.validator;
  const shapes = await loadShapes(options);
  const background = await backgroundFor(options.background);
  return createValidator(shapes, { background, relax: options.relax ?? [] });
}

/**
 * Validates inputs record by record, document (page) by document, yielding each record's result.
 * A node shared by several records (a publisher) is reported once, under the first record that
 * reaches it; a catalog repeated on every page is merged and validated once at the end; so the
 * findings equal a whole-graph validation's whenever the shapes allow (see `closurePlan`), and
 * the input is validated as one graph (with a notice) when they do not.
 *
 * A record is yielded as soon as its page is validated. When one of its class checks names an IRI
 * that a later page turns out to type (a service on page 1 serving a dataset of page 9), the
 * record is validated again at the end with that type, and a result with `revises` set to the
 * position (0-based, in yield order) of the earlier one replaces it. `runValidation` applies
 * revisions for you.
 *
 * @example
 * ```ts
 * import { createValidator, loadShapes, validateDocuments } from 'dcat-harvest/shacl';
 *
 * const validator = await createValidator(await loadShapes({ profile: 'dcat-ap-3' }));
 * for await (const r of validateDocuments(['page-1.ttl', 'page-2.ttl'], { validator }))
 *   console.log(r.record.id, r.counts.violation, r.revises ?? '');
 * ```
 */
export async function* validateDocuments(
  inputs: readonly string[],
  options: ValidateOptions & { validator: Validator },
): AsyncGenerator<RecordResult> {
  for await (const result of validatePacked(inputs, options)) yield result.result();
}

/**
 * {@link validateDocuments}'s results with their findings still packed: what `runValidation`
 * (and a run) counts and spools without making an object of each finding.
 */
export async function* validatePacked(
  inputs: readonly string[],
  options: ValidateOptions & { validator: Validator },
): AsyncGenerator<PackedResult> {
  const validator = options.validator;
  const wholeGraph = wantsWholeGraph(options);
  const started = Date.now();
  let documents = 0;
  const taker = new Taker(options.onAttribution !== undefined);
  const take = taker.take.bind(taker);
  if (wholeGraph) {
    for await (const { record, findings, source } of wholeGraphResults(inputs, options)) {
      const result = take(record, packFindings(findings), source);
      if (result) yield result;
    }
    return;
  }
  const catalogs = new CatalogMerger();
  // At data.gouv.fr's size nearly every dataset waits (its licence IRI is typed on no page): the
  // list goes to disk past `spoolAfter` entries (the records themselves stay in their pages).
  const waiting = new JsonSpool<Waiting>(undefined, options.spoolAfter);
  const documentsToReread = new Map<number, InputDocument>();
  const types = new TypeTable(); // record node → its rdf:types, over all pages
  let pool =
    options.threads || (options.workers ?? 0) > 0
      ? new PagePool(workerSetup(options), options)
      : undefined;
  try {
    for await (const page of options.storedPages
      ? workerPages(options.storedPages(inputs), options)
      : pool
        ? pooledPages(pool, inputs, options)
        : localPages(inputs, options, validator, await localCompliance(options))) {
      const source = { file: page.source };
      for (const notice of page.notices)
        if (!validator.notices.includes(notice)) validator.notices.push(notice);
      for (const [id, type] of page.types) types.add(id, type);
      catalogs.add(page.held, source);
      for (const r of page.results) {
        // A record met on an earlier page that another page could still change waits whole for
        // the end: yielding it now could report it twice.
        const deferred = r.unresolved !== undefined && taker.seen(r.record.id);
        const result = deferred ? undefined : take(r.record, r.findings, source);
        const ordinal = result ? taker.yielded : -1;
        if (result) {
          yield result;
          taker.yielded++;
        }
        if (r.unresolved === undefined) continue;
        const entry = waitingEntry(r, { ordinal, page: page.page, source, deferred });
        if (r.ntriples === undefined && page.document)
          documentsToReread.set(page.page, page.document);
        waiting.add(entry);
      }
      documents++;
      collectDuringPages(documents);
      options.onProgress?.({ documents, records: taker.records, elapsed: Date.now() - started });
    }
    // Records another page could change: validated again (on the workers, from their page read
    // again) when one did; deferred ones are settled either way.
    pool = await settlingPool(pool, options, waiting.length, documents);
    const groups = settleGroups(waiting, types, documentsToReread);
    for await (const { entry, findings } of settled(groups, validator, pool)) {
      if (findings !== undefined && entry.ordinal >= 0) {
        const revised = taker.dedupe.revise(findings, entry.ordinal);
        const result = new PackedResult(refOf(entry.record), findings, revised, entry.source);
        result.revises = entry.ordinal;
        yield result;
        continue;
      }
      if (entry.ordinal >= 0) continue; // not validated again: its result stands
      const result = take(
        entry.record,
        findings ?? packFindings(entry.findings ?? []),
        entry.source,
      );
      if (result) {
        yield result;
        taker.yielded++;
      }
    }
    // The workers are done: their memory goes before the merged catalog (74,200 dcat:dataset
    // links and as many types at data.gouv.fr's size) is validated here.
    await pool?.destroy();
    pool = undefined;
    collectBetweenPhases(documents);
    for (const { record, findings, source } of catalogs.validate(validator, types)) {
      const result = take(record, packFindings(findings), source);
      if (result) {
        yield result;
        taker.yielded++;
      }
    }
    collectBetweenPhases(documents);
    options.onAttribution?.(taker.dedupe.moves());
  } finally {
    waiting.close();
    await pool?.destroy();
  }
}

/**
 * The pool the records waiting for the end are settled on: V8 keeps the heap a busy thread
 * reached (≈ 150 MB each after 742 pages), so a run's own threads are replaced by fresh ones,
 * which read only the pages with records to revise. With stored results the pool's threads have
 * read nothing and are kept. Either way the main thread's garbage is collected before they start.
 */
async function settlingPool(
  pool: PagePool | undefined,
  options: ValidateOptions,
  waiting: number,
  pages: number,
): Promise<PagePool | undefined> {
  if (!pool || options.threads || waiting === 0) return pool;
  const kept = options.storedPages !== undefined;
  if (!kept) await pool.destroy();
  // Before the settling threads start (a queued run's aggregate has read every stored result as
  // fast as the disk gave them, and V8 let its heap grow with that pace).
  collectBetweenPhases(pages);
  return kept ? pool : new PagePool(workerSetup(options), options);
}

/** Whether the input is validated as one graph: asked, or the shapes allow nothing else. */
function wantsWholeGraph(options: ValidateOptions & { validator: Validator }): boolean {
  const { plan, notices } = options.validator;
  if (options.wholeGraph) return true;
  if (plan.guaranteed) return false;
  notices.push(
    `record-by-record validation cannot be guaranteed equal to whole-graph validation for these shapes (${plan.reasons.join('; ')}): validating the input as one graph, which needs memory for all of it`,
  );
  return true;
}

/** The compliance validator of pages validated in this thread, when the audit asks for one. */
async function localCompliance(options: ValidateOptions): Promise<Validator | undefined> {
  if (!options.compliance || !options.onCompliance) return undefined;
  return validatorFor({
    ...options.compliance,
    background: options.background,
    relax: options.relax,
  });
}

/** Options of {@link runValidation}. */
export interface RunValidationOptions extends ValidateOptions {
  /**
   * Keep the per-record results on disk instead of in memory (`run.records`, `run.dispose()`):
   * memory then stays bounded by pages in flight and nodes with findings, not by findings.
   */
  spool?: boolean;
}

/**
 * Validates inputs and collects everything renderers need: per-record results, summary, notices.
 *
 * @example
 * ```ts
 * import { runValidation } from 'dcat-harvest/shacl';
 *
 * const run = await runValidation(['catalog.ttl'], { profile: 'dcat-ap-3' });
 * console.log(`${run.summary.conformingRecords}/${run.summary.records} records conform`);
 * ```
 */
export async function runValidation(
  inputs: readonly string[],
  options: RunValidationOptions = {},
): Promise<ValidationRun> {
  const validator = await validatorFor(options);
  const results: RecordResult[] = [];
  const spool = options.spool
    ? new JsonSpool<RecordResult>(undefined, options.spoolAfter, recordJsonPieces)
    : undefined;
  const summary = new SummaryBuilder();
  try {
    for await (const packed of validatePacked(inputs, { ...options, validator })) {
      const revises = packed.revises;
      if (revises !== undefined) {
        const { revises: _revises, ...replacement } = packed.result();
        summary.replace(
          revises,
          spool ? spool.get(revises) : (results[revises] as RecordResult),
          replacement,
        );
        if (spool) spool.replace(revises, replacement);
        else results[revises] = replacement;
        continue;
      }
      if (spool) spool.addText(packed.jsonPieces(), () => packed.result());
      else results.push(packed.result());
      summary.add(packed);
    }
  } catch (error) {
    spool?.close();
    throw error;
  }
  const run: ValidationRun = {
    results,
    // A revision took away a group's example and gave none: count them all again (rare).
    summary: summary.exact ? summary.build() : summarize(spool ?? results),
    notices: [...new Set(validator.notices)],
    shapes: validator.label,
  };
  if (spool) {
    run.records = spool;
    run.recordTexts = { [Symbol.iterator]: () => spool.texts() };
    run.dispose = () => spool.close();
  }
  return run;
}
