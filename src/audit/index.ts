/**
 * **dcat-harvest/audit**: the MQA quality score (indicators, dimensions, ratings), link checks and audit renderers.
 *
 * @module dcat-harvest/audit
 */
export { AuditBuilder, auditRecords, AUDIT_SCHEMA } from './audit.js';
export type {
  AuditOptions,
  AuditPage,
  AuditReport,
  ComplianceVerdict,
  IndicatorInfo,
  LinkSummary,
} from './audit.js';
export { INDICATORS, INDICATOR_BY_ID } from './indicators/index.js';
export type { Check, Indicator, MeasureContext, NodeView } from './types.js';
export { DIMENSIONS, MAX_POINTS } from './dimensions.js';
export { measureDataset } from './measure.js';
export type { DatasetMeasurement } from './measure.js';
export { METHOD_LABELS, scoreDataset } from './score.js';
export type { DatasetScore, IndicatorOutcome, ScoringMethod } from './score.js';
export type { GroupSummary, IndicatorStats } from './aggregate.js';
export type { FixSuggestion, PortalLoss } from './fixes.js';
export { RATING_BANDS, rateScore } from './rating.js';
export type { Rating } from './rating.js';
export { PORTAL_PROFILES } from './portal.js';
export type { PortalChoice, PortalProfile } from './portal.js';
export { createLinkChecker } from './links.js';
export type { LinkChecker, LinkCheckerOptions } from './links.js';
export type { LinkCheckResult, LinkChecking } from './link-types.js';
export { openLinkCache } from './link-cache.js';
export type { LinkCache } from './link-cache.js';
export { resolveFormat as resolveFileType } from './data/file-types.js';
export { findLicence, KNOWN_LICENCES } from './data/licences.js';
export { accessRightCode } from './data/access-rights.js';
export { AUDIT_FORMATS, AUDIT_RENDERERS } from './render/index.js';
export { auditDqvQuads } from './render/audit-dqv.js';
export type { AuditRenderer } from './render/index.js';
export type { Dimension } from './dimensions.js';
export type { KnownLicence } from './data/licences.js';
export type { ResolvedFormat } from './data/file-types.js';
export type { DistributionMeasurement } from './measure.js';
export type { PublisherRef } from './publisher.js';
export type { DimensionId, IndicatorLevel, UrlStatus } from './types.js';
export type { LinkOutcome } from './link-types.js';
export type { Measured, MeasureSetup } from './judged.js';
export type { FormatSource } from './data/file-types.js';
export type { AuditRenderOptions } from './render/audit-text.js';
