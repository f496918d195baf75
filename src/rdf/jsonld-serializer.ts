// **jsonld-serializer** writes quads as JSON-LD (expanded, or compacted with a context); it buffers the whole graph.
import { Transform, type TransformCallback } from 'node:stream';
import type { Quad } from 'n3';
import { asContextDocument, createDocumentLoader } from './jsonld-loader.js';

export interface JsonLdSerializerOptions {
  /** A JSON-LD context (object, bare term map or `{"@context": …}`) to compact with. */
  context?: unknown;
  /** Context URL → document, for contexts the given context refers to. */
  contexts?: Record<string, unknown>;
}

function blankGraph(label: string): { termType: 'BlankNode'; value: string } {
  return { termType: 'BlankNode', value: `_:${label}` };
}

/** Converts quads to a JSON-LD document: expanded, or compacted when a context is given. */
export async function quadsToJsonLd(
  quads: readonly Quad[],
  options: JsonLdSerializerOptions = {},
): Promise<unknown> {
  // jsonld reads graph names verbatim, so a blank graph name needs its `_:` here.
  const input = quads.map((q) =>
    q.graph.termType === 'BlankNode'
      ? {
          subject: q.subject,
          predicate: q.predicate,
          object: q.object,
          graph: blankGraph(q.graph.value),
        }
      : q,
  );
  const { default: jsonld } = await import('jsonld'); // loaded on first use
  const expanded = await jsonld.fromRDF(input as never, { useNativeTypes: false });
  if (options.context === undefined) return expanded;
  const context = (asContextDocument(options.context) as { '@context': unknown })['@context'];
  return jsonld.compact(expanded, context as never, {
    documentLoader: createDocumentLoader({ contexts: options.contexts }) as never,
  });
}

/** A Transform (quads in, JSON text out) that buffers every quad until the end. */
export class JsonLdSerializer extends Transform {
  private readonly quads: Quad[] = [];

  constructor(private readonly options: JsonLdSerializerOptions = {}) {
    super({ writableObjectMode: true, encoding: 'utf8' });
  }

  override _transform(quad: Quad, _enc: string, done: TransformCallback): void {
    this.quads.push(quad);
    done();
  }

  override _flush(done: TransformCallback): void {
    quadsToJsonLd(this.quads, this.options).then(
      (document) => {
        this.quads.length = 0;
        this.push(JSON.stringify(document, null, 2) + '\n');
        done();
      },
      (error: unknown) => done(error as Error),
    );
  }
}
