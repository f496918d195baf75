// **engine** drives rdf-validate-shacl's validation core faster, with the same results: plain
// results instead of an RDF report graph, N3 stores as datasets, and direct store reads where the
// engine went through clownface pointers (`engine.test.ts` compares it with the stock engine).
import type { DatasetCore, NamedNode, Quad } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { directComponents } from './engine/components.js';
import type { EngineInternals, EngineResult } from './engine/internals.js';
import { plainResults } from './engine/results.js';
import { cachedNamespace, reuseTerms } from './engine/reuse.js';
import { directShapes, skipped, type LinkedTypes } from './engine/targets.js';

export type { EngineResult } from './engine/internals.js';
export type { LinkedTypes } from './engine/targets.js';

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
  engine.ns = Object.fromEntries(
    Object.entries(engine.ns).map(([prefix, builder]) => [prefix, cachedNamespace(builder)]),
  );
  plainResults(engine.validationEngine);
  directShapes(engine);
  directComponents(engine);
  return {
    shapes: engine.$shapes.dataset,
    validate(data, skip, types) {
      reuseTerms(data);
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
