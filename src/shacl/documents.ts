// **documents** reads validation inputs (files, .gz, folders, URLs, stdin) as parsed RDF documents.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { Quad } from '@rdfjs/types';
import { InputError, NetworkError } from '../errors.js';
import { detectFormat, formatFromPath } from '../rdf/formats.js';
import { parseRdfText } from './rdf-file.js';

/** One parsed document: a file, a page of a harvest folder, a URL or stdin. */
export interface RdfDocument {
  source: string;
  quads: Quad[];
}

/** Where relative paths and `-` come from. */
export interface DocumentOptions {
  cwd?: string;
  stdin?: Readable;
  /** Forces the format (id, extension or media type) instead of detecting it. */
  format?: string;
}

const MEDIA: Record<string, string> = {
  turtle: 'text/turtle',
  trig: 'application/trig',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  n3: 'text/n3',
};

function parse(text: string, source: string, options: DocumentOptions, mediaType?: string): Quad[] {
  const detected = detectFormat({
    format: options.format,
    path: source,
    mediaType,
    head: text.slice(0, 1024),
  });
  const format = detected?.format ?? 'turtle';
  const type = MEDIA[format];
  if (!type) {
    throw new InputError(`${source}: ${format} input is not supported by validate yet`, {
      hint: 'convert it to Turtle or N-Triples first with `dcat-harvest convert`',
    });
  }
  return parseRdfText(text, source, type);
}

async function readStdin(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Lists a folder's RDF files (a harvest folder's pages), sorted, recursively. */
async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { numeric: true }),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFolder(full)));
    else if (formatFromPath(full) && MEDIA[formatFromPath(full)?.id ?? '']) out.push(full);
  }
  return out;
}

/** Reads each input in turn, one document (page) at a time. */
export async function* readDocuments(
  inputs: readonly string[],
  options: DocumentOptions = {},
): AsyncGenerator<RdfDocument> {
  for (const input of inputs) {
    if (input === '-') {
      if (!options.stdin) throw new InputError('no stdin to read "-" from');
      yield { source: '<stdin>', quads: parse(await readStdin(options.stdin), '<stdin>', options) };
      continue;
    }
    if (/^https?:\/\//.test(input)) {
      let response: Response;
      try {
        response = await fetch(input, {
          headers: { accept: 'text/turtle, application/n-triples;q=0.9' },
        });
      } catch (error) {
        throw new NetworkError(`cannot fetch ${input}: ${(error as Error).message}`, input, {
          cause: error,
        });
      }
      if (!response.ok) {
        throw new NetworkError(`${input} answered HTTP ${response.status}`, input, {
          status: response.status,
        });
      }
      const type = response.headers.get('content-type') ?? undefined;
      yield { source: input, quads: parse(await response.text(), input, options, type) };
      continue;
    }
    const file = path.resolve(options.cwd ?? process.cwd(), input);
    const info = await stat(file).catch(() => undefined);
    if (!info) throw new InputError(`input not found: ${input}`, { hint: 'check the path' });
    const files = info.isDirectory() ? await listFolder(file) : [file];
    if (files.length === 0) throw new InputError(`no RDF files in folder ${input}`);
    for (const one of files) {
      const bytes = await readFile(one);
      const text = (one.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      yield {
        source: path.relative(options.cwd ?? process.cwd(), one) || one,
        quads: parse(text, one, options),
      };
    }
  }
}
