// **constraints** lists every constraint of a shapes graph (one entry per constraint shape).
import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** A path as the fixtures need it. */
export type PathSpec =
  | { kind: 'predicate'; iri: string }
  | { kind: 'inverse'; iri: string }
  | { kind: 'sequence'; steps: PathSpec[] }
  | { kind: 'alternative'; options: PathSpec[] };

/** One constraint: the shape that carries it, its target class, path and parameters. */
export interface Constraint {
  shape: string;
  targetClass: string;
  /** Undefined for node-level constraints. */
  path?: PathSpec;
  component: string;
  severity: string;
  message: string;
  /** The constraint's parameter (a count, node kind, datatype, class, value or list). */
  param: Term | Term[];
  /** For sh:or: the member constraints (each a map predicate → object). */
  members?: Record<string, Term>[];
}

const COMPONENTS: Record<string, string> = {
  minCount: 'MinCountConstraintComponent',
  maxCount: 'MaxCountConstraintComponent',
  nodeKind: 'NodeKindConstraintComponent',
  datatype: 'DatatypeConstraintComponent',
  class: 'ClassConstraintComponent',
  hasValue: 'HasValueConstraintComponent',
  node: 'NodeConstraintComponent',
  or: 'OrConstraintComponent',
};

function list(store: Store, head: Term): Term[] {
  const out: Term[] = [];
  let node: Term | undefined = head;
  while (node && node.value !== `${RDF}nil`) {
    const first = store.getObjects(node, `${RDF}first`, null)[0];
    if (first) out.push(first);
    node = store.getObjects(node, `${RDF}rest`, null)[0];
  }
  return out;
}

function pathOf(store: Store, term: Term): PathSpec {
  if (term.termType === 'NamedNode') return { kind: 'predicate', iri: term.value };
  const inverse = store.getObjects(term, `${SH}inversePath`, null)[0];
  if (inverse) return { kind: 'inverse', iri: inverse.value };
  const alternative = store.getObjects(term, `${SH}alternativePath`, null)[0];
  if (alternative)
    return { kind: 'alternative', options: list(store, alternative).map((t) => pathOf(store, t)) };
  return { kind: 'sequence', steps: list(store, term).map((t) => pathOf(store, t)) };
}

function one(store: Store, subject: Term, local: string): Term | undefined {
  return store.getObjects(subject, `${SH}${local}`, null)[0];
}

function members(store: Store, head: Term): Record<string, Term>[] {
  return list(store, head).map((member) => {
    const entry: Record<string, Term> = {};
    for (const q of store.getQuads(member, null, null, null)) entry[q.predicate.value] = q.object;
    return entry;
  });
}

/** The property constraints of a nested node shape (what `sh:node` asks of a value). */
function nested(store: Store, shape: Term): Record<string, Term>[] {
  return store.getObjects(shape, `${SH}property`, null).map((prop) => {
    const entry: Record<string, Term> = {};
    for (const q of store.getQuads(prop, null, null, null)) entry[q.predicate.value] = q.object;
    return entry;
  });
}

/** Reads the constraints a shapes graph defines, in document order of their shapes. */
export function listConstraints(quads: Quad[]): Constraint[] {
  const store = new Store(quads);
  const out: Constraint[] = [];
  for (const q of store.getQuads(null, `${SH}targetClass`, null, null)) {
    const node = q.subject;
    const targetClass = q.object.value;
    const shapes: { shape: Term; path?: PathSpec }[] = [];
    for (const prop of store.getObjects(node, `${SH}property`, null)) {
      const path = one(store, prop, 'path');
      shapes.push({ shape: prop, path: path ? pathOf(store, path) : undefined });
    }
    if (one(store, node, 'or')) shapes.push({ shape: node });
    for (const { shape, path } of shapes) {
      const severity = one(store, shape, 'severity')?.value ?? `${SH}Violation`;
      const message = one(store, shape, 'message')?.value ?? '';
      for (const [local, component] of Object.entries(COMPONENTS)) {
        if (shape === node && local !== 'or') continue;
        const param = one(store, shape, local);
        if (!param) continue;
        out.push({
          shape: shape.value,
          targetClass,
          path,
          component: `${SH}${component}`,
          severity,
          message,
          param: local === 'or' ? list(store, param) : param,
          members:
            local === 'or'
              ? members(store, param)
              : local === 'node'
                ? nested(store, param)
                : undefined,
        });
      }
    }
  }
  return out;
}

/** Writes a path as results report it: an IRI, `^iri`, or `[complex]`. */
export function pathText(path: PathSpec | undefined): string {
  if (!path) return '';
  if (path.kind === 'predicate') return path.iri;
  if (path.kind === 'inverse') return `^${path.iri}`;
  return '[complex]';
}
