// **node-view** indexes a record graph by subject and predicate for the indicators to read.
import type { Quad, Term } from '@rdfjs/types';
import type { Store } from 'n3';
import { termId } from '../rdf/records.js';
import type { NodeView } from './types.js';

/** Subject id → predicate IRI → objects. */
type Index = Map<string, Map<string, Term[]>>;

function buildIndex(quads: readonly Quad[]): Index {
  const index: Index = new Map();
  for (const quad of quads) {
    const subject = termId(quad.subject);
    let byPredicate = index.get(subject);
    if (!byPredicate) index.set(subject, (byPredicate = new Map()));
    const objects = byPredicate.get(quad.predicate.value);
    if (objects) {
      if (!objects.some((o) => o.equals(quad.object))) objects.push(quad.object);
    } else byPredicate.set(quad.predicate.value, [quad.object]);
  }
  for (const byPredicate of index.values())
    for (const objects of byPredicate.values()) if (objects.length > 1) objects.sort(termOrder);
  return index;
}

const TERM_RANK: Record<string, number> = { NamedNode: 0, Literal: 1, BlankNode: 2 };

/**
 * Orders a node's values the same whatever the input order (IRIs, then literals by text, language
 * and datatype, then blank nodes), so that which value an explanation shows first, or which
 * distribution wins a tie, depends on the graph only.
 */
export function termOrder(a: Term, b: Term): number {
  const rank = (TERM_RANK[a.termType] ?? 3) - (TERM_RANK[b.termType] ?? 3);
  if (rank !== 0) return rank;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.termType !== 'Literal' || b.termType !== 'Literal') return 0;
  const la = `${a.language}\u0000${a.datatype.value}`;
  const lb = `${b.language}\u0000${b.datatype.value}`;
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function view(index: Index, id: string): NodeView {
  const byPredicate = index.get(id);
  return {
    id,
    values: (predicate) => byPredicate?.get(predicate) ?? [],
    node: (term) => view(index, termId(term)),
  };
}

/** Returns a view of node `id` over the given quads. */
export function nodeView(quads: readonly Quad[], id: string): NodeView {
  return view(buildIndex(quads), id);
}

/** A page's quads indexed by subject: views of any node, and the subjects of a given type. */
export interface PageIndex {
  view(id: string): NodeView;
  /** Subjects (ids) having `rdf:type <type>`, in quad order. */
  typed(type: string): string[];
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Indexes a whole page once (much cheaper than an N3 store for the audit's lookups). */
export function indexPage(quads: readonly Quad[]): PageIndex {
  const index = buildIndex(quads);
  return {
    view: (id) => view(index, id),
    typed(type) {
      const out: string[] = [];
      for (const [subject, byPredicate] of index) {
        if (byPredicate.get(RDF_TYPE)?.some((t) => t.value === type)) out.push(subject);
      }
      return out;
    },
  };
}

/** Returns a view of `term` straight over a store (no copy): what page-wise audits use. */
export function storeView(store: Store, term: Term): NodeView {
  return {
    id: termId(term),
    values: (predicate) => (store.getObjects(term, predicate, null) as Term[]).sort(termOrder),
    node: (object) => storeView(store, object),
  };
}

/** Returns a view over URL lists only: what the link indicators read once the graph is gone. */
export function urlView(id: string, urls: Readonly<Record<string, readonly Term[]>>): NodeView {
  const self: NodeView = {
    id,
    values: (predicate) => [...(urls[predicate] ?? [])],
    node: () => urlView('', {}),
  };
  return self;
}
