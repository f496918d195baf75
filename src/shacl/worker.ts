// **worker** validates pages in a worker thread: one validator per worker, built on first use.
import type { Quad } from '@rdfjs/types';
import { threadId } from 'node:worker_threads';
import { DataFactory, Store, Writer } from 'n3';
import { workerData } from 'piscina';
import { extractRecords } from '../rdf/records.js';
import type { FormatId } from '../rdf/formats.js';
import { parseText } from '../rdf/parse.js';
import { loadBackground, noBackground } from './background.js';
import type { Finding } from './findings.js';
import { pageCompliance, type Compliance } from './compliance.js';
import { validatePageRecords } from './page.js';
import { loadShapes, type LoadShapesOptions } from './profiles.js';
import { createValidator, type Validator } from './validate.js';

/** What the pool gives every worker. */
export interface WorkerSetup {
  shapes: LoadShapesOptions;
  background: boolean;
  /** Shapes of the audit's compliance indicator, judged for each dataset as well (optional). */
  compliance?: LoadShapesOptions;
}

/** One page to validate. */
export interface PageTask {
  source: string;
  format: FormatId;
  text: string;
}

/** A record's findings, plain data (structured-clone safe). */
export interface WorkerRecordResult {
  record: { id: string; kind: string; title?: string };
  findings: Finding[];
}

/** A held record, sent back as N-Triples to be merged across pages and validated at the end. */
export interface WorkerCatalog {
  id: string;
  kind: string;
  title?: string;
  linked: string[];
  ntriples: string;
  /** Findings as the page alone gives them, and the values it could not type (not catalogs). */
  findings?: Finding[];
  unresolved?: string[];
}

export interface PageResult {
  source: string;
  results: WorkerRecordResult[];
  /** Records held for the end (catalogs, records needing other pages' types). */
  held: WorkerCatalog[];
  types: [string, string][];
  notices: string[];
  quads: number;
  /** `[dataset, compliance]` for every dataset of the page, when the setup asks for it. */
  compliance?: [string, Compliance][];
}

let validator: Promise<Validator> | undefined;
let complianceValidator: Promise<Validator> | undefined;

/** A validator for these shapes, with the background the pool asked for. */
async function build(shapes: LoadShapesOptions): Promise<Validator> {
  const data = workerData as WorkerSetup;
  return createValidator(await loadShapes(shapes), {
    background: data.background ? await loadBackground() : noBackground(),
  });
}

function setup(): Promise<Validator> {
  validator ??= build((workerData as WorkerSetup).shapes);
  return validator;
}

function setupCompliance(shapes: LoadShapesOptions): Promise<Validator> {
  complianceValidator ??= build(shapes);
  return complianceValidator;
}

function toNTriples(quads: Quad[]): string {
  const writer = new Writer({ format: 'N-Triples' });
  return writer.quadsToString(quads);
}

/**
 * Gives blank nodes labels unique across workers (each thread's parser counts from zero), so
 * findings and held records from different workers never mix two nodes up in the main thread.
 */
function relabel(q: Quad): Quad {
  if (q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode') return q;
  const term = <T extends Quad['subject'] | Quad['object']>(t: T) =>
    t.termType === 'BlankNode' ? DataFactory.blankNode(`w${threadId}_${t.value}`) : t;
  return DataFactory.quad(term(q.subject), q.predicate, term(q.object), q.graph);
}

/** Parses a page, splits it into records and validates all but the catalog. */
export default async function validatePage(task: PageTask): Promise<PageResult> {
  const v = await setup();
  const parsed = await parseText(task.text, { format: task.format, source: task.source });
  const quads = parsed.quads.map(relabel);
  const store = new Store(quads);
  const records = extractRecords(store, v.plan.rule);
  const outcome = validatePageRecords(records, v, { file: task.source });
  const held = outcome.held.map((record) => ({
    id: record.id,
    kind: record.kind,
    ...(record.title === undefined ? {} : { title: record.title }),
    linked: record.linked ?? [],
    ntriples: toNTriples(record.quads),
    ...(record.findings === undefined ? {} : { findings: record.findings }),
    ...(record.unresolved === undefined ? {} : { unresolved: record.unresolved }),
  }));
  const notices = v.notices.splice(0);
  const setupData = workerData as WorkerSetup;
  let compliance: [string, Compliance][] | undefined;
  if (setupData.compliance) {
    const c = await setupCompliance(setupData.compliance);
    compliance = pageCompliance(c, store);
    c.notices.splice(0); // the audit reports its compliance shapes, not the validation
  }
  return {
    source: task.source,
    results: outcome.results,
    held,
    types: outcome.types,
    notices,
    quads: quads.length,
    ...(compliance ? { compliance } : {}),
  };
}
