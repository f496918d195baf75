// **source** opens a local RDF file (`.gz` transparently, with a decompressed-size cap) or stdin, and detects its format.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { PassThrough, Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { InputError, LimitError } from '../errors.js';
import { detectFormat, extensionOf, type Detection, type FormatId } from './formats.js';

/** Default cap on decompressed input: 4 GiB. */
export const DEFAULT_MAX_DECOMPRESSED = 4 * 1024 * 1024 * 1024;

/** Options of {@link openSource}. */
export interface OpenSourceOptions {
  /** An explicit input format (id, extension or media type): wins over detection. */
  format?: string;
  /** The stream read for `-` (default process.stdin). */
  stdin?: Readable;
  /** Base for relative paths (default process.cwd()). */
  cwd?: string;
  /** Cap on the decompressed size of gzip input, in bytes (default 4 GiB). */
  maxDecompressedBytes?: number;
}

/** An input opened by {@link openSource}: its stream of bytes and its detected format. */
export interface RdfSource {
  /** The path as given, or `<stdin>`. */
  source: string;
  format: FormatId;
  /** How the format was decided. */
  detectedBy: Detection['by'];
  /** The decompressed bytes, from the first one. */
  stream: Readable;
}

/** Counts bytes going through and fails with a LimitError past `max`. */
function sizeCap(max: number, source: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: string, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max)
        return done(
          new LimitError(`${source}: decompressed input over ${max} bytes refused`, {
            hint: 'A gzip file that inflates this much is refused to keep memory and disk safe.',
          }),
        );
      done(null, chunk);
    },
  });
}

/** Waits until a paused stream can be read, or has ended (true). */
function readableOrEnd(stream: Readable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const done = (ended: boolean) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
      resolve(ended);
    };
    const onReadable = () => done(false);
    const onEnd = () => done(true);
    const onError = (error: Error) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      reject(error);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.once('error', onError);
  });
}

/**
 * Reads the first `bytes` (or more) of a stream and puts them back; returns them and the stream
 * to read from (the same one, or a replay when the input was shorter and has ended).
 */
export async function peek(
  stream: Readable,
  bytes: number,
): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes && !ended) {
    const chunk = stream.read() as Buffer | string | null;
    if (chunk === null) {
      if (stream.readableEnded) ended = true;
      else ended = await readableOrEnd(stream);
      continue;
    }
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
  }
  const head = Buffer.concat(chunks);
  if (ended || stream.readableEnded) return { head, stream: Readable.from([head]) };
  if (head.length > 0) stream.unshift(head);
  return { head, stream };
}

/**
 * Opens `input` (a path or `-` for stdin) as a decompressed byte stream and decides its format:
 * an explicit format wins, else the extension (looking through `.gz`), else the first KB.
 *
 * @example
 * ```ts
 * import { openSource, parseStream } from 'dcat-harvest/rdf';
 *
 * const source = await openSource('catalog.rdf.gz'); // decompressed; format from the name or the content
 * for await (const quad of parseStream(source.stream, { format: source.format, source: source.source }))
 *   console.log(quad.subject.value);
 * ```
 */
export async function openSource(
  input: string,
  options: OpenSourceOptions = {},
): Promise<RdfSource> {
  const stdin = input === '-';
  const source = stdin ? '<stdin>' : input;
  let raw: Readable;
  if (stdin) raw = options.stdin ?? process.stdin;
  else {
    const file = path.resolve(options.cwd ?? process.cwd(), input);
    raw = createReadStream(file, { highWaterMark: 256 * 1024 });
    await new Promise<void>((resolve, reject) => {
      raw.once('open', () => resolve());
      raw.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new InputError(`${source}: cannot read (${error.code ?? error.message})`, {
            hint: 'Check the path and its permissions.',
            cause: error,
          }),
        ),
      );
    });
  }
  const first = await peek(raw, 2);
  let stream = first.stream;
  if (first.head[0] === 0x1f && first.head[1] === 0x8b) {
    const gunzip = createGunzip();
    const cap = sizeCap(options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED, source);
    stream.on('error', (error) => gunzip.destroy(error));
    gunzip.on('error', (error) =>
      cap.destroy(
        new InputError(`${source}: invalid gzip data (${error.message})`, { cause: error }),
      ),
    );
    stream = stream.pipe(gunzip).pipe(cap);
  }
  const second = await peek(stream, 1024);
  const detected = detectFormat({
    format: options.format,
    path: stdin ? undefined : input,
    head: second.head.toString('utf8'),
  });
  if (!detected)
    throw new InputError(`${source}: cannot tell the RDF format`, {
      hint: 'Name the file with its extension (.ttl, .nt, .rdf, .jsonld, …) or pass --format.',
    });
  return { source, format: detected.format, detectedBy: detected.by, stream: second.stream };
}

/** An output opened by {@link openSink}: where to write, and how to finish. */
export interface RdfSink {
  /** Where to write the text (gzip-compressed when the path ends in `.gz`). */
  stream: Writable;
  /** Moves the finished file into place (written to a temporary name until then). */
  commit(): Promise<void>;
  /** Removes the temporary file after a failure. */
  abort(): Promise<void>;
}

/**
 * Opens an output: `-` or undefined is `stdout`; a path is written to a temporary file next to it
 * and renamed on `commit()`, so a failed conversion never leaves a file that looks complete.
 *
 * @example
 * ```ts
 * import { createSerializer, openSink, parseStream } from 'dcat-harvest/rdf';
 * import { Readable } from 'node:stream';
 * import { pipeline } from 'node:stream/promises';
 *
 * const sink = openSink('out/catalog.ttl.gz', { stdout: process.stdout });
 * try {
 *   const input = Readable.from(['<https://example.org/d1> a <http://www.w3.org/ns/dcat#Dataset> .\n']);
 *   await pipeline(parseStream(input, { format: 'ntriples' }), createSerializer('turtle'), sink.stream);
 *   await sink.commit(); // renames the temporary file into place
 * } catch (error) {
 *   await sink.abort();
 *   throw error;
 * }
 * ```
 */
export function openSink(
  output: string | undefined,
  options: { stdout: Writable; cwd?: string },
): RdfSink {
  if (output === undefined || output === '-') {
    const through = new PassThrough();
    through.pipe(options.stdout, { end: false });
    const done = new Promise<void>((resolve) => through.on('end', resolve));
    return { stream: through, commit: () => done, abort: async () => undefined };
  }
  const file = path.resolve(options.cwd ?? process.cwd(), output);
  const temporary = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fileStream = createWriteStream(temporary);
  const finished = new Promise<void>((resolve, reject) => {
    fileStream.on('close', resolve);
    fileStream.on('error', reject);
  });
  // A failed conversion destroys the stream with its error; commit() is then never called.
  finished.catch(() => undefined);
  let stream: Writable = fileStream;
  if (extensionOf(output).gzip) {
    const gzip = createGzip();
    gzip.pipe(fileStream);
    stream = gzip;
  }
  return {
    stream,
    commit: async () => {
      await finished;
      await rename(temporary, file);
    },
    abort: async () => {
      stream.destroy();
      fileStream.destroy();
      // The file is opened asynchronously: wait until it is closed, or it may appear after rm.
      await finished.catch(() => undefined);
      await rm(temporary, { force: true });
    },
  };
}
