/**
 * **dcat-harvest/diff**: what changed between two harvests or runs (records, findings, scores).
 *
 * @module dcat-harvest/diff
 */
export { diffRuns, diffSides } from './diff.js';
export type { DiffOptions, FindingChange, FindingsDiff, RunDiff, ScoreChange } from './diff.js';
export { findingIdentity } from './findings.js';
export { DIFF_FORMATS, renderDiff } from './render.js';
export type { DiffFormat, RenderDiffOptions } from './render.js';
export { fingerprintRecord, readFingerprints } from './fingerprint.js';
export type { RecordChange } from './diff.js';
export type { ScoresDiff } from './scores.js';
export type { RecordPrint } from './fingerprint.js';
export type { DiffSide } from './load.js';
