// **records** splits a DCAT graph into records: a dataset, series, service or catalog plus its closure.
import type { Quad, Term } from '@rdfjs/types';
import type { QuadLookup } from './quad-index.js';
import { DCAT, DCT, HYDRA, RDF } from '../vocab.js';

/** What a record is: the DCAT class of its main node (`other` = a typed node no record reaches). */
export type RecordKind = 'dataset' | 'series' | 'service' | 'catalog' | 'other';

/** One unit of validation and scoring. */
export interface RecordGraph {
  /** The record node: an IRI, or `_:label` for a blank node. */
  id: string;
  kind: RecordKind;
  /** The record's `dct:title`, English or untagged preferred. */
  title?: string;
  /** The record node's triples and those of everything it reaches (see {@link extractRecords}). */
  quads: Quad[];
  /** Other records this one links to, present only by their `rdf:type`: never focus nodes here. */
  linked?: string[];
}

/** Record classes, most specific first: a node typed both Catalog and Dataset is a catalog. */
const RECORD_CLASSES: readonly [string, RecordKind][] = [
  [DCAT.Catalog, 'catalog'],
  [DCAT.DatasetSeries, 'series'],
  [DCAT.DataService, 'service'],
  [DCAT.Dataset, 'dataset'],
];

/** Writes a term the way records and findings name nodes. */
export function termId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

/** Picks a title: an English or untagged `dct:title`, else the first. */
export function titleOf(store: QuadLookup, node: Term): string | undefined {
  const titles = store.getObjects(node, DCT.title, null).filter((t) => t.termType === 'Literal');
  const best =
    titles.find((t) => t.language === 'en') ?? titles.find((t) => t.language === '') ?? titles[0];
  return best?.value;
}

/** Finds every record node and its kind, catalogs first, in store order. */
function recordNodes(store: QuadLookup): Map<string, { node: Term; kind: RecordKind }> {
  const found = new Map<string, { node: Term; kind: RecordKind }>();
  for (const [cls, kind] of RECORD_CLASSES) {
    for (const node of store.getSubjects(RDF.type, cls, null)) {
      const id = termId(node);
      if (!found.has(id)) found.set(id, { node, kind });
    }
  }
  return found;
}

/**
 * What a record's closure holds beyond its own nodes' triples, derived from the shapes in use
 * (see `closureRule` in src/shacl/closure.ts).
 */
export interface ClosureRule {
  /** Predicates whose incoming triples into the record's nodes are included (inverse paths). */
  inverse?: readonly string[];
  /** Predicates of linked records' nodes that nested shapes read (beyond `rdf:type`). */
  linked?: readonly string[];
}

/** A string that identifies a quad's triple (graph ignored). */
export function quadKey(q: Quad): string {
  return `${termId(q.subject)} ${q.predicate.value} ${termId(q.object)} ${q.object.termType === 'Literal' ? q.object.datatype.value + '@' + q.object.language : ''}`;
}

/**
 * Collects the closure of `start`: its triples, then those of every node it reaches that is not
 * itself a record (distributions, blank nodes, agents, contact points, periods, checksums,
 * licence documents), transitively. Linked record nodes (a catalog's datasets, a dataset's
 * series) and the subjects of incoming `rule.inverse` triples contribute only their `rdf:type`
 * (plus the `rule.linked` predicates), so class checks work without pulling in their closure.
 */
