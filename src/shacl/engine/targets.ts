// **targets** makes the shapes read one-step paths and their targets straight from N3 stores.
import type { Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { PREFIXES, RDF, RDFS } from '../../vocab.js';
import { classesOf } from './classes.js';
import { objectsOf, subjectsOf } from './store-reads.js';
import { termKey, type EngineInternals, type EngineShape } from './internals.js';

const SH = PREFIXES.sh;

/**
 * Nodes the current validation does not take as targets (a record's linked records: present by
 * their type only, their own findings are theirs and dropped anyway), as `termId`s.
 */
export const skipped: { nodes?: ReadonlySet<string>; types?: LinkedTypes } = {};

/**
 * Types of nodes the data graph names without typing them (a merged catalog's 74,200 linked
 * datasets): `sh:class` reads them here instead of from `rdf:type` triples in the store, which
 * would cost the store six index objects a node. Keys are `termId`s, values class IRIs.
 */
export type LinkedTypes = ReadonlyMap<string, readonly string[]>;

/** What a shape targets, read once from the shapes graph. */
interface Targets {
  /** The shape is itself a class: its instances are targets. */
  selfClass: boolean;
  classes: Term[];
  nodes: Term[];
  subjectsOf: Term[];
  objectsOf: Term[];
}

/**
 * Makes the shapes read a one-step path (`p` or `^p`, nearly every DCAT-AP property shape)
 * straight from the data graph's N3 store: the engine went through clownface pointers, a match
 * stream and a term set per focus node and shape, a fifth of the validation time. Same nodes, in
 * the same order (the store's index); other paths and other datasets keep the engine's way.
 */
export function directShapes(context: EngineInternals): void {
  const shapesGraph = context.shapesGraph;
  const getShape = shapesGraph.getShape.bind(shapesGraph);
  const shapesStore = context.$shapes.dataset;
  const patched = new WeakSet<EngineShape>();
  shapesGraph.getShape = (node) => {
    const shape = getShape(node);
    if (patched.has(shape)) return shape;
    patched.add(shape);
    const path = shape.pathObject;
    const engineWay = shape.getValueNodes.bind(shape);
    let read: ((store: Store, focus: Term) => Term[]) | undefined;
    if (path && 'termType' in path && path.termType === 'NamedNode') {
      read = (store, focus) => objectsOf(store, focus, path);
    } else if (path && !('termType' in path) && path.inverse?.termType === 'NamedNode') {
      const predicate = path.inverse;
      read = (store, focus) => subjectsOf(store, predicate, focus);
    }
    if (read) {
      const direct = read;
      shape.getValueNodes = (focus, dataGraph) => {
        const dataset = (dataGraph as { dataset?: unknown }).dataset;
        return dataset instanceof Store ? direct(dataset, focus) : engineWay(focus, dataGraph);
      };
    }
    if (shapesStore instanceof Store) {
      const engineTargets = shape.getTargetNodes.bind(shape);
      let targets: Targets | undefined;
      shape.getTargetNodes = (dataGraph) => {
        const store = (dataGraph as { dataset?: unknown }).dataset;
        if (!(store instanceof Store)) return engineTargets(dataGraph);
        targets ??= targetsOf(shapesStore, shape.shapeNode);
        const found = new Map<string, Term>();
        const add = (t: Term) => {
          // As `termId` names nodes (what `skip` holds); literals by their full key.
          const k =
            t.termType === 'NamedNode'
              ? t.value
              : t.termType === 'BlankNode'
                ? `_:${t.value}`
                : termKey(t);
          if (!found.has(k)) found.set(k, t);
        };
        const instances = (cls: Term) => {
          for (const c of classesOf(store, cls).terms)
            for (const t of store.getSubjects(RDF.type, c, null)) add(t);
        };
        if (targets.selfClass) instances(shape.shapeNode);
        targets.classes.forEach(instances);
        targets.nodes.forEach(add);
        for (const p of targets.subjectsOf) store.getSubjects(p, null, null).forEach(add);
        for (const p of targets.objectsOf) store.getObjects(null, p, null).forEach(add);
        if (skipped.nodes) for (const id of skipped.nodes) found.delete(id);
        return [...found.values()];
      };
    }
    return shape;
  };
}

/**
 * Reads a shape's targets from the shapes graph, as the engine's `getTargetNodes` does on every
 * call: implicit class target (the shape is an instance of `rdfs:Class` or of a subclass),
 * `sh:targetClass`, `sh:targetNode`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`.
 */
function targetsOf(shapes: Store, shape: Term): Targets {
  const rdfsClass = DataFactory.namedNode(RDFS.Class);
  const classTypes = classesOf(shapes, rdfsClass).keys;
  const read = (p: string) => shapes.getObjects(shape, SH + p, null);
  return {
    selfClass: shapes.getObjects(shape, RDF.type, null).some((t) => classTypes.has(termKey(t))),
    classes: read('targetClass'),
    nodes: read('targetNode'),
    subjectsOf: read('targetSubjectsOf'),
    objectsOf: read('targetObjectsOf'),
  };
}
