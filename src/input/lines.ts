// **lines** reads a text file line by line from a stream: a line may be tens of MB, the file GBs.
import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';

const LF = 0x0a;
const CR = 0x0d;

/** One line of a file, without its line break, and its 1-based number. */
export interface TextLine {
  text: string;
  line: number;
}

/** Options of {@link readLines}. */
export interface ReadLinesOptions {
  /** Bytes read at a time (default 1 MiB). */
  chunkSize?: number;
}

/**
 * Yields the lines of a UTF-8 file (`\n` or `\r\n` breaks; a last line without a break too).
 * Lines are cut on bytes, so a multi-byte character is never split; a line is decoded once
 * whole, from the chunks that hold it. Stop iterating to close the file.
 */
export async function* readLines(
  file: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<TextLine> {
  const stream = createReadStream(file, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  let pending: Buffer[] = [];
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (let at = chunk.indexOf(LF); at >= 0; at = chunk.indexOf(LF, from)) {
        pending.push(chunk.subarray(from, at));
        from = at + 1;
        yield { text: decode(pending, file, ++line), line };
        pending = [];
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`, {
      hint: 'check the path',
      cause: error,
    });
  } finally {
    stream.destroy();
  }
  if (pending.length > 0) yield { text: decode(pending, file, ++line), line };
}

/** The text of a line's bytes, without a final `\r`. */
function decode(pieces: Buffer[], file: string, line: number): string {
  let bytes = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
  if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
  try {
    return bytes.toString('utf8');
  } catch (error) {
    throw new InputError(
      `${file}:${line}: the line is too long to read (${bytes.length} bytes): ${(error as Error).message}`,
      { hint: 'the file is damaged or not one this tool wrote', cause: error },
    );
  }
}
