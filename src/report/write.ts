// **write** writes a report given in pieces to a stream or a file, in batches, with backpressure.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

const BATCH = 1 << 20; // characters per write: few syscalls, bounded memory

/** Pieces of text, produced at once or as they come. */
export type Chunks = Iterable<string> | AsyncIterable<string>;

function isAsync(chunks: Chunks): chunks is AsyncIterable<string> {
  return typeof (chunks as AsyncIterable<string>)[Symbol.asyncIterator] === 'function';
}

/** Writes the pieces to `stream` (not ended), waiting for 'drain' when it asks to. */
export async function writeChunksTo(stream: Writable, chunks: Chunks): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const text = batch.join('');
    batch = [];
    size = 0;
    if (!stream.write(text)) await once(stream, 'drain');
  };
  // Two loops: `for await` over synchronous pieces would cost a turn of the event loop per piece.
  if (isAsync(chunks)) {
    for await (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= BATCH) await flush();
    }
  } else {
    for (const chunk of chunks) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= BATCH) await flush();
    }
  }
  await flush();
}

/** Writes the pieces to `file` (created or truncated; `/dev/stdout` and the like work too). */
export async function writeChunksToFile(file: string, chunks: Chunks): Promise<void> {
  const stream = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined); // raced below; never left unhandled
  try {
    await Promise.race([writeChunksTo(stream, chunks), failed]);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}
