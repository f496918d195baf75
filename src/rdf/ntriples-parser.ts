// **ntriples-parser** parses N-Triples and N-Quads line by line (strict grammar), as quads, as term texts for a writer, or as validated lines passed through.
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataFactory, type Quad_Graph, type Quad_Object, type Quad_Subject } from 'n3';
import { ParseError } from '../errors.js';
import { diagnose, lineRegExp } from './ntriples-syntax.js';
import { QuadTransform } from './quad-transform.js';
import { excerptAt } from './text-position.js';
import type { TextSink } from './text-sink.js';

const { blankNode, defaultGraph, literal, namedNode, quad } = DataFactory;

export interface NTriplesParserOptions {
  /** N-Quads (an optional graph term per line) rather than N-Triples. */
  quads: boolean;
  /** File path, URL or `<stdin>`: named in errors. */
  source: string;
  /** Skip bad lines (reported through `onSkip`) instead of failing. */
  lenient?: boolean;
  onSkip?: (error: ParseError) => void;
  /** Serialize straight into this sink: the readable side then gives text. */
  sink?: TextSink;
  /** Push the valid lines through unchanged (N-Triples or N-Quads in, N-Quads out). */
  passthrough?: boolean;
}

let documents = 0;

const ECHAR: Record<string, string> = {
  t: '\t',
  b: '\b',
  n: '\n',
  r: '\r',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
};
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g;

/** Decodes the ECHAR and UCHAR escapes of an already validated string or IRI. */
export function unescapeText(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(ESCAPE, (_m, u4?: string, u8?: string, c?: string) =>
    u4 !== undefined
      ? String.fromCharCode(parseInt(u4, 16))
      : u8 !== undefined
        ? String.fromCodePoint(parseInt(u8, 16))
        : (ECHAR[c as string] as string),
  );
}

/**
 * A Transform from N-Triples/N-Quads text to quads. Every line must match the grammar (absolute
 * IRIs, escapes, language tags, datatypes, blank node labels); a bad line is an error with its
 * line and column, or with `lenient` is reported through `onSkip` and skipped. A sink with
 * `addTerms` gets the terms' text as written (blank node labels made unique to the document).
 */
export class NTriplesParser extends QuadTransform {
  private readonly options: NTriplesParserOptions;
  private readonly label: string;
  private readonly decoder = new StringDecoder('utf8');
  private readonly line: RegExp;
  private readonly blank = `t${documents++}_`;
  private readonly termSink: TextSink | undefined;
  private carry = '';
  private lineNumber = 1;
  private started = false;

  constructor(options: NTriplesParserOptions) {
    super(options.sink);
    this.options = options;
    this.label = options.quads ? 'N-Quads' : 'N-Triples';
    this.countOnly = options.passthrough === true;
    this.line = lineRegExp(options.quads, !this.countOnly);
    this.termSink = !this.countOnly && options.sink?.addTerms ? options.sink : undefined;
  }

  override _transform(chunk: Buffer | string, _enc: string, done: TransformCallback): void {
    let text = this.carry + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const cut = text.lastIndexOf('\n') + 1;
    this.carry = text.slice(cut);
    this.run(text, cut, false, done);
  }

  override _flush(done: TransformCallback): void {
    const text = this.carry + this.decoder.end();
    this.carry = '';
    this.run(text, text.length, true, done);
  }

  private run(text: string, end: number, final: boolean, done: TransformCallback): void {
    try {
      if (end > 0) this.lines(text, end);
      if (!this.options.passthrough) this.flushText(final);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  /** Parses the complete lines of `text` up to `end`. */
  private lines(text: string, end: number): void {
    const re = this.line;
    const pass = this.options.passthrough === true;
    let pos = 0;
    let passFrom = 0;
    while (pos < end) {
      re.lastIndex = pos;
      if (pass) {
        if (re.test(text)) {
          if (!isBlank(text, pos)) this.count++;
          pos = re.lastIndex;
          this.lineNumber++;
          continue;
        }
      } else {
        const m = re.exec(text);
        if (m) {
          if (m[1] !== undefined) this.statement(m);
          pos = re.lastIndex;
          this.lineNumber++;
          continue;
        }
      }
      const next = this.badLine(text, pos);
      if (pass) {
        if (pos > passFrom) this.push(text.slice(passFrom, pos));
        passFrom = next;
      }
      pos = next;
    }
    if (pass && end > passFrom) this.push(text.slice(passFrom, end));
  }

  /** Reports the line at `pos` (throws unless lenient); returns where the next line starts. */
  private badLine(text: string, pos: number): number {
    let stop = pos;
    while (stop < text.length) {
      const c = text.charCodeAt(stop);
      if (c === 10 || c === 13) break;
      stop++;
    }
    const lineText = text.slice(pos, stop);
    const { offset, reason } = diagnose(lineText, this.options.quads);
    const error = new ParseError(
      reason,
      {
        source: this.options.source,
        line: this.lineNumber,
        column: offset + 1,
        excerpt: excerptAt(lineText, offset) || 'end of line',
      },
      { format: this.label },
    );
    if (!this.options.lenient) throw error;
    this.options.onSkip?.(error);
    this.lineNumber++;
    if (text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10) return stop + 2;
    return Math.min(text.length, stop + 1);
  }

  /** One matched statement: to the sink as text, or as a quad. */
  private statement(m: RegExpExecArray): void {
    const s = m[1] as string;
    const p = m[2] as string;
    const o = m[3] as string;
    if (this.termSink) {
      this.count++;
      (this.termSink.addTerms as NonNullable<TextSink['addTerms']>)(
        s.charCodeAt(0) === 95 ? `_:${this.blank}${s.slice(2)}` : s,
        p,
        o.charCodeAt(0) === 95 ? `_:${this.blank}${o.slice(2)}` : o,
      );
      return;
    }
    const g = m[4];
    this.emitQuad(
      quad(
        this.term(s) as Quad_Subject,
        namedNode(unescapeText(p.slice(1, -1))),
        this.term(o) as Quad_Object,
        g === undefined ? defaultGraph() : (this.term(g) as Quad_Graph),
      ),
    );
  }

  /** The RDF/JS term of a validated IRI, blank node or literal text. */
  private term(text: string) {
    const c = text.charCodeAt(0);
    if (c === 60) return namedNode(unescapeText(text.slice(1, -1)));
    if (c === 95) return blankNode(this.blank + text.slice(2));
    const close = text.lastIndexOf('"');
    const value = unescapeText(text.slice(1, close));
    if (close === text.length - 1) return literal(value);
    if (text.charCodeAt(close + 1) === 64) return literal(value, text.slice(close + 2));
    return literal(value, namedNode(unescapeText(text.slice(close + 4, -1))));
  }
}

/** Whether the line at `pos` holds no statement (blank or a comment). */
function isBlank(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  while (c === 32 || c === 9) c = text.charCodeAt(++pos);
  return c === 35 || c === 10 || c === 13 || Number.isNaN(c);
}
