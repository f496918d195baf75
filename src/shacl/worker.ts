// **worker** validates pages in a worker thread: one validator per worker, built on first use.
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { datasetKeysOf, type DatasetKey } from '../rdf/dataset-keys.js';
import { extractRecords } from '../rdf/records.js';
import { QuadIndex } from '../rdf/quad-index.js';
import type { FormatId } from '../rdf/formats.js';
import { parseText } from '../rdf/parse.js';
import { describeLost, lostStatements } from '../rdf/lost-statements.js';
import { backgroundFor, type BackgroundMode } from './background.js';
import { collectAfterPage } from './collect.js';
import { transferables, type PackedFindings } from './packed.js';
import { forCrossing } from './thread-errors.js';
import { datasetCompliance, type Compliance } from './compliance.js';
import { measureJudged, type Measured, type MeasureSetup } from '../audit/judged.js';
import {
  labelBlankNodes,
  reviseRecords,
  validatePageRecords,
  withTriplesOfPending,
  type HeldCatalog,
  type PageRecordWithTriples,
  type Revision,
  type RevisionRequest,
} from './page.js';
import { loadShapes, type LoadShapesOptions } from './profiles.js';
import { createValidator, type Relaxation, type Validator } from './validate.js';

/** What the pool gives every worker. */
export interface WorkerSetup {
  shapes: LoadShapesOptions;
  background: BackgroundMode | boolean;
  relax?: readonly Relaxation[];
  /** Shapes of the audit's compliance indicator, judged for each dataset as well (optional). */
  compliance?: LoadShapesOptions;
  /**
   * Also measure each dataset's MQA indicators (with its compliance; links are measured later,
   * where they are checked), so a run reads each page once for validation and audit.
   */
  measure?: MeasureSetup;
  /**
   * Only judge each dataset's compliance and measure it, as `audit` does (needs `compliance` and
   * `measure`): no record is validated against `shapes`, and malformed statements are skipped
   * with a notice instead of failing the page.
   */
  judgeOnly?: boolean;
  /**
   * Also name each page's datasets as a catalog's dataset index keeps them (`datasetKeysOf`),
   * from the same parse: a catalog run then never reads its pages a second time for its index.
   */
  index?: boolean;
}

/** One page to validate. */
export interface PageTask {
  source: string;
  format: FormatId;
  text: string;
  /** The page's position in the input (names its blank nodes, see `labelBlankNodes`). */
  page: number;
  /**
   * Whether the page can be read again at the end (a file): if not, records that another page
   * could change come back with their triples.
   */
  rereadable: boolean;
  /** Base IRI of relative IRIs (judge-only pages, read as `audit` reads them: see `parsedPages`). */
  baseIRI?: string;
}

/** A record's findings, plain data (structured-clone safe), with its triples when needed. */
export type WorkerRecordResult = PageRecordWithTriples;

export interface PageResult {
  source: string;
  results: WorkerRecordResult[];
  /** Catalogs, validated at the end. */
  held: HeldCatalog[];
  types: [string, string][];
  notices: string[];
  quads: number;
  /** `[dataset, compliance]` for every dataset of the page, when the setup asks for it. */
  compliance?: [string, Compliance][];
  /** Every dataset measured (scored when no URL is to be checked), when the setup asks (`measure`). */
  measured?: Measured[];
  /** The page's datasets as a dataset index keeps them, when the setup asks (`index`). */
  datasets?: DatasetKey[];
}

/** Records of a page to validate again at the end of a run (see `validateDocuments`). */
export interface ReviseTask {
  source: string;
  format: FormatId;
  text: string;
  page: number;
  records: RevisionRequest[];
}

export interface ReviseResult {
  source: string;
  revisions: Revision[];
  notices: string[];
}

/** Validators of one setup: the main shapes', and the compliance shapes' when asked. */
interface Built {
  main?: Promise<Validator>;
  compliance?: Promise<Validator>;
}

/**
 * Validators per setup, built on first use and keyed by the setup's JSON: a pool's own setup, or
 * the setups a shared pool's tasks carry (see `SetupTask`). The least recently used go past
 * `MAX_SETUPS`, so a long-lived thread holds a few validators, not one per request's shapes.
 */
