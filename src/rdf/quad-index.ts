// **quad-index** looks up a page's quads by subject, by predicate and object, and by type: what
// splitting a page into records needs, built several times faster than an N3 store.
import type { Quad, Term } from '@rdfjs/types';
import { RDF } from '../vocab.js';

/** The lookups `extractRecords` makes: an N3 `Store` has them too. */
export interface QuadLookup {
  /** The quads matching a pattern (`null` matches anything). */
  getQuads(
    subject: Term | null,
    predicate: Term | string | null,
    object: Term | null,
    graph: null,
  ): Quad[];
  /** The subjects of the quads with this predicate (and object). */
  getSubjects(predicate: Term | string, object: Term | string | null, graph: null): Term[];
  /** The objects of the quads with this subject and predicate. */
  getObjects(subject: Term, predicate: Term | string, graph: null): Term[];
}

/** A key per term: IRIs as they are (they hold a colon), blank nodes `_:`, literals quoted. */
function keyOf(term: Term | string): string {
  if (typeof term === 'string') return term;
  if (term.termType === 'NamedNode') return term.value;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    return `"${term.value}"@${term.language}^^${term.datatype.value}`;
  }
  return `?${term.termType}:${term.value}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Read-only lookups over a list of quads (graphs ignored, repeated triples dropped): by subject,
 * by subject and predicate, by predicate and object, and subjects by `rdf:type`; quads in the
 * order they came, subjects of a type in the order the nodes first appear (as an N3 store orders
 * them).
 */
export class QuadIndex implements QuadLookup {
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly byPredicateObject = new Map<string, Quad[]>();
  private readonly typed = new Map<string, Term[]>(); // class key → its subjects
  private readonly allTyped: Term[] = [];

  constructor(quads: Iterable<Quad>) {
    const first = new Map<string, number>(); // term key → first appearance
    const appear = (key: string) => {
      if (!first.has(key)) first.set(key, first.size);
    };
    const seen = new Set<string>();
    const typedSeen = new Set<string>();
    for (const q of quads) {
      const s = keyOf(q.subject);
      const p = q.predicate.value;
      const o = keyOf(q.object);
      const triple = `${s} ${p} ${o}`;
      if (seen.has(triple)) continue;
      seen.add(triple);
      appear(s);
      appear(p);
      if (q.object.termType !== 'Literal') appear(o); // a literal is never a typed subject
      push(this.bySubject, s, q);
      push(this.byPredicateObject, `${p} ${o}`, q);
      if (p === RDF.type) {
        push(this.typed, o, q.subject);
        if (!typedSeen.has(s)) {
          typedSeen.add(s);
          this.allTyped.push(q.subject);
        }
      }
    }
    const order = (a: Term, b: Term) => (first.get(keyOf(a)) ?? 0) - (first.get(keyOf(b)) ?? 0);
    for (const list of this.typed.values()) list.sort(order);
    this.allTyped.sort(order);
  }

  getQuads(
    subject: Term | null,
    predicate: Term | string | null,
    object: Term | null,
    _graph: null,
  ): Quad[] {
    if (subject) {
      const quads = this.bySubject.get(keyOf(subject)) ?? [];
      if (predicate === null && object === null) return [...quads];
      const p = predicate === null ? undefined : keyOf(predicate);
      const o = object === null ? undefined : keyOf(object);
      return quads.filter(
        (q) =>
          (p === undefined || q.predicate.value === p) &&
          (o === undefined || keyOf(q.object) === o),
      );
    }
    if (predicate !== null && object) {
      return [...(this.byPredicateObject.get(`${keyOf(predicate)} ${keyOf(object)}`) ?? [])];
    }
    throw new Error('QuadIndex: give a subject, or a predicate and an object');
  }

  getSubjects(predicate: Term | string, object: Term | string | null, _graph: null): Term[] {
    if (keyOf(predicate) === RDF.type) {
      return [...(object === null ? this.allTyped : (this.typed.get(keyOf(object)) ?? []))];
    }
    if (object === null) throw new Error('QuadIndex: subjects of a predicate need an object');
    const seen = new Set<string>();
    const subjects: Term[] = [];
    for (const q of this.byPredicateObject.get(`${keyOf(predicate)} ${keyOf(object)}`) ?? []) {
      const key = keyOf(q.subject);
      if (!seen.has(key)) {
        seen.add(key);
        subjects.push(q.subject);
      }
    }
    return subjects;
  }

  getObjects(subject: Term, predicate: Term | string, _graph: null): Term[] {
    return this.getQuads(subject, predicate, null, null).map((q) => q.object);
  }
}
