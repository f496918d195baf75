// **presence** builds the "property present" indicators most of the MQA consists of.
import type { Term } from '@rdfjs/types';
import { PV } from '../dimensions.js';
import type { Check, DimensionId, Indicator, IndicatorLevel, NodeView } from '../types.js';

/** What a presence indicator needs to know. */
export interface PresenceSpec {
  id: string;
  label: string;
  dimension: DimensionId;
  points: number;
  level: IndicatorLevel;
  /** The property IRI. */
  predicate: string;
  /** The property, prefixed. */
  property: string;
}

/** True for a value that says something: not an empty literal. */
export function meaningful(term: Term): boolean {
  return term.termType !== 'Literal' || term.value.trim() !== '';
}

/** Shortens a value for an explanation. */
export function show(term: Term): string {
  const text = term.value.length > 80 ? term.value.slice(0, 77) + '…' : term.value;
  if (term.termType === 'BlankNode') return '[a blank node]';
  return term.termType === 'Literal' ? `"${text}"` : `<${text}>`;
}

/** Checks that `node` has a meaningful value for `predicate`, explaining either way. */
export function present(node: NodeView, predicate: string, property: string): Check {
  const values = node.values(predicate).filter(meaningful);
  if (values.length === 0) {
    const empty = node.values(predicate).length > 0;
    return { pass: false, measured: true, why: `${property} ${empty ? 'is empty' : 'missing'}` };
  }
  const first = values[0] as Term;
  const more = values.length > 1 ? ` (+${values.length - 1} more)` : '';
  return { pass: true, measured: true, why: `${property} ${show(first)}${more}` };
}

/** Builds an indicator that passes when the property has a value. */
export function presence(spec: PresenceSpec): Indicator {
  return {
    id: spec.id,
    label: spec.label,
    dimension: spec.dimension,
    points: spec.points,
    level: spec.level,
    metric: PV + spec.id,
    property: spec.property,
    fix: `add ${spec.property}`,
    measure: (node) => present(node, spec.predicate, spec.property),
  };
}
