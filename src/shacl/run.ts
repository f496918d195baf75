// **run** validates documents record by record and collects a run: results, summary, notices.
import type { Quad } from '@rdfjs/types';
import { DataFactory, Parser, Store, Writer } from 'n3';
import {
  extractRecords,
  quadKey,
  termId,
  type RecordGraph,
  type RecordKind,
} from '../rdf/records.js';
import { RDF } from '../vocab.js';
import { validatePageRecords, type HeldRecord } from './page.js';
import { loadBackground, noBackground } from './background.js';
import { readDocuments, type DocumentOptions } from './documents.js';
import {
  SummaryBuilder,
  recordResult,
  type Finding,
  type RecordResult,
  type ValidationRun,
} from './findings.js';
import { pageCompliance, type Compliance } from './compliance.js';
import { FindingDeduper } from './dedupe.js';
import { JsonSpool } from './spool.js';
import { validatePagesInPool } from './pool.js';
import { loadShapes, type LoadShapesOptions } from './profiles.js';
import { createValidator, type Validator } from './validate.js';

/** Progress of a run, for a TTY progress line. */
export interface ValidationProgress {
  documents: number;
  records: number;
  /** Milliseconds since the start. */
  elapsed: number;
}

/** Options of {@link validateDocuments} and {@link runValidation}. */
export interface ValidateOptions extends LoadShapesOptions, DocumentOptions {
  /** Add the bundled background knowledge (class hierarchy) to each data graph; default true. */
  background?: boolean;
  /** Validate the whole input as one graph instead of record by record. */
  wholeGraph?: boolean;
  /** Worker threads; 0 (default) validates in this thread. */
  workers?: number;
  /** A validator to reuse (built from the other options when absent). */
  validator?: Validator;
  /** Called after each document. */
  onProgress?: (progress: ValidationProgress) => void;
  /**
   * Shapes of the audit's DCAT-AP compliance indicator: each dataset is also judged against
   * them (on the workers when there are any) and the verdict handed to `onCompliance`.
   */
  compliance?: LoadShapesOptions;
  onCompliance?: (dataset: string, compliance: Compliance) => void;
  /**
   * Records kept in memory before the ones waiting for the end (and, with `spool`, the results)
   * go to a temporary folder instead (default 2,000).
   */
  spoolAfter?: number;
}

/** Builds the validator the options describe (shapes, imports, background). */
export async function validatorFor(options: ValidateOptions): Promise<Validator> {
  if (options.validator) return options.validator;
  const shapes = await loadShapes(options);
  const background = options.background === false ? noBackground() : await loadBackground();
  return createValidator(shapes, { background });
}

/** A held record; from a worker, a non-catalog one keeps its N-Triples unparsed until needed. */
type PageHeld = HeldRecord & { ntriples?: string };

function parseNTriples(text: string): Quad[] {
  // Keep the workers' blank node labels, so findings on shared blank nodes deduplicate.
  return new Parser({ format: 'N-Triples', blankNodePrefix: '' }).parse(text);
}

interface Page {
  source: string;
  results: { record: { id: string; kind: string; title?: string }; findings: Finding[] }[];
  held: PageHeld[];
  types: [string, string][];
  quads: number;
  notices: string[];
}

/** Pages validated in this thread. */
async function* localPages(
  inputs: readonly string[],
  options: ValidateOptions,
  validator: Validator,
): AsyncGenerator<Page> {
  const compliance =
    options.compliance && options.onCompliance
      ? await validatorFor({ ...options.compliance, background: options.background })
      : undefined;
  for await (const document of readDocuments(inputs, options)) {
    const store = new Store(document.quads);
    const records = extractRecords(store, validator.plan.rule);
    const outcome = validatePageRecords(records, validator, { file: document.source });
    if (compliance) {
      for (const [id, verdict] of pageCompliance(compliance, store)) {
        options.onCompliance?.(id, verdict);
      }
    }
    yield { source: document.source, ...outcome, quads: document.quads.length, notices: [] };
  }
}

