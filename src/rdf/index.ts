/**
 * **dcat-harvest/rdf**: formats, parsing, serializing, conversion and records of RDF documents.
 *
 * @module dcat-harvest/rdf
 */
export { DCAT_PREFIXES, PREFIXES } from '../vocab.js';
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
} from './formats.js';
export type { Detection, DetectOptions, FormatId, RdfFormat } from './formats.js';
export { parseStream, parseText } from './parse.js';
export type { ParseOptions } from './parse.js';
export { repairIri } from './iri-repair.js';
export type { IriRepair, OnRepair } from './iri-repair.js';
export { lostStatements } from './lost-statements.js';
export type { LostStatements } from './lost-statements.js';
export { createSerializer, serializeQuads } from './serialize.js';
export type { SerializeOptions } from './serialize.js';
export { convert } from './convert.js';
export type { ConvertOptions, ConvertSummary } from './convert.js';
export { convertDocuments } from './convert-documents.js';
export type { SourceDocument } from './convert-documents.js';
export { openSink, openSource } from './source.js';
export type { OpenSourceOptions, RdfSink, RdfSource } from './source.js';
export { createDocumentLoader } from './jsonld-loader.js';
export type { DocumentLoader, LoaderOptions } from './jsonld-loader.js';
export { extractRecords } from './records.js';
export { datasetKeysOf } from './dataset-keys.js';
export type { DatasetKey } from './dataset-keys.js';
export type { ClosureRule, RecordGraph, RecordKind } from './records.js';
export { openInputs } from '../input/open.js';
export type { InputDocument, OpenInputsOptions } from '../input/open.js';
export type { DetectedBy } from './formats.js';
export type { RemoteDocument } from './jsonld-loader.js';
export type { QuadLookup } from './quad-index.js';