function closure(
  store: QuadLookup,
  start: Term,
  records: Map<string, unknown>,
  rule: ClosureRule,
): { quads: Quad[]; linked: string[] } {
  const quads: Quad[] = [];
  const full = new Set<string>([termId(start)]);
  const partial = new Map<string, Map<string, Quad>>();
  const queue: Term[] = [start];
  const reach = (object: Term) => {
    if (object.termType !== 'NamedNode' && object.termType !== 'BlankNode') return;
    const id = termId(object);
    if (full.has(id)) return;
    if (records.has(id)) addPartial(object, []);
    else {
      full.add(id);
      queue.push(object);
    }
  };
  const addPartial = (node: Term, extra: Quad[]) => {
    const id = termId(node);
    let kept = partial.get(id);
    const fresh = !kept;
    if (!kept) {
      kept = new Map();
      partial.set(id, kept);
    }
    const add = (q: Quad) => kept.set(quadKey(q), q);
    extra.forEach(add);
    if (!fresh) return;
    store.getQuads(node, RDF.type, null, null).forEach(add);
    for (const p of rule.linked ?? []) {
      for (const q of store.getQuads(node, p, null, null)) {
        add(q);
        reach(q.object);
      }
    }
  };
  while (queue.length > 0) {
    const node = queue.pop() as Term;
    for (const quad of store.getQuads(node, null, null, null)) {
      quads.push(quad);
      reach(quad.object);
    }
    for (const p of rule.inverse ?? []) {
      for (const quad of store.getQuads(null, p, node, null)) {
        const id = termId(quad.subject);
        if (full.has(id)) continue;
        if (records.has(id)) addPartial(quad.subject, [quad]);
        else {
          // A node pointing at us through an inverse path: part of our closure.
          full.add(id);
          queue.push(quad.subject);
        }
      }
    }
  }
  const linked: string[] = [];
  for (const [id, kept] of partial) {
    if (full.has(id)) continue;
    linked.push(id);
    quads.push(...kept.values());
  }
  return { quads, linked };
}

/** True for hydra paging nodes, which are transport, not catalog content. */
function isPaging(store: QuadLookup, node: Term): boolean {
  return store
    .getObjects(node, RDF.type, null)
    .some((t) => t.value.startsWith('http://www.w3.org/ns/hydra/core#'));
}

/**
 * Splits a graph into records: each `dcat:Catalog`, `dcat:DatasetSeries`, `dcat:DataService` and
 * `dcat:Dataset` with its closure, then one `other` record per typed node that no record reaches
 * (so nothing a whole-graph validation would check is missed). Hydra paging nodes are skipped.
 * A node shared by several records (a publisher) appears in each of them. With `only`, just the
 * records with those ids.
 *
 * @example
 * ```ts
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * for (const record of extractRecords(new Store(quads)))
 *   console.log(record.kind, record.id, record.quads.length); // dataset https://example.org/d1 2
 * ```
 */
export function extractRecords(
  store: QuadLookup,
  rule: ClosureRule = {},
  only?: ReadonlySet<string>,
): RecordGraph[] {
  const records = recordNodes(store);
  // Only some records: the record nodes among them (any other needs every closure, below).
  if (only && [...only].every((id) => records.has(id))) {
    return [...only].map((id) => {
      const { node, kind } = records.get(id) as { node: Term; kind: RecordKind };
      const { quads, linked } = closure(store, node, records, rule);
      const record: RecordGraph = { id, kind, quads };
      const title = titleOf(store, node);
      if (title !== undefined) record.title = title;
      if (linked.length > 0) record.linked = linked;
      return record;
    });
  }
  const out: RecordGraph[] = [];
  const reached = new Set<string>();
  for (const [id, { node, kind }] of records) {
    const { quads, linked } = closure(store, node, records, rule);
    for (const quad of quads) reached.add(termId(quad.subject));
    const record: RecordGraph = { id, kind, quads };
    const title = titleOf(store, node);
    if (title !== undefined) record.title = title;
    if (linked.length > 0) record.linked = linked;
    out.push(record);
  }
  for (const node of store.getSubjects(RDF.type, null, null)) {
    const id = termId(node);
    if (reached.has(id) || isPaging(store, node) || node.value === HYDRA.Collection) continue;
    const { quads, linked } = closure(store, node, records, rule);
    for (const quad of quads) reached.add(termId(quad.subject));
    out.push(
      linked.length > 0 ? { id, kind: 'other', quads, linked } : { id, kind: 'other', quads },
    );
  }
  return only ? out.filter((r) => only.has(r.id)) : out;
}

/** Finds the record a node belongs to: the record itself, or the first record whose closure holds it. */
export function recordOfNode(
  records: readonly RecordGraph[],
  nodeId: string,
): RecordGraph | undefined {
  const direct = records.find((r) => r.id === nodeId);
  if (direct) return direct;
  return records.find((r) => r.quads.some((q) => termId(q.subject) === nodeId));
}
