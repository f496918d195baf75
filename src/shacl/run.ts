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
import { QuadIndex } from '../rdf/quad-index.js';
import { RDF } from '../vocab.js';
import {
  labelBlankNodes,
  reviseRecords,
  validatePageRecords,
  withTypes,
  type Revision,
} from './page.js';
import type { WorkerRecordResult, WorkerSetup } from './worker.js';
import type { InputDocument } from '../input/open.js';
import { loadBackground, noBackground } from './background.js';
import { parseDocument, readDocuments, type DocumentOptions } from './documents.js';
import {
  SummaryBuilder,
  recordResult,
  summarize,
  type Finding,
  type RecordRef,
  type RecordResult,
  type ValidationRun,
} from './findings.js';
import { pageCompliance, type Compliance } from './compliance.js';
import { FindingDeduper } from './dedupe.js';
import { JsonSpool } from './spool.js';
import { PagePool } from './pool.js';
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
  /**
   * Old-generation heap of each worker, MB (default 256; 0: V8's default); a page needing more is
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
  onCompliance?: (dataset: string, compliance: Compliance) => void;
  /**
   * Records kept in memory before the ones waiting for the end (and, with `spool`, the results)
   * go to a temporary folder instead (default 200).
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

function parseNTriples(text: string): Quad[] {
  // Keep the pages' blank node labels, so findings on shared blank nodes deduplicate.
  return new Parser({ format: 'N-Triples', blankNodePrefix: '' }).parse(text);
}

function toNTriples(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Triples' }).quadsToString([...quads]);
}

/** A page's results, from a worker or from this thread. */
interface Page {
  source: string;
  /** Position in the input. */
  page: number;
  results: WorkerRecordResult[];
  /** Catalogs, merged over pages and validated at the end. */
  held: RecordGraph[];
  types: [string, string][];
  notices: string[];
  /** The page's document, to read it again at the end (absent: stdin, URLs). */
  document?: InputDocument;
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
  let page = 0;
  for await (const document of readDocuments(inputs, options)) {
    const index = page++;
    const store = new QuadIndex(labelBlankNodes(document.quads, index));
    const records = extractRecords(store, validator.plan.rule);
    const outcome = validatePageRecords(records, validator, { file: document.source });
    if (compliance) {
      for (const [id, verdict] of pageCompliance(compliance, store)) {
        options.onCompliance?.(id, verdict);
      }
    }
    let results: WorkerRecordResult[] = outcome.results;
    if (!document.document && results.some((r) => r.unresolved)) {
      const byId = new Map(records.map((r) => [r.id, r]));
      results = results.map((r) =>
        r.unresolved ? { ...r, ntriples: toNTriples(byId.get(r.record.id)?.quads ?? []) } : r,
      );
    }
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
function workerSetup(options: ValidateOptions): WorkerSetup {
  return {
    shapes: {
      profile: options.profile,
      level: options.level,
      shapes: options.shapes,
      importMap: options.importMap,
    },
    background: options.background !== false,
    ...(options.compliance && options.onCompliance ? { compliance: options.compliance } : {}),
  };
}

/** Pages validated on worker threads; catalogs come back as N-Triples. */
async function* pooledPages(
  pool: PagePool,
  inputs: readonly string[],
  options: ValidateOptions,
): AsyncGenerator<Page> {
  for await (const page of pool.pages(inputs)) {
    for (const [id, verdict] of page.compliance ?? []) options.onCompliance?.(id, verdict);
    const held = page.held.map((c) => {
      const record: RecordGraph = {
        id: c.id,
        kind: c.kind as RecordKind,
        quads: parseNTriples(c.ntriples),
        linked: c.linked,
      };
      if (c.title !== undefined) record.title = c.title;
      return record;
    });
    yield {
      source: page.source,
      page: page.page,
      results: page.results,
      held,
      types: page.types,
      notices: page.notices,
      ...(page.document.rereadable ? { document: page.document } : {}),
    };
  }
}

/**
 * A record whose class findings name IRIs its page does not describe, waiting for the end: if
 * another page typed one of them, it is validated again and its result revised.
 */
interface Waiting {
  /**
   * Position of its result among those yielded; -1 when it was not yielded but deferred (a record
   * met on an earlier page), and then its findings wait here.
   */
  ordinal: number;
  findings?: Finding[];
  page: number;
  source: { file: string };
  record: RecordRef & { linked?: string[] };
  unresolved: string[];
  /** Its triples, when its page cannot be read again. */
  ntriples?: string;
}

/** Waiting records of one page to settle at the end, with what other pages typed. */
interface Settle {
  entries: { entry: Waiting; types: [string, string][] }[];
  document?: InputDocument;
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
  /** Results yielded so far (the next one's position). */
  let yielded = 0;
  const dedupe = new FindingDeduper();
  const seenRecords = new Set<string>();
  /** The result of a record's findings, or nothing when a repeated record brings nothing new. */
  const take = (
    record: RecordRef,
    findings: readonly Finding[],
    source?: { file: string },
  ): RecordResult | undefined => {
    const fresh = dedupe.fresh(findings, yielded);
    const repeated = seenRecords.has(record.id);
    seenRecords.add(record.id);
    if (repeated && fresh.length === 0) return undefined;
    recordCount++;
    return recordResult(refOf(record), fresh, source);
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
    for (const { record, findings } of groupByRecord(
      validator.validateGraph(quads, records),
      records,
      source,
    )) {
      const result = take(record, findings, source);
      if (result) yield result;
    }
    return;
  }
  const catalogs = new Map<
    string,
    { record: RecordGraph; quads: Map<string, Quad>; linked: Set<string>; source: { file: string } }
  >();
  // At data.gouv.fr's size nearly every dataset waits (its licence IRI is typed on no page): the
  // list goes to disk past `spoolAfter` entries (the records themselves stay in their pages).
  const waiting = new JsonSpool<Waiting>(undefined, options.spoolAfter);
  const documentsToReread = new Map<number, InputDocument>();
  const types = new Map<string, string[]>(); // record node → its rdf:types, over all pages
  const pool = (options.workers ?? 0) > 0 ? new PagePool(workerSetup(options), options) : undefined;
  try {
    const pages = pool
      ? pooledPages(pool, inputs, options)
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
        let merged = catalogs.get(record.id);
        if (!merged) {
          merged = { record, quads: new Map(), linked: new Set(), source };
          catalogs.set(record.id, merged);
        }
        if (merged.record.title === undefined && record.title !== undefined) merged.record = record;
        for (const q of record.quads) merged.quads.set(quadKey(q), q);
        for (const id of record.linked ?? []) merged.linked.add(id);
      }
      for (const r of page.results) {
        // A record met on an earlier page that another page could still change waits whole for
        // the end: yielding it now could report it twice.
        const deferred = r.unresolved !== undefined && seenRecords.has(r.record.id);
        const result = deferred ? undefined : take(r.record, r.findings, source);
        const ordinal = result ? yielded : -1;
        if (result) {
          yield result;
          yielded++;
        }
        if (r.unresolved === undefined) continue;
        const entry: Waiting = {
          ordinal,
          page: page.page,
          source,
          record: r.linked ? { ...refOf(r.record), linked: r.linked } : refOf(r.record),
          unresolved: r.unresolved,
        };
        if (deferred) entry.findings = r.findings;
        if (r.ntriples !== undefined) entry.ntriples = r.ntriples;
        else if (page.document) documentsToReread.set(page.page, page.document);
        waiting.add(entry);
      }
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
      const result = take(whole, validator.validateRecord(whole, source), source);
      if (result) {
        yield result;
        yielded++;
      }
    }
    // Records another page could change: validated again (on the workers, from their page read
    // again) when one did; deferred ones are settled either way.
    const settle = function* (): Generator<Settle> {
      let group: Settle | undefined;
      let groupPage = -1;
      for (const entry of waiting) {
        const typed: [string, string][] = [];
        for (const id of entry.unresolved)
          for (const type of types.get(id) ?? []) typed.push([id, type]);
        if (typed.length === 0 && entry.ordinal >= 0) continue;
        const document =
          entry.ntriples === undefined ? documentsToReread.get(entry.page) : undefined;
        if (group && (groupPage !== entry.page || !document)) {
          yield group;
          group = undefined;
        }
        group ??= document ? { entries: [], document } : { entries: [] };
        groupPage = entry.page;
        group.entries.push({ entry, types: typed });
      }
      if (group) yield group;
    };
    for await (const { entry, findings } of settled(settle(), validator, pool)) {
      if (findings !== undefined && entry.ordinal >= 0) {
        const revised = dedupe.revise(findings, entry.ordinal);
        yield {
          ...recordResult(refOf(entry.record), revised, entry.source),
          revises: entry.ordinal,
        };
        continue;
      }
      if (entry.ordinal >= 0) continue; // not validated again: its result stands
      const result = take(entry.record, findings ?? entry.findings ?? [], entry.source);
      if (result) {
        yield result;
        yielded++;
      }
    }
  } finally {
    waiting.close();
    await pool?.destroy();
  }
}

