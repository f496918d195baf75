// **rdf-file** loads a small RDF document (shapes, vocabularies) from a file or URL into quads.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Quad } from '@rdfjs/types';
import { Parser } from 'n3';
import { InputError, NetworkError, ParseError } from '../errors.js';
import { detectFormat } from '../rdf/formats.js';

const N3_FORMATS: Record<string, string> = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  n3: 'text/n3',
};

/** Parses Turtle-family text; `repair` may fix known defects before parsing. */
export function parseRdfText(text: string, source: string, mediaType = 'text/turtle'): Quad[] {
  try {
    return new Parser({
      format: mediaType,
      baseIRI: source.includes('://') ? source : undefined,
    }).parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    throw new ParseError(
      message,
      { source, line: line ? Number(line) : undefined },
      { format: 'Turtle' },
    );
  }
}

/** Reads a file (`.gz` too) or an http(s) URL holding Turtle, TriG, N-Triples, N-Quads or N3. */
export async function loadRdf(location: string): Promise<Quad[]> {
  let text: string;
  let mediaType: string | undefined;
  if (/^https?:\/\//.test(location)) {
    let response: Response;
    try {
      response = await fetch(location, {
        headers: { accept: 'text/turtle, application/n-triples;q=0.9' },
      });
    } catch (error) {
      throw new NetworkError(`cannot fetch ${location}: ${(error as Error).message}`, location, {
        cause: error,
      });
    }
    if (!response.ok)
      throw new NetworkError(`${location} answered HTTP ${response.status}`, location, {
        status: response.status,
      });
    text = await response.text();
    mediaType = response.headers.get('content-type') ?? undefined;
  } else {
    let bytes: Buffer;
    try {
      bytes = await readFile(location);
    } catch (error) {
      throw new InputError(`cannot read ${location}: ${(error as Error).message}`, {
        hint: 'check the path',
        cause: error,
      });
    }
    text = (location.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  }
  const detected = detectFormat({ path: location, mediaType, head: text.slice(0, 1024) });
  const format = detected?.format ?? 'turtle';
  const type = N3_FORMATS[format];
  if (!type) {
    throw new InputError(`${location}: ${format} is not supported for shapes and vocabularies`, {
      hint: 'convert it to Turtle with `dcat-harvest convert`',
    });
  }
  return parseRdfText(text, location, type);
}
