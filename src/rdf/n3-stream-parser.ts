// **n3-stream-parser** parses Turtle, TriG, N-Triples, N-Quads and N3 as a stream of quads, with positioned errors and lenient recovery.
import type { TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Parser, type Quad } from 'n3';
import { ParseError } from '../errors.js';
import type { FormatId } from './formats.js';
import type { OnRepair } from './iri-repair.js';
import { TurtleIriRepairer } from './iri-scanner.js';
import { QuadTransform } from './quad-transform.js';
import { countLines, excerptAt, lineStart } from './text-position.js';
import type { TextSink } from './text-sink.js';

interface N3Token {
  type: string;
  value: string;
  prefix: string;
  line: number;
  start: number;
  end: number;
}
type N3Error = Error & { context?: { token?: N3Token; line: number; previousToken?: N3Token } };

/** The N3.js name and our label of each format of the Turtle family. */
const N3_FORMATS: Partial<Record<FormatId, { n3: string; label: string; lineBased: boolean }>> = {
  turtle: { n3: 'Turtle', label: 'Turtle', lineBased: false },
  trig: { n3: 'TriG', label: 'TriG', lineBased: false },
  ntriples: { n3: 'N-Triples', label: 'N-Triples', lineBased: true },
  nquads: { n3: 'N-Quads', label: 'N-Quads', lineBased: true },
  n3: { n3: 'N3', label: 'N3', lineBased: false },
};

export interface N3StreamParserOptions {
  format: FormatId;
  source: string;
  baseIRI?: string;
  lenient?: boolean;
  onSkip?: (error: ParseError) => void;
  /** Percent-encode what makes an IRI reference invalid, reporting each through `onRepair`. */
  repair?: boolean;
  onRepair?: OnRepair;
  /** Serialize straight into this sink: the readable side then gives text. */
  sink?: TextSink;
}

let documents = 0;

/** Whether N3.js parses this format. */
export function isN3Format(format: FormatId): boolean {
  return N3_FORMATS[format] !== undefined;
}

/**
 * A Transform from text to quads over N3.js's Parser. Errors carry the absolute line, column and
 * the offending text. With `lenient`, a bad statement is reported through `onSkip` and parsing
 * resumes after the next statement terminator (the next line for N-Triples/N-Quads) with a fresh
 * parser that keeps the prefixes and blank node labels seen so far.
 */
export class N3StreamParser extends QuadTransform {
  private readonly options: N3StreamParserOptions;
  private readonly spec: { n3: string; label: string; lineBased: boolean };
  private readonly decoder = new StringDecoder('utf8');
  private readonly blankNodePrefix = `d${documents++}_`;
  private readonly prefixes: Record<string, string> = {};
  private feed: (text: string) => void = () => undefined;
  private finish: () => void = () => undefined;
  /** The last two chunks of text, and the absolute line where they start. */
  private previous = '';
  private current = '';
  private joined: string | undefined;
  private windowLine = 1;
  /** Absolute line of the current parser's first line, and the prelude length on that line. */
  private parserLine = 1;
  private prelude = 0;
  private failure: N3Error | undefined;
  private skipping = false;
  private lastSkipped = '';
  private readonly repairer: TurtleIriRepairer | undefined;
  /** The current N3.js parser (its subject names the record a skipped statement belonged to). */
  private parser: Parser | undefined;

  constructor(options: N3StreamParserOptions) {
    super(options.sink);
    const spec = N3_FORMATS[options.format];
    if (!spec) throw new TypeError(`N3StreamParser cannot parse ${options.format}`);
    this.options = options;
    this.spec = spec;
    if (options.repair)
      this.repairer = new TurtleIriRepairer(
        options.source,
        (repair) => options.onRepair?.(repair),
        options.format === 'n3',
      );
    this.startParser(1);
  }

