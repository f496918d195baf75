// **parsed-pages** reads inputs page by page, leniently, as the audit reads them: each page's quads.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Quad } from '@rdfjs/types';
import { describeRepair } from '../rdf/iri-repair.js';
import { describeLost, lostStatements } from '../rdf/lost-statements.js';
import { resolveFormat } from '../rdf/formats.js';
import { parseText } from '../rdf/parse.js';
import { openInputs, type OpenInputsOptions } from './open.js';

/** Where the reading's warnings (repaired IRIs, skipped statements) and their details go. */
export interface PageLog {
  warn(message: string): void;
  debug(message: string): void;
}

/** Options of {@link parsedPages}. */
export interface ParsedPagesOptions {
  cwd: string;
  stdin?: Readable;
  signal?: AbortSignal;
  /** Forces the format (id, extension or media type) instead of detecting it. */
  format?: string;
  /** HTTP client or its options, for URL inputs. */
  client?: OpenInputsOptions['client'];
  http?: OpenInputsOptions['http'];
  /** Cap on a `.gz` file's decompressed size, bytes. */
  maxDecodedBytes?: number;
  log: PageLog;
}

/** The base IRI of a document: its URL, or its file's `file:` URL (for relative IRIs). */
export function baseOf(source: string, cwd: string): string | undefined {
  if (/^https?:\/\//.test(source)) return source;
  if (source.startsWith('<')) return undefined;
  return pathToFileURL(path.resolve(cwd, source)).href;
}

/**
 * Reads inputs page by page and yields each page's graph (never one store for the catalog):
 * invalid IRIs are repaired and malformed statements skipped, each counted in a warning.
 */
export async function* parsedPages(
  inputs: readonly string[],
  options: ParsedPagesOptions,
): AsyncGenerator<{ quads: Quad[] }> {
  const forced =
    options.format === undefined ? undefined : resolveFormat(options.format, '--format').id;
  const open: OpenInputsOptions = {
    cwd: options.cwd,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.client ? { client: options.client } : {}),
    ...(options.http ? { http: options.http } : {}),
    ...(options.maxDecodedBytes ? { maxDecodedBytes: options.maxDecodedBytes } : {}),
    ...(forced ? { format: forced } : {}),
  };
  const log = options.log;
  for await (const document of openInputs(inputs, open)) {
    const { quads, skipped, repairs } = await parseText(await document.text(), {
      format: document.format,
      source: document.source,
      baseIRI: baseOf(document.source, options.cwd),
      lenient: true,
      repair: true,
    });
    for (const repair of repairs) log.debug(describeRepair(repair));
    if (repairs.length > 0)
      log.warn(
        `${document.source}: ${repairs.length} invalid IRI(s) repaired, statements kept (--verbose lists them)`,
      );
    for (const error of skipped) log.debug(error.message);
    if (skipped.length > 0) {
      log.warn(
        `${document.source}: ${skipped.length} malformed statements skipped (--verbose lists them); ${describeLost(lostStatements(quads, skipped))}`,
      );
    }
    yield { quads };
  }
}
