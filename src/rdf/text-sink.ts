// **text-sink** is the synchronous core of a streaming writer: quads in, text taken out in chunks.
import { Transform, type TransformCallback } from 'node:stream';
import type { Quad } from 'n3';

/** A writer that serializes quads into an internal text buffer. */
export interface TextSink {
  /** Serializes one quad (throws on a quad the format cannot carry). */
  add(quad: Quad): void;
  /**
   * Serializes one triple given as the N-Triples text of its terms (valid Turtle terms too) in
   * UTF-8 bytes held one per character, as a line parser reads them without decoding: offered by
   * writers of formats without named graphs. The sink's text is then such bytes too (`binary`).
   */
  addTerms?(subject: string, predicate: string, object: string): void;
  /** Whether the text taken is UTF-8 bytes held one per character (push it as latin1). */
  readonly binary?: boolean;
  /** Characters waiting to be taken. */
  readonly size: number;
  /** Takes the text written so far. */
  take(): string;
  /** Finishes the document and returns the remaining text. */
  end(): string;
}

/** Text is pushed downstream once about this many characters are waiting. */
export const CHUNK = 64 * 1024;

/** A Transform (object-mode quads in, text out) over a TextSink, with bounded memory. */
export class SinkSerializer extends Transform {
  constructor(private readonly sink: TextSink) {
    super({ writableObjectMode: true, encoding: 'utf8' });
  }

  override _transform(quad: Quad, _enc: string, done: TransformCallback): void {
    try {
      this.sink.add(quad);
    } catch (error) {
      return done(error as Error);
    }
    if (this.sink.size >= CHUNK) this.push(this.sink.take());
    done();
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.sink.end();
      if (rest) this.push(rest);
      done();
    } catch (error) {
      done(error as Error);
    }
  }
}
