// **results** makes the engine keep plain top-level results, with a faster recursion guard.
import { termKey, type EngineCore } from './internals.js';

/**
 * Makes the engine keep its top-level results as plain objects instead of building an RDF
 * report graph: per result it created a blank node, copied its source shape's, path's and
 * value's structure from the shapes graph and merged it all into the report, which was most of
 * the validation time on records with many findings. Nested results (what `sh:detail` would
 * hold) are not kept, as before: we never reported them. Clones, which the engine makes for
 * sh:node, sh:or and the like and whose own results it discards, get the same treatment.
 */
export function plainResults(core: EngineCore): EngineCore {
  const validateAll = core.validateAll.bind(core);
  core.clone = (options) => plainResults(lightClone(core, options));
  // Its report graph is never filled (see `lightClone`): only the recursion guard is reset.
  core.initReport = () => {
    core.nodeCheckCounters = {};
  };
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
 * A clone as the engine's own `clone` makes it, without the report it starts: its constructor
 * built two N3 stores and a clownface pointer for a report graph that plain results never fill,
 * for every value an `sh:or`, `sh:node` or `sh:and` checks (a tenth of a validation's time, and
 * garbage).
 */
function lightClone(core: EngineCore, options?: unknown): EngineCore {
  const clone = Object.create(Object.getPrototypeOf(core) as object) as EngineCore;
  const level = (options as { recordErrorsLevel?: number } | undefined)?.recordErrorsLevel;
  return Object.assign(clone, {
    context: core.context,
    factory: core.factory,
    maxErrors: core.maxErrors,
    maxNodeChecks: core.maxNodeChecks,
    recordErrorsLevel: level ?? 0,
    violationsCount: 0,
    validationError: null,
    nestedResults: {},
    nodeCheckCounters: {},
  });
}
