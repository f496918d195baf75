// **jsonld-parser** parses one JSON-LD document (buffered) into quads with an offline context loader.
import type { TransformCallback } from 'node:stream';
import type { JsonLdDocument } from 'jsonld';
import { DataFactory, type Quad, type Term } from 'n3';
import { InputError, ParseError } from '../errors.js';
import { createDocumentLoader, type LoaderOptions } from './jsonld-loader.js';
import { repairIri, type OnRepair } from './iri-repair.js';
import { locateIri, repairExpanded } from './jsonld-repair.js';
import { QuadTransform } from './quad-transform.js';
import { excerptAt, positionAt } from './text-position.js';
import type { TextSink } from './text-sink.js';

export interface JsonLdParserOptions extends LoaderOptions {
  source: string;
  baseIRI?: string;
  lenient?: boolean;
  onSkip?: (error: ParseError) => void;
  /** Percent-encode what makes an IRI invalid, reporting each through `onRepair`. */
  repair?: boolean;
  onRepair?: OnRepair;
  /** Maximum document size in bytes (default 512 MiB). */
  maxBytes?: number;
  /** Serialize straight into this sink: the readable side then gives text. */
  sink?: TextSink;
}

interface JsonLdTerm {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}
interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

/** Converts a `jsonld` term to an N3.js (RDF/JS) term. */
function term(t: JsonLdTerm, blank: string): Term {
  switch (t.termType) {
    case 'NamedNode':
      return DataFactory.namedNode(t.value);
    case 'BlankNode':
      return DataFactory.blankNode(blank + t.value.replace(/^_:/, ''));
    case 'Literal':
      return DataFactory.literal(
        t.value,
        t.language ? t.language : DataFactory.namedNode(t.datatype?.value ?? ''),
      );
    default:
      return DataFactory.defaultGraph();
  }
}

let documents = 0;

/** Parses JSON text into quads, reporting JSON syntax errors with line and column. */
export async function jsonLdToQuads(
  text: string,
  options: JsonLdParserOptions,
  emitPrefix: (prefix: string, iri: string) => void = () => undefined,
): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const offset = at === undefined ? text.length : Number(at);
    const { line, column } = positionAt(text, offset);
    const reason = String((error as Error).message).replace(/ in JSON at position \d+.*$/, '');
    throw new ParseError(
      reason,
      { source: options.source, line, column, excerpt: excerptAt(text, offset) },
      { format: 'JSON-LD', cause: error },
    );
  }
  announcePrefixes(document, emitPrefix);
  let { quads, problems } = await toRdf(document, text, options);
  const fix = (iri: string): string => {
    const repaired = repairIri(iri) as string;
    options.onRepair?.({
      source: options.source,
      ...locateIri(text, iri),
      original: iri,
      repaired,
    });
    return repaired;
  };
  if (options.repair && problems.length > 0) {
    // `jsonld` drops IRIs with spaces as relative references: expand, repair, then convert.
    const { default: jsonld } = await import('jsonld');
    const expanded = await jsonld.expand(
      document as JsonLdDocument,
      {
        ...loaderOptions(options),
      } as never,
    );
    ({ quads, problems } = await toRdf(repairExpanded(expanded, fix), text, options));
  }
  if (problems.length > 0) {
    if (!options.lenient) throw problems[0];
    for (const problem of problems) options.onSkip?.(problem);
  }
  if (options.repair) quads = quads.map((q) => repairQuad(q, fix));
  const blank = `j${documents++}_`;
  return quads.map((q) =>
    DataFactory.quad(
      term(q.subject, blank) as Quad['subject'],
      term(q.predicate, blank) as Quad['predicate'],
      term(q.object, blank) as Quad['object'],
      term(q.graph, blank) as Quad['graph'],
    ),
  );
}

/** The options of `jsonld` calls: base IRI and the offline loader. */
function loaderOptions(options: JsonLdParserOptions) {
  return {
    base: options.baseIRI ?? (options.source.includes('://') ? options.source : undefined),
    documentLoader: createDocumentLoader(options) as never,
  };
}

