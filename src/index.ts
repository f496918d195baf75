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
export { runCli } from './cli/run.js';
