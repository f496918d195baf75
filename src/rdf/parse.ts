// **parse** turns RDF text in any supported serialization into a stream (or array) of RDF/JS quads.
import { Readable } from 'node:stream';
import type { Quad } from 'n3';
import type { ParseError } from '../errors.js';
import type { FormatId } from './formats.js';
import type { IriRepair, OnRepair } from './iri-repair.js';
import { JsonLdStreamParser } from './jsonld-parser.js';
import { N3StreamParser } from './n3-stream-parser.js';
import { NTriplesParser } from './ntriples-parser.js';
import type { QuadTransform } from './quad-transform.js';
import { RdfXmlStreamParser } from './rdfxml-parser.js';
import type { TextSink } from './text-sink.js';

/** Options of {@link parseStream} and {@link parseText}. */
export interface ParseOptions {
  /** The serialization of the input. */
  format: FormatId;
  /** File path, URL or `<stdin>`: named in errors (default `<input>`). */
  source?: string;
  /** Base IRI for relative IRIs. */
  baseIRI?: string;
  /** Skip bad statements instead of failing; each is reported through `onSkip`. */
  lenient?: boolean;
  /** Called for each statement skipped in lenient mode. */
  onSkip?: (error: ParseError) => void;
  /**
   * Percent-encode IRIs invalid only by characters that can be encoded (spaces, `<>"{}|\^\``,
   * controls) and keep their statements; each repaired IRI is reported once through `onRepair`.
   */
  repair?: boolean;
  /** Called for the first occurrence of each repaired IRI of the document. */
  onRepair?: OnRepair;
  /** JSON-LD: context URL → context document (object, bare term map or `{"@context": …}`). */
  contexts?: Record<string, unknown>;
  /** JSON-LD: fetch remote contexts that are not in `contexts` (default false: refused). */
  allowRemoteContexts?: boolean;
  /** N-Triples/N-Quads only: with a text output, pass clean lines through (see `convert`). */
  passthrough?: boolean;
}

/**
 * The Transform (text in, quads out) for a format; with a `sink`, quads are serialized into it
 * and the readable side gives text instead.
 */
export function createParser(options: ParseOptions, sink?: TextSink): QuadTransform {
  const source = options.source ?? '<input>';
  const common = {
    source,
    baseIRI: options.baseIRI,
    lenient: options.lenient,
    onSkip: options.onSkip,
    repair: options.repair,
    onRepair: options.repair ? oncePerIri(options.onRepair) : undefined,
    sink,
  };
  switch (options.format) {
    case 'jsonld':
      return new JsonLdStreamParser({
        ...common,
        contexts: options.contexts,
        allowRemoteContexts: options.allowRemoteContexts,
      });
    case 'rdfxml':
      return new RdfXmlStreamParser(common);
    case 'ntriples':
    case 'nquads':
      return new NTriplesParser({
        ...common,
        quads: options.format === 'nquads',
        passthrough: options.passthrough,
      });
    default:
      return new N3StreamParser({ ...common, format: options.format });
  }
}

/** Passes on the first repair of each IRI: a dataset IRI repeated 40 times is one repair. */
function oncePerIri(onRepair: OnRepair | undefined): OnRepair {
  const seen = new Set<string>();
  return (repair) => {
    if (seen.has(repair.original)) return;
    seen.add(repair.original);
    onRepair?.(repair);
  };
}

/**
 * Parses a byte or text stream into an object-mode stream of quads. Emits `'prefix'`
 * (prefix, iri) events as prefixes are declared; errors are `ParseError`s with line and column.
 * Input errors are forwarded to the returned stream.
 *
 * @example
 * ```ts
 * import { createReadStream } from 'node:fs';
 * import { parseStream } from 'dcat-harvest/rdf';
 *
 * let quads = 0;
 * for await (const _quad of parseStream(createReadStream('catalog.ttl'), { format: 'turtle', source: 'catalog.ttl' }))
 *   quads += 1;
 * console.log(quads);
 * ```
 */
export function parseStream(
  input: NodeJS.ReadableStream | Readable,
  options: ParseOptions,
): Readable {
  const parser = createParser(options);
  (input as Readable).on('error', (error: Error) => parser.destroy(error));
  (input as Readable).pipe(parser);
  return parser;
}

/** Formats whose IRI repair is a pass over the whole text before the parser reads it. */
const SCANNED = new Set<string>(['turtle', 'trig', 'n3']);
/**
 * The start of every IRI reference the repair would rewrite (a `<`, characters allowed in an IRI,
 * then one that is not), and of some it would not (a `<` in a string or comment): linear, as the
 * two classes are disjoint.
 */
// eslint-disable-next-line no-control-regex -- controls are what we look for
const REPAIR_CANDIDATE = /<[^<>"{}|^`\\\u0000-\u0020]*[\u0000-\u0020"{}|^`\\]/;

/**
 * Whether the IRI repair could change anything in a whole Turtle-family text: when no candidate
 * occurs, the parser reads the text without the repair's pass (most pages: 29 % of the parse).
 */
export function mayNeedRepair(text: string, format: string | undefined): boolean {
  return format === undefined || !SCANNED.has(format) || REPAIR_CANDIDATE.test(text);
}

/**
 * Parses a whole document held in memory.
 *
 * @example
 * ```ts
 * import { parseText } from 'dcat-harvest/rdf';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads, prefixes } = await parseText(turtle, { format: 'turtle' });
 * console.log(quads.length, prefixes.dcat); // 2 'http://www.w3.org/ns/dcat#'
 * ```
 */
export async function parseText(
  text: string,
  options: ParseOptions,
): Promise<{
  quads: Quad[];
  prefixes: Record<string, string>;
  skipped: ParseError[];
  repairs: IriRepair[];
}> {
  const skipped: ParseError[] = [];
  const repairs: IriRepair[] = [];
  const prefixes: Record<string, string> = {};
  const stream = parseStream(Readable.from([text]), {
    ...options,
    repair: options.repair === true && mayNeedRepair(text, options.format),
    onSkip: (error) => {
      skipped.push(error);
      options.onSkip?.(error);
    },
    onRepair: (repair) => {
      repairs.push(repair);
      options.onRepair?.(repair);
    },
  });
  stream.on('prefix', (prefix: string, iri: string) => {
    prefixes[prefix] = iri;
  });
  const quads: Quad[] = [];
  for await (const quad of stream) quads.push(quad as Quad);
  return { quads, prefixes, skipped, repairs };
}
