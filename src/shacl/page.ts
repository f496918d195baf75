// **page** validates the records of one page and says which of them another page could still change.
import type { Quad } from '@rdfjs/types';
import { DataFactory, Writer } from 'n3';
import { extractRecords, quadKey, termId, type RecordGraph } from '../rdf/records.js';
import { QuadIndex } from '../rdf/quad-index.js';
import { PREFIXES, RDF } from '../vocab.js';
import { refOf, type Finding, type RecordRef } from './findings.js';
import { packFindings, type PackedFindings } from './packed.js';
import { repairFindings, repairsOf } from './repair-findings.js';
import type { IriRepair } from '../rdf/iri-repair.js';
import type { Validator } from './validate.js';

const CLASS = PREFIXES.sh + 'ClassConstraintComponent';

/** A record's findings as its page gives them. */
export interface PageRecordResult {
  record: RecordRef;
  findings: PackedFindings;
  /**
   * IRIs the record's class findings name that its page does not describe: if another page types
   * one of them, the record is validated again at the end (see `validateDocuments`).
   */
  unresolved?: string[];
  /** Other records the record links to (for that second validation). */
  linked?: string[];
}

/** A page record's results with its triples as N-Triples (for a page that cannot be read again). */
export type PageRecordWithTriples = PageRecordResult & { ntriples?: string };

/** Writes quads as N-Triples. */
export function toNTriples(quads: readonly Quad[]): string {
  return new Writer({ format: 'N-Triples' }).quadsToString([...quads]);
}

/**
 * Gives the records that another page could change their triples, for a page that cannot be read
 * again at the end (stdin, a URL's body); the others stay as they are.
 */
export function withTriplesOfPending(
  results: PageRecordResult[],
  records: readonly RecordGraph[],
): PageRecordWithTriples[] {
  if (!results.some((r) => r.unresolved)) return results;
  const byId = new Map(records.map((r) => [r.id, r]));
  return results.map((r) =>
    r.unresolved ? { ...r, ntriples: toNTriples(byId.get(r.record.id)?.quads ?? []) } : r,
  );
}

/** A catalog as a page gives it: N-Triples, merged over pages line by line and validated at the end. */
export interface HeldCatalog {
  id: string;
  kind: string;
  title?: string;
  linked: string[];
  ntriples: string;
  /** IRIs of the catalog's triples that the page's parser repaired. */
  repairs?: IriRepair[];
}

/** A catalog record as {@link HeldCatalog} (small: what crosses threads and waits for the end). */
export function heldCatalog(record: RecordGraph): HeldCatalog {
  return {
    id: record.id,
    kind: record.kind,
    ...(record.title === undefined ? {} : { title: record.title }),
    linked: record.linked ?? [],
    ntriples: toNTriples(record.quads),
  };
}

/** What a page gives: results now, catalogs for the end, and the types of its records. */
export interface PageOutcome {
  /** Every record but the catalogs, in page order. */
  results: PageRecordResult[];
  /** Catalogs: repeated on every page, merged and validated at the end. */
  held: HeldCatalog[];
  /** `[record node, rdf:type]` of every record of the page, for other pages' class checks. */
  types: [string, string][];
}

/** Validates a page's records; see {@link PageOutcome}. */
export function validatePageRecords(
  records: readonly RecordGraph[],
  validator: Validator,
  source: { file: string },
  /** IRIs the parser repaired: a warning for each record that holds one. */
  repairs: readonly IriRepair[] = [],
): PageOutcome {
  const outcome: PageOutcome = { results: [], held: [], types: [] };
  for (const record of records) {
    for (const q of record.quads) {
      if (q.predicate.value === RDF.type && termId(q.subject) === record.id) {
        outcome.types.push([record.id, q.object.value]);
      }
    }
    if (record.kind === 'catalog') {
      const held = heldCatalog(record);
      const own = repairsOf(record, repairs);
      outcome.held.push(own.length > 0 ? { ...held, repairs: own } : held);
      continue;
    }
    const findings = validator.validateRecord(record, source);
    findings.push(...repairFindings(record, repairs));
    const result: PageRecordResult = { record: refOf(record), findings: packFindings(findings) };
    const unresolved = unresolvedValues(record, findings);
    if (unresolved.length > 0) {
      result.unresolved = unresolved;
      if (record.linked) result.linked = record.linked;
    }
    outcome.results.push(result);
  }
  return outcome;
}

