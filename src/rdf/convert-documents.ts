// **convert-documents** converts a sequence of RDF documents (e.g. a harvest folder's pages) into one output.
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Quad } from 'n3';
import { livePrefixes, tallyInto, type ConvertOptions, type ConvertSummary } from './convert.js';
import type { FormatId } from './formats.js';
import { createParser } from './parse.js';
import { createSerializer } from './serialize.js';

/** One document to read: what `openInputs` yields. */
export interface SourceDocument {
  source: string;
  format: FormatId;
  /** The document's bytes, opened when the conversion reaches it. */
  stream(): Readable;
}

/**
 * Parses each document in turn (page by page, bounded memory) into one serializer, so a harvest
 * folder becomes one file. Blank nodes stay distinct between documents. The first document's
 * prefixes go to Turtle/TriG/N3 output.
 *
 * @example
 * ```ts
 * import { createReadStream, createWriteStream } from 'node:fs';
 * import { convertDocuments, type SourceDocument } from 'dcat-harvest/rdf';
 *
 * async function* pages(): AsyncGenerator<SourceDocument> {
 *   for (const file of ['page-1.ttl', 'page-2.ttl'])
 *     yield { source: file, format: 'turtle', stream: () => createReadStream(file) };
 * }
 * const summary = await convertDocuments(pages(), createWriteStream('all.nt'), { to: 'ntriples' });
 * console.log(`${summary.documents} documents, ${summary.quads} quads`);
 * ```
 */
export async function convertDocuments(
  documents: AsyncIterable<SourceDocument>,
  output: Writable,
  options: Omit<ConvertOptions, 'from'>,
): Promise<ConvertSummary & { documents: number }> {
  const summary: ConvertSummary & { documents: number } = {
    quads: 0,
    skippedCount: 0,
    skipped: [],
    prefixes: {},
    repairedCount: 0,
    repairs: [],
    documents: 0,
  };
  const tally = tallyInto(summary, options);
  const prefixes = livePrefixes(summary.prefixes, options.prefixes);
  const serializer = createSerializer(options.to, { prefixes, context: options.context });
  const written = pipeline(serializer, output, { signal: options.signal });
  written.catch(() => undefined);
  try {
    for await (const document of documents) {
      summary.documents++;
      const parser = createParser({
        ...options,
        format: document.format,
        source: document.source,
        ...tally,
      });
      parser.on('prefix', (prefix: string, iri: string) => {
        summary.prefixes[prefix] ??= iri;
      });
      const input = document.stream();
      input.on('error', (error) => parser.destroy(error));
      input.pipe(parser);
      for await (const quad of parser) {
        if (!serializer.write(quad as Quad)) await once(serializer, 'drain');
      }
      summary.quads += parser.count;
    }
    serializer.end();
  } catch (error) {
    serializer.destroy(error as Error);
    throw error;
  }
  await written;
  return summary;
}
