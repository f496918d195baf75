// **documents** reads validation inputs (files, .gz, harvest folders, URLs, stdin) as parsed RDF.
import type { Readable } from 'node:stream';
import type { Quad } from '@rdfjs/types';
import { openInputs, type InputDocument } from '../input/open.js';
import { resolveFormat } from '../rdf/formats.js';
import type { IriRepair } from '../rdf/iri-repair.js';
import { parseText } from '../rdf/parse.js';

/** One parsed document: a file, a page of a harvest folder, a URL or stdin. */
export interface RdfDocument {
  source: string;
  quads: Quad[];
  /** IRIs repaired while parsing (see `ParseOptions.repair`). */
  repairs: IriRepair[];
  /** The document, to read it again: files only (stdin and URL bodies are not kept). */
  document?: InputDocument;
}

/**
 * Reads and parses one document, repairing IRIs invalid only by characters that percent-encoding
 * carries (each repair is a warning of its record); anything else wrong fails it.
 */
export async function parseDocument(
  document: InputDocument,
): Promise<{ quads: Quad[]; repairs: IriRepair[] }> {
  const { quads, repairs } = await parseText(await document.text(), {
    format: document.format,
    source: document.source,
    repair: true,
  });
  return { quads, repairs };
}

/** Where relative paths and `-` come from. */
export interface DocumentOptions {
  cwd?: string;
  stdin?: Readable;
  /** Forces the format (id, extension or media type) instead of detecting it. */
  format?: string;
  signal?: AbortSignal;
}

/** Reads each input in turn, one document (page) at a time, through `openInputs`. */
export async function* readDocuments(
  inputs: readonly string[],
  options: DocumentOptions = {},
): AsyncGenerator<RdfDocument> {
  const format =
    options.format === undefined ? undefined : resolveFormat(options.format, '--format').id;
  for await (const document of openInputs(inputs, {
    ...(format === undefined ? {} : { format }),
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })) {
    const { quads, repairs } = await parseDocument(document);
    yield document.rereadable
      ? { source: document.source, quads, repairs, document }
      : { source: document.source, quads, repairs };
  }
}
