// **document-intake** turns submitted bytes into a document: gunzipped under a cap, named, its format told.
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { InputError, LimitError } from '../errors.js';
import { detectFormat, FORMATS, type FormatId } from '../rdf/formats.js';

const gunzip = promisify(zlib.gunzip);

/** A submitted document, decoded, with the name and format it is validated under. */
export interface IntakeDocument {
  /** A safe file name with the format's extension (`catalog.ttl`). */
  name: string;
  format: FormatId;
  bytes: Buffer;
}

/** What came with the bytes: a file name, a media type, an explicit format. */
export interface IntakeHints {
  fileName?: string;
  mediaType?: string;
  /** A format id, extension or media type chosen by the user (wins). */
  format?: string;
  /** The body was sent with `Content-Encoding: gzip`. */
  gzipEncoded?: boolean;
}

/** Whether bytes start with the gzip magic number. */
export function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips under a cap on the decompressed size (a gzip bomb stops at the cap: LimitError). */
export async function gunzipCapped(bytes: Buffer, maxBytes: number): Promise<Buffer> {
  try {
    return await gunzip(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new LimitError(`the document decompresses to more than ${maxBytes} bytes`, {
        hint: 'Send a smaller document, or split the catalog into pages.',
      });
    throw new InputError(`not valid gzip: ${(error as Error).message}`, {
      hint: 'Send the document uncompressed, or a complete .gz file.',
    });
  }
}

/** A file name safe on any file system: the base name, `[A-Za-z0-9._-]` only, at most 80 characters. */
export function safeName(fileName: string | undefined): string {
  const base = path.basename((fileName ?? '').replace(/\\/g, '/'));
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return cleaned.slice(-80) || 'document';
}

/** The name without `.gz` and with the format's own extension when it has none of its own. */
function nameFor(fileName: string | undefined, format: FormatId): string {
  const name = safeName(fileName).replace(/\.gz$/i, '');
  const extension = path.extname(name).slice(1).toLowerCase();
  const own = FORMATS[format].extensions;
  return own.includes(extension) ? name : `${name}.${own[0]}`;
}

/**
 * Decodes a submission: gunzips it (by magic number or `Content-Encoding`) under `maxDecodedBytes`,
 * and tells its format from the user's choice, the file name, the media type or the content.
 */
export async function intakeDocument(
  raw: Buffer,
  hints: IntakeHints,
  maxDecodedBytes: number,
): Promise<IntakeDocument> {
  const bytes = hints.gzipEncoded || isGzip(raw) ? await gunzipCapped(raw, maxDecodedBytes) : raw;
  if (bytes.length > maxDecodedBytes)
    throw new LimitError(`the document has more than ${maxDecodedBytes} bytes`);
  const pathHint = hints.fileName?.replace(/\.gz$/i, '');
  const mediaType = hints.mediaType?.split(';')[0]?.trim().toLowerCase();
  const detected = detectFormat({
    ...(hints.format ? { format: hints.format } : {}),
    ...(pathHint ? { path: pathHint } : {}),
    ...(mediaType && mediaType !== 'application/octet-stream' ? { mediaType } : {}),
    head: bytes.toString('utf8', 0, 4096),
  });
  if (!detected)
    throw new InputError(`${safeName(hints.fileName)}: cannot tell the RDF format`, {
      code: 'DH_FORMAT',
      hint: 'Choose the format, name the file with its extension (.ttl, .rdf, .jsonld, …), or send its media type as Content-Type.',
    });
  return { name: nameFor(hints.fileName, detected.format), format: detected.format, bytes };
}
