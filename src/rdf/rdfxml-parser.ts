// **rdfxml-parser** parses RDF/XML as a stream of quads, refusing external entities and capping the DTD.
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataFactory, type Quad } from 'n3';
import type { RdfXmlParser } from 'rdfxml-streaming-parser';
import { InputError, LimitError, ParseError } from '../errors.js';
import { CswUnwrapper, exceptionText, rootKind, type XmlRootKind } from './csw-unwrap.js';
import { isWritableIri, repairIri, type OnRepair } from './iri-repair.js';
import { QuadTransform } from './quad-transform.js';
import { countLines, excerptAt, lineStart } from './text-position.js';
import type { TextSink } from './text-sink.js';

export interface RdfXmlStreamParserOptions {
  source: string;
  baseIRI?: string;
  lenient?: boolean;
  onSkip?: (error: ParseError) => void;
  /** Percent-encode what makes an IRI invalid, reporting each through `onRepair`. */
  repair?: boolean;
  onRepair?: OnRepair;
  /** Maximum size of the DOCTYPE internal subset in characters (default 16 KiB). */
  maxDoctype?: number;
  /** Serialize straight into this sink: the readable side then gives text. */
  sink?: TextSink;
}

/** Reads `Line 2 column 42: …` or `9:50: …` positions from the parser's messages. */
function positionOf(message: string): { line?: number; column?: number; reason: string } {
  const long = /^Line (\d+) column (\d+): (.*)$/s.exec(message);
  if (long) return { line: Number(long[1]), column: Number(long[2]), reason: long[3] ?? message };
  const short = /^(\d+):(\d+): (.*)$/s.exec(message);
  if (short)
    return { line: Number(short[1]), column: Number(short[2]), reason: short[3] ?? message };
  return { reason: message };
}

/**
 * A Transform from RDF/XML text to quads over `rdfxml-streaming-parser`. Entity declarations are
 * never expanded recursively by the parser; external entities (SYSTEM/PUBLIC) are refused and the
 * DOCTYPE is capped. With `lenient`, triples whose IRIs are invalid are skipped and reported.
 */
/** Whether a term is not an IRI, or an IRI the writers can write. */
function writable(term: { termType: string; value: string }): boolean {
  return term.termType !== 'NamedNode' || isWritableIri(term.value);
}

export class RdfXmlStreamParser extends QuadTransform {
  /** The parser of the document, or of the current CSW fragment. */
  private parser: RdfXmlParser | undefined;
  private Parser: typeof RdfXmlParser | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private head = '';
  private headChecked = false;
  /** How the root element makes the document read; undefined until its start tag is read. */
  private mode: XmlRootKind | undefined;
  /** Text read before the mode is known. */
  private held = '';
  private csw: CswUnwrapper | undefined;
  /** CSW fragments: each one's parser ends on its own; the document ends when all have. */
  private readonly fragmentsEnded: Promise<void>[] = [];
  private fragments = 0;
  /** The last two chunks and the line the older starts at, for error excerpts. */
  private previous = '';
  private current = '';
  private windowLine = 1;
  private failed = false;

  constructor(private readonly options: RdfXmlStreamParserOptions) {
    super(options.sink);
  }

  /** Loads the parser on first use (the CLI starts faster when no RDF/XML is involved). */
  private async load(): Promise<void> {
    this.Parser = (await import('rdfxml-streaming-parser')).RdfXmlParser;
  }

