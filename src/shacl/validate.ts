// **validate** runs rdf-validate-shacl over records: one validator, built once and reused.
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { termId, type RecordGraph } from '../rdf/records.js';
import { PREFIXES, RDF, RDFS } from '../vocab.js';
import { breakSubClassCycles, noBackground, type Background } from './background.js';
import type { Finding, RecordRef, Severity } from './findings.js';
import { createImportResolver } from './imports.js';
import { compactIri, describeFinding } from './messages.js';
import { pathString } from './path.js';
import { closurePlan, type ClosurePlan } from './closure.js';
import type { LoadedShapes } from './profiles.js';

const SEVERITY: Record<string, Severity> = {
  [PREFIXES.sh + 'Violation']: 'violation',
  [PREFIXES.sh + 'Warning']: 'warning',
  [PREFIXES.sh + 'Info']: 'info',
};

/** Options of {@link createValidator}. */
export interface ValidatorOptions {
  /** Background knowledge added to each data graph; default none (see `loadBackground`). */
  background?: Background;
}

/** A validator built once from a shapes graph and reused for every record. */
export interface Validator {
  /** The shapes' label (profile and level, or files). */
  readonly label: string;
  /** Warnings met so far: unknown imports, broken subClassOf cycles, fallbacks. */
  readonly notices: string[];
  /** What records must carry for these shapes, and whether partitioning is exact. */
  readonly plan: ClosurePlan;
  /** Validates one record; its findings name the record. */
  validateRecord(record: RecordGraph, source?: { file: string; line?: number }): Finding[];
  /** Validates quads as one graph; findings are attributed to the given records. */
  validateGraph(quads: readonly Quad[], records: readonly RecordGraph[]): Finding[];
}

interface EngineResult {
  focusNode: Term;
  path: Term | null;
  severity: Term;
  sourceConstraintComponent: Term;
  sourceShape: Term;
  value: Term | null;
}

/** The engine's synchronous core (its async `validate()` only waits for owl:imports). */
interface EngineInternals {
  $shapes: { dataset: DatasetCore };
  $data: unknown;
  setDataGraph(data: unknown): void;
  validationEngine: EngineCore;
  loadOwlImports(): Promise<void>;
  shapesGraph: { getShape(node: Term): EngineShape };
}

/** What our validator needs of a constraint (rdf-validate-shacl's `Constraint`). */
interface EngineConstraint {
  validate?: (focusNode: Term, valueNode: Term | null) => unknown;
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
    return validateAll(data);
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
function directValueNodes(shapesGraph: EngineInternals['shapesGraph']): void {
  const getShape = shapesGraph.getShape.bind(shapesGraph);
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
    return shape;
  };
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

/** Builds a validator: loads owl:imports once (unknown ones become notices). */
export async function createValidator(
  shapes: LoadedShapes,
  options: ValidatorOptions = {},
): Promise<Validator> {
  const resolver = createImportResolver(shapes.importMap);
  const engine = new SHACLValidator(new Store(shapes.quads), {
    factory: engineEnvironment() as never,
    importGraph: (iri) => resolver.importGraph(iri),
  }) as unknown as EngineInternals;
  await engine.loadOwlImports();
  plainResults(engine.validationEngine);
  directValueNodes(engine.shapesGraph);
  const shapesStore = new Store([...engine.$shapes.dataset] as Quad[]);
  const background = options.background ?? noBackground();
  const notices = [...resolver.notices];
  const plan = closurePlan([...engine.$shapes.dataset] as Quad[]);

  const run = (data: Quad[]): EngineResult[] => {
    let quads = data;
    if (quads.some((q) => q.predicate.value === RDFS.subClassOf)) {
      const guard = breakSubClassCycles(quads);
      for (const [from, to] of guard.removed) {
        notices.push(
          `rdfs:subClassOf cycle in the data: ${compactIri(from)} ⊑ ${compactIri(to)} closes it and was ignored`,
        );
      }
      quads = guard.quads;
    }
    engine.setDataGraph(new Store(quads));
    const core = engine.validationEngine;
    core.validateAll(engine.$data);
    if (core.validationError) throw core.validationError;
    return core.plain ?? [];
  };

  const toFinding = (
    r: EngineResult,
    record: RecordRef,
    types: Map<string, string>,
    source?: { file: string; line?: number },
  ): Finding => {
    const focusNode = termId(r.focusNode);
    const severity = SEVERITY[r.severity.value] ?? 'violation';
    // The engine makes up a message ("Less than 1 values") when the shape has none: use the shape's.
    const messages = shapesStore.getObjects(r.sourceShape, PREFIXES.sh + 'message', null);
    const shapeMessage = (
      messages.find((m) => m.termType === 'Literal' && m.language === 'en') ?? messages[0]
    )?.value;
    const finding: Finding = {
      focusNode,
      record,
      component: r.sourceConstraintComponent.value,
      severity,
      message: '',
      sourceShape: termId(r.sourceShape),
    };
    if (r.path) finding.path = pathString(engine.$shapes.dataset, r.path);
    if (r.value) finding.value = termId(r.value);
    const focusType = types.get(focusNode);
    finding.message = describeFinding(shapesStore, {
      ...finding,
      ...(focusType === undefined ? {} : { focusType }),
      ...(shapeMessage === undefined ? {} : { shapeMessage }),
    });
    if (source) finding.source = source;
    return finding;
  };

  const typesOf = (quads: readonly Quad[]) => {
    const types = new Map<string, string>();
    for (const q of quads) {
      if (q.predicate.value === RDF.type && !types.has(termId(q.subject))) {
        types.set(termId(q.subject), compactIri(q.object.value));
      }
    }
    return types;
  };

  /** Keeps results on data nodes: a vocabulary node only counts if the data describes it too. */
  const isData = (r: EngineResult, subjects: Set<string>) => {
    const id = termId(r.focusNode);
    return !background.nodes.has(id) || subjects.has(id);
  };

  return {
    label: shapes.label,
    notices,
    plan,
    validateRecord(record, source) {
      const results = run(
        background.quads.length === 0 ? record.quads : [...record.quads, ...background.quads],
      );
      const subjects = new Set(record.quads.map((q) => termId(q.subject)));
      const linked = new Set(record.linked);
      const types = typesOf(record.quads);
      const ref: RecordRef = { id: record.id, kind: record.kind };
      if (record.title !== undefined) ref.title = record.title;
      return results
        .filter((r) => isData(r, subjects) && !linked.has(termId(r.focusNode)))
        .map((r) => toFinding(r, ref, types, source));
    },
    validateGraph(quads, records) {
      const results = run(
        background.quads.length === 0 ? [...quads] : [...quads, ...background.quads],
      );
      const owner = new Map<string, RecordRef>();
      for (const record of records) {
        const ref: RecordRef = { id: record.id, kind: record.kind };
        if (record.title !== undefined) ref.title = record.title;
        owner.set(record.id, ref);
      }
      for (const record of records) {
        for (const q of record.quads) {
          const id = termId(q.subject);
          if (!owner.has(id)) owner.set(id, owner.get(record.id) as RecordRef);
        }
      }
      const subjects = new Set(quads.map((q) => termId(q.subject)));
      const types = typesOf(quads);
      return results
        .filter((r) => isData(r, subjects))
        .map((r) => {
          const id = termId(r.focusNode);
          return toFinding(r, owner.get(id) ?? { id, kind: 'other' }, types);
        });
    },
  };
}
