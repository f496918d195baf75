// **serialize** turns RDF/JS quads into text in any supported serialization, streaming where the format allows.
import { Readable, type Transform } from 'node:stream';
import type { Quad } from 'n3';
import { DCAT_PREFIXES } from '../vocab.js';
import type { FormatId } from './formats.js';
import { JsonLdSerializer } from './jsonld-serializer.js';
import { N3Sink } from './n3-serializer.js';
import { RdfXmlSink } from './rdfxml-writer.js';
import { SinkSerializer, type TextSink } from './text-sink.js';
import { TurtleSink } from './turtle-writer.js';

/** Options of {@link createSerializer} and {@link serializeQuads}. */
export interface SerializeOptions {
  /**
   * Extra prefixes for Turtle, TriG, N3 and RDF/XML, added to `DCAT_PREFIXES`. Read when the
   * first quad arrives, so a caller may fill the object from a parser's `prefix` events until then.
   */
  prefixes?: Record<string, string>;
  /** JSON-LD: a context (object, bare term map or `{"@context": …}`) to compact with. */
  context?: unknown;
  /** Base IRI (reserved: output IRIs are written absolute). */
  baseIRI?: string;
}

/** A view of `DCAT_PREFIXES` plus `extra` that reads `extra` lazily (when first enumerated). */
function withDcatPrefixes(extra: Record<string, string> | undefined): Record<string, string> {
  return new Proxy(
    {},
    {
      ownKeys: () => Reflect.ownKeys({ ...DCAT_PREFIXES, ...extra }),
      getOwnPropertyDescriptor: (_t, key) =>
        Reflect.getOwnPropertyDescriptor({ ...DCAT_PREFIXES, ...extra }, key),
      get: (_t, key) => ({ ...DCAT_PREFIXES, ...extra })[key as string],
    },
  );
}

/**
 * A Transform whose writable side takes object-mode quads and whose readable side gives text.
 * Turtle, TriG, N-Triples, N-Quads, N3 and RDF/XML stream with bounded memory; JSON-LD buffers
 * every quad until the end.
 *
 * @example
 * ```ts
 * import { createWriteStream } from 'node:fs';
 * import { pipeline } from 'node:stream/promises';
 * import { createSerializer, parseStream } from 'dcat-harvest/rdf';
 * import { createReadStream } from 'node:fs';
 *
 * await pipeline(
 *   parseStream(createReadStream('catalog.nt'), { format: 'ntriples' }),
 *   createSerializer('turtle'),
 *   createWriteStream('catalog.ttl'),
 * );
 * ```
 */
export function createSerializer(format: FormatId, options: SerializeOptions = {}): Transform {
  if (format === 'jsonld') return new JsonLdSerializer({ context: options.context });
  return new SinkSerializer(createTextSink(format, options));
}

/**
 * The synchronous writer core for a streaming format (every format but JSON-LD): quads in, text
 * taken out in chunks. Used by `createSerializer`, and directly by `convert` to skip a stream hop.
 */
export function createTextSink(
  format: Exclude<FormatId, 'jsonld'>,
  options: SerializeOptions = {},
): TextSink {
  const prefixes = withDcatPrefixes(options.prefixes);
  if (format === 'rdfxml') return new RdfXmlSink({ prefixes });
  if (format === 'turtle') return new TurtleSink({ prefixes });
  return new N3Sink(format, { prefixes });
}

/**
 * Serializes quads held in memory to a string.
 *
 * @example
 * ```ts
 * import { parseText, serializeQuads } from 'dcat-harvest/rdf';
 *
 * const turtle = `PREFIX dcat: <http://www.w3.org/ns/dcat#>
 * PREFIX dct: <http://purl.org/dc/terms/>
 * <https://example.org/d1> a dcat:Dataset ; dct:title "Schools" .`;
 * const { quads } = await parseText(turtle, { format: 'turtle' });
 * console.log(await serializeQuads(quads, 'jsonld'));
 * ```
 */
export async function serializeQuads(
  quads: Iterable<Quad>,
  format: FormatId,
  options: SerializeOptions = {},
): Promise<string> {
  const serializer = createSerializer(format, options);
  Readable.from(quads).pipe(serializer);
  let out = '';
  for await (const chunk of serializer) out += String(chunk);
  return out;
}
