// **ntriples-parser** parses N-Triples and N-Quads line by line (strict grammar), as quads, as term texts for a writer, or as validated lines passed through.
import { isUtf8 } from 'node:buffer';
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataFactory, type Quad_Graph, type Quad_Object, type Quad_Subject } from 'n3';
import { ParseError } from '../errors.js';
import { fromBytes, termOf, toBytes, unescapeText } from './ntriples-terms.js';
import { diagnose, lineRegExp } from './ntriples-syntax.js';
import type { IriRepair, OnRepair } from './iri-repair.js';
import { TurtleIriRepairer } from './iri-scanner.js';
import { QuadTransform } from './quad-transform.js';
import { excerptAt } from './text-position.js';
import type { TextSink } from './text-sink.js';

const { defaultGraph, namedNode, quad } = DataFactory;

export interface NTriplesParserOptions {
  /** N-Quads (an optional graph term per line) rather than N-Triples. */
  quads: boolean;
  /** File path, URL or `<stdin>`: named in errors. */
  source: string;
  /** Skip bad lines (reported through `onSkip`) instead of failing. */
  lenient?: boolean;
  onSkip?: (error: ParseError) => void;
  /** Percent-encode what makes an IRI invalid, reporting each through `onRepair`. */
  repair?: boolean;
  onRepair?: OnRepair;
  /** Serialize straight into this sink: the readable side then gives text. */
  sink?: TextSink;
  /** Push the valid lines through unchanged (N-Triples or N-Quads in, N-Quads out). */
  passthrough?: boolean;
}

let documents = 0;

/**
 * A Transform from N-Triples/N-Quads text to quads. Every line must match the grammar (absolute
 * IRIs, escapes, language tags, datatypes, blank node labels); a bad line is an error with its
 * line and column, or with `lenient` is reported through `onSkip` and skipped.
 *
 * Passing lines through, or handing term texts to a sink's `addTerms`, the parser never decodes
 * UTF-8: it reads the bytes one per character (latin1) and gives them on as they are (the input
 * is checked to be UTF-8; invalid sequences become U+FFFD as a decoder would make them).
 */
export class NTriplesParser extends QuadTransform {
  private readonly options: NTriplesParserOptions;
  private readonly label: string;
  private readonly line: RegExp;
  /** The grammar for a decoded line, when `line` (bytes) refused it. */
  private readonly decodedLine: RegExp;
  private readonly blank = `t${documents++}_`;
  private readonly termSink: TextSink | undefined;
  /** Whether text is read as bytes (see above). */
  private readonly bytes: boolean;
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private carryBytes: Buffer = Buffer.alloc(0);
  /** Bytes mode: the buffer `text` was read from (same offsets). */
  private buffer: Buffer = Buffer.alloc(0);
  private lineNumber = 1;
  private started = false;

  constructor(options: NTriplesParserOptions) {
    super(options.sink);
    this.options = options;
    this.label = options.quads ? 'N-Quads' : 'N-Triples';
    this.countOnly = options.passthrough === true;
    this.termSink = !this.countOnly && options.sink?.addTerms ? options.sink : undefined;
    this.bytes = this.countOnly || this.termSink !== undefined;
    const capture = !this.countOnly;
    this.line = lineRegExp(options.quads, { capture, bytes: this.bytes });
    this.decodedLine = lineRegExp(options.quads, { capture });
  }

  override _transform(chunk: Buffer | string, _enc: string, done: TransformCallback): void {
    if (this.bytes) {
      let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (this.carryBytes.length > 0) bytes = Buffer.concat([this.carryBytes, bytes]);
      if (!this.started && bytes.length > 0) {
        this.started = true;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      const cut = bytes.lastIndexOf(10) + 1;
      this.carryBytes = Buffer.from(bytes.subarray(cut));
      return this.runBytes(bytes.subarray(0, cut), false, done);
    }
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
    if (this.bytes) return this.runBytes(this.carryBytes, true, done);
    const text = this.carry + this.decoder.end();
    this.carry = '';
    this.run(text, text.length, true, done);
  }

  private runBytes(bytes: Buffer, final: boolean, done: TransformCallback): void {
    this.buffer = isUtf8(bytes) ? bytes : Buffer.from(bytes.toString('utf8'), 'utf8');
    const text = this.buffer.toString('latin1');
    this.run(text, text.length, final, done);
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
      const { next, ok, replacement } = this.otherLine(text, pos);
      if (pass && !ok) {
        if (pos > passFrom) this.push(this.buffer.subarray(passFrom, pos));
        if (replacement) this.push(replacement);
        passFrom = next;
      }
      pos = next;
    }
    if (pass && end > passFrom) this.push(this.buffer.subarray(passFrom, end));
  }

