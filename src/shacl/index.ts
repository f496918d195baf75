/**
 * **dcat-harvest/shacl**: shape profiles, the validator, and validation of documents record by record.
 *
 * @module dcat-harvest/shacl
 */
export { createValidator } from './validate.js';
export type { Relaxation, Validator, ValidatorOptions } from './validate.js';
export { listProfiles, loadShapes } from './profiles.js';
export type { LoadShapesOptions, LoadedShapes, Profile } from './profiles.js';
export { backgroundFor, loadBackground } from './background.js';
export type { Background, BackgroundMode } from './background.js';
export { closurePlan } from './closure.js';
export type { ClosurePlan } from './closure.js';
export { runValidation, validateDocuments } from './run.js';
export type { ValidateOptions } from './run.js';
export { ValidationThreads } from './threads.js';
export { countSeverities, failsAt, runRecords } from './findings.js';
export { summarize } from './summary.js';
export type {
  FailOn,
  Finding,
  FindingGroup,
  RecordResult,
  Severity,
  SeverityCounts,
  ValidationRun,
  ValidationSummary,
} from './findings.js';
export type { RecordRef } from './findings.js';
export type { RunValidationOptions, ValidationProgress } from './run.js';
export type { Vocabularies, VocabularyMatch, VocabularyTable } from './vocabularies.js';
export type { DocumentOptions } from './documents.js';
export type { AttributionMove } from './dedupe.js';
export type { Compliance } from './compliance.js';
export type { LinkedTypes } from './engine/targets.js';
