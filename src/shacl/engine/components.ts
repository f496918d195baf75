// **components** replaces the costliest constraint components (sh:class, sh:or, sh:xone, sh:and).
import type { Term } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { rdfListToArray } from 'rdf-validate-shacl/src/dataset-utils.js';
import { PREFIXES, RDF } from '../../vocab.js';
import { classesOf } from './classes.js';
import { objectsOf, subjectsOf } from './store-reads.js';
import { skipped } from './targets.js';
import { termKey, type ComponentFunction, type EngineInternals } from './internals.js';

const SH = PREFIXES.sh;

/**
 * Replaces the constraint components that cost most with direct equivalents: `sh:class` reads
 * types and the subclass closure from the data graph's store (the engine walked clownface pointers
 * per value), and `sh:or`, `sh:xone`, `sh:and` read their list of shapes once (the engine read the
 * RDF list from the shapes graph on every value). The calls into nested shapes are the engine's,
 * in the same order, so its recursion guard counts the same.
 */
export function directComponents(context: EngineInternals): void {
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
  const minCount = named(SH + 'minCount');
  const maxCount = named(SH + 'maxCount');
  const replacements: Record<string, (engineWay: ComponentFunction) => ComponentFunction> = {
    [SH + 'ClassConstraintComponent']: (engineWay) => (focus, value, constraint) => {
      const store = (context.$data as { dataset?: unknown }).dataset;
      if (!(store instanceof Store)) return engineWay(focus, value, constraint);
      const { keys } = classesOf(store, constraint.getParameterValue(named(SH + 'class')));
      if (objectsOf(store, value, RDF.type).some((t) => keys.has(termKey(t)))) return true;
      const linked = skipped.types;
      if (!linked || (value.termType !== 'NamedNode' && value.termType !== 'BlankNode'))
        return false;
      const types = linked.get(value.termType === 'NamedNode' ? value.value : `_:${value.value}`);
      return types !== undefined && types.some((t) => keys.has(`N${t}`));
    },
    [SH + 'MinCountConstraintComponent']: (engineWay) => (focus, value, constraint) => {
      const count = pathCount(context, focus, constraint);
      if (count === undefined) return engineWay(focus, value, constraint);
      return count >= Number(constraint.getParameterValue(minCount).value);
    },
    [SH + 'MaxCountConstraintComponent']: (engineWay) => (focus, value, constraint) => {
      const count = pathCount(context, focus, constraint);
      if (count === undefined) return engineWay(focus, value, constraint);
      const max = constraint.getParameterValue(maxCount) as Term | undefined;
      return max !== undefined && count <= Number(max.value);
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

/**
 * The number of values a one-step path (`p` or `^p`) gives a focus node, from the store's reads
 * that the shapes make anyway (remembered per store, see `store-reads`): each value once over all
 * graphs, as the engine's term set counts them (it built a clownface pointer and that set per
 * count); `undefined` for other paths and stores.
 */
function pathCount(
  context: EngineInternals,
  focus: Term,
  constraint: { pathObject: unknown },
): number | undefined {
  const store = (context.$data as { dataset?: unknown }).dataset;
  if (!(store instanceof Store)) return undefined;
  const path = constraint.pathObject as Term | { inverse?: Term } | null | undefined;
  if (!path) return undefined;
  if ('termType' in path)
    return path.termType === 'NamedNode' ? objectsOf(store, focus, path).length : undefined;
  if (path.inverse?.termType === 'NamedNode') return subjectsOf(store, path.inverse, focus).length;
  return undefined;
}
