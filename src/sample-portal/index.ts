/**
 * **dcat-harvest/sample-portal**: a generated udata-compatible portal on loopback, with its ground truth.
 *
 * @module dcat-harvest/sample-portal
 */
export { startSamplePortal, groundTruth } from './server.js';
export type { PortalStats, SamplePortal } from './server.js';
export type { SamplePortalOptions } from './options.js';
export { parseFaults } from './faults.js';
export type { FaultRule, FaultSpec } from './faults.js';
export { DEFECT_IDS } from './defects.js';
export type { DefectId } from './defects.js';
export type { DriftRepeat, DriftTruth, GroundTruth, GroundTruthRecord } from './ground-truth.js';
export type { PortalSettings } from './options.js';
export type { CatalogConfig } from './catalog.js';
