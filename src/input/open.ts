// **open** resolves inputs (files, .gz, URLs, `-`, harvest folders) into RDF documents, lazily.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { readdir, stat } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';
import { isHarvestFolder, readHarvestFolder } from '../fetch/harvest-folder.js';
import {
  createHttpClient,
  ensureOk,
  type HttpClient,
  type HttpClientOptions,
} from '../fetch/http.js';
import { detectFormat, formatFromPath, type FormatId } from '../rdf/formats.js';
import { bufferStream, checkFile, fileStream, headOf, isGzipFile, readAll } from './file.js';

/** One RDF document to read: a file, a URL's body, stdin, or one page of a harvest folder. */
export interface InputDocument {
  /** File path, URL, `<stdin>` or `folder/pages/000001.ttl`. */
  source: string;
  format: FormatId;
  /** The whole document as text (UTF-8). */
  text(): Promise<string>;
  /** The document's bytes as a stream (decompressed). */
  stream(): Readable;
  /** True when `text()` reads a file again (false: stdin or a URL's body, kept in memory). */
  rereadable: boolean;
}

/** Options of `openInputs`. */
export interface OpenInputsOptions {
  /** Forces the format of every input (default: extension, Content-Type, then content). */
  format?: FormatId;
  /** stdin, for `-` (default process.stdin). */
  stdin?: Readable;
  /** Base for relative paths (default process.cwd()). */
  cwd?: string;
  /** HTTP client for URLs (default: one created from `http` and closed at the end). */
  client?: HttpClient;
  /** Options of the default HTTP client. */
  http?: HttpClientOptions;
  /** Cap on a `.gz` file's decompressed size, bytes (default 4 GiB). */
  maxDecodedBytes?: number;
  signal?: AbortSignal;
}

function formatOf(
  options: OpenInputsOptions,
  source: string,
  head: string,
  mediaType?: string,
  pathHint?: string,
): FormatId {
  if (options.format) return options.format;
  const detected = detectFormat({ path: pathHint, mediaType, head });
  if (detected) return detected.format;
  throw new InputError(`${source}: cannot tell the RDF format`, {
    hint: 'Name the file with its extension (.ttl, .rdf, .jsonld, …) or pass --format.',
  });
}

function inMemory(source: string, format: FormatId, data: Buffer): InputDocument {
  return {
    source,
    format,
    text: async () => data.toString('utf8'),
    stream: () => bufferStream(data),
    rereadable: false,
  };
}

async function* openOne(
  input: string,
  options: OpenInputsOptions,
  client: () => HttpClient,
): AsyncGenerator<InputDocument> {
  if (input === '-') {
    const data = await readAll(options.stdin ?? process.stdin);
    yield inMemory('<stdin>', formatOf(options, '<stdin>', data.toString('utf8', 0, 1024)), data);
    return;
  }
  if (/^https?:\/\//i.test(input)) {
    const response = ensureOk(await client().request(input, { signal: options.signal }), 'GET');
    const head = response.body.toString('utf8', 0, 1024);
    const format = formatOf(
      options,
      input,
      head,
      response.contentType,
      new URL(response.url).pathname,
    );
    yield inMemory(input, format, response.body);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    throw new UsageError(`${input}: unsupported URL scheme`, {
      hint: 'Use http(s) URLs or local paths.',
    });
  }
  const file = path.resolve(options.cwd ?? process.cwd(), input);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!(await isHarvestFolder(file))) {
      const files = await rdfFilesIn(file);
      if (files.length === 0) {
        throw new InputError(`${input}: a folder with no RDF file and no harvest manifest`, {
          hint: 'Pass RDF files (.ttl, .rdf, .jsonld, … or .gz), a folder holding some, or a folder written by "dcat-harvest harvest".',
        });
      }
      for (const name of files)
        yield* openFile(path.join(input, name), path.join(file, name), options);
      return;
    }
    const folder = await readHarvestFolder(file);
    for (const page of folder.pages) {
      if (page.error?.kind === 'parse') continue; // kept on disk for the record, not readable RDF
      const source = path.join(input, page.file ?? '');
      const format = options.format ?? page.format ?? formatFromPath(page.path)?.id;
      if (!format) throw new InputError(`${source}: unknown page format in the manifest`);
      yield {
        source,
        format,
        text: async () => (await page.read()).toString('utf8'),
        stream: () => fileStream(page.path, false),
        rereadable: true,
      };
    }
    return;
  }
  yield* openFile(input, file, options);
}

