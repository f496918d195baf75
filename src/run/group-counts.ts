// **group-counts** keeps, for each result of a run, its finding counts per summary group: what the
// summary and the dataset rows need once the findings themselves are on disk.
import type { Severity } from '../shacl/findings.js';
import type { Tally } from '../shacl/summary.js';

/**
 * Per-record group counts, compact: group ids interned, `[id, count, id, count…]` per result, all
 * results' in one typed array (a revised result's counts go anew at its end). A typed array per
 * result took ≈ 17 MB of the main thread at page 640 of data.gouv.fr's size (bench/README.md).
 */
export class GroupCounts {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  private pairs = new Uint32Array(1 << 16);
  private used = 0;
  /** Per position, where its pairs start in `pairs` and how many words they take. */
  private where = new Uint32Array(1 << 13);
  private positions = 0;

  set(position: number, tally: Tally): void {
    const counts = new Map<number, number>();
    tally.each((key) => {
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.keys.length;
        this.ids.set(key, id);
        this.keys.push(key);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    });
    this.where = room(this.where, 2 * position + 2, this.where.length);
    this.pairs = room(this.pairs, this.used + counts.size * 2, this.used);
    let at = this.used;
    this.where[2 * position] = at;
    this.where[2 * position + 1] = counts.size * 2;
    for (const [id, count] of counts) {
      this.pairs[at++] = id;
      this.pairs[at++] = count;
    }
    this.used = at;
    this.positions = Math.max(this.positions, position + 1);
  }

  /** The `[id, count…]` pairs of `position` (empty when it counted nothing). */
  private flat(position: number): Uint32Array {
    if (position >= this.positions) return new Uint32Array(0);
    const from = this.where[2 * position] as number;
    return this.pairs.subarray(from, from + (this.where[2 * position + 1] as number));
  }

  /**
   * What the result at `position` counted, as a tally (conformance, each finding's group key and
   * severity; no finding itself): what a summary needs to take a result back without reading it.
   */
  tally(position: number): Tally {
    const flat = this.flat(position);
    const keys = this.keys;
    const severityOf = (at: number) =>
      (keys[flat[at] as number] as string).split('\u0000', 1)[0] as Severity;
    let conforms = true;
    for (let at = 0; at < flat.length; at += 2)
      if ((flat[at + 1] as number) > 0 && severityOf(at) === 'violation') conforms = false;
    return {
      conforms,
      each(each) {
        for (let at = 0; at < flat.length; at += 2) {
          const key = keys[flat[at] as number] as string;
          const severity = severityOf(at);
          for (let n = flat[at + 1] as number; n > 0; n--)
            each(key, severity, () => {
              throw new Error('a counted tally holds no finding');
            });
        }
      },
    };
  }

  /** The positions whose results hold findings of the group `key`. */
  positionsOf(key: string): number[] {
    const id = this.ids.get(key);
    const out: number[] = [];
    if (id === undefined) return out;
    for (let position = 0; position < this.positions; position++) {
      const flat = this.flat(position);
      for (let at = 0; at < flat.length; at += 2)
        if (flat[at] === id && (flat[at + 1] as number) > 0) out.push(position);
    }
    return out;
  }

  /** Each record's counts per group key, from the record id of each position. */
  byRecord(ids: readonly string[]): (record: string) => Map<string, number> {
    const positions = new Map<string, number[]>();
    ids.forEach((id, at) => {
      const list = positions.get(id);
      if (list) list.push(at);
      else positions.set(id, [at]);
    });
    return (record) => {
      const out = new Map<string, number>();
      for (const at of positions.get(record) ?? []) this.add(out, at);
      return out;
    };
  }

  add(into: Map<string, number>, position: number): void {
    const flat = this.flat(position);
    for (let at = 0; at < flat.length; at += 2) {
      const key = this.keys[flat[at] as number] as string;
      into.set(key, (into.get(key) ?? 0) + (flat[at + 1] as number));
    }
  }
}

/** `array`, or a copy twice as long (as often as needed) holding its first `keep` words. */
function room<T extends Uint32Array>(array: T, length: number, keep: number): T {
  if (length <= array.length) return array;
  let size = array.length;
  while (size < length) size *= 2;
  const grown = new Uint32Array(size);
  grown.set(array.subarray(0, keep));
  return grown as T;
}
