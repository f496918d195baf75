/**
 * **dcat-harvest/run**: harvest → validate → audit → one report folder, and reading its report back.
 *
 * @module dcat-harvest/run
 */
export { runPipeline, REPORT_FILES } from './run.js';
export type { RunOptions, RunOutcome, RunStage } from './run.js';
export { assess, ATTRIBUTION_RULE, COMPLIANCE_DEFAULTS } from './assess.js';
export type { AssessOptions, Assessment } from './assess.js';
export { auditInputs } from './audit-inputs.js';
export type { AuditInputsOptions } from './audit-inputs.js';
export { buildRunReport, reportJsonChunks } from './build-report.js';
export type { BuiltReport, RunResults } from './build-report.js';
export {
  REPORT_SCHEMA,
  FINDINGS_FILE,
  FINDINGS_SCHEMA,
  isRunReport,
  ratingOf,
} from './report-model.js';
export type {
  DatasetRow,
  FindingsFileRef,
  PublisherRow,
  RunReport,
  RunReportHead,
} from './report-model.js';
export { readFindings, readRunReport } from './read-report.js';
export type { RunReportReader } from './read-report.js';
export { writeByPublisher } from './by-publisher.js';
export type { FindingsWritten } from './findings-file.js';
export type {
  AuditSection,
  FixRow,
  HarvestSection,
  IndicatorResult,
  ReportCounts,
  RunMeta,
  ValidationSection,
} from './report-model.js';
export type { JsonSpool } from '../spool.js';
export type {
  DimensionScore,
  FindingGroupRow,
  IndicatorSummary,
  LinkResult,
  LinkSection,
  MissingPage,
  PortalLossRow,
  StageDurations,
} from './report-model.js';
