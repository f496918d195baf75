// **file** opens a local file (gzip transparently, under a decompressed-size cap) or stdin.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { InputError } from '../errors.js';
import { byteCap } from '../fetch/decode.js';

/** Default cap on what a `.gz` file may expand to: 4 GiB. */
export const DEFAULT_MAX_DECODED = 4 * 1024 * 1024 * 1024;

/** Whether the file starts with the gzip magic bytes or is named `.gz`. */
export async function isGzipFile(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith('.gz')) return true;
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** Checks that `file` is a readable regular file; throws an InputError saying what is wrong. */
export async function checkFile(file: string): Promise<void> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      error.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${error.message}`,
      { hint: 'Check the path; inputs are files, folders, URLs or - for stdin.', cause: error },
    );
  });
  if (!info.isFile()) throw new InputError(`${file}: not a file`);
}

/** The file's bytes as a stream, gunzipped when gzipped, capped at `maxDecoded` bytes. */
export function fileStream(
  file: string,
  gzip: boolean,
  maxDecoded = DEFAULT_MAX_DECODED,
): Readable {
  const raw = createReadStream(file);
  if (!gzip) return raw;
  const gunzip = zlib.createGunzip();
  const cap = byteCap(maxDecoded, () => `${file}: decompresses to more than ${maxDecoded} bytes`);
  raw.on('error', (e) => cap.destroy(e));
  gunzip.on('error', (e) =>
    cap.destroy(new InputError(`${file}: not valid gzip (${e.message})`, { cause: e })),
  );
  return raw.pipe(gunzip).pipe(cap);
}

/** Reads a whole stream into a Buffer. */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The first `bytes` of a stream's content, for format sniffing, without consuming the file. */
export async function headOf(file: string, gzip: boolean, bytes = 1024): Promise<string> {
  const stream = fileStream(file, gzip);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= bytes) break;
    }
  } catch {
    /* a broken tail does not matter for sniffing */
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes).toString('utf8');
}

/** A Readable over bytes already in memory. */
export function bufferStream(data: Buffer): Readable {
  return Readable.from([data]);
}
