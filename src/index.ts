/**
 * **dcat-harvest** public API: the everyday functions; each layer has its own entry point
 * (`dcat-harvest/rdf`, `/fetch`, `/udata`, `/shacl`, `/audit`, `/report`, `/run`, `/diff`,
 * `/sample-portal`) with the rest.
 *
 * @module dcat-harvest
 */
export {
  DcatHarvestError,
  ExitCode,
  InputError,
  LimitError,
  NetworkError,
  ParseError,
  UsageError,
  exitCodeOf,
  formatPosition,
} from './errors.js';
export type { DcatHarvestErrorOptions, ExitCodeValue, SourcePosition } from './errors.js';
export { VERSION, USER_AGENT } from './version.js';
export { harvest } from './fetch/index.js';
export type { HarvestEvent, HarvestOptions, HarvestSummary } from './fetch/index.js';
export { runValidation, validateDocuments } from './shacl/index.js';
export type {
  FailOn,
  Finding,
  RecordResult,
  RunValidationOptions,
  Severity,
  ValidateOptions,
  ValidationRun,
  ValidationSummary,
} from './shacl/index.js';
export { auditRecords } from './audit/index.js';
export type { AuditOptions, AuditPage, AuditReport } from './audit/index.js';
export { runPipeline } from './run/index.js';
export type { RunOptions, RunOutcome, RunStage } from './run/index.js';
export { convert } from './rdf/index.js';
export type { ConvertOptions, ConvertSummary } from './rdf/index.js';
export { runCli } from './cli/run.js';
export type { CliIo } from './cli/context.js';
