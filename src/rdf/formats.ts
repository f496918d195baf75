// **formats** is the table of RDF serializations: ids, extensions, media types, and content sniffing.
import { UsageError } from '../errors.js';

/** The id of an RDF serialization, the key of {@link FORMATS}. */
export type FormatId = 'turtle' | 'trig' | 'ntriples' | 'nquads' | 'n3' | 'jsonld' | 'rdfxml';

/** One RDF serialization: its names, extensions and media types. */
export interface RdfFormat {
  id: FormatId;
  /** Human name. */
  label: string;
  /** File extensions without dot; the first is the one written. */
  extensions: readonly string[];
  /** Media types; the first is the canonical one. */
  mediaTypes: readonly string[];
  /** Whether the format can carry named graphs. */
  quads: boolean;
  /** Whether our writer streams with bounded memory. */
  streams: boolean;
}

/** Every serialization dcat-harvest reads and writes, keyed by id. */
export const FORMATS: Readonly<Record<FormatId, RdfFormat>> = {
  turtle: {
    id: 'turtle',
    label: 'Turtle',
    extensions: ['ttl', 'turtle'],
    mediaTypes: ['text/turtle', 'application/x-turtle', 'application/turtle'],
    quads: false,
    streams: true,
  },
  trig: {
    id: 'trig',
    label: 'TriG',
    extensions: ['trig'],
    mediaTypes: ['application/trig', 'application/x-trig'],
    quads: true,
    streams: true,
  },
  ntriples: {
    id: 'ntriples',
    label: 'N-Triples',
    extensions: ['nt', 'ntriples'],
    mediaTypes: ['application/n-triples', 'text/ntriples'],
    quads: false,
    streams: true,
  },
  nquads: {
    id: 'nquads',
    label: 'N-Quads',
    extensions: ['nq', 'nquads'],
    mediaTypes: ['application/n-quads', 'text/x-nquads', 'text/nquads'],
    quads: true,
    streams: true,
  },
  n3: {
    id: 'n3',
    label: 'N3',
    extensions: ['n3'],
    mediaTypes: ['text/n3', 'text/rdf+n3', 'application/n3'],
    quads: false,
    streams: true,
  },
  jsonld: {
    id: 'jsonld',
    label: 'JSON-LD',
    extensions: ['jsonld', 'json-ld', 'json'],
    mediaTypes: ['application/ld+json', 'application/json'],
    quads: true,
    streams: false,
  },
  rdfxml: {
    id: 'rdfxml',
    label: 'RDF/XML',
    extensions: ['rdf', 'xml', 'owl', 'rdfxml'],
    mediaTypes: ['application/rdf+xml', 'application/xml', 'text/xml'],
    quads: false,
    streams: false,
  },
};

/** Every {@link FormatId}, in the order of {@link FORMATS}. */
export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

/** How a format was decided. */
export type DetectedBy = 'option' | 'extension' | 'media-type' | 'content';

/** A format and how it was decided. */
export interface Detection {
  format: FormatId;
  by: DetectedBy;
}

/**
 * Looks up a format by id, extension (with or without dot) or media type; undefined if unknown.
 *
 * @example
 * ```ts
 * import { findFormat } from 'dcat-harvest/rdf';
 *
 * findFormat('ttl')?.id; // 'turtle'
 * findFormat('application/n-triples')?.id; // 'ntriples'
 * findFormat('docx'); // undefined
 * ```
 */
export function findFormat(name: string): RdfFormat | undefined {
  const key = name.trim().toLowerCase().replace(/^\./, '');
  if (key in FORMATS) return FORMATS[key as FormatId];
  return formatFromExtension(key) ?? (key.includes('/') ? formatFromMediaType(key) : undefined);
}

/**
 * Like `findFormat` but throws a UsageError naming the option and the accepted values.
 *
 * @example
 * ```ts
 * import { resolveFormat } from 'dcat-harvest/rdf';
 *
 * resolveFormat('nt').id; // 'ntriples'
 * resolveFormat('docx', '--from'); // throws a UsageError naming --from and the formats it takes
 * ```
 */
export function resolveFormat(name: string, option = '--to'): RdfFormat {
  const format = findFormat(name);
  if (!format) {
    const accepted = FORMAT_IDS.map((id) => `${id} (${FORMATS[id].extensions.join(', ')})`);
    throw new UsageError(`${option}: unknown RDF format "${name}"`, {
      hint: `Use one of: ${accepted.join('; ')}.`,
    });
  }
  return format;
}

/**
 * The format for a bare extension such as `ttl`.
 *
 * @example
 * ```ts
 * import { formatFromExtension } from 'dcat-harvest/rdf';
 *
 * formatFromExtension('.jsonld')?.id; // 'jsonld'
 * formatFromExtension('rdf')?.id; // 'rdfxml'
 * ```
 */
export function formatFromExtension(extension: string): RdfFormat | undefined {
  const ext = extension.toLowerCase().replace(/^\./, '');
  return Object.values(FORMATS).find((f) => f.extensions.includes(ext));
}

