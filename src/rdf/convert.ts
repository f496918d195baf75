// **convert** pipes one RDF document from any serialization to any other, streaming where both formats allow.
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ParseError } from '../errors.js';
import type { FormatId } from './formats.js';
import type { IriRepair } from './iri-repair.js';
import { createParser, type ParseOptions } from './parse.js';
import { createSerializer, createTextSink, type SerializeOptions } from './serialize.js';

/** Options of {@link convert}: the two formats, and the parser's and the serializer's options. */
export interface ConvertOptions extends Omit<ParseOptions, 'format'> {
  /** Input serialization. */
  from: FormatId;
  /** Output serialization. */
  to: FormatId;
  /** JSON-LD output: a context to compact with. */
  context?: SerializeOptions['context'];
  /** Extra prefixes for Turtle/TriG/N3/RDF/XML output (the input's are added). */
  prefixes?: Record<string, string>;
  /** How many skipped statements to keep in the summary (default 10). */
  keepSkipped?: number;
  signal?: AbortSignal;
}

/** What {@link convert} did: quads written, statements skipped or repaired, prefixes seen. */
export interface ConvertSummary {
  /** Quads written. */
  quads: number;
  /** Statements skipped in lenient mode. */
  skippedCount: number;
  /** The first skipped statements, with their positions. */
  skipped: ParseError[];
  /** Prefixes declared by the input. */
  prefixes: Record<string, string>;
  /** IRIs repaired (with `repair`). */
  repairedCount: number;
  /** The first repairs, with their positions. */
  repairs: IriRepair[];
}

/** The parser callbacks that count skips and repairs into `summary`, keeping the first `keep`. */
export function tallyInto(
  summary: ConvertSummary,
  options: ConvertOptions | Omit<ConvertOptions, 'from'>,
): Pick<ConvertOptions, 'onSkip' | 'onRepair'> {
  const keep = options.keepSkipped ?? 10;
  return {
    onSkip: (error) => {
      summary.skippedCount++;
      if (summary.skipped.length < keep) summary.skipped.push(error);
      options.onSkip?.(error);
    },
    onRepair: (repair) => {
      summary.repairedCount++;
      if (summary.repairs.length < keep) summary.repairs.push(repair);
      options.onRepair?.(repair);
    },
  };
}

/** A view of `input` (filled by `prefix` events) plus `extra`, read whenever it is enumerated. */
export function livePrefixes(
  input: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return new Proxy(input, {
    ownKeys: (target) => Reflect.ownKeys({ ...target, ...extra }),
    getOwnPropertyDescriptor: (target, key) =>
      Reflect.getOwnPropertyDescriptor({ ...target, ...extra }, key),
    get: (target, key) => ({ ...extra, ...target })[key as string],
  });
}

const LINE_FORMATS = new Set<FormatId>(['ntriples', 'nquads']);

/**
 * Converts `input` (bytes or text) to `output`. The input's prefixes travel to Turtle/TriG/N3
 * output (declared before the first quad, as Turtle does). Resolves when `output` has finished.
 *
 * @example
 * ```ts
 * import { createReadStream, createWriteStream } from 'node:fs';
 * import { convert } from 'dcat-harvest';
 *
 * const summary = await convert(createReadStream('catalog.rdf'), createWriteStream('catalog.ttl'), {
 *   from: 'rdfxml',
 *   to: 'turtle',
 * });
 * console.log(`${summary.quads} quads written`);
 * ```
 */
export async function convert(
  input: Readable,
  output: Writable,
  options: ConvertOptions,
): Promise<ConvertSummary> {
  const summary: ConvertSummary = {
    quads: 0,
    skippedCount: 0,
    skipped: [],
    prefixes: {},
    repairedCount: 0,
    repairs: [],
  };
  const prefixes = livePrefixes(summary.prefixes, options.prefixes);
  // Every format but JSON-LD has a synchronous writer: quads go straight from parser to writer.
  // N-Triples/N-Quads to a line format: valid lines are passed through as they are.
  const passthrough =
    LINE_FORMATS.has(options.from) &&
    LINE_FORMATS.has(options.to) &&
    !(options.from === 'nquads' && options.to === 'ntriples');
  const sink =
    options.to === 'jsonld' || passthrough ? undefined : createTextSink(options.to, { prefixes });
  const parser = createParser(
    {
      ...options,
      format: options.from,
      ...tallyInto(summary, options),
      passthrough,
    },
    sink,
  );
  parser.on('prefix', (prefix: string, iri: string) => {
    summary.prefixes[prefix] = iri;
  });
  const streams =
    sink || passthrough
      ? [input, parser, output]
      : [
          input,
          parser,
          createSerializer(options.to, { prefixes, context: options.context }),
          output,
        ];
  await pipeline(streams, { signal: options.signal });
  summary.quads = parser.count;
  return summary;
}