const validators = new Map<string, Built>();
const keys = new WeakMap<WorkerSetup, string>();

/** Setups whose validators a thread keeps (profiles × levels in use, uploaded shapes). */
export const MAX_SETUPS = 6;

/** A validator for these shapes, with the background the setup asks for. */
async function build(data: WorkerSetup, shapes: LoadShapesOptions): Promise<Validator> {
  return createValidator(await loadShapes(shapes), {
    background: await backgroundFor(data.background),
    relax: data.relax ?? [],
  });
}

function validatorsOf(data: WorkerSetup): Built {
  let key = keys.get(data);
  if (key === undefined) {
    key = JSON.stringify(data);
    keys.set(data, key);
  }
  let built = validators.get(key);
  if (built) validators.delete(key); // to the end: most recently used
  validators.set(key, (built ??= {}));
  while (validators.size > MAX_SETUPS) validators.delete(validators.keys().next().value as string);
  return built;
}

/** The validator of the setup's main shapes (a judge-only setup never builds it). */
function mainOf(data: WorkerSetup): Promise<Validator> {
  const built = validatorsOf(data);
  if (!built.main) {
    built.main = build(data, data.shapes);
    // A setup whose shapes fail is not remembered.
    built.main.catch(() => validators.delete(keys.get(data) as string));
  }
  return built.main;
}

function setupCompliance(data: WorkerSetup, shapes: LoadShapesOptions): Promise<Validator> {
  const built = validatorsOf(data);
  built.compliance ??= build(data, shapes);
  return built.compliance;
}

/** A task of a shared pool (see `ValidationThreads`): it carries its setup. */
export type SetupTask<T> = T & { setup?: WorkerSetup };

/** The setup of a task: its own (a shared pool's), else the pool's. */
const setupOf = (task: { setup?: WorkerSetup }): WorkerSetup =>
  task.setup ?? (workerData as WorkerSetup);

/** A page's quads, blank nodes named for the page (see `labelBlankNodes`), and its repaired IRIs. */
async function pageQuads(
  task: { text: string; format: FormatId; source: string; page: number; baseIRI?: string },
  lenient = false,
) {
  const parsed = await parseText(task.text, {
    format: task.format,
    source: task.source,
    ...(task.baseIRI === undefined ? {} : { baseIRI: task.baseIRI }),
    repair: true,
    lenient,
  });
  const notices: string[] = [];
  if (parsed.skipped.length > 0)
    notices.push(
      `${task.source}: ${parsed.skipped.length} malformed statements skipped; ${describeLost(lostStatements(parsed.quads, parsed.skipped))}`,
    );
  return { quads: labelBlankNodes(parsed.quads, task.page), repairs: parsed.repairs, notices };
}

/**
 * A page's datasets judged and measured, nothing validated against the main shapes (see
 * `WorkerSetup.judgeOnly`).
 */
async function judgePage(setupData: WorkerSetup, task: PageTask): Promise<PageResult> {
  if (!setupData.compliance || !setupData.measure)
    throw new Error('judgeOnly needs the compliance shapes and a measure setup');
  const { quads, repairs, notices } = await pageQuads(task, true);
  task.text = '';
  if (repairs.length > 0)
    notices.push(`${task.source}: ${repairs.length} invalid IRI(s) repaired, statements kept`);
  const c = await setupCompliance(setupData, setupData.compliance);
  const setup = setupData.measure;
  const compliance: [string, Compliance][] = [];
  const measured: Measured[] = [];
  for (const judged of datasetCompliance(c, new QuadIndex(quads))) {
    compliance.push([judged.record.id, judged.compliance]);
    measured.push(measureJudged(judged.record, judged.compliance, setup));
  }
  c.notices.splice(0);
  return {
    source: task.source,
    results: [],
    held: [],
    types: [],
    notices,
    quads: quads.length,
    compliance,
    measured,
  };
}

