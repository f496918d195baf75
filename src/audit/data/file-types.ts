// **file-types** maps format values (EU file-type IRIs, IANA media types, plain literals) to EU codes.
//
// Sources (written by us from the published tables):
// - EU Publications Office authority table "file-type",
//   http://publications.europa.eu/resource/authority/file-type (codes and labels);
// - IANA media types registry, https://www.iana.org/assignments/media-types/;
// - the non-proprietary and machine-readable lists used by the data.europa.eu MQA
//   (piveau metrics), as given in the project's MQA reference;
// - the plain literals data.gouv.fr (udata) emits for `dct:format` / `dcat:mediaType`
//   (lower-case extensions such as "csv", media types such as "text/csv").

/** The namespace of the EU file-type authority table. */
export const FILE_TYPE_NS = 'http://publications.europa.eu/resource/authority/file-type/';

/** One EU file type: its code, the media types that mean it and extra literal aliases. */
interface FileTypeEntry {
  code: string;
  media: string[];
  aliases?: string[];
}

/** The EU file types this project knows, with their usual IANA media types. */
const ENTRIES: readonly FileTypeEntry[] = [
  { code: 'CSV', media: ['text/csv', 'application/csv'] },
  { code: 'TSV', media: ['text/tab-separated-values'] },
  { code: 'JSON', media: ['application/json', 'text/json'] },
  { code: 'JSON_LD', media: ['application/ld+json'], aliases: ['jsonld', 'json-ld'] },
  { code: 'GEOJSON', media: ['application/geo+json', 'application/vnd.geo+json'] },
  { code: 'XML', media: ['application/xml', 'text/xml'] },
  { code: 'RDF', media: [] },
  { code: 'RDF_XML', media: ['application/rdf+xml'], aliases: ['rdf/xml', 'rdf-xml', 'owl'] },
  {
    code: 'RDF_TURTLE',
    media: ['text/turtle', 'application/x-turtle'],
    aliases: ['ttl', 'turtle'],
  },
  { code: 'RDF_N_TRIPLES', media: ['application/n-triples'], aliases: ['nt', 'n-triples'] },
  { code: 'RDF_N_QUADS', media: ['application/n-quads'], aliases: ['nq', 'n-quads'] },
  { code: 'RDF_TRIG', media: ['application/trig'], aliases: ['trig'] },
  { code: 'N3', media: ['text/n3'] },
  { code: 'RDFA', media: [] },
  { code: 'HTML', media: ['text/html', 'application/xhtml+xml'], aliases: ['htm'] },
  { code: 'TXT', media: ['text/plain'], aliases: ['text'] },
  { code: 'PDF', media: ['application/pdf'] },
  { code: 'RTF', media: ['application/rtf', 'text/rtf'] },
  { code: 'DOC', media: ['application/msword'] },
  {
    code: 'DOCX',
    media: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  { code: 'ODT', media: ['application/vnd.oasis.opendocument.text'] },
  { code: 'XLS', media: ['application/vnd.ms-excel'] },
  { code: 'XLSX', media: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { code: 'ODS', media: ['application/vnd.oasis.opendocument.spreadsheet'] },
  { code: 'PPT', media: ['application/vnd.ms-powerpoint'] },
  {
    code: 'PPTX',
    media: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  },
  { code: 'ODP', media: ['application/vnd.oasis.opendocument.presentation'] },
  { code: 'ZIP', media: ['application/zip', 'application/x-zip-compressed'] },
  { code: 'GZIP', media: ['application/gzip', 'application/x-gzip'], aliases: ['gz'] },
  { code: 'TAR', media: ['application/x-tar'] },
  { code: 'TAR_GZ', media: [], aliases: ['tgz', 'tar.gz'] },
  { code: '7Z', media: ['application/x-7z-compressed'] },
  { code: 'RAR', media: ['application/vnd.rar', 'application/x-rar-compressed'] },
  {
    code: 'SHP',
    media: ['application/x-shapefile', 'x-gis/x-shapefile'],
    aliases: ['shapefile', 'esri shapefile'],
  },
  { code: 'KML', media: ['application/vnd.google-earth.kml+xml'] },
  { code: 'KMZ', media: ['application/vnd.google-earth.kmz'] },
  { code: 'GML', media: ['application/gml+xml'] },
  { code: 'GPKG', media: ['application/geopackage+sqlite3'], aliases: ['geopackage'] },
  { code: 'NETCDF', media: ['application/netcdf', 'application/x-netcdf'], aliases: ['nc'] },
  { code: 'ICS', media: ['text/calendar'], aliases: ['ical'] },
  { code: 'RSS', media: ['application/rss+xml'] },
  { code: 'ATOM', media: ['application/atom+xml'] },
  { code: 'BMP', media: ['image/bmp'] },
  { code: 'PNG', media: ['image/png'] },
  { code: 'JPEG', media: ['image/jpeg'], aliases: ['jpg'] },
  { code: 'JPEG2000', media: ['image/jp2'], aliases: ['jp2'] },
  { code: 'GIF', media: ['image/gif'] },
  { code: 'TIFF', media: ['image/tiff'], aliases: ['tif'] },
  { code: 'GEOTIFF', media: [], aliases: ['geotif'] },
  { code: 'SVG', media: ['image/svg+xml'] },
  { code: 'DBF', media: ['application/dbf', 'application/x-dbf'] },
  { code: 'MDB', media: ['application/x-msaccess', 'application/vnd.ms-access'] },
  { code: 'SQL', media: ['application/sql'] },
  { code: 'PARQUET', media: ['application/vnd.apache.parquet'] },
  { code: 'WMS_SRVC', media: [], aliases: ['wms'] },
  { code: 'WFS_SRVC', media: [], aliases: ['wfs'] },
  { code: 'WMTS_SRVC', media: [], aliases: ['wmts'] },
  { code: 'WCS_SRVC', media: [], aliases: ['wcs'] },
  { code: 'SPARQLQ', media: ['application/sparql-query'], aliases: ['sparql'] },
  { code: 'OCTET', media: ['application/octet-stream'], aliases: ['bin'] },
];

/** The non-proprietary formats of the MQA (EU codes; `RDF_*` expanded). */
export const NON_PROPRIETARY: ReadonlySet<string> = new Set([
  'BMP',
  'CSV',
  'DBF',
  'GEOJSON',
  'GZIP',
  'HTML',
  'ICS',
  'JPEG2000',
  'JSON',
  'JSON_LD',
  'KML',
  'KMZ',
  'NETCDF',
  'ODS',
  'PNG',
  'RDF',
  'RDF_XML',
  'RDF_TURTLE',
  'RDF_N_TRIPLES',
  'RDF_N_QUADS',
  'RDF_TRIG',
  'RSS',
  'RTF',
  'TAR',
  'TIFF',
  'TSV',
  'TXT',
  'WMS_SRVC',
  'XML',
  'ZIP',
]);

/** The machine-readable formats of the MQA (EU codes; `RDF_*` expanded). */
export const MACHINE_READABLE: ReadonlySet<string> = new Set([
  'CSV',
  'GEOJSON',
  'ICS',
  'JSON',
  'JSON_LD',
  'KML',
  'KMZ',
  'NETCDF',
  'ODS',
  'RDFA',
  'RDF',
  'RDF_XML',
  'RDF_TURTLE',
  'RDF_N_TRIPLES',
  'RDF_N_QUADS',
  'RDF_TRIG',
  'RSS',
  'SHP',
  'XLS',
  'XLSX',
  'XML',
]);

const BY_CODE = new Map<string, FileTypeEntry>(ENTRIES.map((e) => [e.code, e]));
const BY_MEDIA = new Map<string, string>();
const BY_ALIAS = new Map<string, string>();
for (const entry of ENTRIES) {
  for (const media of entry.media) BY_MEDIA.set(media, entry.code);
  BY_ALIAS.set(entry.code.toLowerCase(), entry.code);
  BY_ALIAS.set(entry.code.toLowerCase().replace(/_/g, '-'), entry.code);
  for (const alias of entry.aliases ?? []) BY_ALIAS.set(alias, entry.code);
}

const IANA_PREFIXES = [
  'http://www.iana.org/assignments/media-types/',
  'https://www.iana.org/assignments/media-types/',
];

/** How a format value was recognised. */
export type FormatSource = 'eu-file-type' | 'iana' | 'literal' | 'unknown';

/** A format value resolved to an EU file-type code, when it can be. */
export interface ResolvedFormat {
  /** The EU file-type code (`CSV`), or undefined when the value is not recognised. */
  code?: string;
  source: FormatSource;
  /**
   * True when the value is (or maps to) an entry of the EU file-type table or a media type of a
   * registered IANA top-level type: the "format / media type from vocabulary" indicator.
   */
  fromVocabulary: boolean;
}

/** Strips parameters and case from a media type: `Text/CSV; charset=utf-8` → `text/csv`. */
function bareMediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** True when `value` has the shape of a media type (`type/subtype`). */
function looksLikeMediaType(value: string): boolean {
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(value);
}

/** The IANA top-level media types. */
const IANA_TOP = new Set([
  'application',
  'audio',
  'font',
  'image',
  'message',
  'model',
  'multipart',
  'text',
  'video',
]);

/** True for a media type under a registered IANA top-level type. */
function ianaShaped(media: string): boolean {
  return looksLikeMediaType(media) && IANA_TOP.has(media.slice(0, media.indexOf('/')));
}

/**
 * Resolves a `dct:format` or `dcat:mediaType` value: an EU file-type IRI, an IANA media-type IRI,
 * a media-type literal (`text/csv`) or a plain literal (`csv`, `CSV`, `.csv`).
 *
 * @example
 * ```ts
 * import { resolveFileType } from 'dcat-harvest/audit';
 *
 * resolveFileType('text/csv'); // { code: 'CSV', source: 'iana', … }
 * resolveFileType('http://publications.europa.eu/resource/authority/file-type/JSON').code; // 'JSON'
 * ```
 */
export function resolveFormat(value: string): ResolvedFormat {
  if (value.startsWith(FILE_TYPE_NS) || value.startsWith(FILE_TYPE_NS.replace('http:', 'https:'))) {
    const code = value.slice(value.lastIndexOf('/') + 1);
    return BY_CODE.has(code) || /^[A-Z0-9_]+$/.test(code)
      ? { code, source: 'eu-file-type', fromVocabulary: true }
      : { source: 'unknown', fromVocabulary: false };
  }
  const iana = IANA_PREFIXES.find((p) => value.startsWith(p));
  if (iana !== undefined) {
    const media = bareMediaType(value.slice(iana.length));
    const code = BY_MEDIA.get(media);
    return code !== undefined
      ? { code, source: 'iana', fromVocabulary: true }
      : { source: 'iana', fromVocabulary: ianaShaped(media) };
  }
  const media = bareMediaType(value);
  if (looksLikeMediaType(media)) {
    const code = BY_MEDIA.get(media);
    return code !== undefined
      ? { code, source: 'iana', fromVocabulary: true }
      : { source: 'iana', fromVocabulary: ianaShaped(media) };
  }
  const literal = media.replace(/^\./, '');
  const code = BY_ALIAS.get(literal);
  return code !== undefined
    ? { code, source: 'literal', fromVocabulary: true }
    : { source: 'unknown', fromVocabulary: false };
}

/** The EU file-type IRI of a code. */
export function fileTypeIri(code: string): string {
  return FILE_TYPE_NS + code;
}
