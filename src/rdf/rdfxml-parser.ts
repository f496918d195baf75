// **rdfxml-parser** parses RDF/XML as a stream of quads, refusing external entities and capping the DTD.
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataFactory, type Quad } from 'n3';
import type { RdfXmlParser } from 'rdfxml-streaming-parser';
import { InputError, LimitError, ParseError } from '../errors.js';
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
export class RdfXmlStreamParser extends QuadTransform {
  private parser: RdfXmlParser | undefined;
  private readonly decoder = new StringDecoder('utf8');
  private head = '';
  private headChecked = false;
  /** The last two chunks and the line the older starts at, for error excerpts. */
  private previous = '';
  private current = '';
  private windowLine = 1;
  private failed = false;

  constructor(private readonly options: RdfXmlStreamParserOptions) {
    super(options.sink);
  }

  /** Loads the parser on first use (the CLI starts faster when no RDF/XML is involved). */
  private async load(): Promise<RdfXmlParser> {
    const { RdfXmlParser } = await import('rdfxml-streaming-parser');
    const parser = new RdfXmlParser({
      baseIRI: this.options.baseIRI,
      trackPosition: true,
      validateUri: !this.options.lenient && !this.options.repair,
      dataFactory: DataFactory as never,
    });
    parser.on('data', (data: Quad) => {
      const quad = this.options.repair ? this.repaired(data) : data;
      if ((this.options.lenient || this.options.repair) && this.badIri(quad)) return;
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

  /** Where the parser is (its last position), for repairs and skips. */
  private position(): { line?: number; column?: number } {
    const sax = (this.parser as unknown as { saxParser: { line?: number; column?: number } })
      .saxParser;
    return { line: sax.line, column: sax.column };
  }

  /** The quad with its repairable IRIs percent-encoded, each repair reported. */
  private repaired(quad: Quad): Quad {
    let changed = false;
    const fix = <T extends Quad['subject'] | Quad['predicate'] | Quad['object'] | Quad['graph']>(
      t: T,
    ): T => {
      if (t.termType !== 'NamedNode') return t;
      const repaired = repairIri(t.value);
      if (repaired === undefined) return t;
      changed = true;
      this.options.onRepair?.({
        source: this.options.source,
        ...this.position(),
        original: t.value,
        repaired,
      });
      return DataFactory.namedNode(repaired) as unknown as T;
    };
    const next = DataFactory.quad(
      fix(quad.subject),
      fix(quad.predicate),
      fix(quad.object),
      fix(quad.graph),
    );
    return changed ? next : quad;
  }

  /**
   * Whether the quad holds an IRI that cannot be written (checked when the parser's own check is
   * off): skipped and reported when lenient, else the document fails.
   */
  private badIri(quad: Quad): boolean {
    const bad = [quad.subject, quad.predicate, quad.object].find(
      (t) => t.termType === 'NamedNode' && !isWritableIri(t.value),
    );
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
    if (!this.parser) {
      this.load().then(() => this._transform(chunk, enc, done), done);
      return;
    }
    const parser = this.parser;
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    this.windowLine += countLines(this.previous);
    this.previous = this.current;
    this.current = text;
    try {
      this.checkHead(text);
    } catch (error) {
      return done(error as Error);
    }
    if (this.failed) return done();
    parser.write(text);
    if (!this.failed) this.flushText(false);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (!this.parser) {
      this.load().then(() => this._flush(done), done);
      return;
    }
    const parser = this.parser;
    const rest = this.decoder.end();
    if (rest) parser.write(rest);
    if (this.failed) return done();
    parser.once('end', () => {
      if (this.failed) return done();
      try {
        this.flushText(true);
        done();
      } catch (error) {
        done(error as Error);
      }
    });
    parser.end();
  }
}
