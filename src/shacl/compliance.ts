// **compliance** judges a record DCAT-AP compliant (no violation) for the audit's compliance indicator.
import type { QuadLookup } from '../rdf/quad-index.js';
import { extractRecords, type RecordGraph } from '../rdf/records.js';
import type { Validator } from './validate.js';

/** A record's compliance: whether it has no violation, and the first distinct messages. */
export interface Compliance {
  conforms: boolean;
  /** Up to three distinct violation messages, then "… N more". */
  violations: string[];
}

/** Validates one record and summarizes its violations (warnings and infos do not count). */
export function complianceOf(validator: Validator, record: RecordGraph): Compliance {
  const violations = validator.validateRecord(record).filter((f) => f.severity === 'violation');
  const messages = [...new Set(violations.map((f) => f.message))].sort(); // not in input order
  return {
    conforms: violations.length === 0,
    violations: messages
      .slice(0, 3)
      .concat(messages.length > 3 ? [`… ${messages.length - 3} more`] : []),
  };
}

/**
 * `[dataset, compliance]` for every dataset of a page, split into records as the audit splits
 * them (the default closure), so the verdicts equal `audit`'s.
 */
export function pageCompliance(validator: Validator, page: QuadLookup): [string, Compliance][] {
  return datasetCompliance(validator, page).map(({ record, compliance }) => [
    record.id,
    compliance,
  ]);
}

/** Every dataset record of a page (split as the audit splits them) with its compliance. */
export function datasetCompliance(
  validator: Validator,
  page: QuadLookup,
): { record: RecordGraph; compliance: Compliance }[] {
  return extractRecords(page)
    .filter((r) => r.kind === 'dataset')
    .map((record) => ({ record, compliance: complianceOf(validator, record) }));
}
