// **dcat-harvest** public API: named re-exports only.
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
export type { ExitCodeValue, SourcePosition } from './errors.js';
export { DCAT_PREFIXES, PREFIXES } from './vocab.js';
export { VERSION, USER_AGENT } from './version.js';
export {
  FORMATS,
  FORMAT_IDS,
  detectFormat,
  findFormat,
  formatFromExtension,
  formatFromMediaType,
  formatFromPath,
  resolveFormat,
  sniffFormat,
} from './rdf/formats.js';
export type { Detection, DetectOptions, FormatId, RdfFormat } from './rdf/formats.js';
export { parseStream, parseText } from './rdf/parse.js';
export type { ParseOptions } from './rdf/parse.js';
export { repairIri } from './rdf/iri-repair.js';
export type { IriRepair, OnRepair } from './rdf/iri-repair.js';
export { lostStatements } from './rdf/lost-statements.js';
export type { LostStatements } from './rdf/lost-statements.js';
export { createSerializer, serializeQuads } from './rdf/serialize.js';
export type { SerializeOptions } from './rdf/serialize.js';
export { convert } from './rdf/convert.js';
export { convertDocuments } from './rdf/convert-documents.js';
export type { SourceDocument } from './rdf/convert-documents.js';
export type { ConvertOptions, ConvertSummary } from './rdf/convert.js';
export { openSink, openSource } from './rdf/source.js';
export type { OpenSourceOptions, RdfSink, RdfSource } from './rdf/source.js';
export { createDocumentLoader } from './rdf/jsonld-loader.js';
export type { DocumentLoader, LoaderOptions } from './rdf/jsonld-loader.js';
export { extractRecords } from './rdf/records.js';
export type { ClosureRule, RecordGraph, RecordKind } from './rdf/records.js';
export { createValidator } from './shacl/validate.js';
export type { Relaxation, Validator, ValidatorOptions } from './shacl/validate.js';
export { listProfiles, loadShapes } from './shacl/profiles.js';
export type { LoadShapesOptions, LoadedShapes, Profile } from './shacl/profiles.js';
export { backgroundFor, loadBackground } from './shacl/background.js';
export type { Background, BackgroundMode } from './shacl/background.js';
export { closurePlan } from './shacl/closure.js';
export type { ClosurePlan } from './shacl/closure.js';
export { runValidation, validateDocuments } from './shacl/run.js';
export type { ValidateOptions } from './shacl/run.js';
export { countSeverities, failsAt, runRecords, summarize } from './shacl/findings.js';
export type {
  FailOn,
  Finding,
  FindingGroup,
  RecordResult,
  Severity,
  SeverityCounts,
  ValidationRun,
  ValidationSummary,
} from './shacl/findings.js';
export { RENDERERS } from './report/renderers.js';
export type { RenderOptions, Renderer } from './report/renderer.js';
export {
  startSamplePortal,
  groundTruth as samplePortalGroundTruth,
} from './sample-portal/server.js';
export type { PortalStats, SamplePortal } from './sample-portal/server.js';
export type { SamplePortalOptions } from './sample-portal/options.js';
export { parseFaults } from './sample-portal/faults.js';
export type { FaultRule, FaultSpec } from './sample-portal/faults.js';
export { DEFECT_IDS } from './sample-portal/defects.js';
export type { DefectId } from './sample-portal/defects.js';
export type {
  DriftRepeat,
  DriftTruth,
  GroundTruth,
  GroundTruthRecord,
} from './sample-portal/ground-truth.js';
export { createHttpClient, ensureOk, isRetryableStatus } from './fetch/http.js';
export type {
  HttpClient,
  HttpClientOptions,
  HttpResponse,
  RequestOptions,
  RetryEvent,
} from './fetch/http.js';
export { harvest, readHarvestFolder } from './fetch/harvest.js';
export type { HarvestEvent, HarvestOptions, HarvestSummary } from './fetch/harvest.js';
export type { HarvestFolder, HarvestFolderPage } from './fetch/harvest-folder.js';
export type { Completeness, HarvestManifest, PageEntry, PageError } from './fetch/manifest.js';
export { readPaging } from './fetch/paging.js';
export type { PagingLinks } from './fetch/paging.js';
export { resolveSource } from './fetch/source.js';
export type { CatalogFilters, ResolvedSource } from './fetch/source.js';
export { openInputs } from './input/open.js';
export type { InputDocument, OpenInputsOptions } from './input/open.js';
export { createSiteApi } from './udata/api.js';
export type { SiteApi, SiteApiOptions } from './udata/api.js';
export { getActivity, walkActivity } from './udata/activity.js';
export type { ActivityPage, ActivityQuery } from './udata/activity.js';
export {
  getHome,
  getHomeDatasets,
  getHomeReuses,
  setHome,
  setHomeDatasets,
  setHomeReuses,
} from './udata/home.js';
export type { HomeKind } from './udata/home.js';
export { getSiteContext } from './udata/context.js';
export { runPipeline, REPORT_FILES } from './run/run.js';
export type { RunOptions, RunOutcome, RunStage } from './run/run.js';
export { assess, ATTRIBUTION_RULE, COMPLIANCE_DEFAULTS } from './run/assess.js';
export type { AssessOptions, Assessment } from './run/assess.js';
export { buildRunReport, reportJsonChunks } from './run/build-report.js';
export type { BuiltReport, RunResults } from './run/build-report.js';
export { REPORT_SCHEMA, isRunReport, ratingOf } from './run/report-model.js';
export type { DatasetRow, PublisherRow, RunReport } from './run/report-model.js';
export { FINDINGS_FILE, FINDINGS_SCHEMA } from './run/report-model.js';
export type { FindingsFileRef, RunReportHead } from './run/report-model.js';
export { readFindings, readRunReport } from './run/read-report.js';
export type { RunReportReader } from './run/read-report.js';
export { writeByPublisher } from './run/by-publisher.js';
export { renderHtmlReport } from './report/html/render.js';
export { writeHtmlReport } from './report/html/write.js';
export { diffRuns, diffSides } from './diff/diff.js';
export type {
  DiffOptions,
  FindingChange,
  FindingsDiff,
  RunDiff,
  ScoreChange,
} from './diff/diff.js';
export { findingIdentity } from './diff/findings.js';
export { DIFF_FORMATS, renderDiff } from './diff/render.js';
export type { DiffFormat, RenderDiffOptions } from './diff/render.js';
export { fingerprintRecord, readFingerprints } from './diff/fingerprint.js';
export { AuditBuilder, auditRecords, AUDIT_SCHEMA } from './audit/audit.js';
export type {
  AuditOptions,
  AuditPage,
  AuditReport,
  ComplianceVerdict,
  IndicatorInfo,
  LinkSummary,
} from './audit/audit.js';
export { INDICATORS, INDICATOR_BY_ID } from './audit/indicators/index.js';
export type { Check, Indicator, MeasureContext, NodeView } from './audit/types.js';
export { DIMENSIONS, MAX_POINTS } from './audit/dimensions.js';
export { measureDataset } from './audit/measure.js';
export type { DatasetMeasurement } from './audit/measure.js';
export { METHOD_LABELS, scoreDataset } from './audit/score.js';
export type { DatasetScore, IndicatorOutcome, ScoringMethod } from './audit/score.js';
export type { GroupSummary, IndicatorStats } from './audit/aggregate.js';
export type { FixSuggestion, PortalLoss } from './audit/fixes.js';
export { RATING_BANDS, rateScore } from './audit/rating.js';
export type { Rating } from './audit/rating.js';
export { PORTAL_PROFILES } from './audit/portal.js';
export type { PortalChoice, PortalProfile } from './audit/portal.js';
export { createLinkChecker } from './audit/links.js';
export type { LinkChecker, LinkCheckerOptions } from './audit/links.js';
export type { LinkCheckResult, LinkChecking } from './audit/link-types.js';
export { openLinkCache } from './audit/link-cache.js';
export type { LinkCache } from './audit/link-cache.js';
export { resolveFormat as resolveFileType } from './audit/data/file-types.js';
export { findLicence, KNOWN_LICENCES } from './audit/data/licences.js';
export { accessRightCode } from './audit/data/access-rights.js';
export { AUDIT_FORMATS, AUDIT_RENDERERS } from './audit/render/index.js';
export { auditDqvQuads } from './audit/render/audit-dqv.js';
export { runCli } from './cli/run.js';
export { createServer } from './serve/server.js';
export type { DcatServer, ServeOptions } from './serve/server.js';
export { openApiDocument } from './serve/openapi.js';