/**
 * Parses a page and splits it into records (and judges its datasets' compliance when the setup
 * asks): the page's text, quads and index are garbage once this returns, before validation
 * allocates its findings (what lets a page with an 8,000-distribution dataset fit a worker's heap).
 */
async function splitPage(setupData: WorkerSetup, task: PageTask, v: Validator) {
  const chars = task.text.length;
  const { quads, repairs } = await pageQuads(task);
  task.text = ''; // not needed again: a worker's copy, or the task of a page this thread took over
  const store = new QuadIndex(quads);
  const records = extractRecords(store, v.plan.rule);
  let datasets: DatasetKey[] | undefined;
  if (setupData.index) {
    datasets = datasetKeysOf(store, records, v.plan.rule);
    // Hashing a large page's records leaves its canonical text behind: gone before validation.
    collectAfterPage(chars);
  }
  let compliance: [string, Compliance][] | undefined;
  let measured: Measured[] | undefined;
  if (setupData.compliance) {
    const c = await setupCompliance(setupData, setupData.compliance);
    const judged = datasetCompliance(c, store);
    compliance = judged.map(({ record, compliance }) => [record.id, compliance]);
    const setup = setupData.measure;
    if (setup) measured = judged.map((j) => measureJudged(j.record, j.compliance, setup));
    c.notices.splice(0); // the audit reports its compliance shapes, not the validation
  }
  return { records, quads: quads.length, compliance, measured, datasets, repairs };
}

/**
 * A worker's answer with the buffers of its packed findings moved to the main thread, not copied
 * (an 8,000-distribution dataset's are 60 MB).
 */
function moved<T extends object>(value: T, findings: Iterable<PackedFindings>): T {
  return move({
    [transferableSymbol]: transferables(findings),
    [valueSymbol]: value,
  }) as unknown as T;
}

/** Parses a page, splits it into records and validates all but the catalog (in a worker). */
export default async function validatePage(task: SetupTask<PageTask>): Promise<PageResult> {
  const chars = task.text.length; // the task's text is emptied as soon as it is parsed
  const result = await validatePageWith(setupOf(task), task).catch((error: unknown) => {
    throw forCrossing(error);
  });
  collectAfterPage(chars);
  return moved(
    result,
    result.results.map((r) => r.findings),
  );
}

/** {@link validatePage} with an explicit setup: how this thread takes over a page a worker could not. */
export async function validatePageWith(
  setupData: WorkerSetup,
  task: PageTask,
): Promise<PageResult> {
  if (setupData.judgeOnly) return judgePage(setupData, task);
  const v = await mainOf(setupData);
  const { records, quads, compliance, measured, datasets, repairs } = await splitPage(
    setupData,
    task,
    v,
  );
  const outcome = validatePageRecords(records, v, { file: task.source }, repairs);
  const results = task.rereadable
    ? outcome.results
    : withTriplesOfPending(outcome.results, records);
  const notices = v.notices.splice(0);
  return {
    source: task.source,
    results,
    held: outcome.held,
    types: outcome.types,
    notices,
    quads,
    ...(compliance ? { compliance } : {}),
    ...(measured ? { measured } : {}),
    ...(datasets ? { datasets } : {}),
  };
}

/** Parses a page again and validates the requested records with the types other pages gave. */
export async function revisePage(task: SetupTask<ReviseTask>): Promise<ReviseResult> {
  const chars = task.text.length; // the task's text is emptied as soon as it is parsed
  const result = await revisePageWith(setupOf(task), task).catch((error: unknown) => {
    throw forCrossing(error);
  });
  collectAfterPage(chars);
  return moved(
    result,
    result.revisions.map((r) => r.findings),
  );
}

/** {@link revisePage} with an explicit setup (this thread's fallback). */
export async function revisePageWith(
  setupData: WorkerSetup,
  task: ReviseTask,
): Promise<ReviseResult> {
  const v = await mainOf(setupData);
  const { quads, repairs } = await pageQuads(task);
  const revisions = reviseRecords(quads, v, task.records, { file: task.source }, repairs);
  return { source: task.source, revisions, notices: v.notices.splice(0) };
}