/** Pages validated on worker threads; held records come back as N-Triples. */
async function* pooledPages(
  inputs: readonly string[],
  options: ValidateOptions,
): AsyncGenerator<Page> {
  const setup = {
    shapes: {
      profile: options.profile,
      level: options.level,
      shapes: options.shapes,
      importMap: options.importMap,
    },
    background: options.background !== false,
    ...(options.compliance && options.onCompliance ? { compliance: options.compliance } : {}),
  };
  for await (const page of validatePagesInPool(inputs, setup, options)) {
    for (const [id, verdict] of page.compliance ?? []) options.onCompliance?.(id, verdict);
    const held = page.held.map((c) => {
      const settled = c.findings !== undefined;
      const record: PageHeld = {
        id: c.id,
        kind: c.kind as RecordKind,
        quads: settled ? [] : parseNTriples(c.ntriples),
        linked: c.linked,
      };
      if (c.title !== undefined) record.title = c.title;
      if (settled) {
        record.findings = c.findings;
        record.unresolved = c.unresolved ?? [];
        record.ntriples = c.ntriples;
      }
      return record;
    });
    yield { ...page, held };
  }
}

/**
 * Validates inputs record by record, document (page) by document, yielding each record's result.
 * A node shared by several records (a publisher) is reported once, under the first record that
 * reaches it; a catalog repeated on every page is merged and validated once at the end; so the
 * findings equal a whole-graph validation's whenever the shapes allow (see `closurePlan`), and
 * the input is validated as one graph (with a notice) when they do not.
 */
export async function* validateDocuments(
  inputs: readonly string[],
  options: ValidateOptions & { validator: Validator },
): AsyncGenerator<RecordResult> {
  const { namedNode, quad } = DataFactory;
  const validator = options.validator;
  const plan = validator.plan;
  let wholeGraph = options.wholeGraph ?? false;
  if (!wholeGraph && !plan.guaranteed) {
    wholeGraph = true;
    validator.notices.push(
      `record-by-record validation cannot be guaranteed equal to whole-graph validation for these shapes (${plan.reasons.join('; ')}): validating the input as one graph, which needs memory for all of it`,
    );
  }
  const started = Date.now();
  let documents = 0;
  let recordCount = 0;
  const dedupe = new FindingDeduper();
  const seenRecords = new Set<string>();
  const emit = function* (
    perRecord: { record: { id: string; kind: string; title?: string }; findings: Finding[] }[],
    source?: { file: string },
  ) {
    for (const { record, findings } of perRecord) {
      const fresh = dedupe.fresh(findings);
      const repeated = seenRecords.has(record.id);
      seenRecords.add(record.id);
      if (repeated && fresh.length === 0) continue;
      recordCount++;
      const ref = {
        id: record.id,
        kind: record.kind,
        ...(record.title === undefined ? {} : { title: record.title }),
      };
      yield recordResult(ref, fresh, source);
    }
  };
  if (wholeGraph) {
    const quads: Quad[] = [];
    const files: string[] = [];
    for await (const document of readDocuments(inputs, options)) {
      for (const q of document.quads) quads.push(q);
      files.push(document.source);
    }
    const records = extractRecords(new Store(quads), plan.rule);
    const source = files.length === 1 ? { file: files[0] as string } : undefined;
    yield* emit(groupByRecord(validator.validateGraph(quads, records), records, source), source);
    return;
  }
  const catalogs = new Map<
    string,
    { record: RecordGraph; quads: Map<string, Quad>; linked: Set<string>; source: { file: string } }
  >();
  // Records settled at the end wait on disk (with their findings and N-Triples): at data.gouv.fr's
  // size nearly every dataset waits (its licence IRI is typed on no page) and would not fit in memory.
  const spool = new JsonSpool<SpooledRecord>(undefined, options.spoolAfter);
  const types = new Map<string, string[]>(); // record node → its rdf:types, over all pages
  try {
    const pages =
      (options.workers ?? 0) > 0
        ? pooledPages(inputs, options)
        : localPages(inputs, options, validator);
    for await (const page of pages) {
      const source = { file: page.source };
      for (const notice of page.notices)
        if (!validator.notices.includes(notice)) validator.notices.push(notice);
      for (const [id, type] of page.types) {
        const known = types.get(id);
        if (!known) types.set(id, [type]);
        else if (!known.includes(type)) known.push(type);
      }
      for (const record of page.held) {
        if (record.findings !== undefined) {
          spool.add(spooled(record, source));
          continue;
        }
        let merged = catalogs.get(record.id);
        if (!merged) {
          merged = { record, quads: new Map(), linked: new Set(), source };
          catalogs.set(record.id, merged);
        }
        if (merged.record.title === undefined && record.title !== undefined) merged.record = record;
        for (const q of record.quads) merged.quads.set(quadKey(q), q);
        for (const id of record.linked ?? []) merged.linked.add(id);
      }
      yield* emit(page.results, source);
      documents++;
      options.onProgress?.({ documents, records: recordCount, elapsed: Date.now() - started });
    }
    /** Values described on other pages: give them their types, as the whole graph would. */
    const typeValues = (quads: Map<string, Quad>, linked: Set<string>) => {
      const subjects = new Set([...quads.values()].map((q) => termId(q.subject)));
      for (const q of [...quads.values()]) {
        const id = q.object.termType === 'NamedNode' ? q.object.value : undefined;
        if (id === undefined || subjects.has(id)) continue;
        for (const type of types.get(id) ?? []) {
          const typed = quad(namedNode(id), namedNode(RDF.type), namedNode(type));
          quads.set(quadKey(typed), typed);
        }
        if (types.has(id)) linked.add(id);
      }
    };
    for (const { record, quads, linked, source } of catalogs.values()) {
      typeValues(quads, linked);
      const whole: RecordGraph = { ...record, quads: [...quads.values()], linked: [...linked] };
      yield* emit([{ record: whole, findings: validator.validateRecord(whole, source) }], source);
    }
    for (const { record, source, findings, unresolved, ntriples } of spool) {
      // No other page typed what this page could not: the page's findings are the whole graph's.
      if (!unresolved.some((id) => types.has(id))) {
        yield* emit([{ record, findings }], source);
        continue;
      }
      const quads = new Map<string, Quad>();
      for (const q of parseNTriples(ntriples)) quads.set(quadKey(q), q);
      const linked = new Set(record.linked ?? []);
      typeValues(quads, linked);
      const whole: RecordGraph = { ...record, quads: [...quads.values()], linked: [...linked] };
      yield* emit([{ record: whole, findings: validator.validateRecord(whole, source) }], source);
    }
  } finally {
    spool.close();
  }
}

