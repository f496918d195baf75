// **n3-serializer** writes Turtle, TriG, N-Triples, N-Quads or N3 text through N3.js's Writer, chunk by chunk.
import { DataFactory, Writer, type Quad } from 'n3';
import type { FormatId } from './formats.js';
import type { TextSink } from './text-sink.js';

const N3_WRITER_FORMATS: Partial<Record<FormatId, string>> = {
  turtle: 'Turtle',
  trig: 'TriG',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  n3: 'N3',
};

/** Formats without named graphs: quads in named graphs are written to the default graph. */
const TRIPLE_ONLY = new Set<FormatId>(['turtle', 'ntriples', 'n3']);

export interface N3SinkOptions {
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

/** A TextSink over N3.js's Writer (created at the first quad, when the prefixes are known). */
export class N3Sink implements TextSink {
  private writer: Writer | undefined;
  private buffer = '';
  private readonly tripleOnly: boolean;

  constructor(
    private readonly format: FormatId,
    private readonly options: N3SinkOptions = {},
  ) {
    if (!N3_WRITER_FORMATS[format]) throw new TypeError(`N3Sink cannot write ${format}`);
    this.tripleOnly = TRIPLE_ONLY.has(format);
  }

  get size(): number {
    return this.buffer.length;
  }

  private start(): Writer {
    const output = {
      write: (chunk: string, _encoding?: unknown, callback?: () => void) => {
        this.buffer += chunk;
        callback?.();
        return true;
      },
      end: (callback?: () => void) => callback?.(),
    };
    this.writer = new Writer(output as never, {
      format: N3_WRITER_FORMATS[this.format],
      prefixes: { ...(this.options.prefixes ?? {}) },
    });
    return this.writer;
  }

  add(quad: Quad): void {
    const writer = this.writer ?? this.start();
    if (this.tripleOnly && quad.graph.termType !== 'DefaultGraph')
      writer.addQuad(quad.subject, quad.predicate, quad.object, DataFactory.defaultGraph());
    else writer.addQuad(quad);
  }

  take(): string {
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  end(): string {
    const writer = this.writer ?? this.start();
    writer.end();
    return this.take();
  }
}