/** `jsonld.toRDF` with what it dropped as ParseErrors; failures as ParseError or InputError. */
async function toRdf(
  document: unknown,
  text: string,
  options: JsonLdParserOptions,
): Promise<{ quads: JsonLdQuad[]; problems: ParseError[] }> {
  const problems: ParseError[] = [];
  try {
    // Loaded on first use: the CLI starts faster when no JSON-LD is involved.
    const { default: jsonld } = await import('jsonld');
    const quads = (await jsonld.toRDF(
      document as JsonLdDocument,
      {
        ...loaderOptions(options),
        eventHandler: ({
          event,
        }: {
          event: { code: string; details?: Record<string, unknown> };
        }) => {
          problems.push(droppedError(text, event, options.source));
        },
      } as never,
    )) as unknown as JsonLdQuad[];
    return { quads, problems };
  } catch (error) {
    const cause = (error as { details?: { cause?: unknown } }).details?.cause;
    if (cause instanceof InputError) throw cause;
    const message = error instanceof Error ? error.message : String(error);
    throw new ParseError(message, { source: options.source }, { format: 'JSON-LD', cause: error });
  }
}

/** A quad whose IRIs that need it are repaired through `fix`. */
function repairQuad(q: JsonLdQuad, fix: (iri: string) => string): JsonLdQuad {
  const one = (t: JsonLdTerm): JsonLdTerm =>
    t.termType === 'NamedNode' && repairIri(t.value) !== undefined
      ? { ...t, value: fix(t.value) }
      : t.termType === 'Literal' && t.datatype && repairIri(t.datatype.value) !== undefined
        ? { ...t, datatype: { value: fix(t.datatype.value) } }
        : t;
  return {
    subject: one(q.subject),
    predicate: one(q.predicate),
    object: one(q.object),
    graph: one(q.graph),
  };
}

/** A ParseError for something `jsonld` dropped (e.g. an IRI with a space), located in the text. */
function droppedError(
  text: string,
  event: { code: string; details?: Record<string, unknown> },
  source: string,
): ParseError {
  const details = event.details ?? {};
  const value = [details.id, details.subject, details.iri, details.term, details.property].find(
    (v): v is string => typeof v === 'string',
  );
  const offset = value === undefined ? -1 : text.indexOf(JSON.stringify(value).slice(1, -1));
  const position = offset >= 0 ? positionAt(text, offset) : {};
  return new ParseError(
    `dropped: ${event.code}${value === undefined ? '' : ` "${value}"`}`,
    { source, ...position, excerpt: offset >= 0 ? excerptAt(text, offset) : value },
    typeof details.subject === 'string'
      ? { format: 'JSON-LD', subject: details.subject }
      : { format: 'JSON-LD' },
  );
}

/** Emits the namespace-like string terms of a document's top-level context as prefixes. */
function announcePrefixes(document: unknown, emit: (prefix: string, iri: string) => void): void {
  const context = (document as { '@context'?: unknown } | null)?.['@context'];
  const list = Array.isArray(context) ? context : [context];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object') continue;
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof value === 'string' && /^[A-Za-z][\w-]*$/.test(key) && /[/#]$/.test(value))
        emit(key, value);
    }
  }
}

/** A Transform that buffers one JSON-LD document and emits its quads at the end. */
export class JsonLdStreamParser extends QuadTransform {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly options: JsonLdParserOptions) {
    super(options.sink);
  }

  override _transform(chunk: Buffer | string, _enc: string, done: TransformCallback): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.size += buffer.length;
    const max = this.options.maxBytes ?? 512 * 1024 * 1024;
    if (this.size > max)
      return done(new InputError(`${this.options.source}: JSON-LD document over ${max} bytes`));
    this.chunks.push(buffer);
    done();
  }

  override _flush(done: TransformCallback): void {
    const text = Buffer.concat(this.chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    this.chunks.length = 0;
    jsonLdToQuads(text, this.options, (p, iri) => this.emit('prefix', p, iri)).then(
      (quads) => {
        try {
          for (const quad of quads) {
            this.emitQuad(quad);
            this.flushText(false);
          }
          this.flushText(true);
          done();
        } catch (error) {
          done(error as Error);
        }
      },
      (error: unknown) => done(error as Error),
    );
  }
}