async function* openFile(
  input: string,
  file: string,
  options: OpenInputsOptions,
): AsyncGenerator<InputDocument> {
  await checkFile(file);
  const gzip = await isGzipFile(file);
  const format = formatOf(options, input, await headOf(file, gzip), undefined, input);
  const max = options.maxDecodedBytes;
  yield {
    source: input,
    format,
    text: async () => (await readAll(fileStream(file, gzip, max))).toString('utf8'),
    stream: () => fileStream(file, gzip, max),
    rereadable: true,
  };
}

/**
 * The RDF files of a plain folder and its subfolders (by extension, `.gz` too; hidden entries
 * skipped), as paths relative to it, in name order.
 */
async function rdfFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && formatFromPath(e.name) !== undefined)
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((rel) => !rel.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

/**
 * Resolves each input in order into documents: a file (`.gz` too) → one; a URL → one (fetched
 * with retries); `-` → stdin; a harvest folder → one per stored page, in walk order (pages that
 * failed to parse are skipped: the manifest names them); any other folder → its RDF files (by
 * extension, subfolders too), in name order. Errors are InputError/NetworkError.
 *
 * @example
 * ```ts
 * import { openInputs } from 'dcat-harvest/rdf';
 *
 * for await (const document of openInputs(['harvest-gouv', 'extra.ttl.gz', 'https://example.org/catalog.rdf']))
 *   console.log(document.source, document.format, (await document.text()).length);
 * ```
 */
export async function* openInputs(
  inputs: readonly string[],
  options: OpenInputsOptions = {},
): AsyncGenerator<InputDocument> {
  let own: HttpClient | undefined;
  const client = () => options.client ?? (own ??= createHttpClient(options.http));
  try {
    for (const input of inputs) yield* openOne(input, options, client);
  } finally {
    await own?.close();
  }
}

/** How much input there is, known before reading it: for progress bars. */
export interface InputTotals {
  /** Documents (pages) to read. */
  documents: number;
  /** Records the harvest counted on those pages, when every input is a harvest folder. */
  records?: number;
}

/**
 * Counts the documents `openInputs` will give without reading them: a harvest folder's stored
 * pages (and the records its manifest counted on them), a plain folder's RDF files, one for any
 * other input. Inputs that cannot be looked at count as one (reading them reports the error).
 */
export async function countInputs(
  inputs: readonly string[],
  options: Pick<OpenInputsOptions, 'cwd'> = {},
): Promise<InputTotals> {
  let documents = 0;
  let records: number | undefined = 0;
  for (const input of inputs) {
    const file =
      input === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(input)
        ? undefined
        : path.resolve(options.cwd ?? process.cwd(), input);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isDirectory()) {
      documents++;
      records = undefined;
    } else if (await isHarvestFolder(file)) {
      const folder = await readHarvestFolder(file).catch(() => undefined);
      const pages = folder?.pages.filter((p) => p.error?.kind !== 'parse') ?? [];
      documents += Math.max(1, pages.length);
      if (records !== undefined && pages.every((p) => typeof p.records === 'number')) {
        for (const page of pages) records += page.records as number;
      } else records = undefined;
    } else {
      documents += (await rdfFilesIn(file).catch(() => [])).length;
      records = undefined;
    }
  }
  return records === undefined ? { documents } : { documents, records };
}
