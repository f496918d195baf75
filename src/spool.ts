// **spool** keeps a long sequence of JSON values in a temporary file instead of memory, and reads
// it back in order, as often as needed: how a data.gouv.fr-sized validation stays bounded.
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAt, writeAll } from './file-bytes.js';

const FLUSH = 1 << 20; // characters (or bytes) buffered before a write
const READ = 1 << 20; // bytes per read

/**
 * An append-only list of JSON values: the first `keepInMemory` stay in memory (small inputs pay
 * nothing); past that, all go to disk (JSON Lines in a private temporary folder).
 */
export class JsonSpool<T> implements Iterable<T> {
  private dir: string | undefined;
  private fd = -1;
  private memory: T[] | undefined = [];
  private pending: (string | Uint8Array)[] = [];
  private pendingSize = 0;
  private pendingBytes = 0;
  private written = 0;
  private closed = false;
  /**
   * Values replaced after they went to disk, by position: where their text is in the file of
   * replacements (start and length in bytes, without the newline). Kept on disk too: at
   * data.gouv.fr's size thousands of records are validated again at the end, with their findings.
   */
  private readonly replaced = new Map<number, [number, number]>();
  private replacedFd = -1;
  private replacedWritten = 0;
  /** Byte offset of each value on disk (grown by doubling). */
  private offsets = new Float64Array(1024);
  /** How many values were added. */
  length = 0;

  constructor(
    private readonly parent: string = os.tmpdir(),
    private readonly keepInMemory = 200,
    /**
     * Writes a value's `JSON.stringify` text in pieces (default: one piece), so that a very large
     * value (a record with 60,000 findings) never becomes one string.
     */
    private readonly pieces: (value: T) => Iterable<string | Uint8Array> = (value) => [
      JSON.stringify(value),
    ],
  ) {}

  /** Whether the values have gone to disk. */
  get onDisk(): boolean {
    return this.memory === undefined;
  }

  /** Appends a value (written to the file once the spool spills). */
  add(value: T): void {
    const pieces = { [Symbol.iterator]: () => this.pieces(value)[Symbol.iterator]() }; // lazily
    this.addText(pieces, () => value);
  }

  /**
   * Adds a value given as its `JSON.stringify` text in pieces (UTF-8 bytes or strings): written
   * as they are once values go to disk, `value()` called only while they stay in memory.
   */
  addText(pieces: Iterable<string | Uint8Array>, value: () => T): void {
    if (this.closed) throw new Error('JsonSpool: add after close');
    if (this.memory) {
      if (this.memory.length < this.keepInMemory) {
        this.memory.push(value());
        this.length++;
        return;
      }
      const kept = this.memory;
      this.memory = undefined;
      this.dir = mkdtempSync(path.join(this.parent, 'dcat-harvest-spool-'));
      this.fd = openSync(path.join(this.dir, 'values.jsonl'), 'w+', 0o600);
      this.length = 0;
      for (const v of kept) this.write(this.pieces(v));
    }
    this.write(pieces);
  }

  /** Replaces the value at a position (0-based) for every later read. */
  replace(index: number, value: T): void {
    const pieces = { [Symbol.iterator]: () => this.pieces(value)[Symbol.iterator]() }; // lazily
    this.replaceText(index, pieces, () => value);
  }