/**
 * Validates the waiting records again, group by group, in order: on the workers when there are,
 * else in this thread; a record whose page cannot be read again keeps its first findings
 * (`findings` undefined), with a notice.
 */
async function* settled(
  groups: Iterable<Settle>,
  validator: Validator,
  pool: PagePool | undefined,
): AsyncGenerator<{ entry: Waiting; findings?: Finding[] }> {
  const solve = async (group: Settle): Promise<{ entry: Waiting; findings?: Finding[] }[]> => {
    const first = group.entries[0]?.entry as Waiting;
    const needed = group.entries.filter((e) => e.types.length > 0 || e.entry.ordinal < 0);
    let revisions: Revision[] = [];
    if (!group.document) {
      // Its triples came along (stdin, URLs): one record, validated here.
      const { entry, types } = group.entries[0] as Settle['entries'][number];
      if (entry.ntriples !== undefined && types.length > 0) {
        const record: RecordGraph = {
          ...refOf(entry.record),
          kind: entry.record.kind as RecordKind,
          quads: parseNTriples(entry.ntriples),
          linked: entry.record.linked ?? [],
        };
        const whole = withTypes(record, types);
        revisions = [
          { id: entry.record.id, findings: validator.validateRecord(whole, entry.source) },
        ];
      }
    } else if (needed.some((e) => e.types.length > 0)) {
      const requests = needed
        .filter((e) => e.types.length > 0)
        .map((e) => ({ id: e.entry.record.id, types: e.types }));
      try {
        const document = group.document;
        if (pool) {
          const result = await pool.revise({
            source: document.source,
            format: document.format,
            text: await document.text(),
            page: first.page,
            records: requests,
          });
          for (const n of result.notices)
            if (!validator.notices.includes(n)) validator.notices.push(n);
          revisions = result.revisions;
        } else {
          const quads = labelBlankNodes(await parseDocument(document), first.page);
          revisions = reviseRecords(quads, validator, requests, first.source);
        }
      } catch (error) {
        validator.notices.push(
          `${first.source.file}: could not be read again to check its records against types given on later pages (${(error as Error).message}); their class findings are as that page alone gives them`,
        );
      }
    }
    const byId = new Map(revisions.map((r) => [r.id, r.findings]));
    return group.entries.map(({ entry }) => {
      const findings = byId.get(entry.record.id);
      return findings === undefined ? { entry } : { entry, findings };
    });
  };
  const limit = pool?.capacity ?? 1;
  const inFlight: Promise<{ entry: Waiting; findings?: Finding[] }[]>[] = [];
  for (const group of groups) {
    const pending = solve(group);
    pending.catch(() => undefined); // awaited in order below
    inFlight.push(pending);
    while (inFlight.length >= limit) yield* await (inFlight.shift() as (typeof inFlight)[number]);
  }
  while (inFlight.length > 0) yield* await (inFlight.shift() as (typeof inFlight)[number]);
}

function refOf(record: RecordRef): RecordRef {
  const ref: RecordRef = { id: record.id, kind: record.kind };
  if (record.title !== undefined) ref.title = record.title;
  return ref;
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
      if (result.revises !== undefined) {
        const { revises, ...replacement } = result;
        summary.replace(
          revises,
          spool ? spool.get(revises) : (results[revises] as RecordResult),
          replacement,
        );
        if (spool) spool.replace(revises, replacement);
        else results[revises] = replacement;
        continue;
      }
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