/** Splits `catalog.ttl.gz` into the RDF extension `ttl` and whether it is gzipped. */
export function extensionOf(path: string): { extension: string | undefined; gzip: boolean } {
  const clean = path.split(/[?#]/)[0] ?? '';
  const base = clean.slice(clean.lastIndexOf('/') + 1).toLowerCase();
  const parts = base.split('.');
  let gzip = false;
  if (parts.length > 1 && parts[parts.length - 1] === 'gz') {
    gzip = true;
    parts.pop();
  }
  return { extension: parts.length > 1 ? parts[parts.length - 1] : undefined, gzip };
}

/**
 * The format for a file name or URL path, looking through `.gz`.
 *
 * @example
 * ```ts
 * import { formatFromPath } from 'dcat-harvest/rdf';
 *
 * formatFromPath('pages/000001.nq.gz')?.id; // 'nquads'
 * ```
 */
export function formatFromPath(path: string): RdfFormat | undefined {
  const { extension } = extensionOf(path);
  return extension ? formatFromExtension(extension) : undefined;
}

/**
 * The format for a Content-Type header value (parameters ignored).
 *
 * @example
 * ```ts
 * import { formatFromMediaType } from 'dcat-harvest/rdf';
 *
 * formatFromMediaType('text/turtle; charset=utf-8')?.id; // 'turtle'
 * formatFromMediaType('text/html'); // undefined
 * ```
 */
export function formatFromMediaType(contentType: string): RdfFormat | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type) return undefined;
  return Object.values(FORMATS).find((f) => f.mediaTypes.includes(type));
}

/**
 * Guesses the format from the first bytes of a document. Returns undefined when the text gives no
 * clear sign. Distinguishes the XML, JSON and Turtle families, and inside the Turtle family
 * N-Triples, N-Quads, TriG and Turtle.
 *
 * @example
 * ```ts
 * import { sniffFormat } from 'dcat-harvest/rdf';
 *
 * sniffFormat('@prefix dcat: <http://www.w3.org/ns/dcat#> .'); // 'turtle'
 * sniffFormat('{ "@context": {} }'); // 'jsonld'
 * ```
 */
export function sniffFormat(head: string): FormatId | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text) return undefined;
  if (text.startsWith('<?xml') || /^<(?:[\w-]+:)?RDF[\s>]/.test(text) || text.startsWith('<!--'))
    return 'rdfxml';
  if (text.startsWith('{') || text.startsWith('[')) return 'jsonld';
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .slice(0, 20);
  if (lines.length === 0) return undefined;
  const directive = /^(@prefix|@base|prefix\s|base\s)/i;
  const hasDirective = lines.some((l) => directive.test(l));
  const graphBlock = /^(?:<[^>]*>|_:\S+|[\w-]*:\S*|GRAPH\s+\S+)\s*\{/i;
  if (lines.some((l) => graphBlock.test(l))) return 'trig';
  if (lines.some((l) => /^@forAll|^@forSome|=>/.test(l))) return 'n3';
  if (hasDirective) return 'turtle';
  const term = String.raw`(?:<[^>\s]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)`;
  const triple = new RegExp(String.raw`^${term}\s+${term}\s+${term}\s*\.$`);
  const quad = new RegExp(String.raw`^${term}\s+${term}\s+${term}\s+${term}\s*\.$`);
  const complete = lines.slice(0, -1).length > 0 ? lines.slice(0, -1) : lines;
  if (complete.every((l) => triple.test(l))) return 'ntriples';
  if (complete.every((l) => triple.test(l) || quad.test(l))) return 'nquads';
  if (/^(?:<[^>]*>|_:|[\w-]*:)/.test(lines[0] ?? '')) return 'turtle';
  return undefined;
}

/** Formats whose content looks alike: a declared format in the same family is trusted. */
function family(id: FormatId): 'xml' | 'json' | 'turtle' {
  if (id === 'rdfxml') return 'xml';
  if (id === 'jsonld') return 'json';
  return 'turtle';
}

/** What {@link detectFormat} may look at, strongest first. */
export interface DetectOptions {
  /** An explicit format (option), always wins. */
  format?: string;
  /** File name or URL. */
  path?: string;
  /** Content-Type header. */
  mediaType?: string;
  /** The first few KB of the document. */
  head?: string;
}

/**
 * Decides a document's format: an explicit option wins; otherwise the extension or media type,
 * unless the content clearly belongs to another family (a wrong extension or type); otherwise the
 * content alone. Throws an InputError-free UsageError only for an unknown explicit format; returns
 * undefined when nothing tells.
 *
 * @example
 * ```ts
 * import { detectFormat } from 'dcat-harvest/rdf';
 *
 * detectFormat({ path: 'catalog.ttl.gz' }); // { format: 'turtle', by: 'extension' }
 * detectFormat({ mediaType: 'application/ld+json; charset=utf-8' }); // { format: 'jsonld', by: 'media-type' }
 * detectFormat({ head: '<?xml version="1.0"?><rdf:RDF' }); // { format: 'rdfxml', by: 'content' }
 * ```
 */
export function detectFormat(options: DetectOptions): Detection | undefined {
  if (options.format) return { format: resolveFormat(options.format, '--format').id, by: 'option' };
  const sniffed = options.head === undefined ? undefined : sniffFormat(options.head);
  const fromType = options.mediaType ? formatFromMediaType(options.mediaType) : undefined;
  const fromPath = options.path ? formatFromPath(options.path) : undefined;
  const declared: Detection | undefined = fromPath
    ? { format: fromPath.id, by: 'extension' }
    : fromType
      ? { format: fromType.id, by: 'media-type' }
      : undefined;
  if (declared && (!sniffed || family(sniffed) === family(declared.format))) {
    // A .nt file that is really N-Quads (or TriG in a .ttl) reads better with the wider parser.
    if (sniffed === 'nquads' && declared.format === 'ntriples')
      return { format: sniffed, by: 'content' };
    if (sniffed === 'trig' && declared.format === 'turtle')
      return { format: sniffed, by: 'content' };
    return declared;
  }
  if (sniffed) return { format: sniffed, by: 'content' };
  return declared;
}
