// **n3-serializer** streams quads out as Turtle, TriG, N-Triples, N-Quads or N3 through N3.js's Writer.
import { Transform, type TransformCallback } from 'node:stream';
import { DataFactory, Writer, type Quad } from 'n3';
import type { FormatId } from './formats.js';

const N3_WRITER_FORMATS: Partial<Record<FormatId, string>> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  n3: 'N3',
};

/** Formats without named graphs: quads in named graphs are written to the default graph. */
const TRIPLE_ONLY = new Set<FormatId>(['turtle', 'ntriples', 'n3']);

/** Output is pushed downstream in chunks of about this many characters. */
const CHUNK = 64 * 1024;

export interface N3SerializerOptions {
  /**
   * Prefixes for Turtle, TriG and N3 output. Read when the first quad arrives, so a caller may
   * fill the object from a parser's `prefix` events until then.
   */
  prefixes?: Record<string, string>;
}

/** Whether N3.js writes this format. */
export function isN3WriterFormat(format: FormatId): boolean {
  return N3_WRITER_FORMATS[format] !== undefined;
}

/** A Transform (quads in, text out) with bounded memory: output is flushed every 64 KiB. */
export class N3Serializer extends Transform {
  private writer: Writer | undefined;
  private buffer = '';

  constructor(
    private readonly format: FormatId,
    private readonly options: N3SerializerOptions = {},
  ) {
    super({ writableObjectMode: true, readableObjectMode: false, encoding: 'utf8' });
    if (!N3_WRITER_FORMATS[format]) throw new TypeError(`N3Serializer cannot write ${format}`);
  }

  private start(): Writer {
    const sink = {
      write: (chunk: string, _encoding?: unknown, callback?: () => void) => {
        this.buffer += chunk;
        callback?.();
        return true;
      },
      end: (callback?: () => void) => callback?.(),
    };
    this.writer = new Writer(sink as never, {
      format: N3_WRITER_FORMATS[this.format],
      prefixes: { ...(this.options.prefixes ?? {}) },
    });
    return this.writer;
  }

  override _transform(quad: Quad, _enc: string, done: TransformCallback): void {
    const writer = this.writer ?? this.start();
    try {
      if (TRIPLE_ONLY.has(this.format) && quad.graph.termType !== 'DefaultGraph')
        writer.addQuad(quad.subject, quad.predicate, quad.object, DataFactory.defaultGraph());
      else writer.addQuad(quad);
    } catch (error) {
      return done(error as Error);
    }
    if (this.buffer.length >= CHUNK) {
      this.push(this.buffer);
      this.buffer = '';
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    const writer = this.writer ?? this.start();
    writer.end(() => {
      if (this.buffer) this.push(this.buffer);
      this.buffer = '';
      done();
    });
  }
}