  override _transform(chunk: Buffer | string, _enc: string, done: TransformCallback): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (this.repairer) text = this.repairer.write(text);
    this.windowLine += countLines(this.previous);
    this.previous = this.current;
    this.current = text;
    this.joined = undefined;
    try {
      const error = this.consume(text);
      if (!error) this.flushText(false);
      done(error);
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      let rest = this.decoder.end();
      if (this.repairer) rest = this.repairer.write(rest) + this.repairer.end();
      const error = rest ? this.consume(rest) : undefined;
      if (error) return done(error);
      if (!this.skipping) {
        this.failure = undefined;
        this.finish();
        const fatal = this.failure ? this.handle(this.failure, true) : undefined;
        if (fatal) return done(fatal);
      }
      this.flushText(true);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  /** The last two chunks, joined only when an error needs them. */
  private get window(): string {
    this.joined ??= this.previous + this.current;
    return this.joined;
  }

  /** Feeds text to the parser, recovering from errors when lenient; returns a fatal error. */
  private consume(text: string): ParseError | undefined {
    let pending: string | undefined = text;
    while (pending !== undefined) {
      if (this.skipping) {
        pending = this.resync(pending, 0);
        if (pending === undefined) return undefined;
      }
      this.failure = undefined;
      this.feed(pending);
      pending = undefined;
      if (this.failure) {
        const fatal = this.handle(this.failure, false);
        if (fatal) return fatal;
        pending = this.afterError(this.failure);
      }
    }
    return undefined;
  }

  /** Turns an N3.js error into a ParseError; reports it when lenient, else returns it. */
  private handle(error: N3Error, atEnd: boolean): ParseError | undefined {
    const parseError = this.toParseError(error, atEnd);
    if (!this.options.lenient) return parseError;
    // A restart at the line of an error can meet the same error again: report it once.
    const key = `${parseError.position.line}:${parseError.position.column}`;
    if (key !== this.lastSkipped) this.options.onSkip?.(parseError);
    this.lastSkipped = key;
    return undefined;
  }

  private toParseError(error: N3Error, atEnd: boolean): ParseError {
    const reason = error.message.replace(/ on line \d+\.$/, '');
    const relLine = error.context?.line;
    const line = relLine === undefined ? undefined : relLine + this.parserLine - 1;
    const offset = this.errorOffset(error);
    let column: number | undefined;
    let excerpt: string | undefined;
    if (offset !== undefined) {
      column = offset - (this.window.lastIndexOf('\n', offset - 1) + 1) + 1;
      excerpt = excerptAt(this.window, offset);
    } else if (error.context?.token) {
      excerpt = error.context.token.value || undefined;
    }
    if (atEnd && column === undefined) excerpt = 'end of input';
    const subject = (this.parser as unknown as { _subject?: { termType: string; value: string } })
      ?._subject;
    return new ParseError(
      reason,
      { source: this.options.source, line, column, excerpt },
      {
        format: this.spec.label,
        cause: error,
        ...(subject && subject.termType !== 'Variable'
          ? { subject: (subject.termType === 'BlankNode' ? '_:' : '') + subject.value }
          : {}),
      },
    );
  }

  /** The offset in the text window where the error is, when the window holds its line. */
  private errorOffset(error: N3Error): number | undefined {
    const context = error.context;
    if (!context) return undefined;
    const absLine = context.line + this.parserLine - 1;
    const start = lineStart(this.window, absLine - this.windowLine + 1);
    if (start < 0 || absLine < this.windowLine) return undefined;
    const shift = context.line === 1 ? this.prelude : 0;
    if (context.token && context.token.line === context.line)
      return start + Math.max(0, context.token.start - shift);
    const issue = /^Unexpected "(.*)" on line/s.exec(error.message)?.[1];
    const previous = context.previousToken;
    const from = previous && previous.line === context.line ? previous.end - shift : 0;
    let end = this.window.indexOf('\n', start);
    if (end === -1) end = this.window.length;
    const lineText = this.window.slice(start, end);
    const found = issue ? lineText.indexOf(issue, Math.max(0, from)) : -1;
    return start + (found >= 0 ? found : Math.max(0, from));
  }

  /** After a skipped error: the text to feed a fresh parser, or undefined while skipping. */
  private afterError(error: N3Error): string | undefined {
    const offset = this.errorOffset(error);
    if (offset === undefined) {
      this.skipping = true;
      return undefined;
    }
    // An error on the first token of a later line is most often a missing terminator on the
    // statement before (e.g. `@prefix … ` without its dot): restart at that line.
    const start = this.window.lastIndexOf('\n', offset - 1) + 1;
    const line = (error.context?.line ?? 1) + this.parserLine - 1;
    if (
      !this.spec.lineBased &&
      line > this.parserLine &&
      this.window.slice(start, offset).trim() === ''
    ) {
      const tail = this.window.slice(start);
      this.startParser(line);
      return tail;
    }
    return this.resync(this.window, offset);
  }

  /** Finds the next statement terminator in `text` from `from`; restarts the parser after it. */
  private resync(text: string, from: number): string | undefined {
    const terminator = this.spec.lineBased ? /\n/g : /[.}][ \t]*(?:#[^\n]*)?\r?\n/g;
    terminator.lastIndex = from;
    const match = terminator.exec(text);
    if (!match) {
      this.skipping = true;
      return undefined;
    }
    this.skipping = false;
    const resume = match.index + match[0].length;
    const tail = text.slice(resume);
    const absLine = this.windowLine + countLines(this.window) - countLines(tail);
    this.startParser(absLine);
    return tail;
  }

  /** Starts a fresh N3.js parser whose first line is absolute line `line`. */
  private startParser(line: number): void {
    const parser = new Parser({
      format: this.spec.n3,
      baseIRI: this.options.baseIRI,
      blankNodePrefix: this.blankNodePrefix,
    });
    this.parser = parser;
    let onData: (text: string) => void = () => undefined;
    let onEnd: () => void = () => undefined;
    parser.parse(
      {
        on: (event: string, callback: (arg?: string) => void) => {
          if (event === 'data') onData = callback as (text: string) => void;
          else if (event === 'end') onEnd = callback as () => void;
        },
      } as unknown as NodeJS.EventEmitter,
      {
        onQuad: (error: Error | null, quad: Quad | null) => {
          if (error) this.failure ??= error as N3Error;
          else if (quad) this.emitQuad(quad);
        },
        onPrefix: (prefix: string, iri: { value: string }) => {
          if (this.prefixes[prefix] === iri.value) return;
          this.prefixes[prefix] = iri.value;
          this.emit('prefix', prefix, iri.value);
        },
      } as unknown as Parameters<Parser['parse']>[1],
    );
    const prelude = this.spec.lineBased
      ? ''
      : Object.entries(this.prefixes)
          .map(([p, iri]) => `@prefix ${p}: <${iri}> . `)
          .join('');
    this.parserLine = line;
    this.prelude = prelude.length;
    this.feed = onData;
    this.finish = onEnd;
    if (prelude) onData(prelude);
  }
}