/** A held record on disk: what it is, its findings as its page gave them, and its triples. */
interface SpooledRecord {
  record: { id: string; kind: RecordKind; title?: string; linked?: string[] };
  source: { file: string };
  findings: Finding[];
  unresolved: string[];
  ntriples: string;
}

function spooled(held: PageHeld, source: { file: string }): SpooledRecord {
  const record: SpooledRecord['record'] = { id: held.id, kind: held.kind };
  if (held.title !== undefined) record.title = held.title;
  if (held.linked !== undefined) record.linked = held.linked;
  return {
    record,
    source,
    findings: held.findings ?? [],
    unresolved: held.unresolved ?? [],
    ntriples: held.ntriples ?? new Writer({ format: 'N-Triples' }).quadsToString(held.quads),
  };
}

function groupByRecord(findings: Finding[], records: RecordGraph[], source?: { file: string }) {
  const byId = new Map(records.map((r) => [r.id, { record: r, findings: [] as Finding[] }]));
  for (const finding of findings) {
    if (source) finding.source = source;
    let entry = byId.get(finding.record.id);
    if (!entry) {
      entry = { record: { id: finding.record.id, kind: 'other', quads: [] }, findings: [] };
      byId.set(finding.record.id, entry);
    }
    entry.findings.push(finding);
  }
  return [...byId.values()];
}

/** Options of {@link runValidation}. */
export interface RunValidationOptions extends ValidateOptions {
  /**
   * Keep the per-record results on disk instead of in memory (`run.records`, `run.dispose()`):
   * memory then stays bounded by pages in flight and nodes with findings, not by findings.
   */
  spool?: boolean;
}

/** Validates inputs and collects everything renderers need. */
export async function runValidation(
  inputs: readonly string[],
  options: RunValidationOptions = {},
): Promise<ValidationRun> {
  const validator = await validatorFor(options);
  const results: RecordResult[] = [];
  const spool = options.spool
    ? new JsonSpool<RecordResult>(undefined, options.spoolAfter)
    : undefined;
  const summary = new SummaryBuilder();
  try {
    for await (const result of validateDocuments(inputs, { ...options, validator })) {
      if (spool) spool.add(result);
      else results.push(result);
      summary.add(result);
    }
  } catch (error) {
    spool?.close();
    throw error;
  }
  const run: ValidationRun = {
    results,
    summary: summary.build(),
    notices: [...new Set(validator.notices)],
    shapes: validator.label,
  };
  if (spool) {
    run.records = spool;
    run.dispose = () => spool.close();
  }
  return run;
}
