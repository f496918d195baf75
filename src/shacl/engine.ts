// **engine** drives rdf-validate-shacl's validation core faster, with the same results: plain
// results instead of an RDF report graph, N3 stores as datasets, and direct store reads where the
// engine went through clownface pointers (`engine.test.ts` compares it with the stock engine).
import type { DatasetCore, NamedNode, Quad, Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { rdfListToArray } from 'rdf-validate-shacl/src/dataset-utils.js';
import { PREFIXES, RDF, RDFS } from '../vocab.js';

const SH = PREFIXES.sh;

/** One top-level validation result, as the engine reports it. */
export interface EngineResult {
  focusNode: Term;
  path: Term | null;
  severity: Term;
  sourceConstraintComponent: Term;
  sourceShape: Term;
  value: Term | null;
}

/** The engine's synchronous core (its async `validate()` only waits for owl:imports). */
interface EngineInternals {
  $shapes: { dataset: DatasetCore; node(term: Term): unknown };
  nodeConformsToShape(focusNode: Term, shapeNode: Term, path?: unknown): boolean;
  $data: unknown;
  setDataGraph(data: unknown): void;
  validationEngine: EngineCore;
  loadOwlImports(): Promise<void>;
  shapesGraph: { getShape(node: Term): EngineShape; _components: EngineComponent[] };
}

/** A constraint validation function, bound to the engine (`validate(focus, value, constraint)`). */
type ComponentFunction = (
  focusNode: Term,
  valueNode: Term,
  constraint: EngineConstraint,
) => boolean;

/** What we replace of rdf-validate-shacl's `ConstraintComponent`. */
interface EngineComponent {
  node: Term;
  nodeValidationFunction?: ComponentFunction;
  propertyValidationFunction?: ComponentFunction;
}

/** What our validator needs of a constraint (rdf-validate-shacl's `Constraint`). */
interface EngineConstraint {
  validate?: (focusNode: Term, valueNode: Term | null) => unknown;
  getParameterValue(parameter: Term): Term;
  pathObject: unknown;
  component: { node: Term };
  shape: {
    severity: Term;
    shapeNode: Term;
    isPropertyShape: boolean;
    path?: { term?: Term };
  };
}

interface EngineCore {
  validateAll(data: unknown): boolean;
  validationError: unknown;
  recordErrorsLevel: number;
  clone(options?: unknown): EngineCore;
  normalizeValidationResult(
    result: unknown,
    valueNode: Term | null,
  ): { path?: Term; value?: Term } | null;
  validateValueNodeAgainstConstraint(
    focusNode: Term,
    valueNode: Term | null,
    constraint: EngineConstraint,
  ): boolean;
  validateNodeAgainstShape(focusNode: Term, shape: EngineShape, dataGraph: unknown): boolean;
  validateNodeAgainstConstraint(
    focusNode: Term,
    valueNodes: Term[],
    constraint: EngineConstraint,
    dataGraph: unknown,
  ): boolean;
  maxNodeChecks: number;
  nodeCheckCounters: Record<string, number>;
  /** Our top-level results of the last validateAll (see {@link plainResults}). */
  plain?: EngineResult[];
}

interface EngineShape {
  getTargetNodes(dataGraph: unknown): Term[];
  /** A predicate, `{ inverse: predicate }`, or another path structure (sequences, `or`, …). */
  pathObject: Term | { inverse?: Term } | null;
  deactivated: boolean;
  shapeNode: Term;
  constraints: EngineConstraint[];
  getValueNodes(focusNode: Term, dataGraph: unknown): Term[];
}

/** A term as a short string key (the engine used JSON.stringify, a quarter of its time). */
function termKey(t: Term): string {
  if (t.termType !== 'Literal') return `${t.termType[0] ?? ''}${t.value}`;
  return `L${t.value}\u0000${t.language}\u0000${t.datatype.value}`;
}

/**
 * Makes the engine keep its top-level results as plain objects instead of building an RDF
 * report graph: per result it created a blank node, copied its source shape's, path's and
 * value's structure from the shapes graph and merged it all into the report, which was most of
 * the validation time on records with many findings. Nested results (what `sh:detail` would
 * hold) are not kept, as before: we never reported them. Clones, which the engine makes for
 * sh:node, sh:or and the like and whose own results it discards, get the same treatment.
 */
function plainResults(core: EngineCore): EngineCore {
  const clone = core.clone.bind(core);
  const validateAll = core.validateAll.bind(core);
  core.clone = (options) => plainResults(clone(options));
  // The engine's recursion guard (checks per focus node and shape), as maps per shape node keyed
  // by the focus node's value: the engine's JSON key was a quarter of its time, and a string
  // built per check still cost a tenth. IRIs hold a colon and blank node labels cannot, so
  // the value alone tells them apart; literals get their full key.
  let counters = new Map<string, Map<string, number>>();
  core.validateAll = (data) => {
    core.plain = [];
    counters = new Map();
    try {
      return validateAll(data);
    } finally {
      counters = new Map(); // a record with 9,000 distributions leaves a large guard behind
    }
  };
  core.validateNodeAgainstShape = (focusNode, shape, dataGraph) => {
    if (shape.deactivated) return false;
    if (core.maxNodeChecks > 0) {
      let perShape = counters.get(shape.shapeNode.value);
      if (!perShape) {
        perShape = new Map();
        counters.set(shape.shapeNode.value, perShape);
      }
      const id = focusNode.termType === 'Literal' ? termKey(focusNode) : focusNode.value;
      const checks = perShape.get(id) ?? 0;
      if (checks > core.maxNodeChecks) return false;
      perShape.set(id, checks + 1);
    }
    const valueNodes = shape.getValueNodes(focusNode, dataGraph);
    let found = false;
    for (const constraint of shape.constraints) {
      if (core.validateNodeAgainstConstraint(focusNode, valueNodes, constraint, dataGraph)) {
        found = true;
      }
    }
    return found;
  };
  core.validateValueNodeAgainstConstraint = (focusNode, valueNode, constraint) => {
    if (!constraint.validate) throw new Error('cannot find a validator for a constraint component');
    core.recordErrorsLevel++;
    try {
      const output = constraint.validate(focusNode, valueNode);
      let found = false;
      for (const each of Array.isArray(output) ? (output as unknown[]) : [output]) {
        const result = core.normalizeValidationResult(each, valueNode);
        if (!result) continue;
        found = true;
        if (core.recordErrorsLevel !== 1) continue;
        const shape = constraint.shape;
        core.plain?.push({
          focusNode,
          path: result.path ?? (shape.isPropertyShape ? (shape.path?.term ?? null) : null),
          severity: shape.severity,
          sourceConstraintComponent: constraint.component.node,
          sourceShape: shape.shapeNode,
          value: result.value ?? valueNode ?? null,
        });
      }
      return found;
    } finally {
      core.recordErrorsLevel--;
    }
  };
  return core;
}

/**
 * Makes the shapes read a one-step path (`p` or `^p`, nearly every DCAT-AP property shape)
 * straight from the data graph's N3 store: the engine went through clownface pointers, a match
 * stream and a term set per focus node and shape, a fifth of the validation time. Same nodes, in
 * the same order (the store's index); other paths and other datasets keep the engine's way.
 */
function directShapes(context: EngineInternals): void {
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
      read = (store, focus) => store.getObjects(focus, path, null);
    } else if (path && !('termType' in path) && path.inverse?.termType === 'NamedNode') {
      const predicate = path.inverse;
      read = (store, focus) => store.getSubjects(predicate, focus, null);
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

/** Per data graph: a class's key → the class and its subclasses (keys and terms). */
const subclasses = new WeakMap<Store, Map<string, { keys: Set<string>; terms: Term[] }>>();

/** A class and its subclasses in the data graph (cycles are broken before validation). */
function classesOf(store: Store, cls: Term): { keys: Set<string>; terms: Term[] } {
  let perStore = subclasses.get(store);
  if (!perStore) {
    perStore = new Map();
    subclasses.set(store, perStore);
  }
  const key = termKey(cls);
  let found = perStore.get(key);
  if (!found) {
    found = { keys: new Set([key]), terms: [cls] };
    for (let i = 0; i < found.terms.length; i++) {
      for (const sub of store.getSubjects(RDFS.subClassOf, found.terms[i] as Term, null)) {
        const k = termKey(sub);
        if (!found.keys.has(k)) {
          found.keys.add(k);
          found.terms.push(sub);
        }
      }
    }
    perStore.set(key, found);
  }
  return found;
}

/**
 * Nodes the current validation does not take as targets (a record's linked records: present by
 * their type only, their own findings are theirs and dropped anyway), as `termId`s.
 */
const skipped: { nodes?: ReadonlySet<string>; types?: LinkedTypes } = {};

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

let environment: object | undefined;
/**
 * The engine's RDF/JS environment: its own default one, with N3 stores as datasets (its shapes
 * graph and result graphs are matched and filled faster than with @rdfjs/dataset's).
 */
function engineEnvironment(): object {
  if (!environment) {
    const base = (new SHACLValidator(new Store()) as unknown as { factory: object }).factory;
    environment = Object.assign(Object.create(base) as object, {
      dataset: (quads?: Quad[]) => new Store(quads),
    });
  }
  return environment;
}

/**
 * Replaces the constraint components that cost most with direct equivalents: `sh:class` reads
 * types and the subclass closure from the data graph's store (the engine walked clownface pointers
 * per value), and `sh:or`, `sh:xone`, `sh:and` read their list of shapes once (the engine read the
 * RDF list from the shapes graph on every value). The calls into nested shapes are the engine's,
 * in the same order, so its recursion guard counts the same.
 */
function directComponents(context: EngineInternals): void {
  const lists = new Map<string, Term[]>();
  const listOf = (head: Term): Term[] => {
    const key = termKey(head);
    let list = lists.get(key);
    if (!list) {
      list = rdfListToArray(context.$shapes.node(head) as never);
      lists.set(key, list);
    }
    return list;
  };
  const conforms = (focus: Term, shape: Term, path?: unknown): boolean =>
    context.nodeConformsToShape(focus, shape, path);
  const named = DataFactory.namedNode;
  const replacements: Record<string, (engineWay: ComponentFunction) => ComponentFunction> = {
    [SH + 'ClassConstraintComponent']: (engineWay) => (focus, value, constraint) => {
      const store = (context.$data as { dataset?: unknown }).dataset;
      if (!(store instanceof Store)) return engineWay(focus, value, constraint);
      const { keys } = classesOf(store, constraint.getParameterValue(named(SH + 'class')));
      if (store.getObjects(value, RDF.type, null).some((t) => keys.has(termKey(t)))) return true;
      const linked = skipped.types;
      if (!linked || (value.termType !== 'NamedNode' && value.termType !== 'BlankNode'))
        return false;
      const types = linked.get(value.termType === 'NamedNode' ? value.value : `_:${value.value}`);
      return types !== undefined && types.some((t) => keys.has(`N${t}`));
    },
    [SH + 'OrConstraintComponent']: () => (_focus, value, constraint) =>
      listOf(constraint.getParameterValue(named(SH + 'or'))).some((s) => conforms(value, s)),
    [SH + 'XoneConstraintComponent']: () => (_focus, value, constraint) =>
      listOf(constraint.getParameterValue(named(SH + 'xone')))
        .map((s) => conforms(value, s))
        .filter(Boolean).length === 1,
    [SH + 'AndConstraintComponent']: () => (focus, value, constraint) =>
      listOf(constraint.getParameterValue(named(SH + 'and'))).every((s) =>
        constraint.shape.isPropertyShape
          ? conforms(focus, s, constraint.pathObject)
          : conforms(value, s),
      ),
  };
  for (const component of context.shapesGraph._components) {
    const replace = replacements[component.node.value];
    if (!replace) continue;
    if (component.nodeValidationFunction)
      component.nodeValidationFunction = replace(component.nodeValidationFunction);
    if (component.propertyValidationFunction)
      component.propertyValidationFunction = replace(component.propertyValidationFunction);
  }
}

/** The engine, ready to validate data graphs one after the other. */
export interface Engine {
  /** The shapes graph with its owl:imports. */
  readonly shapes: DatasetCore;
  /**
   * Validates a data graph; results are the top-level ones (no nested `sh:detail`). Nodes in
   * `skip` (IRIs, `_:label`) are not validated as targets, though still checked as values;
   * `types` gives nodes types the store does not hold (see {@link LinkedTypes}).
   */
  validate(data: Store, skip?: ReadonlySet<string>, types?: LinkedTypes): EngineResult[];
}

const EMPTY = new Store();

/** Builds the engine for a shapes graph and loads its owl:imports. */
export async function createEngine(
  shapes: readonly Quad[],
  importGraph: (iri: NamedNode) => Promise<DatasetCore>,
): Promise<Engine> {
  const engine = new SHACLValidator(new Store([...shapes]), {
    factory: engineEnvironment() as never,
    importGraph: importGraph as never,
  }) as unknown as EngineInternals;
  await engine.loadOwlImports();
  plainResults(engine.validationEngine);
  directShapes(engine);
  directComponents(engine);
  return {
    shapes: engine.$shapes.dataset,
    validate(data, skip, types) {
      engine.setDataGraph(data);
      const core = engine.validationEngine;
      skipped.nodes = skip && skip.size > 0 ? skip : undefined;
      skipped.types = types && types.size > 0 ? types : undefined;
      try {
        core.validateAll(engine.$data);
      } finally {
        skipped.nodes = undefined;
        skipped.types = undefined;
      }
      // Nothing of this data graph stays with the engine: the next record's validation (or the
      // next page) does not start on top of a large record's store and results.
      const results = core.plain ?? [];
      core.plain = undefined;
      engine.setDataGraph(EMPTY);
      if (core.validationError) throw core.validationError;
      return results;
    },
  };
}
