// **judged** measures a dataset whose DCAT-AP compliance is known, and scores it at once when no
// URL is to be checked: what validation workers send back for the audit, small and plain.
import type { RecordGraph } from '../rdf/records.js';
import { applyLinkStatuses, measureDataset, type DatasetMeasurement } from './measure.js';
import { looksLikeUdata } from './portal.js';
import { scoreDataset, type DatasetScore, type ScoringMethod } from './score.js';
import type { MeasureContext } from './types.js';

/** How datasets are measured away from the audit (structured-clone safe). */
export interface MeasureSetup {
  method?: ScoringMethod;
  /** Score at once (no URL will be checked); otherwise the measurement waits for the checks. */
  score: boolean;
}

/** A dataset measured elsewhere: scored (with what portal detection needs), or still to score. */
export type Measured =
  { score: DatasetScore; udata: boolean } | { measurement: DatasetMeasurement };

/** Accessible statuses while links are not checked (link indicators are measured later). */
const NO_LINKS: MeasureContext = { status: () => undefined, statusRange: [200, 399] };

/** Measures a dataset with its compliance verdict, and scores it when the setup says so. */
export function measureJudged(
  record: RecordGraph,
  compliance: { conforms: boolean; violations: string[] },
  setup: MeasureSetup,
): Measured {
  const measurement = measureDataset(record, {
    ...NO_LINKS,
    compliance: compliance.conforms,
    violations: compliance.violations,
  });
  if (!setup.score) return { measurement };
  applyLinkStatuses(measurement, NO_LINKS);
  return {
    score: scoreDataset(measurement, setup.method ?? 'mqa'),
    udata: looksLikeUdata(measurement),
  };
}
