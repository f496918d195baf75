// **closure** derives from a shapes graph what each record must carry so that record-by-record
// validation equals whole-graph validation, or says why no such guarantee exists.
import type { Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import type { ClosureRule } from '../rdf/records.js';
import { termId } from '../rdf/records.js';
import { PREFIXES, RDF } from '../vocab.js';

const SH = PREFIXES.sh;

/** The rule for extractRecords, and whether partitioned results are guaranteed equal. */
export interface ClosurePlan {
  rule: ClosureRule;
  /** True when record-by-record validation gives exactly the whole-graph results. */
  guaranteed: boolean;
  /** Why not, when `guaranteed` is false (one sentence each). */
  reasons: string[];
}

/** Predicates a path reads, and whether it has inverse or transitive steps. */
interface PathInfo {
  forward: Set<string>;
  inverse: Set<string>;
  /** Predicates read from a value node rather than the focus node (later steps of a sequence). */
  deepForward: Set<string>;
  deepInverse: Set<string>;
  transitive: boolean;
}

function pathInfo(): PathInfo {
  return {
    forward: new Set(),
    inverse: new Set(),
    deepForward: new Set(),
    deepInverse: new Set(),
    transitive: false,
  };
}

function listItems(store: Store, head: Term): Term[] {
  const items: Term[] = [];
  let node: Term | undefined = head;
  for (let guard = 0; node && node.value !== RDF.nil && guard < 10000; guard++) {
    const first = store.getObjects(node, RDF.first, null)[0];
    if (first) items.push(first);
    node = store.getObjects(node, RDF.rest, null)[0];
  }
  return items;
}

function readPath(
  store: Store,
  path: Term,
  info: PathInfo,
  inverted = false,
  depth = 0,
  deep = false,
): void {
  if (depth > 50) return;
  if (path.termType === 'NamedNode') {
    (inverted ? info.inverse : info.forward).add(path.value);
    if (deep) (inverted ? info.deepInverse : info.deepForward).add(path.value);
    return;
  }
  const one = (p: string) => store.getObjects(path, SH + p, null)[0];
  const inv = one('inversePath');
  if (inv) return readPath(store, inv, info, !inverted, depth + 1, deep);
  const alt = one('alternativePath');
  if (alt) {
    for (const item of listItems(store, alt))
      readPath(store, item, info, inverted, depth + 1, deep);
    return;
  }
  for (const name of ['zeroOrMorePath', 'oneOrMorePath', 'zeroOrOnePath']) {
    const inner = one(name);
    if (inner) {
      if (name !== 'zeroOrOnePath') info.transitive = true;
      readPath(store, inner, info, inverted, depth + 1, deep);
      return;
    }
  }
  // A sequence: the later steps read from intermediate nodes, which may be linked records.
  listItems(store, path).forEach((item, i) =>
    readPath(store, item, info, inverted, depth + 1, deep || i > 0),
  );
}

/** Shapes reached through sh:node, sh:qualifiedValueShape and the logical constraints. */
function nestedShapes(store: Store): Set<string> {
  const nested = new Set<string>();
  const queue: Term[] = [];
  const push = (t: Term) => {
    if (!nested.has(termId(t))) {
      nested.add(termId(t));
      queue.push(t);
    }
  };
  for (const p of ['node', 'qualifiedValueShape', 'not']) {
    for (const q of store.getQuads(null, SH + p, null, null)) push(q.object);
  }
  for (const p of ['or', 'and', 'xone']) {
    for (const q of store.getQuads(null, SH + p, null, null))
      listItems(store, q.object).forEach(push);
  }
  while (queue.length > 0) {
    const shape = queue.pop() as Term;
    for (const prop of store.getObjects(shape, SH + 'property', null)) push(prop);
  }
  return nested;
}

/**
 * Derives the closure rule from the shapes: inverse paths, nested shapes, unsupported features.
 *
 * @example
 * ```ts
 * import { closurePlan, loadShapes } from 'dcat-harvest/shacl';
 *
 * const plan = closurePlan((await loadShapes({ profile: 'dcat-ap-3' })).quads);
 * if (!plan.guaranteed) console.log('validated as one graph:', plan.reasons.join('; '));
 * ```
 */
export function closurePlan(shapes: readonly Quad[]): ClosurePlan {
  const store = new Store([...shapes]);
  const reasons: string[] = [];
  const all = pathInfo();
  const nestedInfo = pathInfo();
  const nested = nestedShapes(store);
  for (const q of store.getQuads(null, SH + 'path', null, null)) {
    readPath(store, q.object, all);
    if (nested.has(termId(q.subject))) readPath(store, q.object, nestedInfo);
  }
  const inverse = new Set(all.inverse);
  for (const q of store.getQuads(null, SH + 'targetObjectsOf', null, null))
    inverse.add(q.object.value);
  if (all.transitive) {
    reasons.push(
      'a property path is transitive or a sequence (*, +, a/b), which can read beyond any record',
    );
  }
  if (nestedInfo.inverse.size > 0) {
    reasons.push('a nested shape (sh:node, sh:or, …) follows an inverse path from a linked record');
  }
  for (const feature of ['sparql', 'target', 'SPARQLTarget', 'SPARQLConstraint']) {
    if (store.getQuads(null, SH + feature, null, null).length > 0) {
      reasons.push(`the shapes use sh:${feature}, which can query the whole graph`);
      break;
    }
  }
  return {
    rule: {
      inverse: [...inverse].sort(),
      linked: [...new Set([...nestedInfo.forward, ...all.deepForward])].sort(),
    },
    guaranteed: reasons.length === 0,
    reasons,
  };
}
