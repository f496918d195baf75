// **compliance** judges a record DCAT-AP compliant (no violation) for the audit's compliance indicator.
import type { RecordGraph } from '../rdf/records.js';
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
  const messages = [...new Set(violations.map((f) => f.message))];
  return {
    conforms: violations.length === 0,
    violations: messages
      .slice(0, 3)
      .concat(messages.length > 3 ? [`… ${messages.length - 3} more`] : []),
  };
}