/** Values of class findings that the record does not describe (another page may type them). */
function unresolvedValues(record: RecordGraph, findings: readonly Finding[]): string[] {
  let subjects: Set<string> | undefined;
  const unresolved = new Set<string>();
  for (const f of findings) {
    if (f.component !== CLASS || f.value === undefined || f.value.startsWith('_:')) continue;
    subjects ??= new Set(record.quads.map((q) => termId(q.subject)));
    if (!subjects.has(f.value)) unresolved.add(f.value);
  }
  return [...unresolved];
}

/**
 * Names a page's blank nodes `p<page>_<n>`, numbered in order of first appearance: unique across
 * pages and threads, and the same every time the page is read, so a record validated again from
 * its page at the end names its blank nodes as the first time did.
 */
export function labelBlankNodes(quads: readonly Quad[], page: number): Quad[] {
  const labels = new Map<string, ReturnType<typeof DataFactory.blankNode>>();
  const label = <T extends Quad['subject'] | Quad['object']>(t: T): T => {
    if (t.termType !== 'BlankNode') return t;
    let node = labels.get(t.value);
    if (!node) {
      node = DataFactory.blankNode(`p${page}_${labels.size}`);
      labels.set(t.value, node);
    }
    return node as unknown as T;
  };
  return quads.map((q) =>
    q.subject.termType !== 'BlankNode' && q.object.termType !== 'BlankNode'
      ? q
      : DataFactory.quad(label(q.subject), q.predicate, label(q.object), q.graph),
  );
}

/** A record of a page to validate again, with the types other pages gave values it links to. */
export interface RevisionRequest {
  id: string;
  /** `[IRI, rdf:type]` pairs. */
  types: [string, string][];
}

/** A record's findings after it was validated again. */
export interface Revision {
  id: string;
  findings: PackedFindings;
}

/**
 * Adds the types other pages gave to values a record links to, as the whole graph would have
 * them; those values become linked records (their own findings are theirs, not this record's).
 */
export function withTypes(record: RecordGraph, types: readonly [string, string][]): RecordGraph {
  const quads = new Map<string, Quad>();
  for (const q of record.quads) quads.set(quadKey(q), q);
  const linked = new Set(record.linked ?? []);
  const { namedNode, quad } = DataFactory;
  for (const [iri, type] of types) {
    const typed = quad(namedNode(iri), namedNode(RDF.type), namedNode(type));
    quads.set(quadKey(typed), typed);
    linked.add(iri);
  }
  return { ...record, quads: [...quads.values()], linked: [...linked] };
}

/** Validates again the requested records of a page (its quads, blank nodes labelled as before). */
export function reviseRecords(
  quads: readonly Quad[],
  validator: Validator,
  requests: readonly RevisionRequest[],
  source: { file: string },
  repairs: readonly IriRepair[] = [],
): Revision[] {
  const wanted = new Set(requests.map((r) => r.id));
  const records = new Map(
    extractRecords(new QuadIndex(quads), validator.plan.rule, wanted).map((r) => [r.id, r]),
  );
  const revisions: Revision[] = [];
  for (const request of requests) {
    const record = records.get(request.id);
    if (!record) continue; // the page changed since: its first findings stand
    const whole = withTypes(record, request.types);
    revisions.push({
      id: request.id,
      findings: packFindings([
        ...validator.validateRecord(whole, source),
        ...repairFindings(record, repairs),
      ]),
    });
  }
  return revisions;
}
