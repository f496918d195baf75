// **decode** undoes a response's Content-Encoding (gzip, br, deflate) under a size cap.
import { Readable, Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { LimitError } from '../errors.js';

/** The Accept-Encoding we send: what `decodeBody` can undo. */
export const ACCEPT_ENCODING = 'gzip, br, deflate';

/** A transform that fails with a LimitError once more than `max` bytes went through. */
export function byteCap(max: number, describe: () => string): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      total += chunk.length;
      if (total > max) callback(new LimitError(describe()));
      else callback(null, chunk);
    },
  });
}

function decoderFor(encoding: string): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      return zlib.createInflate();
    default:
      return undefined;
  }
}

/**
 * Decodes `body` per the Content-Encoding header value (a list, applied in order), refusing to
 * produce more than `maxBytes`. Unknown codings are an error: the bytes would not be RDF.
 */
export async function decodeBody(
  body: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  source: string,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) return body;
  const stages: Transform[] = [];
  for (const coding of codings.reverse()) {
    const decoder = decoderFor(coding);
    if (!decoder) throw new LimitError(`${source}: unsupported Content-Encoding "${coding}"`);
    stages.push(decoder);
  }
  const chunks: Buffer[] = [];
  const cap = byteCap(
    maxBytes,
    () =>
      `${source}: decompressed body exceeds ${maxBytes} bytes (raise --max-decoded-size if this is expected)`,
  );
  const streams: NodeJS.ReadWriteStream[] = [...stages, cap];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([Readable.from([body]), ...streams, sink]);
  return Buffer.concat(chunks);
}