  /** A parser whose quads go through repair and checks to the output; `prefix` names its blank nodes. */
  private newParser(prefix = ''): RdfXmlParser {
    const factory = prefix
      ? {
          ...DataFactory,
          blankNode: (name?: string) => DataFactory.blankNode(name ? prefix + name : undefined),
        }
      : DataFactory;
    const parser = new (this.Parser as typeof RdfXmlParser)({
      baseIRI: this.options.baseIRI,
      trackPosition: true,
      validateUri: !this.options.lenient && !this.options.repair,
      dataFactory: factory as never,
    });
    parser.on('data', (data: Quad) => {
      // repaired() gives the quad itself only when every IRI in it can be written.
      const quad = this.options.repair ? this.repaired(data) : data;
      if (quad !== data ? this.badIri(quad) : this.options.lenient && this.badIri(quad)) return;
      try {
        this.emitQuad(quad);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    parser.on('error', (error: Error) => this.fail(error));
    this.parser = parser;
    return parser;
  }

  /** Reads the root start tag once the head holds it: plain RDF/XML, a CSW response or an exception. */
  private decideMode(final: boolean): void {
    const root = this.held.search(/<(?![?!])/);
    const close = root < 0 ? -1 : this.held.indexOf('>', root);
    if (close < 0 && !final && this.held.length < 1024 * 1024) return;
    this.mode = close < 0 ? 'rdf' : rootKind(this.held.slice(root, close + 1));
    if (this.mode === 'capabilities')
      throw new InputError(`${this.options.source}: a CSW capabilities document, not RDF`, {
        code: 'DH_CSW_CAPABILITIES',
        hint: 'Harvest the service instead: dcat-harvest harvest <its URL> (GetRecords pages are RDF).',
      });
    if (this.mode === 'rdf') this.newParser();
    if (this.mode === 'csw')
      this.csw = new CswUnwrapper({
        start: (head) => this.newParser(`c${this.fragments++}_`).write(head),
        text: (text) => this.parser?.write(text),
        end: () => {
          const parser = this.parser as RdfXmlParser;
          this.fragmentsEnded.push(new Promise((resolve) => parser.once('end', resolve)));
          parser.end();
        },
      });
    const text = this.held;
    this.held = '';
    if (this.mode !== 'exception') this.route(text);
    else this.held = text;
  }

  /** Sends text to the document's parser, or through the CSW unwrapper. */
  private route(text: string): void {
    if (this.mode === undefined || this.mode === 'exception') this.held += text;
    else if (this.csw) this.csw.write(text);
    else this.parser?.write(text);
  }

  /** A CSW exception report, read whole, as the error of the document. */
  private exception(): InputError {
    return new InputError(
      `${this.options.source}: the CSW service answered with an exception report: ${exceptionText(this.held)}`,
      {
        code: 'DH_CSW_EXCEPTION',
        hint: 'The request was refused (a bad parameter, an unknown output schema, a server fault); the exception text says which.',
      },
    );
  }

  /** Where the parser is (its last position), for repairs and skips. */
  private position(): { line?: number; column?: number } {
    const sax = (this.parser as unknown as { saxParser: { line?: number; column?: number } })
      .saxParser;
    return { line: sax.line, column: sax.column };
  }

  /** The quad with its repairable IRIs percent-encoded, each repair reported. */
  private repaired(quad: Quad): Quad {
    const { subject, predicate, object, graph } = quad;
    if (
      writable(subject) &&
      writable(predicate) &&
      writable(object) &&
      (graph.termType !== 'NamedNode' || isWritableIri(graph.value))
    )
      return quad; // the common case: one regex test per IRI
    const fix = <T extends Quad['subject'] | Quad['predicate'] | Quad['object'] | Quad['graph']>(
      t: T,
    ): T => {
      if (t.termType !== 'NamedNode') return t;
      const repaired = repairIri(t.value);
      if (repaired === undefined) return t;
      this.options.onRepair?.({
        source: this.options.source,
        ...this.position(),
        original: t.value,
        repaired,
      });
      return DataFactory.namedNode(repaired) as unknown as T;
    };
    return DataFactory.quad(fix(subject), fix(predicate), fix(object), fix(graph));
  }

  /**
   * Whether the quad holds an IRI that cannot be written (checked when the parser's own check is
   * off): skipped and reported when lenient, else the document fails.
   */
  private badIri(quad: Quad): boolean {
    const bad = [quad.subject, quad.predicate, quad.object].find((t) => !writable(t));
    if (!bad) return false;
    const error = new ParseError(
      `invalid IRI <${bad.value}>`,
      { source: this.options.source, ...this.position(), excerpt: bad.value },
      {
        format: 'RDF/XML',
        subject: (quad.subject.termType === 'BlankNode' ? '_:' : '') + quad.subject.value,
      },
    );
    if (!this.options.lenient) {
      this.fail(error);
      return true;
    }
    this.options.onSkip?.(error);
    return true;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    const { line, column, reason } = positionOf(error.message);
    this.destroy(
      error instanceof InputError
        ? error
        : new ParseError(
            reason,
            { source: this.options.source, line, column, excerpt: this.excerpt(line, column) },
            { format: 'RDF/XML', cause: error },
          ),
    );
  }

  /** The text at a line and column, when it is still in the window. */
  private excerpt(line: number | undefined, column: number | undefined): string | undefined {
    if (line === undefined || line < this.windowLine) return undefined;
    const window = this.previous + this.current;
    const start = lineStart(window, line - this.windowLine + 1);
    if (start < 0) return undefined;
    return excerptAt(window, Math.min(window.length, start + Math.max(0, (column ?? 1) - 1)));
  }

  /** Refuses external entities and oversized DTDs before the parser sees them. */
  private checkHead(text: string): void {
    if (this.headChecked) return;
    this.head += text;
    const root = this.head.search(/<(?:[\w-]+:)?RDF[\s>]|<(?![?!])/);
    const doctype = /<!DOCTYPE[\s\S]*?(?:\]\s*>|>)/.exec(this.head)?.[0] ?? '';
    const max = this.options.maxDoctype ?? 16 * 1024;
    if (
      doctype.length > max ||
      (root === -1 && this.head.length > max && /<!DOCTYPE/.test(this.head))
    )
      throw new LimitError(
        `${this.options.source}: RDF/XML DOCTYPE over ${max} characters refused`,
        {
          hint: 'Entity declarations are capped to keep "billion laughs" documents harmless.',
        },
      );
    if (/<!ENTITY\s+%?\s*[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/.test(doctype))
      throw new InputError(`${this.options.source}: RDF/XML external entity refused`, {
        code: 'DH_EXTERNAL_ENTITY',
        hint: 'External entities are never read; inline the content instead.',
      });
    if (root !== -1) {
      this.headChecked = true;
      this.head = '';
    }
  }

  override _transform(chunk: Buffer | string, enc: string, done: TransformCallback): void {
    if (!this.Parser) {
      this.load().then(() => this._transform(chunk, enc, done), done);
      return;
    }
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    this.windowLine += countLines(this.previous);
    this.previous = this.current;
    this.current = text;
    try {
      this.checkHead(text);
      if (this.failed) return done();
      if (this.mode === undefined) {
        this.held += text;
        if (this.headChecked) this.decideMode(false);
      } else this.route(text);
    } catch (error) {
      return done(error as Error);
    }
    if (!this.failed) this.flushText(false);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.Parser) {
      this.load().then(() => this._flush(done), done);
      return;
    }
    try {
      const rest = this.decoder.end();
      if (this.mode === undefined) {
        this.held += rest;
        this.decideMode(true);
      } else if (rest) this.route(rest);
      if (this.mode === 'exception') return done(this.exception());
      this.csw?.end(this.options.source);
    } catch (error) {
      return done(error as Error);
    }
    if (this.failed) return done();
    const finish = () => {
      if (this.failed) return done();
      try {
        if (this.csw) this.emit('csw', this.csw.results);
        this.flushText(true);
        done();
      } catch (error) {
        done(error as Error);
      }
    };
    if (this.csw) {
      Promise.all(this.fragmentsEnded).then(finish, done);
      return;
    }
    const parser = this.parser as RdfXmlParser;
    parser.once('end', finish);
    parser.end();
  }
}
