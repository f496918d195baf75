// **repair-findings** turns the IRIs a parser repaired into warnings of the records that hold them (`dh:InvalidIri`).
import type { Quad } from '@rdfjs/types';
import type { IriRepair } from '../rdf/iri-repair.js';
import { DH } from '../vocab.js';
import { refOf, type Finding, type RecordRef } from './findings.js';

/** A warning for one repaired IRI of a record. */
export function repairFinding(record: RecordRef, repair: IriRepair): Finding {
  const where = [repair.line, repair.column].filter((x) => x !== undefined).join(':');
  return {
    focusNode: repair.repaired,
    record: refOf(record),
    component: DH.InvalidIri,
    severity: 'warning',
    value: repair.original,
    message: `Invalid IRI (dh:InvalidIri) <${repair.original}>${where ? ` (${where})` : ''}: read as <${repair.repaired}>. Percent-encode spaces and other characters IRIs may not hold where the record is published.`,
    sourceShape: DH.InvalidIri,
    source:
      repair.line === undefined
        ? { file: repair.source }
        : { file: repair.source, line: repair.line },
  };
}

/**
 * The repairs whose IRI a record's triples hold (subject, predicate, object or datatype), in
 * repair order; not those of other records it merely links to (a catalog's `dcat:dataset`): the
 * IRI of a record is that record's finding.
 */
export function repairsOf(
  record: { quads: readonly Quad[]; linked?: readonly string[] },
  repairs: readonly IriRepair[],
): IriRepair[] {
  if (repairs.length === 0) return [];
  const linked = new Set(record.linked ?? []);
  const wanted = new Map(
    repairs.filter((r) => !linked.has(r.repaired)).map((r) => [r.repaired, r]),
  );
  const found = new Set<IriRepair>();
  const look = (value: string) => {
    const repair = wanted.get(value);
    if (repair) found.add(repair);
  };
  for (const q of record.quads) {
    look(q.subject.value);
    look(q.predicate.value);
    if (q.object.termType === 'Literal') look(q.object.datatype.value);
    else look(q.object.value);
  }
  return repairs.filter((r) => found.has(r));
}

/** The warnings of {@link repairsOf}. */
export function repairFindings(
  record: RecordRef & { quads: readonly Quad[]; linked?: readonly string[] },
  repairs: readonly IriRepair[],
): Finding[] {
  return repairsOf(record, repairs).map((r) => repairFinding(record, r));
}
