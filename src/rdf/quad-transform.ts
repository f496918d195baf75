// **quad-transform** is the base of the parsers: quads go downstream as objects, or straight into a TextSink.
import { Transform } from 'node:stream';
import type { Quad } from 'n3';
import { CHUNK, type TextSink } from './text-sink.js';

/**
 * A Transform whose readable side gives quads; or, when built with a TextSink, the serialized text
 * (conversion without a per-quad stream hop, which costs more than parsing itself).
 */
export class QuadTransform extends Transform {
  /** Quads parsed so far. */
  count = 0;
  /** Count quads without sending them (the text is passed through instead). */
  protected countOnly = false;

  constructor(private readonly sink?: TextSink) {
    super({ readableObjectMode: true });
  }

  /** Sends one parsed quad on. */
  protected emitQuad(quad: Quad): void {
    this.count++;
    if (this.countOnly) return;
    if (this.sink) this.sink.add(quad);
    else this.push(quad);
  }

  /** With a sink: pushes its text once a chunk is waiting, or all of it at the end. */
  protected flushText(final: boolean): void {
    const sink = this.sink;
    if (!sink) return;
    const text = final ? sink.end() : sink.size >= CHUNK ? sink.take() : '';
    if (text) this.push(sink.binary ? Buffer.from(text, 'latin1') : text);
  }
}
