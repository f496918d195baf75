// **page** validates the records of one page, holding back those that need other pages to be judged.
import type { RecordGraph } from '../rdf/records.js';
import { termId } from '../rdf/records.js';
import { PREFIXES, RDF } from '../vocab.js';
import type { Finding, RecordRef } from './findings.js';
import type { Validator } from './validate.js';

const CLASS = PREFIXES.sh + 'ClassConstraintComponent';

/**
 * A record held for the end of the run. A catalog (repeated on every page) is merged and validated
 * then; any other record was validated already and carries its findings plus the IRIs whose class
 * it could not judge, and is validated again only if another page gives one of them a type.
 */
export interface HeldRecord extends RecordGraph {
  /** Findings as the page alone gives them (absent for catalogs). */
  findings?: Finding[];
  /** Values of class findings the page does not describe. */
  unresolved?: string[];
}

/** What a page gives: results now, records held for the end, and the types of its records. */
export interface PageOutcome {
  results: { record: RecordRef; findings: Finding[] }[];
  /**
   * Records settled at the end instead: catalogs (repeated on every page, merged) and records
   * with a class finding on an IRI the page does not describe (another page may type it).
   */
  held: HeldRecord[];
  /** `[record node, rdf:type]` of every record of the page, for the held records' class checks. */
  types: [string, string][];
}

function refOf(record: RecordGraph): RecordRef {
  const ref: RecordRef = { id: record.id, kind: record.kind };
  if (record.title !== undefined) ref.title = record.title;
  return ref;
}

/** Validates a page's records; see {@link PageOutcome}. */
export function validatePageRecords(
  records: readonly RecordGraph[],
  validator: Validator,
  source: { file: string },
): PageOutcome {
  const outcome: PageOutcome = { results: [], held: [], types: [] };
  for (const record of records) {
    for (const q of record.quads) {
      if (q.predicate.value === RDF.type && termId(q.subject) === record.id) {
        outcome.types.push([record.id, q.object.value]);
      }
    }
    if (record.kind === 'catalog') {
      outcome.held.push(record);
      continue;
    }
    const findings = validator.validateRecord(record, source);
    const subjects = new Set(record.quads.map((q) => termId(q.subject)));
    const unresolved = new Set<string>();
    for (const f of findings) {
      if (
        f.component === CLASS &&
        f.value !== undefined &&
        !f.value.startsWith('_:') &&
        !subjects.has(f.value)
      ) {
        unresolved.add(f.value);
      }
    }
    if (unresolved.size > 0)
      outcome.held.push({ ...record, findings, unresolved: [...unresolved] });
    else outcome.results.push({ record: refOf(record), findings });
  }
  return outcome;
}