  /**
   * Replaces the value at a position with one given as its `JSON.stringify` text in pieces (see
   * {@link addText}): `value()` is called only while the values stay in memory.
   */
  replaceText(index: number, pieces: Iterable<string | Uint8Array>, value: () => T): void {
    if (this.closed) throw new Error('JsonSpool: replace after close');
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`JsonSpool: no value at ${index}`);
    }
    if (this.memory) {
      this.memory[index] = value();
      return;
    }
    if (this.replacedFd < 0)
      this.replacedFd = openSync(path.join(this.dir as string, 'replaced.jsonl'), 'w+', 0o600);
    // Piece by piece: a 60,000-finding record's text never exists whole here.
    const start = this.replacedWritten;
    const put = (piece: string | Uint8Array) => {
      const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      writeAll(this.replacedFd, bytes, this.replacedWritten);
      this.replacedWritten += bytes.length;
    };
    for (const piece of pieces) put(piece);
    this.replaced.set(index, [start, this.replacedWritten - start]);
    put('\n');
  }

  /** The bytes of a value's line (without its newline): its replacement's, or its own. */
  private lineBytes(index: number): Buffer {
    const replaced = this.replaced.get(index);
    if (replaced !== undefined) return readAt(this.replacedFd, replaced[0], replaced[1]);
    const start = this.offsets[index] as number;
    const end = index + 1 < this.length ? (this.offsets[index + 1] as number) : this.written;
    return readAt(this.fd, start, end - start - 1);
  }

  /** The value at a position (0-based): from memory, or read back from disk. */
  get(index: number): T {
    if (this.closed) throw new Error('JsonSpool: get after close');
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`JsonSpool: no value at ${index}`);
    }
    if (this.memory) return this.memory[index] as T;
    this.flush();
    return JSON.parse(this.lineBytes(index).toString('utf8')) as T;
  }

  private write(pieces: Iterable<string | Uint8Array>): void {
    if (this.length >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.length] = this.written + this.pendingBytes;
    this.length++;
    for (const piece of pieces) this.buffer(piece);
    this.buffer('\n');
  }

  private buffer(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      this.pendingBytes += Buffer.byteLength(piece, 'utf8');
      this.pendingSize += piece.length;
    } else {
      this.pendingBytes += piece.byteLength;
      this.pendingSize += piece.byteLength;
    }
    this.pending.push(piece);
    if (this.pendingSize >= FLUSH) this.flush();
  }

  private flush(): void {
    if (this.pendingSize === 0) return;
    const data = Buffer.concat(
      this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)),
    );
    writeAll(this.fd, data, this.written);
    this.written += data.length;
    this.pending = [];
    this.pendingSize = 0;
    this.pendingBytes = 0;
  }

  /** Reads the values back in the order they were added (values added meanwhile are not seen). */
  *[Symbol.iterator](): Iterator<T> {
    if (this.memory) {
      yield* this.memory.slice();
      return;
    }
    for (const line of this.lines()) yield JSON.parse(line) as T;
  }

  /** The values' JSON texts (`JSON.stringify`), in order, read without parsing them. */
  *texts(): Generator<string> {
    if (this.memory) {
      for (const value of this.memory.slice()) yield JSON.stringify(value);
      return;
    }
    yield* this.lines();
  }

  /**
   * The values' JSON texts as UTF-8 bytes, in order, each read at its known offset and length: a
   * 60 MB line costs its 60 MB once, never a string of it (twice that) nor a growing buffer.
   */
  *buffers(): Generator<Buffer> {
    if (this.memory) {
      for (const value of this.memory.slice()) yield Buffer.from(JSON.stringify(value), 'utf8');
      return;
    }
    this.flush();
    for (let index = 0, count = this.length; index < count; index++) yield this.lineBytes(index);
  }

  /** Each value on disk as its line of text, or its replacement's. */
  private *lines(): Generator<string> {
    this.flush();
    let index = 0;
    for (const line of fileLines(this.fd, this.written)) {
      const replaced = this.replaced.get(index++);
      yield replaced === undefined
        ? line
        : readAt(this.replacedFd, replaced[0], replaced[1]).toString('utf8');
    }
  }

  /** Deletes the file; the spool cannot be read after. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.memory = undefined;
    if (this.dir === undefined) return;
    closeSync(this.fd);
    if (this.replacedFd >= 0) closeSync(this.replacedFd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The lines of the first `end` bytes of an open file (no newline), read in 1 MB blocks, each as
 * `[buffer, start, end]`: the buffer is reused, so a line's bytes are valid until the next one.
 */
export function* fileLineBytes(fd: number, end: number): Generator<[Buffer, number, number]> {
  let buffer = Buffer.alloc(READ);
  let filled = 0; // bytes of `buffer` holding unread data
  let position = 0;
  const line: [Buffer, number, number] = [buffer, 0, 0];
  while (position < end || filled > 0) {
    if (position < end) {
      if (filled === buffer.length) {
        const grown = Buffer.alloc(buffer.length * 2); // a line longer than the buffer
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const n = readSync(
        fd,
        buffer,
        filled,
        Math.min(buffer.length - filled, end - position),
        position,
      );
      if (n === 0) break;
      position += n;
      filled += n;
    }
    line[0] = buffer;
    let start = 0;
    for (
      let nl = buffer.indexOf(10, start);
      nl >= 0 && nl < filled;
      nl = buffer.indexOf(10, start)
    ) {
      line[1] = start;
      line[2] = nl;
      yield line;
      start = nl + 1;
    }
    if (start === 0 && position >= end) {
      if (filled > 0) {
        line[1] = 0; // a last line without newline
        line[2] = filled;
        yield line;
      }
      break;
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
  }
}

/** The lines of the first `end` bytes of an open file (no newline), as text. */
function* fileLines(fd: number, end: number): Generator<string> {
  for (const [buffer, start, stop] of fileLineBytes(fd, end))
    yield buffer.toString('utf8', start, stop);
}

/**
 * The values of a JSON Lines file, parsed one line at a time (blank lines skipped): readable
 * with a plain `for…of`, as often as needed, in memory bounded by the longest line.
 */
export function readJsonLines<T>(file: string): Iterable<T> {
  return {
    *[Symbol.iterator]() {
      const fd = openSync(file, 'r');
      try {
        const end = fstatSync(fd).size;
        for (const line of fileLines(fd, end)) if (line.trim() !== '') yield JSON.parse(line) as T;
      } finally {
        closeSync(fd);
      }
    },
  };
}
