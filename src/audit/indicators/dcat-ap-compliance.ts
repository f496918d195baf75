// **dcat-ap-compliance** is the MQA indicator "DCAT-AP compliance" (30 points, per dataset).
import { PV } from '../dimensions.js';
import type { Indicator } from '../types.js';

/** Passes when the injected compliance check found no SHACL Violation in the dataset's record. */
export const dcatApCompliance: Indicator = {
  id: 'dcatApCompliance',
  label: 'DCAT-AP compliance',
  dimension: 'interoperability',
  points: 30,
  level: 'dataset',
  metric: PV + 'dcatApCompliance',
  property: 'DCAT-AP shapes',
  fix: 'fix the DCAT-AP violations of',
  measure(_node, context) {
    if (context.compliance === undefined) {
      return { pass: false, measured: false, why: 'DCAT-AP compliance not checked' };
    }
    return context.compliance
      ? { pass: true, measured: true, why: 'conforms to the DCAT-AP shapes (no violation)' }
      : {
          pass: false,
          measured: true,
          why: `DCAT-AP violations: ${context.violations?.length ? context.violations.join('; ') : 'see validate'}`,
        };
  },
};
