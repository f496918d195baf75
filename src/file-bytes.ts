// **file-bytes** reads and writes whole byte ranges of an open file (`readSync` and `writeSync`
// may do part of the work in one call).
import { readSync, writeSync } from 'node:fs';

/** Writes all of `data` at `position`, or at the file's current position when it is omitted. */
export function writeAll(fd: number, data: Uint8Array, position?: number): void {
  for (let offset = 0; offset < data.length;)
    offset += writeSync(
      fd,
      data,
      offset,
      data.length - offset,
      position === undefined ? null : position + offset,
    );
}

/** `length` bytes of a file from `start` (fewer if it ends first). */
export function readAt(fd: number, start: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, start + read);
    if (n === 0) return bytes.subarray(0, read);
    read += n;
  }
  return bytes;
}