  /**
   * A line the fast expression refused: in bytes mode, decoded and checked again (non-ASCII blank
   * node labels); else reported (thrown unless lenient). Returns where the next line starts.
   */
  private otherLine(
    text: string,
    pos: number,
  ): { next: number; ok: boolean; replacement?: Buffer } {
    let stop = pos;
    while (stop < text.length) {
      const c = text.charCodeAt(stop);
      if (c === 10 || c === 13) break;
      stop++;
    }
    const next =
      text.charCodeAt(stop) === 13 && text.charCodeAt(stop + 1) === 10
        ? stop + 2
        : Math.min(text.length, stop + 1);
    this.lineNumber++;
    const lineText = this.bytes ? fromBytes(text.slice(pos, stop)) : text.slice(pos, stop);
    if (this.bytes && this.decoded(lineText)) return { next, ok: true };
    if (this.options.repair) {
      const repaired = this.repaired(lineText);
      if (repaired !== undefined)
        return { next, ok: false, replacement: Buffer.from(`${repaired}\n`, 'utf8') };
    }
    const { offset, reason } = diagnose(lineText, this.options.quads);
    const error = new ParseError(
      reason,
      {
        source: this.options.source,
        line: this.lineNumber - 1,
        column: offset + 1,
        excerpt: excerptAt(lineText, offset) || 'end of line',
      },
      { format: this.label, ...subjectOf(lineText, this.blank) },
    );
    if (!this.options.lenient) throw error;
    this.options.onSkip?.(error);
    return { next, ok: false };
  }

  /** Checks a decoded line against the grammar and takes its statement; false if it fails. */
  private decoded(lineText: string): boolean {
    this.decodedLine.lastIndex = 0;
    const m = this.decodedLine.exec(lineText);
    if (!m || this.decodedLine.lastIndex !== lineText.length) return false;
    if (this.options.passthrough) {
      if (!isBlank(lineText, 0)) this.count++;
    } else if (m[1] !== undefined) this.statement(this.bytes ? m.map((t) => t && toBytes(t)) : m);
    return true;
  }

  /**
   * A line made valid by percent-encoding its IRIs: its statement is taken and the repairs
   * reported; the repaired line is returned. Undefined when repairing does not make it valid.
   */
  private repaired(lineText: string): string | undefined {
    const repairs: IriRepair[] = [];
    const repairer = new TurtleIriRepairer(this.options.source, (r) => repairs.push(r));
    const fixed = repairer.write(lineText) + repairer.end();
    if (repairs.length === 0 || !this.decoded(fixed)) return undefined;
    for (const r of repairs) this.options.onRepair?.({ ...r, line: this.lineNumber - 1 });
    return fixed;
  }

  /** One matched statement: to the sink as text, or as a quad. */
  private statement(m: (string | undefined)[]): void {
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
        termOf(s, this.blank) as Quad_Subject,
        namedNode(unescapeText(p.slice(1, -1))),
        termOf(o, this.blank) as Quad_Object,
        g === undefined ? defaultGraph() : (termOf(g, this.blank) as Quad_Graph),
      ),
    );
  }
}

/** Whether the line at `pos` holds no statement (blank or a comment). */
function isBlank(text: string, pos: number): boolean {
  let c = text.charCodeAt(pos);
  while (c === 32 || c === 9) c = text.charCodeAt(++pos);
  return c === 35 || c === 10 || c === 13 || Number.isNaN(c);
}

/** The subject a bad line starts with, when it can be read (`_:label` for a blank node). */
function subjectOf(line: string, blank: string): { subject?: string } {
  const m = /^[ \t]*(?:<([^>]*)>|_:([^\s]+))/.exec(line);
  if (!m) return {};
  return { subject: m[1] !== undefined ? m[1] : `_:${blank}${m[2] ?? ''}` };
}
