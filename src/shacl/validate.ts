// **validate** runs rdf-validate-shacl over records: one validator, built once and reused.
import type { Quad } from '@rdfjs/types';
import { Store } from 'n3';
import { termId, type RecordGraph } from '../rdf/records.js';
import { RDFS } from '../vocab.js';
import { breakSubClassCycles, noBackground, type Background } from './background.js';
import type { Finding, RecordRef } from './findings.js';
import { createImportResolver } from './imports.js';
import { compactIri } from './messages.js';
import { closurePlan, type ClosurePlan } from './closure.js';
import { createEngine, type EngineResult, type LinkedTypes } from './engine.js';
import { dataStore } from './engine/data-store.js';
import { withVocabularyTypes } from './vocabularies.js';
import type { LoadedShapes } from './profiles.js';
import { findingMaker, typesOf } from './to-finding.js';

/**
 * Kinds of findings a run may leave out: `documents` drops the class checks on web documents and
 * standards (landing pages, pages, documentation, conformsTo not typed foaf:Document / dct:Standard).
 */
export type Relaxation = 'documents';

/** The relaxations `--relax` accepts. */
export const RELAXATIONS: readonly Relaxation[] = ['documents'];

/** Options of {@link createValidator}. */
export interface ValidatorOptions {
  /** Background knowledge added to each data graph; default none (see `backgroundFor`). */
  background?: Background;
  /** Findings left out (see {@link Relaxation}). */
  relax?: readonly Relaxation[];
}

/** A validator built once from a shapes graph and reused for every record. */
export interface Validator {
  /** The shapes' label (profile and level, or files). */
  readonly label: string;
  /** Warnings met so far: unknown imports, broken subClassOf cycles, fallbacks. */
  readonly notices: string[];
  /** What records must carry for these shapes, and whether partitioning is exact. */
  readonly plan: ClosurePlan;
  /**
   * Validates one record; its findings name the record. `types` gives linked nodes their types
   * without `rdf:type` triples (a merged catalog's datasets; they are then taken as linked).
   */
  validateRecord(
    record: RecordGraph,
    source?: { file: string; line?: number },
    types?: LinkedTypes,
  ): Finding[];
  /** Validates quads as one graph; findings are attributed to the given records. */
  validateGraph(quads: readonly Quad[], records: readonly RecordGraph[]): Finding[];
}

/**
 * Builds a validator: loads owl:imports once (unknown ones become notices).
 *
 * @example
 * ```ts
 * import { extractRecords, parseText } from 'dcat-harvest/rdf';
 * import { createValidator, loadShapes } from 'dcat-harvest/shacl';
 * import { Store } from 'n3';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const validator = await createValidator(await loadShapes({ profile: 'dcat-ap-3' }));
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * for (const record of extractRecords(new Store(quads), validator.plan.rule))
 *   for (const finding of validator.validateRecord(record)) console.log(finding.message);
 * ```
 */
export async function createValidator(
  shapes: LoadedShapes,
  options: ValidatorOptions = {},
): Promise<Validator> {
  const resolver = createImportResolver(shapes.importMap);
  const engine = await createEngine(shapes.quads, (iri) => resolver.importGraph(iri));
  // The engine's shapes graph is an N3 store already (its RDF/JS environment): read it, not a copy.
  const shapesStore =
    engine.shapes instanceof Store ? engine.shapes : new Store([...engine.shapes] as Quad[]);
  const background = options.background ?? noBackground();
  const notices = [...resolver.notices];
  const plan = closurePlan([...engine.shapes] as Quad[]);

  const vocabularies = background.vocabularies;
  const relaxDocuments = options.relax?.includes('documents') === true;
  const { onDocument, toFinding } = findingMaker(shapesStore, engine.shapes, vocabularies);

  const run = (data: Quad[], skip?: ReadonlySet<string>, types?: LinkedTypes): EngineResult[] => {
    let quads = vocabularies ? withVocabularyTypes(data, vocabularies) : data;
    if (quads.some((q) => q.predicate.value === RDFS.subClassOf)) {
      const guard = breakSubClassCycles(quads);
      for (const [from, to] of guard.removed) {
        notices.push(
          `rdfs:subClassOf cycle in the data: ${compactIri(from)} ⊑ ${compactIri(to)} closes it and was ignored`,
        );
      }
      quads = guard.quads;
    }
    const results = engine.validate(dataStore(quads), skip, types);
    return relaxDocuments ? results.filter((r) => !onDocument(r)) : results;
  };

  /** Keeps results on data nodes: a vocabulary node only counts if the data describes it too. */
  const isData = (r: EngineResult, subjects: Set<string>) => {
    const id = termId(r.focusNode);
    if (subjects.has(id)) return true;
    if (background.nodes.has(id)) return false;
    return r.focusNode.termType !== 'NamedNode' || vocabularies?.classesOf(id) === undefined;
  };

  return {
    label: shapes.label,
    notices,
    plan,
    validateRecord(record, source, linkedTypes) {
      // Linked records are here by their type only: never targets (their findings are theirs).
      const linked = new Set(record.linked);
      for (const id of linkedTypes?.keys() ?? []) linked.add(id);
      const results = run(
        background.quads.length === 0 ? record.quads : [...record.quads, ...background.quads],
        linked,
        linkedTypes,
      );
      const subjects = new Set(record.quads.map((q) => termId(q.subject)));
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
