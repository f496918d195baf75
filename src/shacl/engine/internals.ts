// **internals** what we use of rdf-validate-shacl's engine (it has no types), and term keys.
import type { DatasetCore, Term } from '@rdfjs/types';

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
export interface EngineInternals {
  /** The namespace builders validators read terms from (`context.ns.sh.minCount`). */
  ns: Record<string, object>;
  $shapes: { dataset: DatasetCore; node(term: Term): unknown };
  nodeConformsToShape(focusNode: Term, shapeNode: Term, path?: unknown): boolean;
  $data: unknown;
  setDataGraph(data: unknown): void;
  validationEngine: EngineCore;
  loadOwlImports(): Promise<void>;
  shapesGraph: { getShape(node: Term): EngineShape; _components: EngineComponent[] };
}

/** A constraint validation function, bound to the engine (`validate(focus, value, constraint)`). */
export type ComponentFunction = (
  focusNode: Term,
  valueNode: Term,
  constraint: EngineConstraint,
) => boolean;

/** What we replace of rdf-validate-shacl's `ConstraintComponent`. */
export interface EngineComponent {
  node: Term;
  nodeValidationFunction?: ComponentFunction;
  propertyValidationFunction?: ComponentFunction;
}

/** What our validator needs of a constraint (rdf-validate-shacl's `Constraint`). */
export interface EngineConstraint {
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

export interface EngineCore {
  context: unknown;
  factory: unknown;
  maxErrors: number | undefined;
  initReport(): void;
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

export interface EngineShape {
  getTargetNodes(dataGraph: unknown): Term[];
  /** A predicate, `{ inverse: predicate }`, or another path structure (sequences, `or`, …). */
  pathObject: Term | { inverse?: Term } | null;
  deactivated: boolean;
  shapeNode: Term;
  constraints: EngineConstraint[];
  getValueNodes(focusNode: Term, dataGraph: unknown): Term[];
}

/** A term as a short string key (the engine used JSON.stringify, a quarter of its time). */
export function termKey(t: Term): string {
  if (t.termType !== 'Literal') return `${t.termType[0] ?? ''}${t.value}`;
  return `L${t.value}\u0000${t.language}\u0000${t.datatype.value}`;
}
